"""What the events hold about a person (``community.privacy``): their registrations, the
questionnaires they were sent, the series they follow, the sessions they run and proposed.

On deletion, their upcoming seats are freed through the registration service, so that the
first person waiting moves up (and is told) exactly as after any cancellation, and they are
taken off the upcoming sessions they were named to facilitate.
"""

from django.utils import timezone

from community.privacy import iso, register_erasure, register_export
from events.models import (
    CalendarToken,
    FeedbackInvitation,
    Registration,
    SeriesSubscription,
    Session,
)
from events.services import registrations as registration_service


def export(user):
    registrations = Registration.objects.filter(user=user).select_related("session__event")
    invitations = FeedbackInvitation.objects.filter(registration__user=user).select_related(
        "registration__session__event"
    )
    return {
        "registrations": [
            {
                "event": registration.session.event.title,
                "session_start": iso(registration.session.start),
                "status": registration.status,
                "attendance": registration.attendance or None,
                "registered_at": iso(registration.queued_at),
                "cancelled_at": iso(registration.cancelled_at),
            }
            for registration in registrations.order_by("queued_at")
        ],
        # Answers are anonymous by construction: only whether one was given is known.
        "feedback_requests": [
            {
                "event": invitation.registration.session.event.title,
                "session_start": iso(invitation.registration.session.start),
                "answered": invitation.answered,
                "followup_answered": invitation.followup_answered,
            }
            for invitation in invitations.order_by("pk")
        ],
        "series_followed": [
            subscription.series.name
            for subscription in SeriesSubscription.objects.filter(user=user).select_related(
                "series"
            )
        ],
        "sessions_facilitated": [
            {"event": session.event.title, "start": iso(session.start)}
            for session in user.facilitated_sessions.select_related("event").order_by("start")
        ],
        "proposals": [
            {"title": page.title, "live": page.live} for page in user.proposed_events.all()
        ],
    }


def erase(user):
    """Cancel the person's upcoming registrations (the waiting list moves up), stop what would
    still e-mail them, take them off the upcoming sessions they were to run."""
    now = timezone.now()
    upcoming = Registration.objects.filter(user=user, session__start__gt=now).active()
    for registration_id in upcoming.values_list("pk", flat=True):
        registration_service.cancel(registration_id, user=user, now=now)
    SeriesSubscription.objects.filter(user=user).delete()
    CalendarToken.objects.filter(user=user).delete()  # the private calendar feed stops
    # They no longer run upcoming sessions (silently: the team sees it in the admin). Past
    # sessions keep them for the hours and results; page-level facilitators are page content.
    Session.facilitators.through.objects.filter(user=user, session__start__gt=now).delete()


register_export("events", export)
register_erasure("events", erase)
