"""The facts badge rules are made of, handed over by the apps that hold them.

``community`` imports none of our other apps: the library and the events register each of
their facts here from their ``AppConfig.ready()``. A fact measures many people at once in a
fixed number of queries (aggregates, never a query per person), so that evaluating every badge
for everyone costs the same as for one person.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import lazy


@dataclass(frozen=True)
class Measure:
    """One person's value of a fact. ``sample`` is how many sessions an average covers;
    ``evidence_page_id`` a page that shows what was done (resolved to a URL only on award)."""

    value: Decimal
    sample: int | None = None
    evidence_page_id: int | None = None


@dataclass(frozen=True)
class Fact:
    key: str
    label: object  # a lazy translation: shown in the badge form
    measure: object  # (user_ids or None) -> {user_id: Measure}
    is_average: bool = False


@dataclass(frozen=True)
class Family:
    """Facts about one page each (``<prefix><page id>``), e.g. “completed this path”: the
    pages they exist for change with the content, so they are listed when asked for."""

    prefix: str
    listing: object  # () -> [(page id, label)], for the badge form
    label: object  # (page id) -> label, read only when shown
    measure: object  # (page id, user_ids or None) -> {user_id: Measure}


_facts = {}
_families = {}
# What facts computed in common during one evaluation (see :func:`shared`).
_shared = ContextVar("atelier_badge_facts_shared", default=None)


def register(key, label, *, average=False):
    """Decorator on ``measure(user_ids)``: ``user_ids`` is a list of user ids, or None for
    everyone; it returns ``{user_id: Measure}`` for the people it found something for (a
    missing person counts as 0). Registering a key again replaces it (modules may be
    imported twice in tests)."""

    def add(measure):
        _facts[key] = Fact(key, label, measure, average)
        return measure

    return add


def register_family(prefix, *, listing, label):
    """Decorator on ``measure(page_id, user_ids)``: one fact per page that ``listing()`` gives,
    keyed ``<prefix><page id>``. ``label(page_id)`` is called only when the label is shown."""

    def add(measure):
        _families[prefix] = Family(prefix, listing, label, measure)
        return measure

    return add


def _family_fact(key):
    """The fact of a family that ``key`` names, built without a query (rules ask for it once
    per badge and person): its label is read lazily, its page only when measured."""
    for prefix, family in _families.items():
        if not key.startswith(prefix):
            continue
        try:
            page_id = int(key[len(prefix) :])
        except ValueError:
            return None

        def measure(user_ids, family=family, page_id=page_id):
            return family.measure(page_id, user_ids)

        return Fact(key, lazy(family.label, str)(page_id), measure)
    return None


def get(key):
    return _facts.get(key) or _family_fact(key or "")


def registered():
    """The fixed facts (a family's facts depend on the content: see :func:`choices`)."""
    return dict(_facts)


def choices():
    """For the badge form: every fact, by its label, those of the families included (one
    query per family)."""
    found = [(fact.key, fact.label) for fact in _facts.values()]
    for prefix, family in _families.items():
        found.extend((f"{prefix}{page_id}", label) for page_id, label in family.listing())
    return sorted(found, key=lambda c: str(c[1]))


def as_decimal(number):
    """Values are compared with ``Badge.threshold`` (a decimal with two places)."""
    return Decimal(str(round(number, 2)))


@contextmanager
def one_evaluation():
    """Within it, facts built on the same data compute it once (see :func:`shared`); outside,
    nothing is kept, so no later evaluation reads stale data."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def shared(compute, user_ids):
    """``compute(user_ids)``, computed once per :func:`one_evaluation` for the same people:
    for what several facts start from (e.g. the sessions one facilitated). Read only."""
    cache = _shared.get()
    if cache is None:
        return compute(user_ids)
    key = (compute, None if user_ids is None else tuple(user_ids))
    if key not in cache:
        cache[key] = compute(user_ids)
    return cache[key]


def measure(key, user_ids=None):
    """``{user_id: Measure}`` of the fact ``key`` (empty for an unknown key)."""
    fact = get(key)
    if fact is None:
        return {}
    return fact.measure(list(user_ids) if user_ids is not None else None)
