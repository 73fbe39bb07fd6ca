"""The cockpit's filters: a period, a series, a theme, a service; read from the query string.

The dashboard and the yearly report share them, so that both screens answer the same question.
A bad value is reported in French on its field and replaced by its default (this calendar year,
all series, all themes, all services): the figures are always drawn, never a crash.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.filters import QueryStringFilterForm
from events.models import Series
from resources.models import Theme

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
# Beyond this, a per-month chart would have hundreds of bars: nobody reads that.
MAX_PERIOD_YEARS = 10


def this_year(today=None):
    """The default period: the current calendar year, in the site's time zone."""
    today = today or timezone.localdate()
    return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)


def local_midnight(day):
    """The moment ``day`` starts in the site's time zone (Europe/Paris), as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class Filters:
    """What the figures are computed for. ``start`` and ``end`` are days, both included."""

    start: datetime.date
    end: datetime.date
    series: Series | None = None
    theme: Theme | None = None
    service: str = ""

    @property
    def since(self):
        """The first moment of the period (aware, local midnight)."""
        return local_midnight(self.start)

    @property
    def until(self):
        """The first moment after the period (aware, local midnight of the next day)."""
        return local_midnight(self.end + datetime.timedelta(days=1))


def service_choices():
    """The services people declared, each once, in alphabetical order (one query)."""
    services = (
        get_user_model()
        .objects.exclude(service="")
        .order_by("service")
        .values_list("service", flat=True)
        .distinct()
    )
    return [("", _("All services")), *((name, name) for name in services)]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CockpitFilterForm(QueryStringFilterForm):
    """A GET form: ``CockpitFilterForm(request.GET)``, then :meth:`filters`."""

    start = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": _("Enter a valid start date, e.g. 01/01/2025.")},
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": _("Enter a valid end date, e.g. 31/12/2025.")},
    )
    series = forms.ModelChoiceField(
        label=_("Series"),
        queryset=Series.objects.all(),
        required=False,
        empty_label=_("All series"),
        error_messages={"invalid_choice": _("This series does not exist.")},
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("This theme does not exist.")},
    )
    service = forms.ChoiceField(
        label=_("Service"),
        required=False,
        error_messages={"invalid_choice": _("No one works in this service.")},
    )

    def __init__(self, data=None, today=None):
        self.today = today or timezone.localdate()
        default_start, default_end = this_year(self.today)
        data = data.copy() if data is not None else {}
        # The form shows the period the figures use, even on a first visit.
        if not data.get("start"):
            data["start"] = default_start.isoformat()
        if not data.get("end"):
            data["end"] = default_end.isoformat()
        super().__init__(data)
        self.fields["service"].choices = service_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self._period_error(_("The start of the period must come before its end."))
            elif end.year - start.year >= MAX_PERIOD_YEARS:
                self._period_error(
                    _("The period cannot span more than %(years)s years.")
                    % {"years": MAX_PERIOD_YEARS}
                )
        return cleaned

    def _period_error(self, message):
        """Shown on the end date; :meth:`filters` then falls back to this year."""
        self.add_error("end", message)

    def filters(self):
        """The :class:`Filters` to compute with: the valid values, defaults for the others.

        One wrong date resets the whole period (half of the asked period and half of this
        year would answer a question nobody asked)."""
        values = self.valid_values()
        default_start, default_end = this_year(self.today)
        start, end = values.get("start"), values.get("end")
        if not (start and end):
            start, end = default_start, default_end
        return Filters(
            start=start,
            end=end,
            series=values.get("series"),
            theme=values.get("theme"),
            service=values.get("service") or "",
        )
