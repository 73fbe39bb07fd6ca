"""E-mails about registrations, written from templates in ``templates/events/emails/``."""

from django.urls import reverse

from community import mail
from community.mail import absolute, muted, send_after_commit

__all__ = ["absolute", "muted", "send", "send_after_commit"]


def send(template, user, context, attachments=()):
    """One e-mail from ``events/emails/<template>(_subject).txt`` (see ``community.mail``)."""
    mail.send(f"events/emails/{template}", user, context, attachments)


def invitation(session):
    """The session as an iCalendar file, with its video link: only sent for a held seat."""
    from events.calendars import build_calendar  # calendars imports this module

    def attachment():
        calendar = build_calendar(session.event.title, [session], online_for={session.pk})
        return "invitation.ics", calendar.to_ical().decode(), "text/calendar"

    return attachment


def _send(template, registration, attachments=(), **extra):
    context = {
        "registration": registration,
        "session": registration.session,
        "event": registration.session.event,
        "user": registration.user,
        "event_url": absolute(registration.session.event.url or "/"),
        "cancel_url": absolute(reverse("events:cancel_by_link", args=[registration.token])),
        "my_registrations_url": absolute(reverse("events:my_registrations")),
        **extra,
    }
    send(template, registration.user, context, attachments)


def _waitlist_position(registration):
    from events.models import Registration

    return (
        Registration.objects.with_waitlist_position()
        .values_list("waitlist_position", flat=True)
        .get(pk=registration.pk)
    )


def registered(registration):
    """Confirmation of a seat, or of a place on the waiting list with its position."""
    if registration.is_confirmed:
        _send("confirmed", registration, [invitation(registration.session)])
    else:
        _send("waitlisted", registration, position=_waitlist_position(registration))


def promoted(registration):
    _send("promoted", registration, [invitation(registration.session)])


def session_cancelled(registration):
    _send("session_cancelled", registration)


def reminder(registration, soon=False):
    """Two days before, or two hours before when ``soon``: where, and how to free the seat."""
    _send("reminder", registration, soon=soon)


def seat_confirmation(registration, deadline):
    """Three days before: confirm the seat before ``deadline``, or it goes to the waiting list."""
    confirm_url = absolute(reverse("events:confirm_seat", args=[registration.token]))
    _send("seat_confirmation", registration, confirm_url=confirm_url, deadline=deadline)


def seat_released(registration):
    """The seat was not confirmed in time: it went to the waiting list, and so did they."""
    _send("seat_released", registration, position=_waitlist_position(registration))


def session_opened(session, user):
    """A follower of the series hears that a new session takes registrations."""
    context = {
        "session": session,
        "event": session.event,
        "series": session.event.series,
        "user": user,
        "event_url": absolute(session.event.url or "/"),
    }
    send("session_opened", user, context)
