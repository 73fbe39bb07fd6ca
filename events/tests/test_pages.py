"""What agents see: the catalogue, a workshop page, its sessions, its structured data."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from community.factories import UserFactory
from community.tests.pages import text_of
from events import services
from events.factories import (
    EventIndexPageFactory,
    ExchangeEventPageFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import (
    EventFormat,
    EventKind,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
)

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


NEXT_YEAR = timezone.now().year + 1  # always to come, whatever the day the tests run
PARIS_WINTER = datetime(NEXT_YEAR, 1, 14, 8, 0, tzinfo=UTC)  # 09:00 in Paris (UTC+1)
PARIS_SUMMER = datetime(NEXT_YEAR, 7, 1, 7, 30, tzinfo=UTC)  # 09:30 in Paris (UTC+2)


def test_structured_data_gives_exact_dates_status_organizer_and_seats_left(client, workshop):
    winter = SessionFactory(
        event=workshop, capacity=5, start=PARIS_WINTER, end=PARIS_WINTER + timedelta(hours=2)
    )
    for person in UserFactory.create_batch(3):
        services.register(winter.pk, person)
    full = SessionFactory(
        event=workshop, capacity=1, start=PARIS_SUMMER, end=PARIS_SUMMER + timedelta(hours=1)
    )
    for person in UserFactory.create_batch(3):  # one seat, two people waiting
        services.register(full.pk, person)
    SessionFactory(
        event=workshop,
        status=SessionStatus.CANCELLED,
        start=PARIS_SUMMER + timedelta(days=1),
        end=PARIS_SUMMER + timedelta(days=1, hours=1),
    )

    first, second, cancelled = jsonld(html(client.get(workshop.url)))

    assert first["startDate"] == f"{NEXT_YEAR}-01-14T09:00:00+01:00"
    assert first["endDate"] == f"{NEXT_YEAR}-01-14T11:00:00+01:00"
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert first["organizer"] == {"@type": "Organization", "name": "Atelier"}
    assert first["url"] == workshop.full_url
    assert first["maximumAttendeeCapacity"] == 5
    assert first["remainingAttendeeCapacity"] == 2  # 5 seats, 3 taken
    assert second["startDate"] == f"{NEXT_YEAR}-07-01T09:30:00+02:00"
    assert second["endDate"] == f"{NEXT_YEAR}-07-01T10:30:00+02:00"
    assert second["remainingAttendeeCapacity"] == 0  # the waiting list takes no seat
    assert second["eventStatus"] == "https://schema.org/EventScheduled"
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["endDate"] == f"{NEXT_YEAR}-07-02T10:30:00+02:00"


@pytest.mark.parametrize("viewer", ["anonymous", "registered"])
def test_a_hybrid_session_publishes_its_room_and_the_page_but_never_its_video_link(
    client, catalog, agent, viewer
):
    hybrid = WorkshopPageFactory(parent=catalog, format=EventFormat.HYBRID)
    session = SessionFactory(
        event=hybrid, place="Salle Jean Moulin", online_url="https://visio.example/secret"
    )
    if viewer == "registered":
        services.register(session.pk, agent)
        client.force_login(agent)

    page = html(client.get(hybrid.url))
    (data,) = jsonld(page)

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": "Salle Jean Moulin", "address": "Salle Jean Moulin"},
        {"@type": "VirtualLocation", "url": hybrid.full_url},
    ]
    script = re.search(r'<script type="application/ld\+json">.*?</script>', page, re.S)
    assert "visio.example" not in script.group(0)  # the same for everyone, even registered
    if viewer == "anonymous":
        assert "visio.example" not in page
    else:
        assert "https://visio.example/secret" in page  # the page body gives it to them


def test_an_exchange_event_page_has_its_structured_data_too(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    meetup = ExchangeEventPageFactory(
        parent=index, title="Communauté des formateurs", format=EventFormat.REMOTE
    )
    session = SessionFactory(
        event=meetup,
        capacity=30,
        place="",
        online_url="https://visio.example/cop",
        start=PARIS_WINTER,
        end=PARIS_WINTER + timedelta(hours=2),
    )
    for person in UserFactory.create_batch(4):
        services.register(session.pk, person)

    page = html(client.get(meetup.url))
    (data,) = jsonld(page)

    assert data["@type"] == "Event"
    assert data["name"] == "Communauté des formateurs"
    assert data["url"] == meetup.full_url
    assert data["startDate"] == f"{NEXT_YEAR}-01-14T09:00:00+01:00"
    assert data["endDate"] == f"{NEXT_YEAR}-01-14T11:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": meetup.full_url}
    assert data["organizer"] == {"@type": "Organization", "name": "Atelier"}
    assert data["remainingAttendeeCapacity"] == 26
    assert "visio.example" not in page


SEATS = 3  # per session, all taken in the query-count tests
WAITING = 3  # people waiting behind them


def crowd():
    """People who fill every session of the query-count tests: the first SEATS hold the
    seats, the others wait."""
    return UserFactory.create_batch(SEATS + WAITING)


def add_sessions(event, count, people, viewer=None, first_day=1):
    """``count`` upcoming sessions of ``event``, full and with a waiting list, written in
    bulk (as the rules would have left them). ``viewer`` came first to every other session,
    so holds a seat there, and last to the others, so waits there behind everyone."""
    now = timezone.now()
    sessions = Session.objects.bulk_create(
        Session(
            event=event,
            start=now + timedelta(days=day),
            end=now + timedelta(days=day, hours=2),
            place="Salle Jean Moulin",
            capacity=SEATS,
        )
        for day in range(first_day, first_day + count)
    )
    registrations = []
    for index, session in enumerate(sessions):
        queue = list(people)
        if viewer is not None:
            queue.insert(0 if index % 2 == 0 else len(queue), viewer)
        registrations.extend(
            Registration(
                session=session,
                user=person,
                status=RegistrationStatus.CONFIRMED
                if rank < SEATS
                else RegistrationStatus.WAITLISTED,
                queued_at=now - timedelta(minutes=len(queue) - rank),
            )
            for rank, person in enumerate(queue)
        )
    Registration.objects.bulk_create(registrations)
    return sessions


@pytest.mark.parametrize("viewer", ["anonymous", "agent"])
def test_a_workshop_page_costs_the_same_queries_at_5_and_200_sessions(
    client, catalog, django_assert_max_num_queries, django_assert_num_queries, viewer
):
    """200 full sessions, each with people waiting; the signed-in viewer holds a seat on
    half of them and waits on the others: not one more query than with 5."""
    small, large = (WorkshopPageFactory(parent=catalog) for _ in range(2))
    people = crowd()
    agent = UserFactory() if viewer == "agent" else None
    add_sessions(small, 5, people, viewer=agent)
    add_sessions(large, 200, people, viewer=agent)
    if agent is not None:
        client.force_login(agent)
    client.get(small.url)  # warm caches (site root, content types)
    with django_assert_max_num_queries(40) as at_5:
        small_page = text_of(client.get(small.url))
    with django_assert_num_queries(len(at_5.captured_queries)):
        large_page = text_of(client.get(large.url))
    if agent is not None:  # what the viewer's registrations show was indeed rendered
        assert small_page.count("Votre place est réservée") == 3
        assert large_page.count("Votre place est réservée") == 100
        assert (
            large_page.count(f"Vous êtes en position {WAITING + 1} sur la liste d'attente.") == 100
        )
    else:
        assert len(re.findall(rf"Complet\s*—\s*{WAITING} personnes en attente", large_page)) == 200


@pytest.mark.parametrize("viewer", ["anonymous", "agent"])
def test_the_catalogue_costs_the_same_queries_at_5_and_200_sessions(
    client, catalog, django_assert_max_num_queries, django_assert_num_queries, viewer
):
    workshops = [WorkshopPageFactory(parent=catalog) for _ in range(5)]
    people = crowd()
    agent = UserFactory() if viewer == "agent" else None
    for workshop in workshops:
        add_sessions(workshop, 1, people, viewer=agent)
    if agent is not None:
        client.force_login(agent)
    client.get(catalog.url)
    with django_assert_max_num_queries(40) as at_5:
        client.get(catalog.url)
    for workshop in workshops:
        add_sessions(workshop, 39, people, viewer=agent, first_day=2)
    with django_assert_num_queries(len(at_5.captured_queries)):
        response = client.get(catalog.url)
    assert text_of(response).count("et 39 autres séances") == 5
