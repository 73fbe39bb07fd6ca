"""Over-booking from history: a series whose people often fail to come may take more
registrations than its sessions have seats, so that the room is full on the day.

The rate is measured, never guessed: absent / (present + absent) over the confirmed
registrations of the series' sessions whose roll call is closed. The training team sees it and
what it means for a session before applying it (``Series.overbooking_rate``); a session then
takes ``capacity / (1 − rate)`` confirmed registrations, rounded down, never more than
``capacity × ATELIER_OVERBOOKING_MAX_RATIO`` and never fewer than its capacity.
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from community import caching
from events.models import Attendance, Registration, RegistrationStatus, Series, Session

# Below this many recorded attendances a rate says more about chance than about habits.
MIN_ATTENDANCES = 20
# Habits change: only the last twelve months count by default.
WINDOW = datetime.timedelta(days=365)
RATE_PLACES = Decimal("0.001")  # as Series.overbooking_rate stores it
# The worked example uses this capacity when the series has no session yet.
DEFAULT_TYPICAL_CAPACITY = 12


@dataclass(frozen=True)
class NoShowMeasure:
    """What the roll calls of a series recorded: enough to trust a rate, or not."""

    present: int
    absent: int

    @property
    def recorded(self):
        return self.present + self.absent

    @property
    def enough_data(self):
        return self.recorded >= MIN_ATTENDANCES

    @property
    def rate(self):
        """The no-show rate to three decimals, or None when too little was recorded."""
        if not self.enough_data:
            return None
        return (Decimal(self.absent) / Decimal(self.recorded)).quantize(RATE_PLACES)


def _attendance_count(value, since):
    registrations = Registration.objects.filter(
        session__event__series=OuterRef("pk"),
        session__roll_call_closed_at__isnull=False,
        status=RegistrationStatus.CONFIRMED,
        attendance=value,
    )
    if since is not None:
        registrations = registrations.filter(session__start__gte=since)
    return Coalesce(
        Subquery(
            registrations.order_by()
            .values("session__event__series")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def with_no_show_counts(queryset, window=WINDOW, now=None):
    """Annotate series with ``present_count``, ``absent_count`` and ``recorded_count``: one
    subquery each, so that a listing of series makes no query per row. ``window``: how far
    back sessions count (None: all history)."""
    since = (now or timezone.now()) - window if window is not None else None
    return queryset.annotate(
        present_count=_attendance_count(Attendance.PRESENT, since),
        absent_count=_attendance_count(Attendance.ABSENT, since),
    ).annotate(recorded_count=F("present_count") + F("absent_count"))


def measure_of(series):
    """The measure of a series annotated by :func:`with_no_show_counts`."""
    return NoShowMeasure(present=series.present_count, absent=series.absent_count)


def no_show_measure(series, window=WINDOW, now=None):
    """The measure of one series (one query)."""
    return measure_of(with_no_show_counts(Series.objects, window, now).get(pk=series.pk))


def _as_rate(value):
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def allowance(capacity, rate):
    """How many confirmed registrations a session of ``capacity`` seats takes under a no-show
    ``rate``: capacity / (1 − rate) rounded down, capped at capacity × the maximum ratio,
    never below capacity. Decimal arithmetic: 12 / 0.75 is 16, never 15.999…"""
    rate = _as_rate(rate)
    ceiling = math.floor(Decimal(capacity) * Decimal(str(settings.ATELIER_OVERBOOKING_MAX_RATIO)))
    if rate is None or rate <= 0:
        return capacity
    if rate >= 1:
        return max(capacity, ceiling)
    return max(capacity, min(math.floor(Decimal(capacity) / (1 - rate)), ceiling))


def seat_limit(session):
    """How many confirmed registrations ``session`` takes: its capacity, or its series'
    allowance once the training team applied an over-booking rate. Reads
    ``session.event.series``: select or prefetch it on listings."""
    series = session.event.series
    rate = series.overbooking_rate if series is not None else None
    return allowance(session.capacity, rate)


def seats_left(session):
    """Seats shown on pages, over-booking included. Needs ``with_counts()``; never negative
    even if the capacity was lowered."""
    return max(seat_limit(session) - session.confirmed_count, 0)


def typical_capacity(series):
    """The most common capacity of the series' sessions, for the worked example."""
    counts = (
        Session.objects.filter(event__series=series)
        .values("capacity")
        .annotate(n=Count("pk"))
        .order_by("-n", "capacity")
    )
    first = counts.first()
    return first["capacity"] if first else DEFAULT_TYPICAL_CAPACITY


def _check_permission(user):
    if user is None or not user.has_perm("events.change_series"):
        raise PermissionDenied(_("Only the training team may change the over-booking."))


def _fill_upcoming(series):
    """Seats opened by a higher limit go at once to those waiting (the registration service
    promotes them, under its lock, and tells them)."""
    from events.services.registrations import fill_free_seats

    promoted = []
    for session_id in (
        Session.objects.filter(event__series=series)
        .upcoming()
        .scheduled()
        .values_list("pk", flat=True)
    ):
        promoted += fill_free_seats(session_id)
    return promoted


def apply_overbooking(series, rate, user):
    """Store the no-show rate the training team chose for ``series``; the waiting lists of its
    sessions to come move up into the new seats. Returns the registrations promoted.

    Raises ``ValidationError`` for a rate outside ]0, 1[ (nothing changes then) and
    ``PermissionDenied`` for anyone but the training team."""
    _check_permission(user)
    rate = _as_rate(rate)
    if rate is None or not (0 < rate < 1):
        raise ValidationError(
            _("The no-show rate must be more than 0 and less than 1."), code="invalid_rate"
        )
    with transaction.atomic():
        Series.objects.filter(pk=series.pk).update(overbooking_rate=rate.quantize(RATE_PLACES))
        caching.bump("events")  # seats left change: update() sends no signal
        series.refresh_from_db(fields=["overbooking_rate"])
        return _fill_upcoming(series)


def remove_overbooking(series, user=None):
    """Sessions take their capacity again. Nobody already confirmed loses a seat: the extra
    seats are simply not offered any more."""
    if user is not None:
        _check_permission(user)
    Series.objects.filter(pk=series.pk).update(overbooking_rate=None)
    caching.bump("events")
    series.overbooking_rate = None
