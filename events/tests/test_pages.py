"""What agents see: the catalogue, a workshop page, its sessions, its structured data."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from community.factories import UserFactory
from events import services
from events.factories import (
    EventIndexPageFactory,
    ExchangeEventPageFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import EventKind, SessionStatus

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def test_the_workshop_page_shows_its_sessions_and_seats(client, workshop):
    SessionFactory(event=workshop, capacity=3)
    full = SessionFactory(event=workshop, capacity=1, start=timezone.now() + timedelta(days=20))
    services.register(full.pk, UserFactory())
    services.register(full.pk, UserFactory())
    SessionFactory(event=workshop, start=timezone.now() - timedelta(days=3))

    page = html(client.get(workshop.url))
    assert "Les tableaux croisés dynamiques" in page
    assert "3 places restantes" in page
    assert re.search(r"Complet\s*—\s*1 personne en attente", page)
    assert "1 séance a déjà eu lieu." in page
    assert "Connectez-vous pour vous inscrire." in page


def test_the_online_link_is_for_registered_people_only(client, workshop, agent):
    """The room is public (it helps to decide); the video link goes to registered people."""
    session = SessionFactory(
        event=workshop, place="Salle Jean Moulin", online_url="https://visio.example/abc"
    )
    waiting_list_session = SessionFactory(
        event=workshop, capacity=1, online_url="https://visio.example/full"
    )
    services.register(waiting_list_session.pk, UserFactory())
    services.register(waiting_list_session.pk, agent)
    client.force_login(agent)
    before = html(client.get(workshop.url))
    assert "Salle Jean Moulin" in before
    assert "visio.example" not in before
    services.register(session.pk, agent)
    after = html(client.get(workshop.url))
    assert "Votre place est réservée" in after
    assert "https://visio.example/abc" in after
    assert "https://visio.example/full" not in after  # waiting is not registered


def test_a_waitlisted_agent_sees_their_position(client, workshop, agent):
    session = SessionFactory(event=workshop, capacity=1)
    services.register(session.pk, UserFactory())
    services.register(session.pk, UserFactory())
    services.register(session.pk, agent)
    client.force_login(agent)
    page = html(client.get(workshop.url))
    assert "Vous êtes en position 2 sur la liste d'attente." in page
    assert "Quitter la liste d'attente" in page


def test_a_cancelled_session_says_so_and_offers_no_button(client, workshop, agent):
    SessionFactory(event=workshop, status=SessionStatus.CANCELLED)
    client.force_login(agent)
    page = html(client.get(workshop.url))
    assert "Annulée" in page
    assert "S'inscrire" not in page


def test_the_catalogue_lists_workshops_with_their_next_session_and_filters(client, catalog):
    office = SeriesFactory(name="Un truc² en +", slug="un-truc-en-plus")
    talks = SeriesFactory(name="Ac'Truc²", slug="ac-truc")
    pivot = WorkshopPageFactory(parent=catalog, title="Tableaux croisés", series=office)
    WorkshopPageFactory(parent=catalog, title="La réforme des retraites", series=talks)
    SessionFactory(event=pivot, capacity=8)

    page = html(client.get(catalog.url))
    assert "Tableaux croisés" in page and "La réforme des retraites" in page
    assert "8 places restantes" in page
    assert "Aucune séance programmée pour l'instant." in page

    filtered = html(client.get(catalog.url, {"series": "un-truc-en-plus"}))
    assert "Tableaux croisés" in filtered and "La réforme des retraites" not in filtered

    bad = client.get(catalog.url, {"series": "nope"})
    assert bad.status_code == 200
    assert "ont été ignorés" in html(bad)  # the error summary of ignored filters


def test_unpublished_workshops_are_not_listed(client, catalog):
    draft = WorkshopPageFactory(parent=catalog, title="Brouillon secret")
    draft.unpublish()
    assert "Brouillon secret" not in html(client.get(catalog.url))


def test_exchange_events_have_their_own_index(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    ExchangeEventPageFactory(
        parent=index, title="Communauté des formateurs", kind=EventKind.COMMUNITY_OF_PRACTICE
    )
    page = html(client.get(index.url))
    assert "Communauté des formateurs" in page
    event_page = html(client.get(index.get_children().first().url))
    assert "Communauté de pratique" in event_page


def jsonld(page):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_structured_data_gives_one_schema_org_event_per_session(client, workshop):
    session = SessionFactory(event=workshop, capacity=10, place="Salle Jean Moulin")
    services.register(session.pk, UserFactory())
    SessionFactory(event=workshop, status=SessionStatus.CANCELLED)
    events = jsonld(html(client.get(workshop.url)))
    assert [event["@type"] for event in events] == ["Event", "Event"]
    first = events[0]
    assert first["name"] == workshop.title
    assert first["startDate"].endswith(("+01:00", "+02:00"))
    assert first["location"]["@type"] == "Place"
    assert first["location"]["name"] == "Salle Jean Moulin"
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert first["remainingAttendeeCapacity"] == 9
    assert first["organizer"]["name"] == "Atelier"
    assert events[1]["eventStatus"] == "https://schema.org/EventCancelled"


def test_remote_sessions_never_publish_their_link_in_structured_data(client, catalog):
    remote = WorkshopPageFactory(parent=catalog, format="remote")
    SessionFactory(event=remote, online_url="https://visio.example/secret", place="")
    page = html(client.get(remote.url))
    data = jsonld(page)[0]
    assert data["location"] == {"@type": "VirtualLocation", "url": remote.full_url}
    assert "visio.example" not in page


def add_sessions(event, count):
    for day in range(count):
        session = SessionFactory(event=event, start=timezone.now() + timedelta(days=day + 1))
        services.register(session.pk, UserFactory())


@pytest.mark.parametrize("viewer", ["anonymous", "agent"])
def test_a_workshop_page_costs_the_same_queries_at_5_and_200_sessions(
    client, catalog, django_assert_max_num_queries, viewer
):
    small, large = (WorkshopPageFactory(parent=catalog) for _ in range(2))
    add_sessions(small, 5)
    add_sessions(large, 200)
    if viewer == "agent":
        client.force_login(UserFactory())
    client.get(small.url)  # warm caches (site root, content types)
    with django_assert_max_num_queries(40) as at_5:
        assert client.get(small.url).status_code == 200
    with django_assert_max_num_queries(len(at_5.captured_queries)):
        assert client.get(large.url).status_code == 200


def test_the_catalogue_costs_the_same_queries_at_5_and_200_sessions(
    client, catalog, django_assert_max_num_queries
):
    workshops = [WorkshopPageFactory(parent=catalog) for _ in range(5)]
    for workshop in workshops:
        add_sessions(workshop, 1)
    client.get(catalog.url)
    with django_assert_max_num_queries(40) as at_5:
        client.get(catalog.url)
    for workshop in workshops:
        add_sessions(workshop, 39)
    with django_assert_max_num_queries(len(at_5.captured_queries)):
        response = client.get(catalog.url)
    assert "et 39 autres séances" in html(response)
