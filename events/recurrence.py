"""The dates of recurring sessions: every week, every two weeks, or every month on the Nth
weekday (“every first Thursday”).

Pure functions, no database: dates in, dates out. Times are wall-clock times in the site's
time zone (Europe/Paris), attached date by date, so a session at 18:00 stays at 18:00 local
time on both sides of a change of hour.
"""

from datetime import date, datetime, time

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_OCCURRENCES = 52


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("every week")
    FORTNIGHTLY = "fortnightly", _("every 2 weeks")
    MONTHLY_WEEKDAY = "monthly_weekday", _("every month on the same weekday (e.g. first Thursday)")


# A context of their own: “second” is also a unit of time, “first” and “last” are pages.
ORDINALS = {
    1: pgettext_lazy("weekday of the month", "first"),
    2: pgettext_lazy("weekday of the month", "second"),
    3: pgettext_lazy("weekday of the month", "third"),
    4: pgettext_lazy("weekday of the month", "fourth"),
    -1: pgettext_lazy("weekday of the month", "last"),
}


def monthly_position(day):
    """Which weekday of its month ``day`` is: ``(n, weekday)`` with n from 1 to 4, or -1 for
    a fifth one (the 29th to the 31st), which not every month has: it becomes “the last”."""
    n = (day.day - 1) // 7 + 1
    return (-1 if n == 5 else n), day.weekday()


def describe(first, frequency):
    """The rule in words, e.g. “every first Thursday of the month”."""
    if frequency == Frequency.MONTHLY_WEEKDAY:
        n, _weekday = monthly_position(first)
        return _("every %(ordinal)s %(weekday)s of the month") % {
            "ordinal": ORDINALS[n],
            "weekday": date_format(first, "l"),
        }
    return Frequency(frequency).label


def occurrence_dates(first, frequency, count=None, until=None, cap=MAX_OCCURRENCES + 1):
    """The dates of the sessions, ``first`` included: ``count`` of them, or up to ``until``
    (included). Never more than ``cap``: a caller that wants at most N asks for N + 1 to tell
    “too many” apart from “exactly N”."""
    if not isinstance(first, date) or isinstance(first, datetime):
        raise TypeError("first must be a date")
    if count is None and until is None:
        raise ValueError("Give a number of sessions or an end date.")
    limit = cap if count is None else min(count, cap)
    options = {"dtstart": datetime.combine(first, time()), "count": limit}
    if frequency == Frequency.WEEKLY:
        rule = rrule(WEEKLY, interval=1, **options)
    elif frequency == Frequency.FORTNIGHTLY:
        rule = rrule(WEEKLY, interval=2, **options)
    elif frequency == Frequency.MONTHLY_WEEKDAY:
        n, day_of_week = monthly_position(first)
        rule = rrule(MONTHLY, byweekday=weekday(day_of_week, n), **options)
    else:
        raise ValueError(f"Unknown frequency: {frequency!r}")
    dates = []
    for moment in rule:
        if until is not None and moment.date() > until:
            break
        dates.append(moment.date())
    return dates


def local_datetimes(dates, start_time, end_time, tz=None):
    """``(start, end)`` aware datetimes for each date, at the same local times every day."""
    tz = tz or timezone.get_default_timezone()
    return [
        (datetime.combine(day, start_time, tzinfo=tz), datetime.combine(day, end_time, tzinfo=tz))
        for day in dates
    ]
