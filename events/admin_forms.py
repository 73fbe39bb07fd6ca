"""Forms of the training team's admin screens for events."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.widgets import AdminDateInput, AdminTimeInput

from events.models import EventPage, Session
from events.models.sessions import MAX_CAPACITY
from events.recurrence import MAX_OCCURRENCES, Frequency, local_datetimes, occurrence_dates

MAX_DEADLINE_DAYS = 90


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if not obj.live:
            return _("%(title)s (not published)") % {"title": obj.title}
        return obj.title


class RecurringSessionsForm(forms.Form):
    """Many sessions of one workshop or event at once, on a rule. Valid only if every one of
    them would be a valid session; ``sessions`` then holds them, unsaved."""

    event = EventChoiceField(
        label=_("Workshop or event"),
        queryset=EventPage.objects.order_by("title"),
        empty_label=_("Choose a workshop or an event"),
    )
    first_date = forms.DateField(label=_("Date of the first session"), widget=AdminDateInput)
    start_time = forms.TimeField(
        label=_("Start time"), widget=AdminTimeInput, help_text=_("Local time (Paris).")
    )
    end_time = forms.TimeField(label=_("End time"), widget=AdminTimeInput)
    frequency = forms.ChoiceField(
        label=_("Repeat"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        help_text=_(
            "Every month: on the same weekday as the first date, e.g. every first Thursday."
        ),
    )
    count = forms.IntegerField(
        label=_("Number of sessions"),
        required=False,
        min_value=1,
        max_value=MAX_OCCURRENCES,
        help_text=_("From 1 to %(max)s. Or give an end date instead.") % {"max": MAX_OCCURRENCES},
    )
    until = forms.DateField(label=_("Or until (included)"), required=False, widget=AdminDateInput)
    place = forms.CharField(
        label=_("Place"), max_length=250, required=False, help_text=_("Room and address.")
    )
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(
        label=_("Capacity"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
    )
    deadline_days = forms.IntegerField(
        label=_("Registration closes (days before)"),
        required=False,
        min_value=0,
        max_value=MAX_DEADLINE_DAYS,
        help_text=_("Empty: registration stays open until the start of each session."),
    )

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()
        self.sessions = []

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        first, until, count = data["first_date"], data.get("until"), data.get("count")
        if data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("The end must come after the start."))
        if count is None and until is None:
            raise ValidationError(_("Give a number of sessions or an end date."))
        if count is not None and until is not None:
            raise ValidationError(_("Give a number of sessions or an end date, not both."))
        if until is not None and until < first:
            self.add_error("until", _("The end date cannot be before the first date."))
        if self.errors:
            return data

        dates = occurrence_dates(first, data["frequency"], count=count, until=until)
        if len(dates) > MAX_OCCURRENCES:
            self.add_error(
                "until",
                _("This makes more than %(max)s sessions: choose an earlier end date.")
                % {"max": MAX_OCCURRENCES},
            )
            return data
        times = local_datetimes(dates, data["start_time"], data["end_time"])
        if times[0][0] <= self.now:
            self.add_error("first_date", _("The first session cannot be in the past."))
            return data

        deadline_days = data.get("deadline_days")
        sessions = []
        for start, end in times:
            session = Session(
                event=data["event"],
                start=start,
                end=end,
                place=data["place"],
                online_url=data["online_url"],
                capacity=data["capacity"],
                registration_deadline=(
                    start - timedelta(days=deadline_days) if deadline_days is not None else None
                ),
            )
            try:
                session.full_clean(exclude=["facilitators"])
            except ValidationError as error:
                # Reported on the whole form: the fields of a session are not all fields here.
                raise ValidationError(
                    [
                        _("Session of %(date)s: %(error)s")
                        % {"date": session.start_label, "error": message}
                        for message in error.messages
                    ]
                ) from None
            sessions.append(session)
        self.sessions = sessions
        return data

    def create_button_label(self):
        count = len(self.sessions)
        return ngettext("Create %(count)s session", "Create %(count)s sessions", count) % {
            "count": count
        }
