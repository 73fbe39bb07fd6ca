"""The form an agent fills to propose a workshop (see ``events.proposals``)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventFormat, Series
from events.models.pages import MAX_DURATION_MINUTES

MIN_DURATION_MINUTES = 15
PREFERRED_DATE_FIELDS = ("preferred_date_1", "preferred_date_2", "preferred_date_3")


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a valid date, for example 15/09/2026.")},
    )


class WorkshopProposalForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the workshop"),
        max_length=120,
        error_messages={
            "required": _("Give your workshop a title."),
            "max_length": _(
                "Keep the title under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    pitch = forms.CharField(
        label=_("In one sentence"),
        max_length=200,
        help_text=_("What participants gain, in 200 characters at most."),
        error_messages={
            "required": _("Say in one sentence what participants gain."),
            "max_length": _("Keep it under %(limit_value)d characters (it has %(show_value)d)."),
        },
    )
    description = forms.CharField(
        label=_("Description (optional)"),
        required=False,
        max_length=3000,
        help_text=_("How the workshop runs, for whom, what to bring. Plain text."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _("Keep it under %(limit_value)d characters (it has %(show_value)d)."),
        },
    )
    series = forms.ModelChoiceField(
        label=_("Series (optional)"),
        queryset=Series.objects.all(),
        required=False,
        empty_label=_("No series"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=MIN_DURATION_MINUTES,
        max_value=MAX_DURATION_MINUTES,
        help_text=_("From 15 minutes to 8 hours (480 minutes)."),
        error_messages={
            "required": _("Give the duration in minutes."),
            "invalid": _("Give the duration as a whole number of minutes."),
            "min_value": _("A workshop lasts at least 15 minutes."),
            "max_value": _("A workshop lasts at most 8 hours (480 minutes)."),
        },
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=EventFormat.choices, initial=EventFormat.FACE_TO_FACE
    )
    preferred_date_1 = _date_field(_("First preferred date"))
    preferred_date_2 = _date_field(_("Second preferred date (optional)"))
    preferred_date_3 = _date_field(_("Third preferred date (optional)"))

    def clean(self):
        cleaned_data = super().clean()
        today = timezone.localdate()
        dates = []
        for name in PREFERRED_DATE_FIELDS:
            day = cleaned_data.get(name)
            if day is None:
                continue
            if day <= today:
                self.add_error(name, _("Choose dates in the future."))
            else:
                dates.append(day)
        has_date_errors = any(name in self.errors for name in PREFERRED_DATE_FIELDS)
        if not dates and not has_date_errors:
            self.add_error(
                PREFERRED_DATE_FIELDS[0], _("Give at least one date that would suit you.")
            )
        cleaned_data["preferred_dates"] = sorted(set(dates))
        return cleaned_data

    def date_fields(self):
        return [self[name] for name in PREFERRED_DATE_FIELDS]

    def other_fields(self):
        return [field for field in self if field.name not in PREFERRED_DATE_FIELDS]
