"""Registering and cancelling through the site: one click, a clear French message, and bad
requests that change nothing."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from community.factories import UserFactory
from community.tests.pages import text_of
from events import services
from events.factories import RegistrationFactory, SessionFactory
from events.models import Registration, RegistrationStatus, SessionStatus

pytestmark = pytest.mark.django_db


def register_url(session_id):
    return f"/seances/{session_id}/inscription/"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_one_click_registers_and_says_so(client, workshop, agent):
    session = SessionFactory(event=workshop)
    client.force_login(agent)
    response = client.post(register_url(session.pk), follow=True)
    assert response.redirect_chain[-1][0] == workshop.url
    assert Registration.objects.get(user=agent).is_confirmed
    assert any("Votre place est réservée" in text for text in messages_of(response))
    assert "Votre place est réservée" in response.content.decode()


def test_a_full_session_puts_the_agent_on_the_waiting_list_with_their_position(
    client, workshop, agent
):
    session = SessionFactory(event=workshop, capacity=1)
    services.register(session.pk, UserFactory())
    client.force_login(agent)
    response = client.post(register_url(session.pk), follow=True)
    assert Registration.objects.get(user=agent).is_waitlisted
    assert any("position 1 sur la liste d'attente" in text for text in messages_of(response))


def bad_sessions(workshop):
    past_start = timezone.now() - timedelta(days=1)
    return {
        "past": SessionFactory(
            event=workshop, start=past_start, end=past_start + timedelta(hours=1)
        ),
        "cancelled": SessionFactory(event=workshop, status=SessionStatus.CANCELLED),
        "after the deadline": SessionFactory(
            event=workshop, registration_deadline=timezone.now() - timedelta(hours=1)
        ),
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("past", "Cette séance a déjà eu lieu."),
        ("cancelled", "Cette séance est annulée : les inscriptions sont closes."),
        ("after the deadline", "Les inscriptions ont fermé le"),
        ("unknown", "Cette séance n'existe pas."),
        ("twice", "Vous avez déjà une place pour cette séance."),
    ],
)
def test_bad_registrations_get_a_french_error_and_change_nothing(
    client, workshop, agent, case, message
):
    sessions = bad_sessions(workshop)
    if case == "unknown":
        session_id = 987_654
    elif case == "twice":
        session_id = SessionFactory(event=workshop).pk
        services.register(session_id, agent)
    else:
        session_id = sessions[case].pk
    before = list(Registration.objects.values_list("pk", "status"))
    client.force_login(agent)
    response = client.post(register_url(session_id), follow=True)
    assert response.status_code == 200
    assert any(message in text for text in messages_of(response)), messages_of(response)
    assert list(Registration.objects.values_list("pk", "status")) == before


def test_registering_needs_sign_in_and_a_post(client, workshop, agent):
    session = SessionFactory(event=workshop)
    response = client.post(register_url(session.pk))
    assert response.status_code == 302 and response.url.startswith("/connexion/")
    client.force_login(agent)
    assert client.get(register_url(session.pk)).status_code == 405
    assert not Registration.objects.exists()


def test_a_registration_sent_without_its_csrf_token_gets_a_french_page_and_changes_nothing(
    workshop, agent
):
    session = SessionFactory(event=workshop)
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent)

    response = client.post(register_url(session.pk))

    assert response.status_code == 403
    assert "<title>Formulaire expiré — Atelier</title>" in text_of(response)
    assert "rechargez la page et envoyez de nouveau le formulaire" in text_of(response)
    assert not Registration.objects.exists()


def test_a_foreign_next_url_is_not_followed(client, workshop, agent):
    session = SessionFactory(event=workshop)
    client.force_login(agent)
    response = client.post(register_url(session.pk), {"next": "https://evil.example/"})
    assert response.url == workshop.url


def test_my_registrations_lists_upcoming_and_past_and_cancels(client, workshop, agent):
    upcoming = SessionFactory(event=workshop, place="Salle Jean Moulin")
    registration = services.register(upcoming.pk, agent)
    earlier = timezone.now() - timedelta(days=30)
    RegistrationFactory(
        user=agent,
        session=SessionFactory(event=workshop, start=earlier, end=earlier + timedelta(hours=1)),
    )
    client.force_login(agent)
    page = client.get("/mes-inscriptions/").content.decode()
    assert "Mes inscriptions" in page
    assert workshop.title in page and "Salle Jean Moulin" in page
    assert "Séances passées" in page

    response = client.post(f"/inscriptions/{registration.pk}/annulation/", follow=True)
    assert any("est annulée" in text for text in messages_of(response))
    registration.refresh_from_db()
    assert registration.is_cancelled
    assert "Vous n'avez aucune inscription à venir." in response.content.decode()


def registration_item(response, registration):
    """The text of one registration's item on "Mes inscriptions"."""
    item = re.search(
        rf'<li class="session" id="inscription-{registration.pk}">(.*?)</li>',
        text_of(response),
        re.S,
    )
    assert item, f"registration {registration.pk} is not listed"
    return item.group(1)


def position_shown(response, registration):
    """The waiting-list position "Mes inscriptions" gives a registration, as a number."""
    shown = re.search(
        r"Liste d'attente : position (\d+)", registration_item(response, registration)
    )
    return shown and int(shown.group(1))


def test_my_registrations_shows_a_waitlisted_agents_exact_position_as_it_moves_up(
    client, workshop, agent
):
    session = SessionFactory(event=workshop, capacity=1)
    holder, first, second = UserFactory.create_batch(3)
    seat = services.register(session.pk, holder)
    first_in_line = services.register(session.pk, first)
    second_in_line = services.register(session.pk, second)
    waiting = services.register(session.pk, agent)
    # Elsewhere the agent holds a seat, and someone waits behind them: neither changes the rank.
    other = SessionFactory(event=workshop, capacity=1, start=timezone.now() + timedelta(days=30))
    elsewhere = services.register(other.pk, agent)
    services.register(other.pk, UserFactory())
    client.force_login(agent)

    page = client.get("/mes-inscriptions/")
    assert position_shown(page, waiting) == 3
    assert "Confirmée" in registration_item(page, elsewhere)
    assert "Liste d'attente" not in registration_item(page, elsewhere)

    services.cancel(seat.pk, user=holder)  # the first in line gets the seat
    assert position_shown(client.get("/mes-inscriptions/"), waiting) == 2

    services.cancel(second_in_line.pk, user=second)  # the one ahead leaves the list
    first_in_line.refresh_from_db()
    assert first_in_line.is_confirmed  # promoted, not waiting any more
    assert position_shown(client.get("/mes-inscriptions/"), waiting) == 1


def test_nobody_cancels_someone_elses_registration(client, workshop, agent):
    registration = services.register(SessionFactory(event=workshop).pk, UserFactory())
    client.force_login(agent)
    assert client.post(f"/inscriptions/{registration.pk}/annulation/").status_code == 404
    registration.refresh_from_db()
    assert registration.is_confirmed


def test_the_e_mail_link_asks_before_cancelling_then_promotes_the_waiting_list(
    client, workshop, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    seat = services.register(session.pk, holder)
    services.register(session.pk, waiting)
    link = f"/inscriptions/annuler/{seat.token}/"

    # Opening the link (as a mail scanner would) changes nothing.
    page = client.get(link)
    assert "Oui, annuler mon inscription" in page.content.decode()
    seat.refresh_from_db()
    assert seat.is_confirmed

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, follow=True)
    assert "Votre inscription est annulée" in response.content.decode()
    assert Registration.objects.get(user=waiting).is_confirmed
    assert [message.to for message in mail.outbox] == [[waiting.email]]
    assert "Une place s'est libérée" in mail.outbox[0].body


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_link_says_it_is_not_valid_and_cancels_nothing(client, workshop, method):
    seat = services.register(SessionFactory(event=workshop).pk, UserFactory())
    forged = seat.token[:-1] + ("A" if seat.token[-1] != "A" else "B")

    response = getattr(client, method)(f"/inscriptions/annuler/{forged}/")

    assert response.status_code == 404
    assert "Ce lien d'annulation n'est pas valable" in text_of(response)
    seat.refresh_from_db()
    assert seat.is_confirmed


def test_a_replayed_link_says_already_cancelled_and_promotes_nobody_else(
    client, workshop, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, capacity=1)
    holder, first, second = UserFactory(), UserFactory(), UserFactory()
    seat = services.register(session.pk, holder)
    services.register(session.pk, first)
    services.register(session.pk, second)
    link = f"/inscriptions/annuler/{seat.token}/"
    client.post(link)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        replay = client.post(link, follow=True)

    assert "Cette inscription est déjà annulée." in replay.content.decode()
    assert Registration.objects.get(user=first).is_confirmed
    assert Registration.objects.get(user=second).status == RegistrationStatus.WAITLISTED
    assert mail.outbox == []


def test_the_confirmation_e_mail_has_the_cancel_link_and_the_place(
    client, workshop, agent, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, place="Salle Jean Moulin")
    client.force_login(agent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(session.pk))
    (message,) = mail.outbox
    registration = Registration.objects.get()
    assert message.to == [agent.email]
    assert workshop.title in message.subject
    assert "Salle Jean Moulin" in message.body
    assert f"/inscriptions/annuler/{registration.token}/" in message.body
