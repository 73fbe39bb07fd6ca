"""The words the site knows, to propose "Vouliez-vous dire … ?" when a query has a typo.

Built from what people search for by name: titles of visible pages, themes, series and the
tags of visible activities. Kept in the cache and dropped when any of them changes (see
search.signals): a word of a restricted or withdrawn page is never proposed.
"""

from difflib import get_close_matches

from django.core.cache import cache
from wagtail.models import Page

from community.models.querysets import VisiblePageQuerySet
from events.models import Series
from resources.models import ActivityPage, Theme
from resources.models.activities import ActivityTag
from search.french import STOP_WORDS, stem, words

CACHE_KEY = "search:vocabulary"
CACHE_SECONDS = 60 * 60
MIN_LENGTH = 3
SIMILARITY = 0.75


def vocabulary():
    """The folded words the site knows by length, and their stems; from the cache if it can."""
    known = cache.get(CACHE_KEY)
    if known is None:
        known = _build()
        cache.set(CACHE_KEY, known, CACHE_SECONDS)
    return known


def forget():
    cache.delete(CACHE_KEY)


def _build():
    texts = list(VisiblePageQuerySet(Page).visible().values_list("title", flat=True))
    texts += list(Theme.objects.values_list("name", flat=True))
    texts += list(Series.objects.values_list("name", flat=True))
    # Tags of visible activities only: the same table holds profile skills and draft tags.
    visible_activities = VisiblePageQuerySet(ActivityPage).visible()
    texts += list(
        ActivityTag.objects.filter(content_object__in=visible_activities)
        .values_list("tag__name", flat=True)
        .distinct()
    )
    found = {
        word
        for text in texts
        for word in words(text)
        if len(word) >= MIN_LENGTH and word not in STOP_WORDS and not word.isdigit()
    }
    by_length = {}
    for word in sorted(found):
        by_length.setdefault(len(word), []).append(word)
    return {"by_length": by_length, "stems": {stem(word) for word in found}}


def correct(query_words):
    """The query with each unknown word replaced by the closest known one, or None when every
    word is known (as itself or by its stem) or nothing close exists."""
    known = vocabulary()
    stems, by_length = known["stems"], known["by_length"]
    corrected, changed = [], False
    for word in query_words:
        if len(word) < MIN_LENGTH or word.isdigit() or stem(word) in stems:
            corrected.append(word)
            continue
        nearby = [w for n in range(len(word) - 2, len(word) + 3) for w in by_length.get(n, ())]
        close = get_close_matches(word, nearby, n=1, cutoff=SIMILARITY)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(word)
    return corrected if changed else None
