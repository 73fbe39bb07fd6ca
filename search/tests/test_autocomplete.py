"""The header box's suggestions: what each visitor is offered, and what never leaks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.factories import UserFactory
from community.models import Visibility
from events.factories import (
    EventIndexPageFactory,
    ExchangeEventPageFactory,
    WorkshopPageFactory,
)
from resources.factories import ActivityPageFactory, LibraryPageFactory

pytestmark = pytest.mark.django_db

URL = reverse("search_suggestions")


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


@pytest.fixture
def site_content(library, catalog, directory, home_page):
    """One of each kind whose title or name starts with “Cart” (“Carte mentale”…)."""
    events = EventIndexPageFactory(parent=home_page)
    return {
        "activity": ActivityPageFactory(parent=library, title="Carte mentale collective"),
        "workshop": WorkshopPageFactory(parent=catalog, title="Cartographier ses processus"),
        "event": ExchangeEventPageFactory(parent=events, title="Cartes et territoires"),
        "person": UserFactory(first_name="Cartier", last_name="Lemoine").profile,
    }


def suggestions(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def titles(found):
    return [suggestion["title"] for suggestion in found]


def test_an_agent_is_offered_activities_workshops_events_and_colleagues(
    client, agent, site_content
):
    client.force_login(agent)

    found = suggestions(client, "cart")

    by_type = {suggestion["type"]: suggestion for suggestion in found}
    assert set(by_type) == {"activity", "workshop", "event", "person"}
    assert by_type["activity"] == {
        "type": "activity",
        "type_label": "Activité",
        "title": "Carte mentale collective",
        "url": "/bibliotheque/carte-mentale-collective/",
    }
    assert by_type["workshop"]["type_label"] == "Atelier"
    assert by_type["workshop"]["url"] == site_content["workshop"].url
    assert by_type["event"]["type_label"] == "Rencontre"
    person = site_content["person"]
    assert by_type["person"] == {
        "type": "person",
        "type_label": "Collègue",
        "title": "Cartier Lemoine",
        "url": f"/formateurs/{person.pk}/",
    }


def test_several_words_narrow_and_the_last_one_is_a_prefix(client, agent, site_content):
    client.force_login(agent)

    assert titles(suggestions(client, "carte men")) == ["Carte mentale collective"]
    assert titles(suggestions(client, "Carte mentale colle")) == ["Carte mentale collective"]
    assert suggestions(client, "carte zzz") == []


def test_a_colleague_is_found_by_the_name_they_chose_never_by_the_real_one(
    client, agent, site_content
):
    profile = site_content["person"]  # Cartier Lemoine
    profile.display_name = "Zoé la cartographe"
    profile.save()
    client.force_login(agent)

    people = [s["title"] for s in suggestions(client, "cartogr") if s["type"] == "person"]
    assert people == ["Zoé la cartographe"]
    # The real name would unmask the pseudonym: it finds nobody.
    assert [s for s in suggestions(client, "lemoine") if s["type"] == "person"] == []


def test_an_anonymous_visitor_sees_pages_but_no_people(client, site_content):
    found = suggestions(client, "cart")

    assert {suggestion["type"] for suggestion in found} == {"activity", "workshop", "event"}


def test_unpublished_and_restricted_pages_never_appear(client, agent, library, catalog):
    ActivityPageFactory(parent=library, title="Cartes du brouillon", live=False)
    restricted = WorkshopPageFactory(parent=catalog, title="Cartes de l'équipe")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    ActivityPageFactory(parent=library, title="Cartes publiques")
    client.force_login(agent)

    assert titles(suggestions(client, "cartes")) == ["Cartes publiques"]


def test_a_page_under_a_restricted_section_never_appears(client, agent, catalog):
    PageViewRestriction.objects.create(page=catalog, restriction_type="login")
    WorkshopPageFactory(parent=catalog, title="Cartes cachées")

    client.force_login(agent)

    assert suggestions(client, "cartes") == []


def test_a_profile_for_the_team_only_is_hidden_from_agents_not_from_the_team(
    client, agent, team_member, directory
):
    hidden = UserFactory(first_name="Cartouche", last_name="Discret").profile
    hidden.visibility = Visibility.TEAM
    hidden.save()
    inactive = UserFactory(first_name="Cartouche", last_name="Parti", is_active=False)
    assert inactive.profile

    client.force_login(agent)
    assert suggestions(client, "cartouche") == []

    client.force_login(team_member)
    assert titles(suggestions(client, "cartouche")) == ["Cartouche Discret"]


def test_one_sees_ones_own_profile_even_for_the_team_only(client, directory):
    me = UserFactory(first_name="Cartouche", last_name="Moi")
    me.profile.visibility = Visibility.TEAM
    me.profile.save()
    client.force_login(me)

    assert titles(suggestions(client, "cartouche")) == ["Cartouche Moi"]


def test_no_people_without_a_trainer_directory(client, agent, library):
    UserFactory(first_name="Cartier", last_name="Lemoine")
    client.force_login(agent)

    assert suggestions(client, "cartier") == []


@pytest.mark.parametrize("query", ["", "  ", "ca", "  ca  ", "c a", "l'a", "**", "le"])
def test_fewer_than_three_letters_gives_nothing(client, query, site_content):
    assert suggestions(client, query) == []


def test_the_query_parameter_may_be_missing(client, site_content):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"cart',
        "cart*",
        "*cart",
        "cart OR mentale",
        "cart AND NOT mentale",
        "NEAR(cart mentale)",
        "cart NEAR mentale",
        "title:cart",
        "^cart",
        "-cart",
        "cart & mentale | x",
        "cart:*",
        "(cart",
        "cart)",
        "'cart'",
        "\\cart",
        "cart\x00",
        "cart" * 250,
        "carte " * 200,
        "é" * 1000,
        "🎉🎉🎉 cart",
        "%_%",
        "ﬁnance",
    ],
)
def test_any_input_answers_without_error(client, agent, site_content, query):
    client.force_login(agent)

    found = suggestions(client, query)

    assert isinstance(found, list)
    assert len(found) <= 8


def test_quotes_and_operators_are_dropped_around_the_words(client, agent, site_content):
    client.force_login(agent)

    assert "Carte mentale collective" in titles(suggestions(client, '"carte" mentale*'))
    assert "Carte mentale collective" in titles(suggestions(client, '(carte) -"mentale'))


def test_at_most_eight_suggestions_and_people_keep_places(client, agent, library, directory):
    for number in range(10):
        ActivityPageFactory(parent=library, title=f"Cartes à jouer {number}")
    for number in range(4):
        UserFactory(first_name="Cartes", last_name=f"Personne{number}")
    client.force_login(agent)

    found = suggestions(client, "cartes")

    assert len(found) == 8
    types = [suggestion["type"] for suggestion in found]
    assert types.count("person") == 3
    assert types[:5] == ["activity"] * 5  # pages first, people after


def test_people_fill_the_list_when_few_pages_match(client, agent, library, directory):
    ActivityPageFactory(parent=library, title="Cartes à jouer")
    for number in range(9):
        UserFactory(first_name="Cartes", last_name=f"Personne{number}")
    client.force_login(agent)

    types = [suggestion["type"] for suggestion in suggestions(client, "cartes")]

    assert types == ["activity"] + ["person"] * 7


def count_queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        suggestions(client, query)
    return len(captured)


def test_query_count_does_not_grow_with_the_suggestions(client, agent, library, catalog, directory):
    client.force_login(agent)
    ActivityPageFactory(parent=library, title="Cartes 1")
    UserFactory(first_name="Cartes", last_name="Un")
    suggestions(client, "cartes")  # site root paths and content types, cached from now on
    assert len(suggestions(client, "cartes")) == 2
    with_two = count_queries(client, "cartes")

    for number in range(2, 6):
        ActivityPageFactory(parent=library, title=f"Cartes {number}")
    WorkshopPageFactory(parent=catalog, title="Cartes atelier")
    UserFactory(first_name="Cartes", last_name="Deux")
    assert len(suggestions(client, "cartes")) == 8
    with_eight = count_queries(client, "cartes")

    assert with_eight == with_two


def test_answers_are_private_and_short_lived(client, agent, site_content):
    client.force_login(agent)

    response = client.get(URL, {"q": "cart"})

    assert "private" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_only_get_is_allowed(client):
    assert client.post(URL, {"q": "cart"}).status_code == 405


def test_every_page_has_the_search_box_in_its_header(client, home_page):
    html = client.get("/").content.decode()

    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert 'action="/recherche/"' in header
    assert 'method="get"' in header
    assert 'data-suggestions-url="/recherche/suggestions/"' in header
    assert '<label class="visually-hidden" for="site-search-q">Rechercher sur le site</label>' in (
        header
    )
    assert 'name="q"' in header
    assert 'role="combobox"' in header
    assert 'aria-autocomplete="list"' in header
    assert 'aria-expanded="false"' in header
    assert 'aria-controls="site-search-listbox"' in header
    assert 'id="site-search-listbox" role="listbox"' in header
    assert 'id="site-search-status" aria-live="polite"' in header  # a polite live region
    assert '<button class="site-search__submit button" type="submit">Rechercher</button>' in header
    assert "js/search-autocomplete.js" in html and "defer" in html
    assert "css/search.css" in html
    assert "<script>" not in html  # no inline script (CSP)
