"""Cache what pages read far more often than anyone writes it: fragments, counters, facets.

Nothing is ever deleted by hand. Each content area has a *generation* (a number kept in the
shared ``generations`` cache); every key built with :func:`key_for` contains the generations
it depends on, so :func:`bump` makes all of them unreachable at once, on every worker. Pages
bump ``pages`` on any publication, change, move, removal or privacy change; each app names the
models whose rows its pages count with :func:`invalidate_on` (registrations, ratings…).

Only what is the same for everyone may be cached: never a fragment that shows the visitor's
own data (their registration, an online link, a form with its CSRF token).
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

PAGES = "pages"
GENERATIONS_ALIAS = "generations"
# Fragments showing what happens next (upcoming sessions, registration deadlines) also depend
# on the clock: they never live longer than this, whatever the setting.
CLOCK_BOUND_AREAS = {"events": 60}


def _generations():
    """The shared store of generations; the default cache when none is configured (tests)."""
    alias = GENERATIONS_ALIAS if GENERATIONS_ALIAS in settings.CACHES else "default"
    return caches[alias]


def _key(area):
    return f"generation:{area}"


def generation(*areas):
    """The current generation of ``areas``, as one string. An area seen for the first time
    (or evicted) starts at the current time, never at a number an old key may still hold."""
    store = _generations()
    found = store.get_many([_key(area) for area in areas])
    values = []
    for area in areas:
        value = found.get(_key(area))
        if value is None:
            store.add(_key(area), time.time_ns(), timeout=None)
            value = store.get(_key(area))
        values.append(str(value))
    return "-".join(values)


def _bump_now(areas):
    _generations().set_many({_key(area): time.time_ns() for area in areas}, timeout=None)


# Inside deferred_bumps(): the set of areas to bump once at the end, rather than at each save.
_deferred = ContextVar("atelier_cache_deferred_bumps", default=None)


@contextmanager
def deferred_bumps():
    """Bulk work (the demo loader: thousands of saves) bumps each area once, at the end."""
    pending = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
        if pending:
            bump(*sorted(pending))


def bump(*areas):
    """Make every cached value of ``areas`` stale: now, and inside a transaction again once it
    commits, so that nobody caches the old rows under the new generation in between."""
    pending = _deferred.get()
    if pending is not None:
        pending.update(areas)
        return
    _bump_now(areas)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump_now(areas))


def timeout(*areas):
    """How long a value of ``areas`` may live (seconds); 0 when caching is off."""
    seconds = getattr(settings, "ATELIER_CACHE_TIMEOUT", 600)
    bounds = [CLOCK_BOUND_AREAS[area] for area in areas if area in CLOCK_BOUND_AREAS]
    return min([seconds, *bounds])


def key_for(areas, *parts):
    """A cache key that changes with the generation of ``areas`` and the active language."""
    areas = (areas,) if isinstance(areas, str) else tuple(areas)
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"atelier:{'+'.join(areas)}:{generation(*areas)}:{get_language()}:{digest}"


def get_or_set(areas, parts, compute):
    """``compute()``, cached under :func:`key_for` ``(areas, *parts)``."""
    areas = (areas,) if isinstance(areas, str) else tuple(areas)
    seconds = timeout(*areas)
    if not seconds:
        return compute()
    return caches["default"].get_or_set(key_for(areas, *parts), compute, seconds)


def listing_key(form, request, page_param="page"):
    """What a filtered listing shows depends on: its query string (the filters, which its
    form and pagination links repeat, and the page number). None, so not cached, when the
    form refused a value (the page then shows the visitor's input back) or when the query
    string holds anything else: the keys stay as few as the real combinations."""
    if form.errors or not set(request.GET) <= {*form.fields, page_param}:
        return None
    return repr(sorted(request.GET.lists()))


# Every area named so far: PAGES, the clock-bound ones, those of invalidate_on.
_known_areas = {PAGES, *CLOCK_BOUND_AREAS}


def known_areas():
    """Every area named so far, sorted: what a whole page may show (community/page_cache.py)."""
    return tuple(sorted(_known_areas))


def bump_all():
    """Make every cached value stale: after bulk writes that send no signal (demo content)."""
    bump(*known_areas())


def invalidate_on(area, *models):
    """Bump ``area`` whenever a row of one of ``models`` is saved or deleted."""
    _known_areas.add(area)

    def receiver(sender, **kwargs):
        if not kwargs.get("raw"):
            bump(area)

    for model in models:
        uid = f"atelier_cache_{area}_{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}_save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}_delete")


def _page_changed(sender, instance=None, raw=False, **kwargs):
    if not raw and isinstance(instance, Page):
        bump(PAGES)


def _pages_changed(sender, **kwargs):
    bump(PAGES)


def connect_page_signals():
    """Any page saved (publication saves the page), unpublished, moved or removed, and any
    change of privacy, bumps ``pages``: every listing and menu shows pages."""
    post_save.connect(_page_changed, dispatch_uid="atelier_cache_page_saved")
    post_delete.connect(_page_changed, dispatch_uid="atelier_cache_page_deleted")
    page_published.connect(_pages_changed, dispatch_uid="atelier_cache_page_published")
    page_unpublished.connect(_pages_changed, dispatch_uid="atelier_cache_page_unpublished")
    post_page_move.connect(_pages_changed, dispatch_uid="atelier_cache_page_moved")
    invalidate_on(PAGES, PageViewRestriction)
