"""The needs board as agents see it: each need's facts, filters and order from the query
string, pagination, the demand against the offer per theme, and a query count that does not
grow with the needs."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community import needs
from community.factories import NeedsBoardPageFactory, TrainingNeedFactory, UserFactory
from community.models import NeedStatus, TrainingNeed, Urgency
from community.roles import TRAINERS
from resources.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home_page):
    return NeedsBoardPageFactory(parent=home_page)


@pytest.fixture
def office(db):
    return ThemeFactory(name="Outils bureautiques", slug="outils-bureautiques")


@pytest.fixture
def speaking(db):
    return ThemeFactory(name="Prise de parole", slug="prise-de-parole")


def voters(count):
    return [UserFactory() for _ in range(count)]


def aged(need, days):
    """Needs are stamped on creation; tests set their age afterwards."""
    TrainingNeed.objects.filter(pk=need.pk).update(created_at=timezone.now() - timedelta(days=days))
    return need


def titles(response):
    return [need.title for need in response.context["needs"]]


def test_a_need_shows_its_facts_and_votes(client, board, office, agent):
    adopter = UserFactory(first_name="Nathalie", last_name="Girard", roles=[TRAINERS])
    need = TrainingNeedFactory(
        title="Maîtriser les tableaux croisés dynamiques",
        why="Je prépare chaque mois le bilan des demandes du service.",
        audience="Les assistantes de direction",
        urgency=Urgency.HIGH,
        theme=office,
        status=NeedStatus.STUDYING,
        adopted_by=adopter,
        adopted_at=timezone.now(),
        team_note="Un atelier est à l'étude pour le printemps.",
        voters=[agent, *voters(2)],
    )
    client.force_login(agent)
    response = client.get(board.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="besoin-{need.pk}"' in html
    for text in (
        "Maîtriser les tableaux croisés dynamiques",
        "Je prépare chaque mois le bilan des demandes du service.",
        "Les assistantes de direction",
        "Dans le mois",
        "Outils bureautiques",
        "En étude",
        "3 votes",
        "Vous avez voté",
        "Adopté par Nathalie Girard",
        "Un atelier est à l&#x27;étude pour le printemps.",
        "Retirer mon vote",
    ):
        assert text in html, text
    assert "Moi aussi" not in html  # already voted
    assert adopter.email not in html  # never an e-mail address


def test_anonymous_visitors_read_the_board_and_are_asked_to_sign_in(client, board, office):
    TrainingNeedFactory(title="Parler en public sans stress", theme=office)
    html = client.get(board.url).content.decode()
    assert "Parler en public sans stress" in html
    assert "Connectez-vous pour voter" in html
    assert "Vous avez voté" not in html
    assert "Je peux animer" not in html


def test_hidden_needs_are_not_listed_and_closed_ones_take_no_vote(client, board, office, agent):
    TrainingNeedFactory(title="Hors sujet", theme=office, hidden=True)
    TrainingNeedFactory(title="Besoin clos", theme=office, status=NeedStatus.CLOSED)
    client.force_login(agent)
    response = client.get(board.url)
    assert titles(response) == ["Besoin clos"]
    html = response.content.decode()
    assert "Ce besoin est fermé : les votes ne sont plus recueillis." in html
    assert "Moi aussi" not in html


def test_sorted_by_votes_then_freshness_or_newest_first(client, board, office):
    aged(TrainingNeedFactory(title="Ancien et populaire", theme=office, voters=voters(3)), 30)
    aged(TrainingNeedFactory(title="Récent, un vote", theme=office, voters=voters(1)), 1)
    aged(TrainingNeedFactory(title="Ancien, un vote", theme=office, voters=voters(1)), 20)
    aged(TrainingNeedFactory(title="Tout neuf", theme=office), 0)
    assert titles(client.get(board.url)) == [
        "Ancien et populaire",
        "Récent, un vote",
        "Ancien, un vote",
        "Tout neuf",
    ]
    response = client.get(board.url, {"sort": "recent"})
    assert titles(response) == [
        "Tout neuf",
        "Récent, un vote",
        "Ancien, un vote",
        "Ancien et populaire",
    ]
    assert "les plus récents d'abord" in response.content.decode()


def test_filters_by_theme_and_status(client, board, office, speaking):
    TrainingNeedFactory(title="Excel ouvert", theme=office)
    TrainingNeedFactory(title="Excel programmé", theme=office, status=NeedStatus.SCHEDULED)
    TrainingNeedFactory(title="Parole ouverte", theme=speaking)
    assert titles(client.get(board.url, {"theme": "outils-bureautiques"})) == [
        "Excel programmé",
        "Excel ouvert",
    ]
    assert titles(client.get(board.url, {"status": "scheduled"})) == ["Excel programmé"]
    assert titles(client.get(board.url, {"theme": "outils-bureautiques", "status": "open"})) == [
        "Excel ouvert"
    ]
    response = client.get(board.url, {"theme": "prise-de-parole", "status": "closed"})
    assert titles(response) == []
    assert "Aucun besoin ne correspond à ces filtres." in response.content.decode()


def test_bad_filter_values_are_ignored_with_a_french_message(client, board, office):
    TrainingNeedFactory(title="Excel ouvert", theme=office)
    response = client.get(board.url, {"theme": "inconnu", "status": "perdu", "sort": "hasard"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Certains filtres ont été ignorés" in html
    assert "Ce thème n&#x27;existe pas : ce filtre est ignoré." in html
    assert "Ce statut n&#x27;existe pas : le filtre est ignoré." in html
    assert "Cet ordre n&#x27;est pas proposé : les plus demandés d&#x27;abord." in html
    assert titles(response) == ["Excel ouvert"]


def test_the_board_is_paginated(client, board, office):
    for number in range(23):
        TrainingNeedFactory(title=f"Besoin {number:02}", theme=office)
    first = client.get(board.url, {"sort": "recent"})
    assert len(titles(first)) == 20
    second = client.get(board.url, {"sort": "recent", "page": "2"})
    assert len(titles(second)) == 3
    assert "Page 2 sur 2" in second.content.decode()
    assert client.get(board.url, {"page": "999"}).status_code == 200


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_needs_and_votes(client, board, office, agent):
    client.force_login(agent)
    trainer = UserFactory(roles=[TRAINERS])
    people = voters(6)

    def add_needs(count):
        for number in range(count):
            TrainingNeedFactory(
                theme=ThemeFactory() if number % 3 else office,
                voters=people[: number % 6 + 1],
                adopted_by=trainer if number % 2 else None,
            )

    add_needs(5)
    small = _queries(client, board.url)
    add_needs(35)
    large = _queries(client, board.url)
    print(f"needs board queries: {small} with 5 needs, {large} with 40")
    assert small == large, (small, large)


def test_the_demand_and_offer_table(client, board, office, speaking, monkeypatch):
    """The demand is exact on known data; the offer comes from the registered counters."""
    TrainingNeedFactory(theme=office, voters=voters(3))
    TrainingNeedFactory(theme=office, voters=voters(2), status=NeedStatus.SCHEDULED)
    TrainingNeedFactory(theme=office, voters=voters(5), status=NeedStatus.CLOSED)  # not demand
    TrainingNeedFactory(theme=office, voters=voters(4), hidden=True)  # not demand
    TrainingNeedFactory(theme=speaking, voters=voters(1))
    ThemeFactory(name="Management", slug="management")  # neither demand nor offer
    monkeypatch.setattr(needs, "_offer_counters", [lambda ids: {office.pk: 2}])
    rows = needs.demand_and_offer()
    assert [
        (row["theme"].name, row["needs"], row["votes"], row["sessions"], row["gap"]) for row in rows
    ] == [
        ("Outils bureautiques", 2, 5, 2, False),
        ("Prise de parole", 1, 1, 0, True),
    ]
    html = client.get(board.url).content.decode()
    assert "<caption>" in html
    assert '<th scope="col">Votes (demande)</th>' in html
    assert '<th scope="row">Prise de parole</th>' in html
    assert "Aucune séance prévue" in html
    assert "Management" not in html.split('id="gaps-title"')[1]


def test_offer_counters_add_up(monkeypatch):
    monkeypatch.setattr(needs, "_offer_counters", [])
    needs.register_offer_counter(lambda ids: {1: 2})
    needs.register_offer_counter(lambda ids: {1: 1, 2: 4})
    assert needs.offer_by_theme([1, 2, 3]) == {1: 3, 2: 4, 3: 0}
