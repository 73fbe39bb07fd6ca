"""Demo content is contributed by each app: its ``demo.py`` registers a loader here.

``load_demo`` imports every installed app's ``demo`` module (in INSTALLED_APPS order, so
``community`` runs first and later apps can rely on its users and pages) and runs the loaders.
Loaders must be idempotent: they look an object up by a natural key before creating it, and
report what they created and what was already there.
"""

from collections import Counter
from dataclasses import dataclass, field

_loaders = []
_late_loaders = []
_wrappers = []


def register(loader=None, *, late=False):
    """Decorator: ``@register`` on a function taking a :class:`DemoReport`.

    ``@register(late=True)`` runs the loader after every app's own, for what follows from the
    facts the others create (badges earned, needs answered by workshops).
    """

    def add(function):
        (_late_loaders if late else _loaders).append(function)
        return function

    return add(loader) if loader is not None else add


def registered_loaders():
    return [*_loaders, *_late_loaders]


def register_wrapper(context_manager):
    """A context manager (a function returning one) that every load runs inside, for bulk
    work an app does once rather than per object (the search indexes at the end)."""
    _wrappers.append(context_manager)


def registered_wrappers():
    return list(_wrappers)


@dataclass
class DemoReport:
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)

    def add(self, kind, was_created):
        (self.created if was_created else self.existing)[kind] += 1

    @property
    def changed_anything(self):
        return bool(self.created)
