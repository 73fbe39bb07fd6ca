"""The seat confirmation step: asked three days before (only for series that want it),
enforced the day before by giving unconfirmed seats to the waiting list, in order."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from community.factories import UserFactory
from events import services
from events.factories import SeriesFactory, SessionFactory, WorkshopPageFactory
from events.models import Registration, RegistrationStatus, SessionStatus
from events.tests.test_reminders import NOW, START

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_once():
        with django_capture_on_commit_callbacks(execute=True):
            return services.run_reminders()

    return run_once


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def confirming(workshop):
    workshop.series = SeriesFactory(requires_seat_confirmation=True)
    workshop.save()
    return workshop


def register_in_turn(session, clock, count):
    """``count`` people, one minute apart, so the queue's order is certain."""
    registrations = []
    for _ in range(count):
        registrations.append(services.register(session.pk, UserFactory()))
        clock.shift(timedelta(minutes=1))
    return registrations


def confirm_path(registration):
    return f"/inscriptions/confirmer/{registration.token}/"


def test_three_days_before_only_series_with_the_option_ask_for_a_confirmation(
    confirming, catalog, clock, run
):
    asking = SessionFactory(event=confirming, start=START)
    plain_series = WorkshopPageFactory(parent=catalog, series=SeriesFactory())
    no_series = WorkshopPageFactory(parent=catalog)
    others = [
        SessionFactory(event=plain_series, start=START),
        SessionFactory(event=no_series, start=START),
    ]
    (seat,) = register_in_turn(asking, clock, 1)
    for session in others:
        register_in_turn(session, clock, 1)

    clock.move_to(START - timedelta(days=3, minutes=-1))
    assert run().seat_confirmations_asked == 1
    assert [message.to for message in mail.outbox] == [[seat.user.email]]
    assert confirm_path(seat) in mail.outbox[0].body
    seat.refresh_from_db()
    assert seat.seat_confirmation_requested_at == START - timedelta(days=3, minutes=-1)
    assert run().seat_confirmations_asked == 0
    assert len(mail.outbox) == 1
    assert (
        not Registration.objects.exclude(pk=seat.pk)
        .filter(seat_confirmation_requested_at__isnull=False)
        .exists()
    )


def test_the_day_before_unconfirmed_seats_go_to_the_end_of_the_waiting_list(
    confirming, client, clock, run
):
    session = SessionFactory(event=confirming, start=START, capacity=2)
    kept, released, first, second = register_in_turn(session, clock, 4)
    clock.move_to(START - timedelta(days=3))
    run()
    client.post(confirm_path(kept))  # confirmed in time
    clock.move_to(START - timedelta(days=2))
    run()  # the reminders
    mail.outbox.clear()

    clock.move_to(START - timedelta(days=1))
    assert run().seats_released == 1
    for registration in (kept, released, first, second):
        registration.refresh_from_db()
    assert kept.status == RegistrationStatus.CONFIRMED
    assert first.status == RegistrationStatus.CONFIRMED
    assert (second.status, released.status) == (RegistrationStatus.WAITLISTED,) * 2
    assert released.queued_at == START - timedelta(days=1)
    assert list(session.registrations.waitlist()) == [second, released]
    # The one promoted hears it (with the invitation), the one released too; nobody else.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [first.user.email, released.user.email]
    )
    promotion = next(message for message in mail.outbox if message.to == [first.user.email])
    assert promotion.attachments[0][0] == "invitation.ics"
    # Nothing more on the next runs.
    mail.outbox.clear()
    clock.shift(timedelta(minutes=5))
    assert run().seats_released == 0
    assert mail.outbox == []


def test_released_people_are_served_after_those_waiting_and_in_order(confirming, clock, run):
    session = SessionFactory(event=confirming, start=START, capacity=3)
    one, two, three, waiting = register_in_turn(session, clock, 4)
    clock.move_to(START - timedelta(days=3))
    run()
    mail.outbox.clear()
    clock.move_to(START - timedelta(days=1))
    run()
    statuses = {r.pk: r.status for r in Registration.objects.all()}
    # Three seats freed, one person waiting: they get one, the first two released get theirs
    # back silently; only the last released waits.
    assert statuses[waiting.pk] == RegistrationStatus.CONFIRMED
    assert statuses[one.pk] == statuses[two.pk] == RegistrationStatus.CONFIRMED
    assert statuses[three.pk] == RegistrationStatus.WAITLISTED
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [waiting.user.email, three.user.email]
    )


def test_people_registered_after_the_question_are_neither_asked_nor_released(
    confirming, clock, run
):
    session = SessionFactory(event=confirming, start=START, capacity=1)
    clock.move_to(START - timedelta(days=3))
    run()  # the question, to nobody yet
    clock.move_to(START - timedelta(days=2))
    (late,) = register_in_turn(session, clock, 1)
    register_in_turn(session, clock, 1)  # someone waiting, who would take the seat
    for hours_before in range(47, 19, -1):  # through the day before
        clock.move_to(START - timedelta(hours=hours_before))
        run()
    late.refresh_from_db()
    assert late.status == RegistrationStatus.CONFIRMED
    assert late.seat_confirmation_requested_at is None


def test_the_page_confirms_the_seat_only_on_the_button(confirming, client, clock):
    session = SessionFactory(event=confirming, start=START)
    (seat,) = register_in_turn(session, clock, 1)
    page = client.get(confirm_path(seat))
    assert page.status_code == 200
    assert page.context["registration"] == seat
    seat.refresh_from_db()
    assert seat.seat_confirmed_at is None
    response = client.post(confirm_path(seat), follow=True)
    assert response.redirect_chain[-1][0] == confirm_path(seat)
    seat.refresh_from_db()
    assert seat.seat_confirmed_at == NOW + timedelta(minutes=1)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_link_is_not_found_and_changes_nothing(confirming, client, clock, method):
    session = SessionFactory(event=confirming, start=START)
    (seat,) = register_in_turn(session, clock, 1)
    forged = seat.token[:-1] + ("A" if seat.token[-1] != "A" else "B")
    assert getattr(client, method)(f"/inscriptions/confirmer/{forged}/").status_code == 404
    assert getattr(client, method)("/inscriptions/confirmer/nope/").status_code == 404
    seat.refresh_from_db()
    assert seat.seat_confirmed_at is None


def test_a_cancelled_registration_or_session_cannot_be_confirmed(confirming, client, clock):
    session = SessionFactory(event=confirming, start=START)
    cancelled, other = register_in_turn(session, clock, 2)
    services.cancel(cancelled.pk, user=cancelled.user)
    response = client.post(confirm_path(cancelled), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert response.context["registration"].is_cancelled
    session.status = SessionStatus.CANCELLED
    session.save()
    response = client.post(confirm_path(other), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not Registration.objects.filter(seat_confirmed_at__isnull=False).exists()


def test_someone_waiting_has_no_seat_to_confirm(confirming, client, clock):
    session = SessionFactory(event=confirming, start=START, capacity=1)
    _seat, waiting = register_in_turn(session, clock, 2)
    response = client.post(confirm_path(waiting), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    waiting.refresh_from_db()
    assert waiting.seat_confirmed_at is None


def test_nobody_loses_a_seat_without_twelve_hours_to_confirm_it(confirming, clock, run):
    """The command missed the D-3 run (or the option was switched on late): asked less than
    twelve hours before the deadline, nobody is asked, and nobody is released."""
    late = SessionFactory(event=confirming, start=START)
    (seat,) = register_in_turn(late, clock, 1)

    clock.move_to(START - timedelta(days=1, hours=11))
    assert run().seat_confirmations_asked == 0
    clock.move_to(START - timedelta(days=1, minutes=-5))
    run()
    seat.refresh_from_db()
    assert seat.seat_confirmation_requested_at is None
    assert seat.status == RegistrationStatus.CONFIRMED

    # Asked in time by hand a few hours before the deadline: the seat is still not released.
    Registration.objects.filter(pk=seat.pk).update(
        seat_confirmation_requested_at=START - timedelta(days=1, hours=6)
    )
    run()
    seat.refresh_from_db()
    assert seat.status == RegistrationStatus.CONFIRMED
