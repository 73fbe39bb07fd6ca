"""Attendance: the roll call of a session, its no-shows, and the hours facilitators give.

Who may take the roll call, and when, is decided here only: the roll call page, the sign-in
sheet and the admin all ask these functions. Marking and closing lock the session's row (the
same lock as registrations), so a late registration change never races a roll call being closed.
"""

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Attendance, Registration, RegistrationStatus, Session, SessionStatus
from events.models.sessions import local_label
from events.services.registrations import RegistrationError, _locked_session

TEAM_PERMISSION = "events.change_session"


class AttendanceError(RegistrationError):
    """A roll-call rule refused the change; its message is for the person who asked."""


# ---------------------------------------------------------------------------------------------
# Who and when


def facilitator_ids(session):
    """The session's own facilitators; if it names none, those of its workshop or event page
    (the usual case: the page says who runs the workshop, every session alike)."""
    own = [user.pk for user in session.facilitators.all()]
    if own:
        return own
    return [user.pk for user in session.event.facilitators.all()]


def facilitators(session):
    """The people who run ``session`` (the same rule as :func:`facilitator_ids`)."""
    return list(session.facilitators.all()) or list(session.event.facilitators.all())


def by_facilitator(queryset, user_ids=None, prefix=""):
    """The rule of :func:`facilitator_ids` (and ``SessionQuerySet.facilitated_by``) for many
    people at once: ``queryset`` (of sessions, or of rows whose ``prefix`` leads to a session)
    split in two, each part with the path of its facilitator column: the sessions that name
    their facilitators, and those that name none, run by their page's. ``user_ids`` (None:
    anyone) keeps these people's sessions only. Each part filters its relation in one
    ``filter()`` call, so that the filter and the column share one join (a row per session and
    facilitator)."""
    named = f"{prefix}facilitators"
    by_page = f"{prefix}event__facilitators"
    lookup, value = ("__in", user_ids) if user_ids is not None else ("__isnull", False)
    return [
        (queryset.filter(**{f"{named}{lookup}": value}), named),
        (queryset.filter(**{f"{named}__isnull": True, f"{by_page}{lookup}": value}), by_page),
    ]


def may_take_roll_call(user, session):
    """The session's facilitators and the training team; nobody else."""
    if not user.is_authenticated:
        return False
    return user.has_perm(TEAM_PERMISSION) or user.pk in facilitator_ids(session)


def is_closed(session):
    return session.roll_call_closed_at is not None


def roll_call_refusal(session, now=None):
    """Why the roll call of ``session`` cannot be taken now, or None if it can."""
    now = now or timezone.now()
    if session.status == SessionStatus.CANCELLED:
        return _("This session is cancelled: there is no roll call.")
    if is_closed(session):
        return _("The roll call of this session is closed.")
    if session.start > now:
        return _("The roll call opens when the session starts, on %(date)s.") % {
            "date": local_label(session.start)
        }
    return None


def check_may_take_roll_call(user, session):
    """Refuse, with the reason in the visitor's language, anyone who may not take the roll call."""
    if not may_take_roll_call(user, session):
        raise PermissionDenied(
            _("Only the session's facilitators and the training team can take the roll call.")
        )


def _check(session, user, now):
    check_may_take_roll_call(user, session)
    if refusal := roll_call_refusal(session, now):
        raise AttendanceError(refusal)


# ---------------------------------------------------------------------------------------------
# Marking and closing


def by_name(user):
    """By last name then first name, accents ignored (É sorts with E, not after Z): the
    roll call on the phone and the sign-in sheet on paper list people in the same order."""

    def plain(text):
        decomposed = unicodedata.normalize("NFKD", text or "")
        return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()

    return (plain(user.last_name), plain(user.first_name), plain(user.email))


def roll_call(session):
    """The people on the roll call: confirmed registrants, by name, in one query."""
    return sorted(
        session.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related("user"),
        key=lambda registration: by_name(registration.user),
    )


def mark(session_id, registration_id, present, user, now=None):
    """Record one confirmed registrant as present or absent; may change until closed."""
    with transaction.atomic():
        session = _locked_session(session_id)
        _check(session, user, now)
        registration = (
            Registration.objects.select_for_update()
            .filter(pk=registration_id, session=session, status=RegistrationStatus.CONFIRMED)
            .first()
            if str(registration_id).isdigit()
            else None
        )
        if registration is None:
            raise AttendanceError(_("This person is not on the roll call of this session."))
        registration.attendance = Attendance.PRESENT if present else Attendance.ABSENT
        registration.save(update_fields=["attendance"])
    return registration


@dataclass(frozen=True)
class Figures:
    """A session's attendance: who came, who did not (no-shows), and who is not yet marked."""

    attendees: int
    no_shows: int
    unmarked: int = 0

    @property
    def marked(self):
        return self.attendees + self.no_shows

    @property
    def no_show_rate(self):
        """Share of no-shows among the people marked, from 0 to 1; None before any mark."""
        return self.no_shows / self.marked if self.marked else None


def close_roll_call(session_id, user, now=None):
    """Close the roll call: whoever is still unmarked did not come (a no-show), the session is
    done, and attendance is final. Returns the session's :class:`Figures`."""
    with transaction.atomic():
        session = _locked_session(session_id)
        now = now or timezone.now()
        _check(session, user, now)
        confirmed = session.registrations.filter(status=RegistrationStatus.CONFIRMED)
        unmarked = confirmed.filter(attendance=Attendance.UNKNOWN)
        if confirmed.exists() and unmarked.count() == confirmed.count():
            # Closing an untouched roll call would record everyone as a no-show, and that
            # false 100 % would feed the series' over-booking.
            raise AttendanceError(
                _("Mark at least one person present or absent before closing the roll call.")
            )
        unmarked.update(attendance=Attendance.ABSENT)
        session.status = SessionStatus.DONE
        session.roll_call_closed_at = now
        session.roll_call_closed_by = user
        session.save(
            update_fields=[
                "status",
                "roll_call_closed_at",
                "roll_call_closed_by",
                "sequence",
                "updated_at",
            ]
        )
        return figures(session)


# ---------------------------------------------------------------------------------------------
# Figures


def _count(attendance):
    return Count(
        "registrations",
        filter=Q(
            registrations__status=RegistrationStatus.CONFIRMED,
            registrations__attendance=attendance,
        ),
    )


def with_figures(sessions):
    """Annotate a Session queryset with ``attendee_count``, ``no_show_count`` and
    ``unmarked_count``, in the same query (one join, grouped)."""
    return sessions.annotate(
        attendee_count=_count(Attendance.PRESENT),
        no_show_count=_count(Attendance.ABSENT),
        unmarked_count=_count(Attendance.UNKNOWN),
    )


def figures(session):
    """The :class:`Figures` of one session (annotated by :func:`with_figures`, or counted)."""
    if not hasattr(session, "attendee_count"):
        session = with_figures(Session.objects.filter(pk=session.pk)).get()
    return Figures(session.attendee_count, session.no_show_count, session.unmarked_count)


def figures_of(registrations):
    """The :class:`Figures` of a list of confirmed registrations already in memory."""
    counts = defaultdict(int)
    for registration in registrations:
        counts[registration.attendance] += 1
    return Figures(
        counts[Attendance.PRESENT], counts[Attendance.ABSENT], counts[Attendance.UNKNOWN]
    )


# ---------------------------------------------------------------------------------------------
# Facilitation hours (in-house trainers may train colleagues up to a cap a year)


def hours_cap():
    return settings.ATELIER_FACILITATION_HOURS_CAP


def _hours_by_user(user_ids, year, sessions):
    """Hours (end − start) per facilitator among ``sessions`` starting in ``year`` (local
    time), for several people in two queries (see :func:`by_facilitator`)."""
    hours = dict.fromkeys(user_ids, 0.0)
    for queryset, person in by_facilitator(sessions.filter(start__year=year), user_ids):
        for user_id, start, end in queryset.values_list(person, "start", "end"):
            hours[user_id] += (end - start).total_seconds() / 3600
    return hours


def facilitated_hours(user, year):
    """Hours ``user`` facilitated in ``year``: sessions done (roll call closed) only."""
    return _hours_by_user([user.pk], year, Session.objects.filter(status=SessionStatus.DONE))[
        user.pk
    ]


def scheduled_hours(user, year):
    """Hours done and still planned in ``year``: every session but the cancelled ones."""
    return scheduled_hours_by_user([user.pk], year)[user.pk]


def scheduled_hours_by_user(user_ids, year):
    return _hours_by_user(user_ids, year, Session.objects.exclude(status=SessionStatus.CANCELLED))


def over_cap(session):
    """The session's own facilitators whose planned hours in its year pass the cap, with those
    hours: ``[(user, hours), …]``. A warning for the training team, never a refusal."""
    people = facilitators(session)
    if not people:
        return []
    year = timezone.localtime(session.start).year
    hours = scheduled_hours_by_user([user.pk for user in people], year)
    return [(user, hours[user.pk]) for user in people if hours[user.pk] > hours_cap()]
