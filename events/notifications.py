"""E-mails about registrations, written from templates in ``templates/events/emails/``."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

_muted = ContextVar("events_notifications_muted", default=False)


@contextmanager
def muted():
    """Bulk work (demo content, imports) registers people without e-mailing each of them."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def send_after_commit(notify, *args):
    """E-mail once the change is committed, so a rolled-back change never tells anyone."""
    if not _muted.get():
        # robust: a mail server that fails must not turn a saved registration into an error
        # page, nor stop the e-mails queued after this one (the failure is logged).
        transaction.on_commit(lambda: notify(*args), robust=True)


def absolute(url):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send(template, user, context, attachments=()):
    """One e-mail from ``events/emails/<template>(_subject).txt``, in the recipient's language
    (their admin preference, else the site's: French). ``attachments`` holds callables that
    return ``(filename, content, mimetype)``: called in that language too."""
    from wagtail.users.models import UserProfile

    language = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"events/emails/{template}_subject.txt", context)
        body = render_to_string(f"events/emails/{template}.txt", context)
        files = [attachment() for attachment in attachments]
    message = EmailMessage(" ".join(subject.split()), body, None, [user.email])
    for filename, content, mimetype in files:
        message.attach(filename, content, mimetype)
    message.send()


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
