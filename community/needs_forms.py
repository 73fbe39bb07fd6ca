"""The forms of the needs board: posting a need, and the board's filters and order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.filters import QueryStringFilterForm
from community.models import NeedStatus, TrainingNeed
from community.needs import theme_model


class NeedForm(forms.ModelForm):
    """What an agent fills to say what training they lack."""

    class Meta:
        model = TrainingNeed
        fields = ["title", "why", "audience", "urgency", "theme"]
        labels = {
            "title": _("What I need to learn"),
            "why": _("Why"),
            "audience": _("For whom (optional)"),
            "urgency": _("By when"),
            "theme": _("Theme"),
        }
        help_texts = {
            "title": _("In a few words, e.g. “Build a pivot table in a spreadsheet”."),
            "why": _("The situation at work where you miss it: it helps trainers to answer."),
        }
        widgets = {"why": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "title": {
                "required": _("Say what you need to learn."),
                "max_length": _(
                    "Keep it under %(limit_value)d characters (it has %(show_value)d)."
                ),
            },
            "why": {
                "required": _("Say why you need it: it helps trainers to answer."),
                "max_length": _(
                    "Keep it under %(limit_value)d characters (it has %(show_value)d)."
                ),
            },
            "audience": {
                "max_length": _(
                    "Keep it under %(limit_value)d characters (it has %(show_value)d)."
                ),
            },
            "urgency": {
                "required": _("Say by when you need it."),
                "invalid_choice": _("Choose one of the urgencies offered."),
            },
            "theme": {
                "required": _("Choose the theme closest to your need."),
                "invalid_choice": _("Choose one of the themes offered."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].empty_label = _("Choose a theme")


SORTS = {
    "votes": _("Most wanted first"),
    "recent": _("Most recent first"),
}
DEFAULT_SORT = "votes"


class NeedFilterForm(QueryStringFilterForm):
    """The board's filters and its order."""

    ordering_fields = ("sort",)

    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=TrainingNeed.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("This theme does not exist: the filter is ignored.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *NeedStatus.choices],
        required=False,
        error_messages={"invalid_choice": _("This status does not exist: the filter is ignored.")},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=list(SORTS.items()),
        required=False,
        error_messages={"invalid_choice": _("This order is not offered: most wanted first.")},
    )

    def __init__(self, data):
        super().__init__(data)
        self.fields["theme"].queryset = theme_model().objects.all()
        self.is_valid()  # keeps the valid values only in cleaned_data

    @property
    def order(self):
        """The valid order asked for, else the default (most wanted first)."""
        return self.cleaned_data.get("sort") or DEFAULT_SORT

    def filter(self, needs):
        if theme := self.cleaned_data.get("theme"):
            needs = needs.filter(theme=theme)
        if status := self.cleaned_data.get("status"):
            needs = needs.filter(status=status)
        if self.order == "recent":
            return needs.newest_first()
        return needs.most_wanted_first()
