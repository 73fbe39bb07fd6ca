"""How a trainer looks for an activity: the library's filters and the method finder.

Both forms are read from the query string (GET), so a search can be bookmarked, shared and used
without JavaScript. A value that does not validate is reported next to its field, in French, and
left out of ``cleaned_data``: the search then runs as if that criterion were absent.
"""

import unicodedata

from django import forms
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from resources.models.activities import (
    MAX_DURATION_MINUTES,
    MAX_GROUP_SIZE,
    ActivityPage,
    ActivityTag,
    Kind,
    Level,
    Modality,
    group_size_fits,
    newest_first,
)
from resources.models.themes import Theme

INVALID_CHOICE = _("This choice is not offered: the filter is ignored.")
INVALID_CRITERION = _("This choice is not offered: the criterion is ignored.")

# (value in the URL, label, lower bound excluded, upper bound included, None for no bound).
# An activity belongs to every band its [duration_min, duration_max] range overlaps: a 15–30 min
# activity is shown under "15 min or less" (it can be run in 15 min) and under "15 to 30 min".
DURATION_BANDS = [
    ("0-15", _("15 min or less"), 0, 15),
    ("15-30", _("15 to 30 min"), 15, 30),
    ("30-60", _("30 min to 1 h"), 30, 60),
    ("60-120", _("1 to 2 h"), 60, 120),
    ("120-plus", _("More than 2 h"), 120, None),
]


def _overlaps(low, high):
    condition = Q(duration_max__gt=low)
    return condition if high is None else condition & Q(duration_min__lte=high)


# The facets whose options are fixed: each option is a condition on the activity's own row, so
# all their counts come out of a single aggregate query.
FIXED_FACETS = {
    "kind": [(kind.value, kind.label, Q(kind=kind.value)) for kind in Kind],
    "modality": [
        (modality.value, modality.label, Q(modality=modality.value)) for modality in Modality
    ],
    "level": [(level.value, level.label, Q(level=level.value)) for level in Level],
    "duration": [
        (value, label, _overlaps(low, high)) for value, label, low, high in DURATION_BANDS
    ],
}

NEWEST = newest_first()
SORTS = {
    "newest": (_("Newest"), NEWEST),
    "reused": (_("Most reused"), ["-reuse_count", *NEWEST]),
    "rated": (
        _("Best rated"),
        [F("rating_average").desc(nulls_last=True), "-rating_count", *NEWEST],
    ),
    "adapted": (_("Most adapted"), ["-adaptation_count", *NEWEST]),
}


def _sort_key(name):
    """Alphabetical order for French: “Éthique” between “Droit” and “Finances”."""
    return unicodedata.normalize("NFKD", name).casefold()


def _choice_field(label, empty_label, choices, invalid=INVALID_CHOICE):
    return forms.ChoiceField(
        label=label,
        choices=[("", empty_label), *choices],
        required=False,
        error_messages={"invalid_choice": invalid},
    )


def _group_size_field(label, help_text):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=1,
        max_value=MAX_GROUP_SIZE,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter a number of people in figures, for example 12."),
            "min_value": _("Enter a number of people of at least %(limit_value)s."),
            "max_value": _("Enter a number of people of at most %(limit_value)s."),
        },
    )


class CountedResults:
    """A queryset whose size is already known, so that the paginator does not COUNT it again."""

    def __init__(self, queryset, count):
        self.queryset = queryset
        self.ordered = queryset.ordered
        self._count = count

    def count(self):
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]


class LibraryFilterForm(forms.Form):
    """The library index's filters and sort order, with faceted counts on each option."""

    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("This theme does not exist: the filter is ignored.")},
    )
    kind = _choice_field(_("Kind"), _("All kinds"), Kind.choices)
    tag = forms.ModelChoiceField(
        label=_("Keyword"),
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All keywords"),
        error_messages={
            "invalid_choice": _("No activity has this keyword: the filter is ignored.")
        },
    )
    modality = _choice_field(_("Modality"), _("All modalities"), Modality.choices)
    level = _choice_field(_("Level"), _("All levels"), Level.choices)
    duration = _choice_field(
        _("Duration"), _("Any duration"), [(value, label) for value, label, *_ in DURATION_BANDS]
    )
    group_size = _group_size_field(
        _("Group size"), _("Number of participants: activities designed for that many people.")
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[(value, label) for value, (label, _ordering) in SORTS.items()],
        required=False,
        error_messages={"invalid_choice": _("This order is not offered: newest first.")},
    )

    fieldset_layout = [
        (_("Content"), ["theme", "kind", "tag"]),
        (_("Running conditions"), ["modality", "level", "duration", "group_size"]),
        (_("Order"), ["sort"]),
    ]

    def __init__(self, data, activities):
        super().__init__(data)
        self.activities = activities
        self.fields["tag"].queryset = Tag.objects.filter(
            resources_activitytag_items__content_object__in=activities
        ).distinct()
        self.is_valid()  # fills cleaned_data with the valid values only

    @property
    def fieldsets(self):
        return [
            (legend, [self[name] for name in names if self._is_shown(name)])
            for legend, names in self.fieldset_layout
        ]

    def _is_shown(self, name):
        """A vocabulary with nothing in it (no keyword used yet) is not offered."""
        if name not in ("theme", "tag") or name in self.errors:
            return True
        return len(self.fields[name].choices) > 1

    def conditions(self):
        """One condition per valid, non-empty filter, each on the activity's own row.

        Themes and keywords are matched through a subquery rather than a join, so that no
        activity is counted twice when the conditions are used in an aggregate.
        """
        data = self.cleaned_data
        conditions = {}
        if theme := data.get("theme"):
            conditions["theme"] = Q(
                pk__in=ActivityPage.themes.through.objects.filter(theme=theme).values(
                    "activitypage_id"
                )
            )
        if tag := data.get("tag"):
            conditions["tag"] = Q(
                pk__in=ActivityTag.objects.filter(tag=tag).values("content_object_id")
            )
        for name, options in FIXED_FACETS.items():
            if value := data.get(name):
                conditions[name] = next(q for option, _label, q in options if option == value)
        if size := data.get("group_size"):
            conditions["group_size"] = group_size_fits(size)
        return conditions

    @property
    def is_filtered(self):
        return bool(self.conditions())

    def _others(self, conditions, facet):
        return [condition for name, condition in conditions.items() if name != facet]

    def count_matches(self):
        """Label every option with the number of activities it would list given the OTHER
        active filters, and return the number of activities matching all of them.

        Two queries whatever the size of the library: one aggregate for the fixed facets and
        the total, one for the themes and keywords.
        """
        conditions = self.conditions()
        activities = self.activities

        def others(facet):
            return Q(*self._others(conditions, facet))

        aggregates = {"total": Count("pk", filter=Q(*conditions.values()) or None)}
        for facet, options in FIXED_FACETS.items():
            for index, (_value, _label, condition) in enumerate(options):
                aggregates[f"{facet}_{index}"] = Count("pk", filter=condition & others(facet))
        counts = activities.order_by().aggregate(**aggregates)
        for facet, options in FIXED_FACETS.items():
            self._label_options(
                facet,
                [
                    (value, label, counts[f"{facet}_{index}"])
                    for index, (value, label, _condition) in enumerate(options)
                ],
            )

        # Themes and keywords in one query: the UNION of a GROUP BY on each vocabulary.
        themes = (
            Theme.objects.order_by()
            .annotate(
                facet=Value("theme"),
                matches=Count(
                    "activitypage",
                    filter=Q(activitypage__in=activities.filter(others("theme")).values("pk")),
                ),
            )
            .values_list("facet", "slug", "name", "matches")
        )
        tags = (
            ActivityTag.objects.filter(content_object__in=activities.values("pk"))
            .order_by()
            .values("tag__slug", "tag__name")
            .annotate(
                facet=Value("tag"),
                matches=Count(
                    "content_object",
                    distinct=True,
                    filter=Q(content_object__in=activities.filter(others("tag")).values("pk")),
                ),
            )
            .values_list("facet", "tag__slug", "tag__name", "matches")
        )
        vocabularies = {"theme": [], "tag": []}
        for facet, slug, name, matches in themes.union(tags, all=True):
            vocabularies[facet].append((slug, name, matches))
        for facet, options in vocabularies.items():
            self._label_options(facet, sorted(options, key=lambda option: _sort_key(option[1])))
        return counts["total"]

    def _label_options(self, name, options):
        field = self.fields[name]
        empty_label = field.empty_label if hasattr(field, "empty_label") else field.choices[0][1]
        field.choices = [
            ("", empty_label),
            *((value, f"{capfirst(label)} ({count})") for value, label, count in options),
        ]

    def results(self):
        """The matching activities in the chosen order, with their engagement counters."""
        sort = self.cleaned_data.get("sort") or "newest"
        return (
            self.activities.filter(*self.conditions().values())
            .with_engagement()
            .order_by(*SORTS[sort][1])
        )

    def page_of_results(self):
        """The results, with their size taken from the facet query (no second COUNT)."""
        return CountedResults(self.results(), self.count_matches())


# What a trainer wants the group to do, for each kind of activity.
OBJECTIVES = {
    Kind.ICE_BREAKER: _("Get to know each other, break the ice"),
    Kind.FACILITATION_METHOD: _("Get the group to discuss and decide"),
    Kind.ANALYSIS_TOOL: _("Analyse a situation or a project"),
    Kind.SERIOUS_GAME: _("Learn through play"),
    Kind.ASSESSMENT: _("Check what has been learnt"),
    Kind.E_LEARNING: _("Learn online, at one's own pace"),
    Kind.CASE_STUDY: _("Work on a real case"),
    Kind.ROLE_PLAY: _("Practise a situation"),
}

# Under this much spare time, an activity counts as filling the time available.
SPARE_TIME_STEP = 15
SUGGESTIONS_SHOWN = 10
RELAXED_SUGGESTIONS_SHOWN = 3


class Suggestion:
    """An activity the method finder suggests, with the reasons it fits."""

    def __init__(self, activity, reasons):
        self.activity = activity
        self.reasons = reasons

    @property
    def why(self):
        return " · ".join(str(reason) for reason in self.reasons)


class MethodFinderForm(forms.Form):
    """“I have 45 minutes, 12 people, remotely, to get to know each other”: which activities?

    Hard constraints: the objective (kind), the time available (the activity's shortest version
    must fit), the group size (within the activity's range) and the modality, when given. The
    activities that fit are ranked by how well they fill the time, then by level match, rating
    and reuses.
    """

    kind = _choice_field(
        _("Objective"),
        _("Any objective"),
        [
            (
                kind.value,
                format_lazy("{} ({})", OBJECTIVES.get(kind, capfirst(kind.label)), kind.label),
            )
            for kind in Kind
        ],
        invalid=INVALID_CRITERION,
    )
    minutes = forms.IntegerField(
        label=_("Time available (minutes)"),
        required=False,
        min_value=1,
        max_value=MAX_DURATION_MINUTES,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter a number of minutes in figures, for example 45."),
            "min_value": _("Enter at least %(limit_value)s minute."),
            "max_value": _("Enter at most %(limit_value)s minutes (one training day)."),
        },
    )
    group_size = _group_size_field(_("Number of participants"), "")
    modality = _choice_field(
        _("Modality"),
        _("All modalities"),
        [(m.value, capfirst(m.label)) for m in Modality],
        invalid=INVALID_CRITERION,
    )
    level = _choice_field(
        _("Level of the participants"),
        _("All levels"),
        [(lv.value, capfirst(lv.label)) for lv in Level],
        invalid=INVALID_CRITERION,
    )

    # The constraints a trainer may relax when nothing fits, in the order they are offered.
    relaxable = [
        ("modality", _("Ignoring the modality"), _("Search again without the modality")),
        ("kind", _("Ignoring the objective"), _("Search again without the objective")),
        ("minutes", _("Ignoring the time available"), _("Search again without the time")),
        (
            "group_size",
            _("Ignoring the group size"),
            _("Search again without the group size"),
        ),
    ]

    def __init__(self, data, activities):
        super().__init__(data)
        self.activities = activities

    def clean(self):
        data = super().clean()
        if not self.errors and not self.has_criteria:
            raise forms.ValidationError(_("Describe your session with at least one criterion."))
        return data

    @property
    def has_criteria(self):
        """Whether at least one criterion is valid and given: then the finder can search."""
        return any(getattr(self, "cleaned_data", {}).values())

    def constraints(self, ignore=None):
        data = self.cleaned_data
        constraints = {}
        if kind := data.get("kind"):
            constraints["kind"] = Q(kind=kind)
        if minutes := data.get("minutes"):
            constraints["minutes"] = Q(duration_min__lte=minutes)
        if size := data.get("group_size"):
            constraints["group_size"] = group_size_fits(size)
        if modality := data.get("modality"):
            constraints["modality"] = Q(modality=modality)
        constraints.pop(ignore, None)
        return constraints

    def fitting(self, ignore=None):
        """The activities meeting every hard constraint (but ``ignore``), best first."""
        data = self.cleaned_data
        activities = self.activities.filter(*self.constraints(ignore).values()).with_engagement()
        ranking = []
        if (minutes := data.get("minutes")) and ignore != "minutes":
            # Spare time in whole quarters of an hour: 0 when the activity (nearly) fills the time.
            activities = activities.annotate(
                spare_time=Case(
                    When(duration_max__gte=minutes, then=Value(0)),
                    default=(Value(minutes) - F("duration_max")) / Value(SPARE_TIME_STEP),
                    output_field=IntegerField(),
                )
            )
            ranking.append("spare_time")
        if level := data.get("level"):
            activities = activities.annotate(
                other_level=Case(
                    When(level=level, then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            )
            ranking.append("other_level")
        return activities.order_by(
            *ranking,
            F("rating_average").desc(nulls_last=True),
            "-rating_count",
            "-reuse_count",
            "title",
        )

    def suggest(self, activities, ignore=None):
        return [Suggestion(activity, self.reasons(activity, ignore)) for activity in activities]

    def reasons(self, activity, ignore=None):
        """Why the activity fits: “Tient en 45 min · 6 à 20 personnes · distanciel”."""
        data = self.cleaned_data
        reasons = []
        if (minutes := data.get("minutes")) and ignore != "minutes":
            if activity.duration_max <= minutes:
                reasons.append(gettext("Fits in %(minutes)s min") % {"minutes": minutes})
            else:
                reasons.append(
                    gettext("Fits in %(minutes)s min in its short version") % {"minutes": minutes}
                )
        if data.get("group_size") and ignore != "group_size":
            reasons.append(activity.group_size_label)
        if data.get("modality") and ignore != "modality":
            reasons.append(activity.get_modality_display())
        if (level := data.get("level")) and activity.level == level:
            reasons.append(gettext("level %(level)s") % {"level": activity.get_level_display()})
        return reasons

    def search(self):
        """What the finder page shows: the best suggestions, or ways to relax a constraint."""
        fitting = self.fitting()
        count = fitting.count()
        suggestions = self.suggest(fitting[:SUGGESTIONS_SHOWN]) if count else []
        relaxations = []
        if not count:
            given = self.constraints()
            for name, heading, link_text in self.relaxable:
                if name not in given:
                    continue
                relaxed = self.fitting(ignore=name)[:RELAXED_SUGGESTIONS_SHOWN]
                if found := self.suggest(relaxed, ignore=name):
                    query = self.data.copy()
                    query.pop(name, None)
                    relaxations.append(
                        {
                            "heading": heading,
                            "link_text": link_text,
                            "url": f"?{query.urlencode()}",
                            "suggestions": found,
                        }
                    )
        return {"count": count, "suggestions": suggestions, "relaxations": relaxations}
