"""The facets beside the results: each option with the number of results it would keep."""

from collections import Counter
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
    """The facets worth showing: options with results, plus every chosen one (to undo it).
    Each facet counts what the query and the *other* facets keep, so within a facet the
    options add up and a second one can be ticked."""
    if not outcome.searched_words:
        return []

    def searches(**cleared):
        return engine.searches_without(selection, user, outcome, **cleared)

    sessions_soon = when_counts(searches(when=""))
    facets = [
        Facet("type", _("Type of content"), _type_options(selection, searches(types=()))),
        Facet("theme", _("Theme"), _theme_options(selection, searches(themes=()))),
        _choices_facet(
            "modality",
            _("Modality"),
            Modality,
            field_counts(searches(modality=()), "modality", "modality"),
            selection.modality,
        ),
        _choices_facet(
            "level",
            _("Level"),
            Level,
            field_counts(searches(level=()), "level", "level"),
            selection.level,
        ),
        Facet("series", _("Series"), _series_options(selection, searches(series=()))),
        Facet(
            "when",
            _("Upcoming sessions"),
            [
                Option(value, label, sessions_soon[value], selection.when == value)
                for value, label in WHEN_CHOICES.items()
            ],
            single=True,
        ),
    ]
    for facet in facets:
        facet.options = [option for option in facet.options if option.count or option.selected]
    return [facet for facet in facets if facet.options]


def _type_options(selection, searches):
    counts = {search.kind.key: search.count for search in searches}
    return [
        Option(kind.key, kind.label, counts.get(kind.key, 0), kind.key in selection.types)
        for kind in KINDS
    ]


def _theme_options(selection, searches):
    totals = Counter()
    for search in searches:
        if search.count and "theme" in search.kind.facets:
            totals.update(search.kind.theme_counts(search.pks))
    totals.update(dict.fromkeys(selection.themes, 0))  # a chosen theme stays, to undo it
    themes = Theme.objects.in_bulk(list(totals))
    ranked = sorted(
        ((themes[pk], n) for pk, n in totals.items() if pk in themes),
        key=lambda pair: (-pair[1], pair[0].name),
    )
    return [Option(theme.pk, theme.name, n, theme.pk in selection.themes) for theme, n in ranked]


def _series_options(selection, searches):
    counts = field_counts(searches, "series", "series_id")
    counts.update(dict.fromkeys(selection.series, 0))
    names = Series.objects.in_bulk([pk for pk in counts if pk])
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    return [
        Option(pk, names[pk].name, n, pk in selection.series) for pk, n in ranked if pk in names
    ]


def _choices_facet(name, label, choices, counts, chosen):
    return Facet(
        name,
        label,
        [
            Option(value, text, counts.get(value, 0), value in chosen)
            for value, text in choices.choices
        ],
    )


def field_counts(searches, facet, field_name):
    """Counter {value: rows} of one field over the rows of the kinds that have ``facet``."""
    totals = Counter()
    for search in searches:
        if search.count and facet in search.kind.facets:
            value_of = search.kind.facet_value
            totals.update(value_of(row, field_name) for row in search.rows.values())
    return totals


def when_counts(searches):
    """{"week": n, "month": n}: workshops and events with a session in that window."""
    totals = dict.fromkeys(WHEN_CHOICES, 0)
    for search in searches:
        if search.count and "when" in search.kind.facets:
            for when in WHEN_CHOICES:
                totals[when] += len(search.kind.with_session_in(when, search.pks))
    return totals
