"""The trainer directory: who is listed, filters in the query string, activity order,
pagination, and a number of queries that does not grow with the people listed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.factories import UserFactory
from community.models import BadgeAward, Visibility
from community.pagination import DEFAULT_PER_PAGE
from community.roles import TRAINERS
from community.tests.test_profile_page import award_badges, make_image
from events.factories import SessionFactory, WorkshopPageFactory
from events.models import SessionStatus
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("directory")]


def names(response):
    return [profile.name for profile in response.context["people"]]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/formateurs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_lists_trainers_available_people_and_active_people_only(client, home_page, agent):
    UserFactory(first_name="Nathalie", last_name="Girard", roles=[TRAINERS])
    available = UserFactory(first_name="Hugo", last_name="Bernard")
    available.profile.available_to_facilitate = True
    available.profile.save()
    author = UserFactory(first_name="Isabelle", last_name="Petit")
    activity = ActivityPageFactory(parent=LibraryPageFactory(parent=home_page))
    activity.authors.set([author])
    activity.save_revision().publish()
    UserFactory(first_name="Lucas", last_name="Robert")  # an agent with no activity
    client.force_login(agent)

    response = client.get("/formateurs/")

    assert sorted(names(response)) == ["Hugo Bernard", "Isabelle Petit", "Nathalie Girard"]
    html = response.content.decode()
    assert "3 personnes" in html
    assert "agent@atelier.example" not in html


def test_team_only_and_deleted_profiles_are_hidden_from_agents(client, agent, team_member):
    hidden = UserFactory(first_name="Julien", last_name="Roux", roles=[TRAINERS])
    hidden.profile.visibility = Visibility.TEAM
    hidden.profile.save()
    gone = UserFactory(first_name="Ancien agent", last_name="", roles=[TRAINERS], is_active=False)
    gone.deleted_at = timezone.now()
    gone.save()

    client.force_login(agent)
    assert names(client.get("/formateurs/")) == []
    client.force_login(team_member)
    assert names(client.get("/formateurs/")) == ["Julien Roux"]


def test_the_skill_filter_offers_only_skills_of_people_the_viewer_may_see(
    client, agent, team_member
):
    shown = UserFactory(first_name="Amina", last_name="Diallo", roles=[TRAINERS])
    shown.profile.skills.add("Tableur")
    shown.profile.save()
    hidden = UserFactory(first_name="Julien", last_name="Roux", roles=[TRAINERS])
    hidden.profile.visibility = Visibility.TEAM
    hidden.profile.skills.add("Négociation syndicale")
    hidden.profile.save()
    gone = UserFactory(first_name="Ancien agent", last_name="", roles=[TRAINERS], is_active=False)
    gone.deleted_at = timezone.now()
    gone.save()
    gone.profile.skills.add("Secret défense")
    gone.profile.save()

    client.force_login(agent)
    html = client.get("/formateurs/").content.decode()
    assert 'value="tableur"' in html
    assert "Négociation syndicale" not in html
    assert "Secret défense" not in html

    client.force_login(team_member)
    html = client.get("/formateurs/").content.decode()
    assert 'value="tableur"' in html
    assert "Négociation syndicale" in html
    assert "Secret défense" not in html


def test_sorted_by_activity_publications_and_sessions_facilitated(client, home_page, agent):
    library = LibraryPageFactory(parent=home_page)
    quiet = UserFactory(first_name="Zoé", last_name="Calme", roles=[TRAINERS])
    author = UserFactory(first_name="Yann", last_name="Auteur", roles=[TRAINERS])
    busy = UserFactory(first_name="Xavier", last_name="Actif", roles=[TRAINERS])
    for _index in range(2):
        activity = ActivityPageFactory(parent=library)
        activity.authors.set([author])
        activity.save_revision().publish()
    workshop = WorkshopPageFactory(parent=home_page)
    workshop.facilitators.set([busy])  # the page names them: its sessions count for them
    workshop.save_revision().publish()
    for day in range(3):
        SessionFactory(event=workshop, start=timezone.now() - timedelta(days=day + 1))
    SessionFactory(event=workshop, status=SessionStatus.CANCELLED)  # does not count
    client.force_login(agent)

    response = client.get("/formateurs/")

    assert names(response) == ["Xavier Actif", "Yann Auteur", "Zoé Calme"]
    assert [profile.activity_score for profile in response.context["people"]] == [3, 2, 0]
    assert quiet.profile.pk


def test_filters_combine_and_stay_in_the_url(client, agent):
    management = ThemeFactory(name="Management", slug="management")
    wanted = UserFactory(
        first_name="Amina", last_name="Diallo", service="Action sociale", roles=[TRAINERS]
    )
    wanted.profile.available_to_facilitate = True
    wanted.profile.save()
    wanted.profile.skills.add("Prise de parole")
    wanted.profile.save()
    wanted.profile.themes.add(management)
    award_badges(wanted, 1)
    badge = BadgeAward.objects.get(recipient=wanted).badge
    other = UserFactory(
        first_name="Thomas", last_name="Martin", service="Finances", roles=[TRAINERS]
    )
    other.profile.skills.add("Tableur")
    other.profile.save()
    client.force_login(agent)

    for query in (
        "skill=prise-de-parole",
        "theme=management",
        "service=Action+sociale",
        f"badge={badge.slug}",
        "available=on",
        f"skill=prise-de-parole&theme=management&available=on&badge={badge.slug}",
    ):
        response = client.get(f"/formateurs/?{query}")
        assert names(response) == ["Amina Diallo"], query

    assert names(client.get("/formateurs/?skill=tableur&theme=management")) == []
    html = client.get("/formateurs/?skill=tableur").content.decode()
    assert 'value="tableur" selected' in html


def test_a_bad_filter_value_is_ignored_with_a_french_message(client, agent):
    UserFactory(first_name="Amina", last_name="Diallo", roles=[TRAINERS])
    client.force_login(agent)

    response = client.get("/formateurs/?theme=inconnu&skill=nope&badge=x&service=Nulle+part")

    assert response.status_code == 200
    assert names(response) == ["Amina Diallo"]
    html = response.content.decode()
    assert "Certains filtres ont été ignorés" in html
    assert "Thème" in html and "Compétence" in html


def test_paginated(client, agent):
    for index in range(DEFAULT_PER_PAGE + 3):
        UserFactory(first_name="Formateur", last_name=f"N{index:02d}", roles=[TRAINERS])
    client.force_login(agent)

    first = client.get("/formateurs/")
    second = client.get("/formateurs/?page=2")

    assert len(names(first)) == DEFAULT_PER_PAGE
    assert len(names(second)) == 3
    assert "Page 2 sur 2" in second.content.decode()
    assert client.get("/formateurs/?page=zzz").status_code == 200


def _people(count, home_page, library, image):
    workshop = WorkshopPageFactory(parent=home_page)
    theme = ThemeFactory()
    for _index in range(count):
        user = UserFactory(roles=[TRAINERS])
        profile = user.profile
        profile.photo = image
        profile.bio = "Formateur interne."
        profile.skills.add("Excel", "Prise de parole")
        profile.save()
        profile.themes.add(theme)
        activity = ActivityPageFactory(parent=library)
        activity.authors.set([user])
        activity.save_revision().publish()
        session = SessionFactory(event=workshop)
        session.facilitators.set([user])
        award_badges(user, 1, image=image)


def test_queries_do_not_grow_with_people(client, home_page, agent):
    library = LibraryPageFactory(parent=home_page)
    image = make_image("Portrait")
    client.force_login(agent)
    counts = []
    for count, added in ((5, 5), (30, 25)):
        _people(added, home_page, library, image)
        client.get("/formateurs/")  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/formateurs/")
        assert len(response.context["people"]) == min(count, DEFAULT_PER_PAGE)
        counts.append(len(queries))
    print(f"queries: {counts}")  # reported in the README
    assert counts[0] == counts[1], counts
