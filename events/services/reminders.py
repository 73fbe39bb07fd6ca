"""What the reminder command does against no-shows, each step safe to run every few minutes:
reminders two days and two hours before, the seat confirmation asked three days before and
enforced the day before, and the news to a series' followers that a session opens.

Each e-mail is recorded in the same transaction as it is queued, on rows locked with
``skip_locked``: two runs at once share the work instead of both sending, and a row once
recorded is never sent again.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from events import need_answers, notifications
from events.models import (
    Registration,
    RegistrationStatus,
    SeriesSubscription,
    Session,
    SessionStatus,
)
from events.models.sessions import local_label
from events.services.registrations import (
    RegistrationError,
    _fill_free_seats,
    _locked_session,
    registration_refusal,
)

REMINDER_EARLY = timedelta(days=2)
REMINDER_SOON = timedelta(hours=2)
SEAT_CONFIRMATION_ASKED = timedelta(days=3)
SEAT_CONFIRMATION_DUE = timedelta(days=1)
# Nobody loses a seat without having had at least this long to confirm it (a missed run of
# the command, an option switched on late): asked later than that, nobody is asked at all.
SEAT_CONFIRMATION_MIN_NOTICE = timedelta(hours=12)


@dataclass
class Summary:
    """What one run sent or changed, for the command's report."""

    reminders_2d: int = 0
    reminders_2h: int = 0
    seat_confirmations_asked: int = 0
    seats_released: int = 0
    openings_announced: int = 0
    need_sessions_announced: int = 0


def run_reminders(now=None):
    """Every step, in an order where each sees what the previous one did."""
    now = now or timezone.now()
    # One query for the sessions of the three next days, which every step then shares.
    sessions = list(
        Session.objects.visible()
        .scheduled()
        .filter(start__gt=now, start__lte=now + SEAT_CONFIRMATION_ASKED)
        .select_related("event__series")
        .order_by("start", "pk")
    )
    summary = Summary()
    # Released first: a seat given away the day before must not be reminded to its holder.
    summary.seats_released = release_unconfirmed_seats(sessions, now)
    summary.seat_confirmations_asked = ask_seat_confirmations(sessions, now)
    summary.reminders_2d, summary.reminders_2h = send_reminders(sessions, now)
    summary.openings_announced = announce_openings(now)
    summary.need_sessions_announced = need_answers.announce_need_sessions(now)
    return summary


def _starting(sessions, now, within):
    return [session for session in sessions if now < session.start <= now + within]


def _asks_seat_confirmation(session):
    series = session.event.series
    return bool(series and series.requires_seat_confirmation)


def _seat_held_since(moment):
    """Seats taken (registered, or promoted from the waiting list) no later than ``moment``:
    someone who got a seat later has just been e-mailed everything."""
    return Q(promoted_at__isnull=True, queued_at__lte=moment) | Q(promoted_at__lte=moment)


def _claim(registrations, field, now, notify):
    """Record ``field`` on the rows no other run holds, and e-mail them once committed."""
    with transaction.atomic():
        claimed = list(
            registrations.filter(**{f"{field}__isnull": True})
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "session__event")
        )
        Registration.objects.filter(pk__in=[row.pk for row in claimed]).update(**{field: now})
        for registration in claimed:
            setattr(registration, field, now)
            notifications.send_after_commit(notify, registration)
    return len(claimed)


def send_reminders(sessions, now):
    """Two days before, then two hours before; a run after the two-hour mark sends only the
    second (two e-mails at once would be noise). Returns the counts of both."""
    early = soon = 0
    for session in _starting(sessions, now, REMINDER_EARLY):
        seats = session.registrations.filter(status=RegistrationStatus.CONFIRMED)
        if session.start - now <= REMINDER_SOON:
            notify = partial(notifications.reminder, soon=True)
            soon += _claim(seats, "reminder_2h_sent_at", now, notify)
        else:
            seats = seats.filter(_seat_held_since(session.start - REMINDER_EARLY))
            early += _claim(seats, "reminder_2d_sent_at", now, notifications.reminder)
    return early, soon


def ask_seat_confirmations(sessions, now):
    """Three days before, for series that ask it: whoever held a seat by then is asked to
    confirm it before the day before. People registered later are never asked."""
    asked = 0
    for session in filter(
        _asks_seat_confirmation, _starting(sessions, now, SEAT_CONFIRMATION_ASKED)
    ):
        due = session.start - SEAT_CONFIRMATION_DUE
        if now > due - SEAT_CONFIRMATION_MIN_NOTICE:
            continue  # too late to ask fairly: the seat would be released almost at once
        seats = session.registrations.filter(
            _seat_held_since(session.start - SEAT_CONFIRMATION_ASKED),
            status=RegistrationStatus.CONFIRMED,
            seat_confirmed_at__isnull=True,
        )
        notify = partial(notifications.seat_confirmation, deadline=local_label(due))
        asked += _claim(seats, "seat_confirmation_requested_at", now, notify)
    return asked


def _unconfirmed(session):
    """Seats asked to be confirmed and not confirmed; a seat taken after the question (a new
    registration, a promotion) was never asked, so it stays."""
    return (
        session.registrations.filter(
            status=RegistrationStatus.CONFIRMED,
            seat_confirmation_requested_at__lte=(
                session.start - SEAT_CONFIRMATION_DUE - SEAT_CONFIRMATION_MIN_NOTICE
            ),
            seat_confirmed_at__isnull=True,
        )
        .alias(seat_since=Coalesce("promoted_at", "queued_at"))
        .filter(seat_since__lte=F("seat_confirmation_requested_at"))
    )


def release_unconfirmed_seats(sessions, now):
    """The day before: unconfirmed seats go to the waiting list. Returns how many people
    lost their seat."""
    released = 0
    for session in filter(_asks_seat_confirmation, _starting(sessions, now, SEAT_CONFIRMATION_DUE)):
        if _unconfirmed(session).exists():  # lock the session only when there is work
            released += len(release_seats(session.pk, now))
    return released


def release_seats(session_id, now=None):
    """Move the unconfirmed seats of one session to the end of its waiting list, and give
    them to the people waiting before them, in order. If fewer wait than seats are freed,
    the first released get their seat back: they are told nothing, as nothing changed."""
    with transaction.atomic():
        session = _locked_session(session_id)
        now = now or timezone.now()
        if session.status != SessionStatus.SCHEDULED or session.start <= now:
            return []
        unconfirmed = list(_unconfirmed(session).select_related("user", "session__event"))
        for registration in unconfirmed:
            registration.status = RegistrationStatus.WAITLISTED
            registration.queued_at = now
            registration.promoted_at = None
            registration.save(update_fields=["status", "queued_at", "promoted_at"])
        with notifications.muted():  # told below, each with the right e-mail
            promoted = _fill_free_seats(session, now)
        unconfirmed_pks = {row.pk for row in unconfirmed}
        promoted_pks = {row.pk for row in promoted}
        for registration in promoted:
            if registration.pk not in unconfirmed_pks:
                notifications.send_after_commit(notifications.promoted, registration)
        released = [row for row in unconfirmed if row.pk not in promoted_pks]
        for registration in released:
            notifications.send_after_commit(notifications.seat_released, registration)
    return released


def confirm_seat(token, now=None):
    """The registered person confirms they will come, by the link of the e-mail."""
    with transaction.atomic():
        found = Registration.objects.filter(token=token).values("pk", "session_id").first()
        if found is None:
            raise RegistrationError(_("This registration does not exist."))
        session = _locked_session(found["session_id"])
        now = now or timezone.now()
        registration = Registration.objects.select_for_update().get(pk=found["pk"])
        if registration.is_cancelled:
            raise RegistrationError(
                _("This registration is cancelled: there is no seat to confirm.")
            )
        if session.status == SessionStatus.CANCELLED:
            raise RegistrationError(_("This session is cancelled."))
        if session.start <= now:
            raise RegistrationError(_("The session has started: there is nothing to confirm."))
        if registration.is_waitlisted:
            raise RegistrationError(
                _(
                    "You are on the waiting list: there is no seat to confirm. If a seat frees "
                    "up, we tell you by e-mail."
                )
            )
        if registration.seat_confirmed_at is None:
            registration.seat_confirmed_at = now
            registration.save(update_fields=["seat_confirmed_at"])
    return registration


def follow_series(user, series, follow=True):
    """Follow a series (told of each new session) or stop; asking twice changes nothing."""
    if follow:
        SeriesSubscription.objects.get_or_create(user=user, series=series)
    else:
        SeriesSubscription.objects.filter(user=user, series=series).delete()


def follows_series(user, series):
    return (
        user.is_authenticated
        and SeriesSubscription.objects.filter(user=user, series=series).exists()
    )


def announce_openings(now):
    """Tell the followers of a series, once, that a session of it takes registrations.
    Returns the number of e-mails queued."""
    # Past its deadline a session is not news: left out here, it is not locked and
    # re-checked by every run of the command until it starts.
    candidates = (
        Session.objects.visible()
        .open_for_registration(now)
        .filter(opening_announced_at__isnull=True, event__series__isnull=False)
        .order_by("start", "pk")
    )
    return sum(_announce(session_id, now) for session_id in candidates.values_list("pk", flat=True))


def _announce(session_id, now):
    with transaction.atomic():
        session = (
            Session.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("event__series")
            .filter(pk=session_id, opening_announced_at__isnull=True)
            .first()
        )
        # The same rule as registering: a session past its deadline is not news.
        if session is None or registration_refusal(session, now):
            return 0
        # update(), not save(): the calendar's DTSTAMP must not move for this.
        Session.objects.filter(pk=session.pk).update(opening_announced_at=now)
        registered = Registration.objects.filter(session=session).active().values("user")
        followers = list(
            get_user_model()
            .objects.filter(series_subscriptions__series=session.event.series_id, is_active=True)
            .exclude(pk__in=registered)
            .exclude(email="")
        )
        for user in followers:
            notifications.send_after_commit(notifications.session_opened, session, user)
    return len(followers)
