"""The backend's matches for a query, kept a minute in the cache.

A popular word ("accueil": 7,000 activities) costs the database most of a search; agents ask
for the same words again and again. Every save or delete of an indexed object starts a new
generation, so a cached match list never outlives an index change (within the minute on other
processes with the local-memory cache; at once with Redis). What a person may see is never
cached: each search applies visibility to the matches.
"""

import hashlib

from django.core.cache import cache

SECONDS = 60
GENERATION_KEY = "search:matches:generation"


def key(*parts):
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"search:matches:{generation}:{digest}"


def new_generation(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any value is a new generation
        cache.set(GENERATION_KEY, 1, None)
