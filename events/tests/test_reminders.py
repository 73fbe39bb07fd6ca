"""Reminders two days and two hours before, sent once each whatever how often cron runs the
command; and the .ics invitation of the e-mail that confirms a seat."""

import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from community.factories import UserFactory
from events import services
from events.calendars import session_uid
from events.factories import SessionFactory, WorkshopPageFactory
from events.models import Registration, RegistrationStatus, SessionStatus

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=PARIS)
START = NOW + timedelta(days=5)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """One run of the command, its e-mails delivered as after a real commit."""

    def run_once():
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=out)
        return out.getvalue()

    return run_once


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def cancel_path(message):
    return re.search(r"https?://[^/\s]+(/inscriptions/annuler/[^/\s]+/)", message.body).group(1)


def test_each_reminder_is_sent_once_though_the_command_runs_every_five_minutes(
    workshop, clock, run
):
    session = SessionFactory(
        event=workshop, start=START, capacity=1, online_url="https://v.example/a"
    )
    seat = services.register(session.pk, UserFactory())
    waiting = services.register(session.pk, UserFactory())
    clock.move_to(START - timedelta(days=3))
    sent_at = []
    while True:
        now = datetime.now(PARIS)
        if now > START + timedelta(minutes=30):
            break
        before = len(mail.outbox)
        run()
        sent_at += [now] * (len(mail.outbox) - before)
        clock.shift(timedelta(minutes=5))

    assert [message.to for message in mail.outbox] == [[seat.user.email]] * 2
    early, soon = sent_at
    assert START - timedelta(days=2) <= early < START - timedelta(days=2) + timedelta(minutes=5)
    assert START - timedelta(hours=2) <= soon < START - timedelta(hours=2) + timedelta(minutes=5)
    seat.refresh_from_db()
    assert seat.reminder_2d_sent_at == early and seat.reminder_2h_sent_at == soon
    waiting.refresh_from_db()
    assert waiting.reminder_2d_sent_at is None and waiting.reminder_2h_sent_at is None
    for message in mail.outbox:
        assert session.place in message.body
        assert "https://v.example/a" in message.body
        assert cancel_path(message) == f"/inscriptions/annuler/{seat.token}/"


def test_a_first_run_after_the_two_hour_mark_sends_only_the_second_reminder(workshop, clock, run):
    session = SessionFactory(event=workshop, start=START)
    seat = services.register(session.pk, UserFactory())
    clock.move_to(START - timedelta(hours=1))
    run()
    run()
    assert len(mail.outbox) == 1
    seat.refresh_from_db()
    assert seat.reminder_2h_sent_at is not None
    assert seat.reminder_2d_sent_at is None


def test_nothing_is_sent_for_cancelled_or_started_sessions_nor_hidden_events(
    workshop, catalog, clock, run
):
    cancelled = SessionFactory(event=workshop, start=START)
    started = SessionFactory(event=workshop, start=NOW + timedelta(hours=1))
    hidden_event = WorkshopPageFactory(parent=catalog, live=False)
    hidden = SessionFactory(event=hidden_event, start=START)
    for session in (cancelled, started, hidden):
        Registration.objects.create(
            session=session, user=UserFactory(), status=RegistrationStatus.CONFIRMED, queued_at=NOW
        )
    cancelled.status = SessionStatus.CANCELLED
    cancelled.save()
    clock.move_to(START - timedelta(days=2))  # the started one began long ago
    run()
    clock.move_to(START - timedelta(hours=1))
    run()
    assert mail.outbox == []
    assert not Registration.objects.filter(reminder_2d_sent_at__isnull=False).exists()
    assert not Registration.objects.filter(reminder_2h_sent_at__isnull=False).exists()


def test_the_reminder_link_frees_the_seat_for_the_first_person_waiting(
    client, workshop, clock, run, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, start=START, capacity=1)
    seat = services.register(session.pk, UserFactory())
    first = services.register(session.pk, UserFactory())
    clock.shift(timedelta(minutes=1))
    second = services.register(session.pk, UserFactory())
    clock.move_to(START - timedelta(days=2))
    run()
    (reminder,) = mail.outbox
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_path(reminder))
    for registration in (seat, first, second):
        registration.refresh_from_db()
    assert seat.status == RegistrationStatus.CANCELLED
    assert first.status == RegistrationStatus.CONFIRMED
    assert second.status == RegistrationStatus.WAITLISTED
    assert [message.to for message in mail.outbox] == [[first.user.email]]


def test_the_command_reports_what_it_did(workshop, clock, run):
    session = SessionFactory(event=workshop, start=START)
    services.register(session.pk, UserFactory())
    clock.move_to(START - timedelta(days=2))
    assert "Reminders: 1 two days before, 0 two hours before" in run()


def invitation_of(message):
    (attachment,) = message.attachments
    filename, content, mimetype = attachment
    assert (filename, mimetype) == ("invitation.ics", "text/calendar")
    return Calendar.from_ical(content)


def test_the_confirmation_e_mail_carries_the_session_as_an_ics_invitation(
    workshop, clock, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, start=START, online_url="https://v.example/b")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session.pk, UserFactory())
    calendar = invitation_of(mail.outbox[0])
    assert calendar["METHOD"] == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == session_uid(session)
    assert event.decoded("DTSTART") == START
    assert "https://v.example/b" in str(event["LOCATION"])


def test_a_promotion_carries_the_invitation_and_the_waiting_list_e_mail_does_not(
    workshop, clock, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, start=START, capacity=1)
    seat = services.register(session.pk, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.register(session.pk, UserFactory())
    (waitlisted,) = mail.outbox
    assert waitlisted.attachments == []
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(seat.pk, user=seat.user)
    (promoted,) = mail.outbox
    assert promoted.to == [waiting.user.email]
    (event,) = invitation_of(promoted).walk("VEVENT")
    assert str(event["UID"]) == session_uid(session)


def test_a_moved_session_gets_its_reminders_again(workshop):
    """Reminders are recorded as sent; a session moved to another date is reminded anew."""
    from datetime import timedelta

    from django.utils import timezone

    from community.factories import UserFactory
    from events import services
    from events.factories import SessionFactory
    from events.models import Registration

    session = SessionFactory(event=workshop)
    registration = services.register(session.pk, UserFactory())
    Registration.objects.filter(pk=registration.pk).update(
        reminder_2d_sent_at=timezone.now(), reminder_2h_sent_at=timezone.now()
    )
    session.place = "Salle 4"  # not a move: the markers stay
    session.save()
    registration.refresh_from_db()
    assert registration.reminder_2d_sent_at is not None
    session.start += timedelta(days=7)
    session.end += timedelta(days=7)
    session.save()
    registration.refresh_from_db()
    assert registration.reminder_2d_sent_at is None and registration.reminder_2h_sent_at is None
