"""The training team's figures, each computed by the database (aggregates, grouped counts).

Whatever the number of registrations, :func:`compute` runs the same fixed number of queries:
Python only walks grouped rows (a few per month, series, theme or facilitator), never
registrations. The rules come from where they live: attendance values and facilitation hours
from ``events.services.attendance``, the anonymity of feedback from ``events.services.feedback``,
the demand of needs from ``TrainingNeed.objects.demand_by_theme``.

Definitions (shown to the team on the dashboard too):

- sessions *in the period*: those whose start falls in it (local time), of the chosen series
  and theme; *offered*: those not cancelled; *held*: those done or whose roll call is closed;
- *registrations*: confirmed seats on offered sessions; *attendees*: marked present on held
  sessions; *training hours*: each attendee × the length of their session (end − start);
- *no-show rate*: absent / (present + absent) on sessions whose roll call is closed;
- *fill rate*: attendees / the capacity of held sessions;
- *waiting-list demand*: registrations that went through the waiting list, i.e. still waiting
  (never got a seat) plus given a seat from it (even if they cancelled later). People who left
  the list by cancelling while waiting leave no trace and are not counted;
- feedback (anonymous: the service filter cannot apply) over sessions whose roll call is closed,
  hidden below ``ATELIER_FEEDBACK_MIN_ANSWERS`` answers, as everywhere else.

The service filter narrows the people counted (registrations, attendees, no-shows, waiting
list); sessions, capacity, facilitators, activities and needs are not people of a service.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.models import TrainingNeed
from events.models import (
    Attendance,
    EventPage,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
)
from events.services.attendance import by_facilitator, by_name, hours_cap
from events.services.feedback import (
    ANSWER_FIGURES,
    FOLLOWUP_FIGURES,
    build_results,
    hide_answers,
    protect_the_rest,
)
from resources.models import ActivityPage, Reuse, Theme

HOUR = datetime.timedelta(hours=1)


def percent(part, whole):
    """``part`` as a percentage of ``whole``, to one decimal; None when ``whole`` is 0."""
    return round(100 * part / whole, 1) if whole else None


def hours(duration):
    """A summed duration (None when nothing was summed) in hours."""
    return duration / HOUR if duration else 0.0


def _duration(prefix=""):
    return ExpressionWrapper(F(f"{prefix}end") - F(f"{prefix}start"), output_field=DurationField())


# ---------------------------------------------------------------------------------------------
# Which sessions, which registrations


def _not_cancelled(prefix=""):
    return ~Q(**{f"{prefix}status": SessionStatus.CANCELLED})


def _held(prefix=""):
    """Done, or roll call closed; never cancelled (the rule of the sessions held)."""
    return _not_cancelled(prefix) & (
        Q(**{f"{prefix}status": SessionStatus.DONE})
        | Q(**{f"{prefix}roll_call_closed_at__isnull": False})
    )


def _closed(prefix=""):
    return Q(**{f"{prefix}roll_call_closed_at__isnull": False})


def sessions_in(filters):
    """Sessions starting in the period, of the chosen series and theme, cancelled included."""
    sessions = Session.objects.filter(start__gte=filters.since, start__lt=filters.until)
    if filters.series:
        sessions = sessions.filter(event__series=filters.series)
    if filters.theme:
        sessions = sessions.filter(
            event__in=EventPage.objects.filter(themes=filters.theme).values("pk")
        )
    return sessions


def held_sessions(filters):
    return sessions_in(filters).filter(_held())


def closed_sessions(filters):
    return sessions_in(filters).filter(_closed())


def registrations_in(filters):
    """Every registration to the period's sessions, of the chosen service's people."""
    registrations = Registration.objects.filter(session__in=sessions_in(filters).values("pk"))
    if filters.service:
        registrations = registrations.filter(user__service=filters.service)
    return registrations


CONFIRMED = Q(status=RegistrationStatus.CONFIRMED)
# The seats counted as registrations, and the people counted as attendees and no-shows.
REGISTERED = CONFIRMED & _not_cancelled("session__")
PRESENT = CONFIRMED & Q(attendance=Attendance.PRESENT) & _held("session__")
PRESENT_AT_CLOSED = CONFIRMED & Q(attendance=Attendance.PRESENT) & _closed("session__")
ABSENT_AT_CLOSED = CONFIRMED & Q(attendance=Attendance.ABSENT) & _closed("session__")
WAITING = Q(status=RegistrationStatus.WAITLISTED) & _not_cancelled("session__")
PROMOTED = Q(promoted_at__isnull=False) & _not_cancelled("session__")


# ---------------------------------------------------------------------------------------------
# The result


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date  # the first day of the month
    registrations: int
    attendees: int


@dataclass(frozen=True)
class SeriesNoShows:
    name: str
    present: int
    absent: int

    @property
    def rate(self):
        return percent(self.absent, self.present + self.absent)


@dataclass(frozen=True)
class SeriesSatisfaction:
    name: str
    answers: int
    satisfaction: float | None  # out of 5; None while hidden
    useful_share: float | None
    hidden_reason: str | None


@dataclass(frozen=True)
class ThemeDemand:
    name: str
    needs: int
    votes: int
    sessions: int


@dataclass(frozen=True)
class FacilitatorHours:
    user: object
    hours: float  # in the period
    busiest_year: int
    busiest_year_hours: float  # what the yearly cap is compared with

    @property
    def over_cap(self):
        return self.busiest_year_hours > hours_cap()


@dataclass
class DashboardFigures:
    """Every figure of the dashboard for one set of :class:`~cockpit.filters.Filters`.
    Percentages are None (shown “—”) when their denominator is 0."""

    filters: object
    sessions_held: int = 0
    capacity_held: int = 0
    registrations: int = 0
    attendees: int = 0
    agents_trained: int = 0
    training_hours: float = 0.0
    present_at_closed: int = 0
    absent_at_closed: int = 0
    waitlist_waiting: int = 0
    waitlist_promoted: int = 0
    feedback_invited: int = 0
    feedback_answers: int = 0
    response_rate: float | None = None
    satisfaction: float | None = None
    useful_share: float | None = None
    applied_share: float | None = None
    feedback_hidden_reason: str | None = None
    facilitators: list = field(default_factory=list)
    hours_cap: int = 0
    activities_published: int = 0
    activities_adapted: int = 0
    reuses: int = 0
    activities_reused: int = 0
    months: list = field(default_factory=list)
    no_shows_by_series: list = field(default_factory=list)
    satisfaction_by_series: list = field(default_factory=list)
    demand_by_theme: list = field(default_factory=list)

    @property
    def no_show_rate(self):
        return percent(self.absent_at_closed, self.present_at_closed + self.absent_at_closed)

    @property
    def fill_rate(self):
        return percent(self.attendees, self.capacity_held)

    @property
    def waitlist_demand(self):
        return self.waitlist_waiting + self.waitlist_promoted

    @property
    def active_facilitators(self):
        return len(self.facilitators)

    @property
    def facilitators_over_cap(self):
        return [row for row in self.facilitators if row.over_cap]


def compute(filters):
    """The :class:`DashboardFigures` of ``filters``, in a fixed number of queries."""
    figures = DashboardFigures(filters=filters, hours_cap=hours_cap())
    _people(figures, filters)
    _sessions(figures, filters)
    _feedback(figures, filters)
    figures.facilitators = facilitator_hours(filters)
    _library(figures, filters)
    figures.months = per_month(filters)
    series = series_of_period(filters)
    figures.no_shows_by_series = no_shows_by_series(filters, series)
    figures.satisfaction_by_series = satisfaction_by_series(filters, series)
    figures.demand_by_theme = demand_and_offer(filters)
    return figures


def _people(figures, filters):
    row = registrations_in(filters).aggregate(
        registrations=Count("pk", filter=REGISTERED),
        attendees=Count("pk", filter=PRESENT),
        agents_trained=Count("user", filter=PRESENT, distinct=True),
        training_time=Sum(_duration("session__"), filter=PRESENT),
        present_at_closed=Count("pk", filter=PRESENT_AT_CLOSED),
        absent_at_closed=Count("pk", filter=ABSENT_AT_CLOSED),
        waitlist_waiting=Count("pk", filter=WAITING),
        waitlist_promoted=Count("pk", filter=PROMOTED),
    )
    figures.training_hours = hours(row.pop("training_time"))
    for name, value in row.items():
        setattr(figures, name, value)


def _sessions(figures, filters):
    row = held_sessions(filters).aggregate(held=Count("pk"), capacity=Sum("capacity"))
    figures.sessions_held = row["held"]
    figures.capacity_held = row["capacity"] or 0


def _feedback(figures, filters):
    """The figures of the feedback results page, over the period's closed sessions."""
    closed = closed_sessions(filters).values("pk")
    invited = FeedbackInvitation.objects.filter(registration__session__in=closed).count()
    answers = FeedbackAnswer.objects.filter(session__in=closed).aggregate(**ANSWER_FIGURES)
    followups = FollowUpAnswer.objects.filter(session__in=closed).aggregate(**FOLLOWUP_FIGURES)
    results = build_results(invited, answers, followups)
    figures.feedback_invited = results.invited
    figures.feedback_answers = results.answers
    figures.response_rate = results.response_rate
    figures.satisfaction = results.satisfaction
    figures.useful_share = results.useful_share
    figures.applied_share = results.applied_share
    figures.feedback_hidden_reason = results.hidden_reason


# ---------------------------------------------------------------------------------------------
# Facilitators


def facilitator_hours(filters):
    """``[FacilitatorHours]`` of whoever ran a held session in the period, most hours first.

    The rule of who runs a session is ``by_facilitator``'s (the session's own facilitators,
    else its page's); the cap is yearly, so the busiest calendar year is compared with it."""
    per_year = defaultdict(lambda: defaultdict(datetime.timedelta))
    for sessions, person in by_facilitator(held_sessions(filters)):
        rows = (
            sessions.annotate(year=ExtractYear("start"))
            .values("year", person_id=F(person))
            .annotate(time=Sum(_duration()))
            .order_by()
        )
        for row in rows:
            per_year[row["person_id"]][row["year"]] += row["time"]
    users = get_user_model().objects.in_bulk(list(per_year))
    result = []
    for user_id, years in per_year.items():
        busiest = max(years, key=lambda year: (years[year], year))
        result.append(
            FacilitatorHours(
                user=users[user_id],
                hours=hours(sum(years.values(), datetime.timedelta())),
                busiest_year=busiest,
                busiest_year_hours=hours(years[busiest]),
            )
        )
    return sorted(result, key=lambda row: (-row.hours, by_name(row.user)))


# ---------------------------------------------------------------------------------------------
# The library


def _library(figures, filters):
    activities = ActivityPage.objects.filter(
        first_published_at__gte=filters.since, first_published_at__lt=filters.until
    )
    reuses = Reuse.objects.filter(used_on__gte=filters.start, used_on__lte=filters.end)
    if filters.theme:
        activities = activities.filter(themes=filters.theme)
        reuses = reuses.filter(activity__themes=filters.theme)
    row = activities.aggregate(
        published=Count("pk", distinct=True),
        adapted=Count("pk", distinct=True, filter=Q(adapted_from__isnull=False)),
    )
    figures.activities_published = row["published"]
    figures.activities_adapted = row["adapted"]
    row = reuses.aggregate(
        reuses=Count("pk", distinct=True), activities=Count("activity", distinct=True)
    )
    figures.reuses = row["reuses"]
    figures.activities_reused = row["activities"]


# ---------------------------------------------------------------------------------------------
# Per month, per series, per theme


def months_of(filters):
    """The first day of each month of the period, in order."""
    month = filters.start.replace(day=1)
    months = []
    while month <= filters.end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _local_month(value):
    """A truncated month from the database (aware or naive, date or datetime) as a date."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date().replace(day=1)
    return value.replace(day=1)


def per_month(filters):
    """Registrations and attendees for each month of the period (months in local time)."""
    rows = (
        registrations_in(filters)
        .filter(REGISTERED)
        .annotate(month=TruncMonth("session__start", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(registrations=Count("pk"), attendees=Count("pk", filter=PRESENT))
        .order_by()
    )
    counts = {_local_month(row["month"]): row for row in rows}
    return [
        MonthRow(
            month=month,
            registrations=counts.get(month, {}).get("registrations", 0),
            attendees=counts.get(month, {}).get("attendees", 0),
        )
        for month in months_of(filters)
    ]


def without_series_label():
    return _("No series")


def series_of_period(filters):
    """``[(series id or None, name)]`` of the series with sessions in the period, by name;
    sessions of no series last (two queries)."""
    ids = set(sessions_in(filters).order_by().values_list("event__series", flat=True).distinct())
    named = Series.objects.filter(pk__in=[pk for pk in ids if pk is not None]).order_by("name")
    rows = [(series.pk, series.name) for series in named]
    if None in ids:
        rows.append((None, without_series_label()))
    return rows


def no_shows_by_series(filters, series):
    """``[SeriesNoShows]``: present and absent on the closed sessions of each series."""
    rows = (
        registrations_in(filters)
        .values(group=F("session__event__series"))
        .annotate(
            present=Count("pk", filter=PRESENT_AT_CLOSED),
            absent=Count("pk", filter=ABSENT_AT_CLOSED),
        )
        .order_by()
    )
    counts = {row["group"]: row for row in rows}
    return [
        SeriesNoShows(
            name=name,
            present=counts.get(pk, {}).get("present", 0),
            absent=counts.get(pk, {}).get("absent", 0),
        )
        for pk, name in series
    ]


def _grouped(queryset, path, figures):
    return {
        row.pop("group"): row
        for row in queryset.values(group=F(path)).annotate(**figures).order_by()
    }


def satisfaction_by_series(filters, series):
    """``[SeriesSatisfaction]``, each hidden below the minimum of answers, and hidden too when
    the series hidden beside it would be deduced from the total (the feedback's own rule)."""
    closed = closed_sessions(filters).values("pk")
    invited = _grouped(
        FeedbackInvitation.objects.filter(registration__session__in=closed),
        "registration__session__event__series",
        {"n": Count("pk")},
    )
    answers = _grouped(
        FeedbackAnswer.objects.filter(session__in=closed), "session__event__series", ANSWER_FIGURES
    )
    rows = [
        ((pk, name), build_results(invited.get(pk, {}).get("n", 0), answers.get(pk), None))
        for pk, name in series
    ]
    protect_the_rest(rows, "answers", "hidden_reason", hide_answers)
    return [
        SeriesSatisfaction(
            name=name,
            answers=results.answers,
            satisfaction=results.satisfaction,
            useful_share=results.useful_share,
            hidden_reason=results.hidden_reason,
        )
        for (_pk, name), results in rows
    ]


def demand_and_offer(filters):
    """``[ThemeDemand]``: the votes of the open needs of each theme (today's demand: needs
    have no period) beside the sessions offered in the period; themes with neither left out."""
    demand = TrainingNeed.objects.demand_by_theme()
    offer = {
        row["theme"]: row["n"]
        for row in sessions_in(filters)
        .filter(_not_cancelled())
        .values(theme=F("event__themes"))
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    themes = Theme.objects.order_by("name")
    if filters.theme:
        themes = themes.filter(pk=filters.theme.pk)
    else:
        themes = themes.filter(pk__in={*demand, *offer} - {None})
    rows = []
    for theme in themes:
        needs, votes = demand.get(theme.pk, (0, 0))
        rows.append(ThemeDemand(theme.name, needs, votes, offer.get(theme.pk, 0)))
    return rows


# ---------------------------------------------------------------------------------------------
# The yearly report per series


@dataclass(frozen=True)
class ReportRow:
    year: int
    series: str
    sessions: int
    participants: int  # attendances: one person at two sessions counts twice, as TRUC² counts
    facilitators: int
    session_hours: float
    training_hours: float


@dataclass
class YearReport:
    year: int
    rows: list

    @property
    def sentence(self):
        """“2020 : Ac'Truc² : 4 séances (55 participants), Midi Truc : 2 séances (…).”"""
        parts = [
            _("%(series)s: %(sessions)s (%(participants)s)")
            % {
                "series": row.series,
                "sessions": ngettext("%(count)s session", "%(count)s sessions", row.sessions)
                % {"count": row.sessions},
                "participants": ngettext(
                    "%(count)s participant", "%(count)s participants", row.participants
                )
                % {"count": row.participants},
            }
            for row in self.rows
        ]
        return _("%(year)s: %(parts)s.") % {"year": self.year, "parts": ", ".join(parts)}


def yearly_report(filters):
    """``[YearReport]``, one per year with held sessions, each with a row per series (by
    name, sessions of no series last). Four queries, whatever the volume."""
    held = held_sessions(filters).annotate(year=ExtractYear("start"))
    sessions = {
        (row["year"], row["group"]): row
        for row in held.values("year", group=F("event__series"))
        .annotate(sessions=Count("pk"), time=Sum(_duration()))
        .order_by()
    }
    people = {
        (row["year"], row["group"]): row
        for row in registrations_in(filters)
        .filter(PRESENT)
        .annotate(year=ExtractYear("session__start"))
        .values("year", group=F("session__event__series"))
        .annotate(participants=Count("pk"), time=Sum(_duration("session__")))
        .order_by()
    }
    # A person may run sessions under both rules: the pairs are made distinct in a set.
    pairs = set()
    for part, person in by_facilitator(held):
        pairs.update(part.values_list("year", "event__series", person).distinct().order_by())
    facilitators = Counter((year, group) for year, group, _person in pairs)
    names = dict(Series.objects.filter(pk__in={g for _y, g in sessions}).values_list("pk", "name"))

    def order(key):
        year, group = key
        return (year, group is None, (names.get(group) or "").casefold())

    reports = {}
    for key in sorted(sessions, key=order):
        year, group = key
        reports.setdefault(year, YearReport(year=year, rows=[])).rows.append(
            ReportRow(
                year=year,
                series=names[group] if group is not None else without_series_label(),
                sessions=sessions[key]["sessions"],
                participants=people.get(key, {}).get("participants", 0),
                facilitators=facilitators[key],
                session_hours=hours(sessions[key]["time"]),
                training_hours=hours(people.get(key, {}).get("time")),
            )
        )
    return list(reports.values())
