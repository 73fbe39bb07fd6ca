"""The registration rules of events.services: seats, waiting list, cancellation, promotion."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from community.factories import UserFactory
from events import services
from events.factories import SessionFactory
from events.models import Registration, RegistrationStatus, SessionStatus

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def session(workshop):
    return SessionFactory(event=workshop, capacity=2)


def people(count):
    return [UserFactory() for _ in range(count)]


def statuses(session):
    return list(
        Registration.objects.filter(session=session)
        .order_by("queued_at", "pk")
        .values_list("user__email", "status")
    )


def test_seats_first_then_the_waiting_list_in_order(session, django_capture_on_commit_callbacks):
    first, second, third, fourth = people(4)
    with django_capture_on_commit_callbacks(execute=True):
        for person in (first, second, third, fourth):
            services.register(session.pk, person)
    assert statuses(session) == [
        (first.email, RegistrationStatus.CONFIRMED),
        (second.email, RegistrationStatus.CONFIRMED),
        (third.email, RegistrationStatus.WAITLISTED),
        (fourth.email, RegistrationStatus.WAITLISTED),
    ]
    positions = dict(
        Registration.objects.with_waitlist_position().values_list("user", "waitlist_position")
    )
    assert positions == {first.pk: None, second.pk: None, third.pk: 1, fourth.pk: 2}
    # Everyone hears from us: two confirmations, two waiting-list notices with their position.
    assert [message.to for message in mail.outbox] == [
        [p.email] for p in (first, second, third, fourth)
    ]
    fourth_notice = mail.outbox[3].body
    assert (
        f"La séance de « {session.event.title} » du {session.start_label} est complète : "
        "vous êtes en position 2 sur la liste d'attente."
    ) in fourth_notice
    assert "vous êtes en position 1 sur la liste d'attente." in mail.outbox[2].body
    assert "/inscriptions/annuler/" in fourth_notice


def test_cancelling_a_seat_promotes_the_first_person_waiting(
    session, django_capture_on_commit_callbacks
):
    first, second, third, fourth = people(4)
    registrations = [
        services.register(session.pk, person) for person in (first, second, third, fourth)
    ]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registrations[0].pk, user=first)
    assert statuses(session)[1:] == [
        (second.email, RegistrationStatus.CONFIRMED),
        (third.email, RegistrationStatus.CONFIRMED),
        (fourth.email, RegistrationStatus.WAITLISTED),
    ]
    promoted = Registration.objects.get(user=third)
    assert promoted.promoted_at is not None
    assert [message.to for message in mail.outbox] == [[third.email]]
    assert session.event.title in mail.outbox[0].subject
    # The fourth moved up to first in line.
    assert Registration.objects.with_waitlist_position().get(user=fourth).waitlist_position == 1


def test_leaving_the_waiting_list_promotes_nobody(session):
    first, second, third = people(3)
    for person in (first, second):
        services.register(session.pk, person)
    waiting = services.register(session.pk, third)
    services.cancel(waiting.pk, user=third)
    assert statuses(session) == [
        (first.email, RegistrationStatus.CONFIRMED),
        (second.email, RegistrationStatus.CONFIRMED),
        (third.email, RegistrationStatus.CANCELLED),
    ]


def test_no_double_registration(session, agent):
    services.register(session.pk, agent)
    with pytest.raises(services.RegistrationError, match="Vous avez déjà une place"):
        services.register(session.pk, agent)
    assert Registration.objects.filter(user=agent).count() == 1


def test_no_double_place_on_the_waiting_list(workshop, agent):
    full = SessionFactory(event=workshop, capacity=1)
    services.register(full.pk, UserFactory())
    services.register(full.pk, agent)
    with pytest.raises(services.RegistrationError, match="déjà sur la liste d'attente"):
        services.register(full.pk, agent)


def test_registering_again_after_cancelling_takes_a_new_turn(session, agent):
    first = services.register(session.pk, agent)
    services.cancel(first.pk, user=agent)
    again = services.register(session.pk, agent)
    assert again.pk == first.pk and again.is_confirmed and again.cancelled_at is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"status": SessionStatus.CANCELLED}, "est annulée"),
        ({"start": timezone.now() - timedelta(hours=1)}, "a déjà eu lieu"),
        ({"registration_deadline": timezone.now() - timedelta(minutes=1)}, "ont fermé le"),
        ({"registration_opens": timezone.now() + timedelta(days=2)}, "ouvrent le"),
    ],
)
def test_closed_sessions_refuse_registration_and_change_nothing(workshop, agent, changes, reason):
    start = changes.pop("start", timezone.now() + timedelta(days=7))
    session = SessionFactory(event=workshop, start=start, end=start + timedelta(hours=1), **changes)
    with pytest.raises(services.RegistrationError, match=reason):
        services.register(session.pk, agent)
    assert not Registration.objects.exists()


def test_unknown_session_and_unpublished_event(workshop, agent):
    with pytest.raises(services.RegistrationError, match="n'existe pas"):
        services.register(999_999, agent)
    session = SessionFactory(event=workshop)
    workshop.unpublish()
    with pytest.raises(services.RegistrationError, match="n'existe pas"):
        services.register(session.pk, agent)
    assert not Registration.objects.exists()


def test_anonymous_visitors_cannot_register(session):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.register(session.pk, AnonymousUser())


def test_only_the_owner_or_the_link_cancels(session, agent):
    registration = services.register(session.pk, agent)
    with pytest.raises(PermissionDenied):
        services.cancel(registration.pk, user=UserFactory())
    with pytest.raises(PermissionDenied):
        services.cancel(registration.pk, token="not-the-token")
    assert Registration.objects.get().is_confirmed
    services.cancel(registration.pk, token=registration.token)
    assert Registration.objects.get().is_cancelled


def test_no_cancelling_once_started_and_no_promotion_after_the_start(workshop):
    session = SessionFactory(event=workshop, capacity=1)
    holder, waiting = people(2)
    seat = services.register(session.pk, holder)
    services.register(session.pk, waiting)
    after_start = session.start + timedelta(minutes=5)
    with pytest.raises(services.RegistrationError, match="trop tard"):
        services.cancel(seat.pk, user=holder, now=after_start)
    # A raised capacity after the start offers no seat: nobody could take it any more.
    session.capacity = 5
    session.save()
    assert services.fill_free_seats(session.pk, now=after_start) == []
    assert Registration.objects.get(user=waiting).is_waitlisted


def test_a_raised_capacity_serves_the_waiting_list_before_newcomers(workshop):
    session = SessionFactory(event=workshop, capacity=1)
    holder, waiting, newcomer = people(3)
    services.register(session.pk, holder)
    services.register(session.pk, waiting)
    session.capacity = 2
    session.save()
    late = services.register(session.pk, newcomer)
    assert Registration.objects.get(user=waiting).is_confirmed
    assert late.is_waitlisted


def test_tokens_are_unguessable_and_distinct(session):
    tokens = {services.register(session.pk, person).token for person in people(2)}
    assert len(tokens) == 2 and all(len(token) >= 40 for token in tokens)


def test_calendar_sequence_grows_with_visible_changes_only(session):
    assert session.sequence == 0
    session.capacity = 30
    session.save()
    assert session.sequence == 0
    session.start += timedelta(hours=1)
    session.end += timedelta(hours=1)
    session.save()
    session.status = SessionStatus.CANCELLED
    session.save()
    session.refresh_from_db()
    assert session.sequence == 2


def test_bulk_work_can_register_without_e_mailing_anyone(
    session, agent, django_capture_on_commit_callbacks
):
    from events import notifications

    with django_capture_on_commit_callbacks(execute=True):
        with notifications.muted():
            services.register(session.pk, agent)
        services.register(session.pk, UserFactory(email="loud@atelier.example"))
    assert [message.to for message in mail.outbox] == [["loud@atelier.example"]]
