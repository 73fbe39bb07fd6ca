"""The facets beside the results: each option with the number of results it would keep."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from events.models import Series
from resources.models import Level, Modality, Theme
from search import engine
from search.kinds import KINDS, WHEN_CHOICES


@dataclass
class Option:
    value: object
    label: str
    count: int
    selected: bool

    def as_json(self):
        return {
            "value": self.value,
            "label": str(self.label),
            "count": self.count,
            "selected": self.selected,
        }


@dataclass
class Facet:
    name: str  # the URL parameter
    label: str
    options: list
    single: bool = False  # a radio choice rather than check boxes

    def as_json(self):
        return {
            "name": self.name,
            "label": str(self.label),
            "options": [option.as_json() for option in self.options],
        }


def facets_for(selection, user, outcome):
    """The facets worth showing: options with results, plus every chosen one (to undo it)."""
    if not outcome.searched_words:
        return []
    types = engine.type_counts(selection, user, outcome)
    series_counts = engine.field_counts(outcome, "series", "series_id")
    for pk in selection.series:  # a chosen series stays offered, to undo it
        series_counts.setdefault(pk, 0)
    series_names = Series.objects.in_bulk([pk for pk in series_counts if pk])
    facets = [
        Facet(
            "type",
            _("Type of content"),
            [
                Option(kind.key, kind.label, types.get(kind.key, 0), kind.key in selection.types)
                for kind in KINDS
            ],
        ),
        Facet("theme", _("Theme"), _theme_options(selection, outcome)),
        _choices_facet(
            "modality",
            _("Modality"),
            Modality,
            engine.field_counts(outcome, "modality", "modality"),
            selection.modality,
        ),
        _choices_facet(
            "level",
            _("Level"),
            Level,
            engine.field_counts(outcome, "level", "level"),
            selection.level,
        ),
        Facet(
            "series",
            _("Series"),
            [
                Option(pk, series_names[pk].name, n, pk in selection.series)
                for pk, n in sorted(series_counts.items(), key=lambda item: -item[1])
                if pk in series_names
            ],
        ),
        Facet(
            "when",
            _("Upcoming sessions"),
            [
                Option(value, label, n, selection.when == value)
                for value, (label, n) in _with_counts(WHEN_CHOICES, engine.when_counts(outcome))
            ],
            single=True,
        ),
    ]
    for facet in facets:
        facet.options = [option for option in facet.options if option.count or option.selected]
    return [facet for facet in facets if facet.options]


def _theme_options(selection, outcome):
    counted = engine.theme_counts(outcome)
    options = [
        Option(theme.pk, theme.name, n, theme.pk in selection.themes) for theme, n in counted
    ]
    missing = set(selection.themes) - {theme.pk for theme, _n in counted}
    for theme in Theme.objects.filter(pk__in=missing).order_by("name"):
        options.append(Option(theme.pk, theme.name, 0, True))
    return options


def _choices_facet(name, label, choices, counts, chosen):
    return Facet(
        name,
        label,
        [
            Option(value, text, counts.get(value, 0), value in chosen)
            for value, text in choices.choices
        ],
    )


def _with_counts(labels, counts):
    return [(value, (label, counts.get(value, 0))) for value, label in labels.items()]
