"""Registration to sessions: every rule in one place, under a row lock on the session.

Capacity holds under concurrency because each change first locks the session's row
(``select_for_update``) inside a transaction: two registrations to one session run one after
the other, so the count of confirmed seats they read is always current. SQLite has no row
locks: there, transactions start IMMEDIATE (see the settings), which locks the database for
writing from the first statement, with the same effect.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import notifications
from events.models import EventPage, Registration, RegistrationStatus, Session, SessionStatus
from events.models.sessions import local_label
from events.services.overbooking import seat_limit


class RegistrationError(ValidationError):
    """A rule refused the change; its message is for the person who asked."""


def _locked_session(session_id):
    try:
        return (
            Session.objects.select_for_update(of=("self",))
            .select_related("event")
            .get(pk=session_id)
        )
    except (Session.DoesNotExist, ValueError, TypeError):
        raise RegistrationError(_("This session does not exist.")) from None


def registration_refusal(session, now, event_visible=True):
    """Why nobody may register to ``session`` now, or None if they may. The event's
    visibility (``EventPage.objects.visible()``) is the caller's to give: a page showing its
    own sessions already knows it."""
    if not event_visible:
        return _("This session does not exist.")
    if session.status == SessionStatus.CANCELLED:
        return _("This session is cancelled: registration is closed.")
    if session.status == SessionStatus.DONE or session.start <= now:
        return _("This session has already taken place.")
    if session.registration_opens and now < session.registration_opens:
        return _("Registration opens on %(date)s.") % {
            "date": local_label(session.registration_opens)
        }
    if now >= session.closes_at:
        return _("Registration closed on %(date)s.") % {"date": local_label(session.closes_at)}
    return None


def _confirmed_count(session):
    return session.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def _fill_free_seats(session, now):
    """Promote the first people waiting into the free seats. Never once the session has
    started or if it is cancelled: a seat offered too late is a seat nobody can take."""
    if session.status != SessionStatus.SCHEDULED or session.start <= now:
        return []
    free = seat_limit(session) - _confirmed_count(session)
    if free <= 0:
        return []
    promoted = list(session.registrations.waitlist().select_related("user")[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        notifications.send_after_commit(notifications.promoted, registration)
    return promoted


def register(session_id, user, now=None):
    """Register ``user`` to a session: a confirmed seat if one is free, else the waiting list.

    Raises :class:`RegistrationError` with the reason when a rule refuses it; nothing changes
    then.
    """
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to register."))
    with transaction.atomic():
        session = _locked_session(session_id)
        # Read the clock once the lock is held: the queue's order is the order of the locks.
        now = now or timezone.now()
        visible = EventPage.objects.visible().filter(pk=session.event_id).exists()
        if refusal := registration_refusal(session, now, visible):
            raise RegistrationError(refusal)
        registration = Registration.objects.filter(session=session, user=user).first()
        if registration and registration.status == RegistrationStatus.CONFIRMED:
            raise RegistrationError(_("You are already registered for this session."))
        if registration and registration.status == RegistrationStatus.WAITLISTED:
            raise RegistrationError(_("You are already on the waiting list for this session."))
        # Seats freed by a raised capacity go to those waiting before any newcomer.
        _fill_free_seats(session, now)
        has_seat = _confirmed_count(session) < seat_limit(session)
        registration = registration or Registration(session=session, user=user)
        registration.status = (
            RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITLISTED
        )
        registration.queued_at = now
        registration.promoted_at = registration.cancelled_at = None
        registration.save()
        notifications.send_after_commit(notifications.registered, registration)
    return registration


def cancel(registration_id, user=None, token=None, now=None):
    """Cancel a registration, by its owner (``user``) or by the secret link of its e-mail
    (``token``); until the session starts. A freed seat goes to the first person waiting."""
    with transaction.atomic():
        found = Registration.objects.filter(pk=registration_id).values("session_id").first()
        if found is None:
            raise RegistrationError(_("This registration does not exist."))
        session = _locked_session(found["session_id"])
        now = now or timezone.now()
        registration = (
            Registration.objects.select_for_update().select_related("user").get(pk=registration_id)
        )
        allowed = (user is not None and user.pk == registration.user_id) or (
            token is not None and token == registration.token
        )
        if not allowed:
            raise PermissionDenied(_("You can only cancel your own registrations."))
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationError(_("This registration is already cancelled."))
        if session.start <= now:
            raise RegistrationError(_("The session has started: it is too late to cancel."))
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if was_confirmed:
            _fill_free_seats(session, now)
    return registration


def fill_free_seats(session_id, now=None):
    """After the training team raises a capacity: the waiting list moves up at once."""
    with transaction.atomic():
        return _fill_free_seats(_locked_session(session_id), now or timezone.now())


def announce_cancellation(session_id):
    """The training team cancelled a session: everyone registered or waiting hears it by
    e-mail (their calendars follow through STATUS:CANCELLED)."""
    registrations = (
        Registration.objects.filter(session_id=session_id)
        .active()
        .select_related("user", "session__event")
    )
    for registration in registrations:
        notifications.send_after_commit(notifications.session_cancelled, registration)
    return len(registrations)


def sessions_for_page(event, user):
    """What an event page shows of its sessions, in a fixed number of queries: upcoming
    sessions with their counts and facilitators, why registering is refused (the same rule
    as :func:`register`), and the visitor's own registration to each."""
    now = timezone.now()
    visible = EventPage.objects.visible().filter(pk=event.pk).exists()
    upcoming = list(
        Session.objects.filter(event=event)
        .upcoming()
        .with_counts()
        .prefetch_related("facilitators")
        .order_by("start")
    )
    mine = {}
    if user.is_authenticated and upcoming:
        mine = {
            registration.session_id: registration
            for registration in Registration.objects.filter(
                user=user, session__in=[session.pk for session in upcoming]
            )
            .active()
            .with_waitlist_position()
        }
    for session in upcoming:
        session.event = event
        session.my_registration = mine.get(session.pk)
        session.refusal = registration_refusal(session, now, visible)
    past_count = (
        Session.objects.filter(event=event).past().exclude(status=SessionStatus.CANCELLED).count()
    )
    return {"upcoming_sessions": upcoming, "past_session_count": past_count}
