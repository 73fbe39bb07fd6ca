"""Demo content is contributed by each app: its ``demo.py`` registers a loader here.

``load_demo`` imports every installed app's ``demo`` module (in INSTALLED_APPS order, so
``community`` runs first and later apps can rely on its users and pages) and runs the loaders.
Loaders must be idempotent: they look an object up by a natural key before creating it, and
report what they created and what was already there.
"""

from collections import Counter
from dataclasses import dataclass, field

_loaders = []


def register(loader):
    """Decorator: ``@register`` on a function taking a :class:`DemoReport`."""
    _loaders.append(loader)
    return loader


def registered_loaders():
    return list(_loaders)


@dataclass
class DemoReport:
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)

    def add(self, kind, was_created):
        (self.created if was_created else self.existing)[kind] += 1

    @property
    def changed_anything(self):
        return bool(self.created)
