"""Bulk work without one index update per save: the index is brought up to date once, at the
end. Loading the demo content saves each of its ~500 objects several times; indexing each save
took a quarter of the load."""

import io
from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler

from search import matches_cache

_paused = []


def paused():
    """True inside :func:`indexed_at_the_end` (our own handlers check it too)."""
    return bool(_paused)


@contextmanager
def indexed_at_the_end():
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
    call_command("update_index", stdout=io.StringIO())
    matches_cache.new_generation()
