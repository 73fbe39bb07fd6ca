"""The demo content is indexed once, after every app loaded its part."""

from community.demo_registry import register_wrapper
from search.indexing import indexed_at_the_end

register_wrapper(indexed_at_the_end)
