"""Bulk work without one index update per save: the index is brought up to date once, at the
end. Loading the demo content saves each of its ~500 objects several times; indexing each save
took a quarter of the load. A bulk job that knows what it wrote (the catalogue import) has just
those objects indexed, in chunks: rebuilding a 20,000-page index for 300 new rows would take
minutes on PostgreSQL."""

import io
from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler

from search import matches_cache

_paused = []


def paused():
    """True inside :func:`indexed_at_the_end` (our own handlers check it too)."""
    return bool(_paused)


CHUNK = 1000


@contextmanager
def indexed_at_the_end(written=None):
    """Index once at the end: everything, or only what ``written()`` returns (model instances,
    read after the block, so after its transaction has committed)."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    _paused.append(True)
    try:
        yield
    finally:
        _paused.pop()
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    if written is None:
        call_command("update_index", stdout=io.StringIO())
    else:
        index_objects(written())
    matches_cache.new_generation()


def index_objects(objects):
    """Add or refresh these objects in every search backend, read again per model through
    ``get_indexed_objects()`` (its prefetching of related fields), a thousand at a time."""
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    for model, pks in by_model.items():
        for start in range(0, len(pks), CHUNK):
            chunk = list(model.get_indexed_objects().filter(pk__in=pks[start : start + CHUNK]))
            for backend in get_search_backends():
                backend.add_bulk(model, chunk)
