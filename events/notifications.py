"""E-mails about registrations, written from templates in ``templates/events/emails/``."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
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


def send_after_commit(notify, registration):
    """E-mail once the change is committed, so a rolled-back change never tells anyone."""
    if not _muted.get():
        # robust: a mail server that fails must not turn a saved registration into an error
        # page, nor stop the e-mails queued after this one (the failure is logged).
        transaction.on_commit(lambda: notify(registration), robust=True)


def absolute(url):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send(template, user, context):
    """One e-mail from ``events/emails/<template>(_subject).txt``, in the recipient's language
    (their admin preference, else the site's: French)."""
    from wagtail.users.models import UserProfile

    language = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"events/emails/{template}_subject.txt", context)
        body = render_to_string(f"events/emails/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _send(template, registration, **extra):
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
    send(template, registration.user, context)


def registered(registration):
    """Confirmation of a seat, or of a place on the waiting list with its position."""
    from events.models import Registration

    if registration.is_confirmed:
        _send("confirmed", registration)
    else:
        position = (
            Registration.objects.with_waitlist_position()
            .values_list("waitlist_position", flat=True)
            .get(pk=registration.pk)
        )
        _send("waitlisted", registration, position=position)


def promoted(registration):
    _send("promoted", registration)


def session_cancelled(registration):
    _send("session_cancelled", registration)
