"""The search page (/recherche/) as an agent, a trainer or the training team sees it: what each
result says, which kinds it mixes, what it never shows, the JSON twin, pages and promotions."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from community.factories import (
    StandardPageFactory,
    TrainingNeedFactory,
    UserFactory,
)
from community.models import Visibility
from events.factories import (
    RegistrationFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from resources.factories import ActivityPageFactory
from resources.models import Modality

pytestmark = pytest.mark.django_db

URL = "/recherche/"
SECRET_LINK = "https://visio.example/salle-secrete-42"


@pytest.fixture
def tableur(sections):
    """One of each kind about the spreadsheet (“tableur”)."""
    workshop = WorkshopPageFactory(
        parent=sections.catalog,
        title="Tableur au quotidien",
        summary="Trier, filtrer et calculer sans stress.",
    )
    session = SessionFactory(
        event=workshop,
        start=timezone.now() + timedelta(days=10),
        capacity=12,
        online_url=SECRET_LINK,
    )
    RegistrationFactory.create_batch(2, session=session)
    colleague = UserFactory(first_name="Jeanne", last_name="Calc", job_title="Gestionnaire paie")
    colleague.profile.bio = "J'anime des ateliers sur le tableur depuis dix ans."
    colleague.profile.save()
    voters = UserFactory.create_batch(2)
    return SimpleNamespace(
        activity=ActivityPageFactory(
            parent=sections.library,
            title="Tableur : les formules essentielles",
            summary="Additionner, compter et chercher une valeur dans un tableur partagé.",
            modality=Modality.REMOTE,
            duration_min=30,
            duration_max=45,
        ),
        workshop=workshop,
        session=session,
        profile=colleague.profile,
        need=TrainingNeedFactory(
            title="Maîtriser le tableur de suivi budgétaire",
            why="Nous perdons du temps.",
            voters=voters,
        ),
        page=StandardPageFactory(
            parent=sections.home, title="Bien choisir son tableur", intro="Les logiciels."
        ),
    )


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def search_json(client, **params):
    response = client.get(URL, {**params, "format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def results(soup):
    """The result items of the page (not the pinned ones, not the popular ones)."""
    return soup.select("section.search-page__results > ol.search-results > li")


def titles(items):
    return [item.select_one(".search-result__title").get_text(" ", strip=True) for item in items]


def by_type(items):
    return {item.select_one(".search-result__type").get_text(strip=True): item for item in items}


def facts(item):
    return [li.get_text(strip=True) for li in item.select(".search-result__facts li")]


# --- What a result says -----------------------------------------------------------------------


def test_a_signed_in_agent_sees_the_query_the_count_and_each_kind(client, agent, tableur):
    client.force_login(agent)

    soup = search(client, q="tableur")

    assert soup.select_one("#search-page-q")["value"] == "tableur"
    assert soup.select_one(".search-page__count").get_text(strip=True) == "5 résultats"
    found = by_type(results(soup))
    assert set(found) == {
        "Activité",
        "Atelier",
        "Formateur ou formatrice",
        "Besoin de formation",
        "Page",
    }
    activity = found["Activité"]
    assert activity.select_one(".search-result__title mark").get_text() == "Tableur"
    assert activity.select_one("a")["href"] == tableur.activity.url
    assert "<mark>tableur</mark> partagé" in str(activity.select_one(".search-result__snippet"))
    assert facts(activity) == ["30 min à 45 min", "distanciel", "4 à 16 personnes"]


def test_a_workshop_gives_its_next_session_and_the_seats_left(client, agent, tableur):
    client.force_login(agent)

    workshop = by_type(results(search(client, q="tableur")))["Atelier"]

    with translation.override("fr"):
        start = date_format(timezone.localtime(tableur.session.start), "DATETIME_FORMAT")
    assert facts(workshop) == [f"Prochaine séance : {start}", "10 places restantes"]


def test_a_need_gives_its_status_and_votes_and_a_profile_its_job(client, agent, tableur):
    client.force_login(agent)

    found = by_type(results(search(client, q="tableur")))

    need = found["Besoin de formation"]
    assert facts(need) == ["Ouvert", "2 votes"]
    assert need.select_one("a")["href"] == f"/besoins/#besoin-{tableur.need.pk}"
    person = found["Formateur ou formatrice"]
    assert titles([person]) == ["Jeanne Calc"]
    assert person.select_one("a")["href"] == f"/formateurs/{tableur.profile.pk}/"
    assert "Gestionnaire paie" in facts(person)
    assert "<mark>tableur</mark>" in str(person.select_one(".search-result__snippet"))


def test_an_anonymous_visitor_finds_pages_and_needs_but_no_one(client, tableur):
    soup = search(client, q="tableur")

    assert soup.select_one(".search-page__count").get_text(strip=True) == "4 résultats"
    assert "Formateur ou formatrice" not in by_type(results(soup))
    assert "Jeanne" not in soup.get_text()
    assert [r["type"] for r in search_json(client, q="tableur")["results"]].count("profile") == 0


def test_the_json_twin_gives_the_same_results_in_the_same_order(client, agent, tableur):
    client.force_login(agent)

    html_titles = titles(results(search(client, q="tableur")))
    data = search_json(client, q="tableur")

    assert data["count"] == 5
    assert [result["title"] for result in data["results"]] == html_titles
    activity = next(r for r in data["results"] if r["type"] == "activity")
    assert activity["title"] == "Tableur : les formules essentielles"
    assert activity["url"] == tableur.activity.url
    assert "<mark>tableur</mark>" in activity["snippet"]
    assert {"type", "title", "url", "snippet", "facts"} <= set(activity)
    assert data["facets"][0]["name"] == "type"


# --- What is never shown ---------------------------------------------------------------------


def test_what_nobody_may_see_is_never_found(client, team_member, tableur, sections):
    ActivityPageFactory(parent=sections.library, title="Tableur brouillon", live=False)
    restricted = WorkshopPageFactory(parent=sections.catalog, title="Tableur réservé")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    TrainingNeedFactory(title="Tableur masqué", hidden=True)
    client.force_login(team_member)

    soup = search(client, q="tableur")
    data = search_json(client, q="tableur")

    for text in (str(soup), str(data)):
        assert "brouillon" not in text
        assert "réservé" not in text
        assert "masqué" not in text
        assert SECRET_LINK not in text
    assert data["count"] == 5
    type_facet = data["facets"][0]
    assert {o["value"]: o["count"] for o in type_facet["options"]}["workshop"] == 1


def test_a_registered_agent_does_not_get_the_online_link_in_results(client, tableur):
    registered = tableur.session.registrations.first().user
    client.force_login(registered)

    assert SECRET_LINK not in str(search(client, q="tableur"))
    assert SECRET_LINK not in str(search_json(client, q="tableur"))


def test_a_profile_for_the_team_only_is_found_by_the_team_only(client, agent, team_member, tableur):
    tableur.profile.visibility = Visibility.TEAM
    tableur.profile.save()

    client.force_login(agent)
    assert "Jeanne Calc" not in titles(results(search(client, q="tableur")))
    assert "Jeanne" not in str(search_json(client, q="tableur"))

    client.force_login(team_member)
    assert "Jeanne Calc" in titles(results(search(client, q="tableur")))


# --- Pages of results ------------------------------------------------------------------------


@pytest.fixture
def many_activities(sections):
    """25 activities about “publipostage”: 5 by their title, 20 only in their summary."""
    in_title = [
        ActivityPageFactory(parent=sections.library, title=f"Publipostage pas à pas {n}")
        for n in range(5)
    ]
    for n in range(20):
        ActivityPageFactory(
            parent=sections.library,
            title=f"Courriers en nombre {n}",
            summary="Préparer un courrier type puis lancer le publipostage depuis la liste.",
        )
    return in_title


def test_results_come_ten_a_page_best_first(client, agent, many_activities):
    client.force_login(agent)

    first = search(client, q="publipostage")
    third = search(client, q="publipostage", page=3)

    assert first.select_one(".search-page__count").get_text(strip=True) == "25 résultats"
    assert len(results(first)) == 10
    assert sorted(titles(results(first))[:5]) == [page.title for page in many_activities]
    assert len(results(third)) == 5
    assert all(title.startswith("Courriers") for title in titles(results(third)))
    assert third.select_one("ol.search-results")["start"] == "21"
    assert search_json(client, q="publipostage", page=3)["page"] == 3


def test_every_result_appears_once_across_the_pages(client, agent, many_activities):
    client.force_login(agent)

    seen = [
        title
        for page in (1, 2, 3)
        for title in titles(results(search(client, q="publipostage", page=page)))
    ]

    assert len(seen) == len(set(seen)) == 25


# --- Promotions ------------------------------------------------------------------------------


def promote(query, page, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, description=description, sort_order=0
    )


def test_a_page_the_team_pins_comes_first_under_its_heading(client, agent, tableur, sections):
    guide = StandardPageFactory(
        parent=sections.home, title="Guide des logiciels de la collectivité"
    )
    promote("tableur", guide, "Le tableur installé sur tous les postes.")
    client.force_login(agent)

    soup = search(client, q="Tableur")
    data = search_json(client, q="tableur")

    pinned = soup.select_one(".search-pinned")
    assert pinned.select_one("h3").get_text(strip=True) == "Recommandé par l'équipe formation"
    assert titles(pinned.select("li")) == ["Guide des logiciels de la collectivité"]
    assert "<mark>tableur</mark>" in str(pinned.select_one(".search-result__snippet"))
    assert data["results"][0]["title"] == "Guide des logiciels de la collectivité"
    assert data["results"][0]["promoted"] is True
    assert "Guide des logiciels de la collectivité" not in titles(results(soup))


def test_a_pinned_page_that_is_not_published_is_not_shown(client, agent, tableur, sections):
    draft = StandardPageFactory(parent=sections.home, title="Guide en préparation", live=False)
    promote("tableur", draft)
    client.force_login(agent)

    soup = search(client, q="tableur")

    assert soup.select_one(".search-pinned") is None
    assert "Guide en préparation" not in str(soup)
    assert "Guide en préparation" not in str(search_json(client, q="tableur"))


def test_the_english_address_redirects_with_its_query(client):
    response = client.get("/search/?q=tableur&type=activity")

    assert response.status_code == 301
    assert response["Location"] == "/recherche/?q=tableur&type=activity"
