"""The facts badge rules are made of, handed over by the apps that hold them.

``community`` imports none of our other apps: the library and the events register each of
their facts here from their ``AppConfig.ready()``. A fact measures many people at once in a
fixed number of queries (aggregates, never a query per person), so that evaluating every badge
for everyone costs the same as for one person.
"""

from dataclasses import dataclass
from decimal import Decimal


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


_facts = {}


def register(key, label, *, average=False):
    """Decorator on ``measure(user_ids)``: ``user_ids`` is a list of user ids, or None for
    everyone; it returns ``{user_id: Measure}`` for the people it found something for (a
    missing person counts as 0). Registering a key again replaces it (modules may be
    imported twice in tests)."""

    def add(measure):
        _facts[key] = Fact(key, label, measure, average)
        return measure

    return add


def get(key):
    return _facts.get(key)


def registered():
    return dict(_facts)


def choices():
    """For the badge form: every fact, by its label."""
    return sorted(((fact.key, fact.label) for fact in _facts.values()), key=lambda c: str(c[1]))


def as_decimal(number, places=2):
    """Values are compared with ``Badge.threshold`` (a decimal with two places)."""
    return Decimal(str(round(number, places)))


def measure(key, user_ids=None):
    """``{user_id: Measure}`` of the fact ``key`` (empty for an unknown key)."""
    fact = get(key)
    if fact is None:
        return {}
    return fact.measure(list(user_ids) if user_ids is not None else None)
