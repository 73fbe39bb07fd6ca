"""What this app shows on a person's profile page (registered with ``community``): sessions
facilitated and learned in, hours facilitated this year against the cap, and — for the person
and the training team only — the feedback averages of their sessions."""

from django.db.models import Count, F, Func, OuterRef, Q, Subquery
from django.utils import timezone

from community.profile_sections import register, register_activity_score
from events import privacy  # noqa: F401  (registers this app's data export and erasure)
from events.models import Attendance, Registration, RegistrationStatus, Session, SessionStatus
from events.services import attendance, feedback


def facilitated(user):
    """Sessions ``user`` runs (the one rule of ``facilitated_by``), cancelled ones left out."""
    return Session.objects.facilitated_by(user).exclude(status=SessionStatus.CANCELLED)


def sessions_context(profile_user, viewer, is_self_or_team):
    """A fixed number of queries, whatever the number of sessions and registrations."""
    now = timezone.now()
    year = timezone.localtime(now).year
    sessions = facilitated(profile_user)
    data = {
        **sessions.aggregate(
            facilitated_count=Count("pk", filter=Q(start__lte=now)),
            upcoming_count=Count("pk", filter=Q(start__gt=now)),
        ),
        "learned_count": Registration.objects.filter(
            user=profile_user,
            status=RegistrationStatus.CONFIRMED,
            attendance=Attendance.PRESENT,
        ).count(),
        "year": year,
        "hours": attendance.facilitated_hours(profile_user, year),
        "cap": attendance.hours_cap(),
        "show_feedback": is_self_or_team,
    }
    if is_self_or_team:
        data["feedback"] = feedback.results_for(sessions)
    return data


def facilitation_score():
    """The directory's activity score: one point per session facilitated (not cancelled).
    COUNT(DISTINCT): a session joins once per facilitator of its page."""
    return Subquery(
        facilitated(OuterRef("user"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT", template="COUNT(DISTINCT %(expressions)s)"))
        .values("n")[:1]
    )


register("sessions", "community/includes/profile_sessions.html", sessions_context, order=30)
register_activity_score("events_facilitated", facilitation_score)
