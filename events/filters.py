"""Filters of the workshop catalogue and the events index (series, theme, format, open seats)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.filters import QueryStringFilterForm
from events.models import EventFormat, Series
from resources.models import Theme


class EventFilterForm(QueryStringFilterForm):
    """The catalogue's and the events index's filters."""

    series = forms.ModelChoiceField(
        label=_("Series"),
        queryset=Series.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All series"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *EventFormat.choices], required=False
    )
    upcoming = forms.BooleanField(label=_("With an upcoming session"), required=False)

    def __init__(self, data, events):
        super().__init__(data)
        self.events = events

    def results(self):
        from events.models import Session

        events = self.events
        values = self.valid_values()
        if values.get("series"):
            events = events.filter(series=values["series"])
        if values.get("theme"):
            events = events.filter(themes=values["theme"])
        if values.get("format"):
            events = events.filter(format=values["format"])
        if values.get("upcoming"):
            events = events.filter(pk__in=Session.objects.upcoming().scheduled().values("event_id"))
        return events
