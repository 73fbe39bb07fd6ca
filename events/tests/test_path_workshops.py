"""Workshops as steps of a training path: shown on the path page and in the API (unavailable
once unpublished, without a query per step), and the badge fact “completed this path”: present
at a held session of every workshop step, awarded once, re-evaluated when a roll call closes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from community.badges import awards, facts
from community.badges.factories import BadgeFactory
from community.factories import UserFactory
from community.models import BadgeAward
from events import services as event_services
from events.badge_facts import PATH_COMPLETED
from events.factories import RegistrationFactory, SessionFactory, WorkshopPageFactory
from events.models import Attendance, SessionStatus
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import TrainingPathPage

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def add_path(library, steps, title="Parcours du formateur interne", live=True):
    path = TrainingPathPage(
        title=title, audience="Formateurs internes", level="discovery", steps=steps
    )
    library.add_child(instance=path)
    revision = path.save_revision()
    if live:
        revision.publish()
    else:
        path.unpublish()
    return TrainingPathPage.objects.get(pk=path.pk)


def workshop_step(workshop, modality="face_to_face", note=""):
    return ("workshop", {"workshop": workshop, "modality": modality, "note": note})


def activity_step(activity):
    return ("activity", {"activity": activity, "modality": "remote", "note": ""})


def text_step(title):
    return (
        "text",
        {"title": title, "modality": "practice", "duration": 30, "text": "<p>À faire</p>"},
    )


# --- The path page and the API ----------------------------------------------------------------


def test_the_path_page_shows_a_live_workshop_with_its_link_and_duration(client, library, catalog):
    workshop = WorkshopPageFactory(
        parent=catalog, title="Animer une formation en présentiel", duration_minutes=210
    )
    path = add_path(library, [workshop_step(workshop, note="Avant la pratique")])

    html = client.get(path.url).content.decode()

    assert f'<a href="{workshop.url}">Animer une formation en présentiel</a>' in html
    assert "(3 h 30)" in html
    assert "Présentiel" in html
    assert "Avant la pratique" in html
    assert "Atelier : participer à l’une de ses séances" in html
    assert "Atelier indisponible" not in html
    assert path.total_duration == (210, 210, True)


def test_an_unpublished_or_private_workshop_is_unavailable_without_leaking(
    client, library, catalog
):
    from wagtail.models import PageViewRestriction

    draft = WorkshopPageFactory(parent=catalog, title="Atelier secret", live=False)
    private = WorkshopPageFactory(parent=catalog, title="Atelier réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    path = add_path(library, [workshop_step(draft, note="Note gardée"), workshop_step(private)])

    html = client.get(path.url).content.decode()

    assert html.count("Atelier indisponible") == 2
    assert html.count("Cet atelier n’est plus publié dans l’agenda.") == 2
    assert "Atelier secret" not in html and "Atelier réservé" not in html
    assert "Note gardée" in html
    assert path.total_duration == (0, 0, False)


def test_the_api_gives_a_workshop_step_and_null_once_unpublished(client, library, catalog):
    live = WorkshopPageFactory(parent=catalog, title="Concevoir un atelier", duration_minutes=90)
    draft = WorkshopPageFactory(parent=catalog, title="Brouillon secret", live=False)
    path = add_path(library, [workshop_step(live, note="En salle"), workshop_step(draft, "remote")])

    response = client.get(f"{API}{path.pk}/")

    assert response.status_code == 200
    assert response.json()["steps"] == [
        {
            "type": "workshop",
            "modality": "face_to_face",
            "workshop": {"id": live.pk, "title": "Concevoir un atelier", "duration": 90},
            "note": "En salle",
        },
        {"type": "workshop", "modality": "remote", "workshop": None, "note": ""},
    ]
    assert "Brouillon secret" not in response.content.decode()


def test_a_workshop_step_defaults_to_face_to_face():
    from resources.blocks import WorkshopStepBlock

    assert WorkshopStepBlock().child_blocks["modality"].get_default() == "face_to_face"


@pytest.mark.parametrize("count", [3, 30])
def test_path_query_count_does_not_grow_with_workshop_steps(
    client, library, catalog, count, django_assert_max_num_queries
):
    steps = []
    for n in range(count):
        if n % 3 == 0:
            steps.append(workshop_step(WorkshopPageFactory(parent=catalog, title=f"Atelier {n}")))
        elif n % 3 == 1:
            steps.append(activity_step(ActivityPageFactory(parent=library, title=f"Activité {n}")))
        else:
            steps.append(text_step(f"Étape libre {n}"))
    path = add_path(library, steps)

    with django_assert_max_num_queries(17) as queries:
        response = client.get(path.url)
    with django_assert_max_num_queries(12) as api_queries:
        api = client.get(f"{API}{path.pk}/")

    assert response.status_code == 200 and api.status_code == 200
    html = response.content.decode()
    assert "Atelier 0</a>" in html and "Activité 1</a>" in html and "Étape libre 2" in html
    assert len(api.json()["steps"]) == count
    print(f"{count} steps: page {len(queries)} queries, API {len(api_queries)}")


# --- The fact: completed the path -------------------------------------------------------------


def held_session(workshop, days_ago=7):
    start = timezone.now() - timedelta(days=days_ago)
    return SessionFactory(
        event=workshop,
        start=start,
        end=start + timedelta(hours=2),
        status=SessionStatus.DONE,
        roll_call_closed_at=start + timedelta(hours=2),
    )


def attend(person, workshop):
    RegistrationFactory(session=held_session(workshop), user=person, attendance=Attendance.PRESENT)


@pytest.fixture
def person():
    return UserFactory(email="sandrine@atelier.example", first_name="Sandrine")


@pytest.fixture
def workshops(catalog):
    return [
        WorkshopPageFactory(parent=catalog, title=f"Atelier du formateur {n}") for n in range(3)
    ]


@pytest.fixture
def path(library, workshops):
    steps = [workshop_step(workshop) for workshop in workshops]
    return add_path(library, [text_step("Lire le guide"), *steps])


def test_completing_every_workshop_step_awards_the_path_badge_once(
    person, path, workshops, mailoutbox, django_capture_on_commit_callbacks
):
    badge = BadgeFactory(
        name="Parcours du formateur terminé", rule=f"{PATH_COMPLETED}{path.pk}", threshold=1
    )
    for workshop in workshops[:-1]:
        attend(person, workshop)
    # Present elsewhere, absent at the last workshop, or its roll call still open: not done.
    RegistrationFactory(
        session=held_session(workshops[-1]), user=person, attendance=Attendance.ABSENT
    )
    open_session = held_session(workshops[-1])
    open_session.roll_call_closed_at = None
    open_session.save()
    RegistrationFactory(session=open_session, user=person, attendance=Attendance.PRESENT)
    with django_capture_on_commit_callbacks(execute=True):
        assert awards.evaluate() == []
    assert mailoutbox == []

    attend(person, workshops[-1])
    with django_capture_on_commit_callbacks(execute=True):
        awarded = awards.evaluate()
    assert [(award.badge, award.recipient) for award in awarded] == [(badge, person)]
    assert awarded[0].evidence_url.endswith(path.url)
    (message,) = mailoutbox
    assert message.to == [person.email]
    assert "Parcours du formateur terminé" in message.subject

    with django_capture_on_commit_callbacks(execute=True):
        assert awards.evaluate() == []
        assert awards.evaluate([person.pk]) == []
    assert BadgeAward.objects.count() == 1
    assert len(mailoutbox) == 1


def test_closing_the_last_roll_call_awards_the_attendee(
    person, path, workshops, team_member, mailoutbox, django_capture_on_commit_callbacks
):
    BadgeFactory(rule=f"{PATH_COMPLETED}{path.pk}", threshold=1)
    with django_capture_on_commit_callbacks(execute=True):  # their roll calls closed: no award
        for workshop in workshops[:-1]:
            attend(person, workshop)
    assert not BadgeAward.objects.exists()
    start = timezone.now() - timedelta(hours=1)
    session = SessionFactory(event=workshops[-1], start=start, end=start + timedelta(hours=2))
    session.facilitators.add(team_member)
    registration = RegistrationFactory(session=session, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        event_services.mark(session.pk, registration.pk, True, team_member)
        event_services.close_roll_call(session.pk, team_member)
    assert BadgeAward.objects.get().recipient == person
    assert [message.to for message in mailoutbox] == [[person.email]]


def test_only_published_paths_with_a_workshop_step_offer_the_fact(library, catalog, path):
    add_path(library, [text_step("Lire")], title="Parcours sans atelier")
    add_path(
        library,
        [workshop_step(WorkshopPageFactory(parent=catalog))],
        title="Parcours en brouillon",
        live=False,
    )

    offered = dict(facts.choices())

    assert {key for key in offered if key.startswith(PATH_COMPLETED)} == {
        f"{PATH_COMPLETED}{path.pk}"
    }
    assert str(offered[f"{PATH_COMPLETED}{path.pk}"]) == (
        "Parcours terminé : Parcours du formateur interne"
    )
    assert str(facts.get(f"{PATH_COMPLETED}{path.pk}").label) == (
        "Parcours terminé : Parcours du formateur interne"
    )


def test_a_path_without_workshop_step_is_completed_by_nobody(library, person, workshops):
    attend(person, workshops[0])
    bare = add_path(library, [text_step("Lire")], title="Parcours sans atelier")
    assert facts.measure(f"{PATH_COMPLETED}{bare.pk}") == {}
    assert facts.measure(f"{PATH_COMPLETED}not-a-number") == {}


def test_the_fact_costs_the_same_for_one_or_many_people(
    path, workshops, django_assert_max_num_queries
):
    people = [UserFactory() for _ in range(8)]
    for person in people:
        for workshop in workshops:
            attend(person, workshop)
    with django_assert_max_num_queries(3):
        one = facts.measure(f"{PATH_COMPLETED}{path.pk}", [people[0].pk])
    with django_assert_max_num_queries(3):
        everyone = facts.measure(f"{PATH_COMPLETED}{path.pk}")
    assert set(one) == {people[0].pk}
    assert set(everyone) == {person.pk for person in people}


def test_the_badge_form_lists_the_path_fact(client, team_member, path):
    client.force_login(team_member)
    html = client.get(reverse("wagtailsnippets_community_badge:add")).content.decode()
    assert (
        f'<option value="{PATH_COMPLETED}{path.pk}">'
        "Parcours terminé : Parcours du formateur interne</option>"
    ) in html
