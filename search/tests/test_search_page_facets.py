"""The search page's facets, its answers to odd input, and its ways forward when a query finds
nothing as typed (broadened to any word, corrected spelling, popular content)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from community.factories import TrainingNeedFactory
from events.factories import (
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from resources.factories import ActivityPageFactory, ThemeFactory
from resources.models import Level, Modality
from search.kinds import window

pytestmark = pytest.mark.django_db

URL = "/recherche/"


def soon():
    """A moment inside both this week and this month, whatever today is."""
    now = timezone.now()
    return now + (min(window("week")[1], window("month")[1]) - now) / 2


@pytest.fixture
def slides(sections):
    """Three activities, two workshops and a need about slides (“diaporama”), spread over two
    themes, two modalities, two levels, two series, this week and later."""
    office = ThemeFactory(name="Bureautique", slug="bureautique")
    speaking = ThemeFactory(name="Communication", slug="communication")
    lunches = SeriesFactory(name="Midis du numérique", slug="midis")
    talks = SeriesFactory(name="Conférences", slug="conferences")
    library, catalog = sections.library, sections.catalog
    basics = WorkshopPageFactory(
        parent=catalog, title="Diaporama : les bases", series=lunches, themes=[office]
    )
    advanced = WorkshopPageFactory(
        parent=catalog, title="Diaporama avancé", series=talks, themes=[speaking]
    )
    SessionFactory(event=basics, start=soon())
    SessionFactory(event=advanced, start=timezone.now() + timedelta(days=70))
    return SimpleNamespace(
        office=office,
        speaking=speaking,
        lunches=lunches,
        talks=talks,
        punchy=ActivityPageFactory(
            parent=library,
            title="Diaporama percutant",
            modality=Modality.REMOTE,
            level=Level.DISCOVERY,
            themes=[office],
        ),
        meeting=ActivityPageFactory(
            parent=library,
            title="Diaporama en réunion",
            modality=Modality.FACE_TO_FACE,
            level=Level.EXPERT,
            themes=[office],
        ),
        convince=ActivityPageFactory(
            parent=library,
            title="Diaporama pour convaincre",
            modality=Modality.REMOTE,
            level=Level.EXPERT,
            themes=[speaking],
        ),
        basics=basics,
        advanced=advanced,
        need=TrainingNeedFactory(title="Un diaporama accessible", theme=office),
    )


def get(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def found(client, **params):
    """The titles the JSON twin lists, in order."""
    return [
        result["title"] for result in get(client, {**params, "format": "json"}).json()["results"]
    ]


def facet_counts(client, **params):
    """{facet: {value: count}} as the JSON twin gives them."""
    facets = get(client, {**params, "format": "json"}).json()["facets"]
    return {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in facets}


def soup(client, **params):
    return BeautifulSoup(get(client, params).content, "html.parser")


# --- Facets ----------------------------------------------------------------------------------


def test_facet_counts_describe_what_the_query_found(client, agent, slides):
    client.force_login(agent)

    counts = facet_counts(client, q="diaporama")

    assert counts["type"] == {"activity": 3, "workshop": 2, "need": 1}
    assert counts["theme"] == {slides.office.pk: 4, slides.speaking.pk: 2}
    assert counts["modality"] == {"remote": 2, "face_to_face": 1}
    assert counts["level"] == {"discovery": 1, "expert": 2}
    assert counts["series"] == {slides.lunches.pk: 1, slides.talks.pk: 1}
    assert counts["when"] == {"week": 1, "month": 1}
    assert facet_counts(client, q="convaincre") == {
        "type": {"activity": 1},
        "theme": {slides.speaking.pk: 1},
        "modality": {"remote": 1},
        "level": {"expert": 1},
    }


def test_the_facets_read_as_labelled_choices_with_their_counts(client, agent, slides):
    client.force_login(agent)

    page = soup(client, q="diaporama", type="activity")

    box = page.select_one("#facet-type-activity")
    assert box["type"] == "checkbox" and box.has_attr("checked")
    label = page.select_one("label[for=facet-type-activity]").get_text(" ", strip=True)
    assert label == "Activité (3 résultats )"
    assert page.select_one(f"label[for=facet-theme-{slides.office.pk}]") is not None
    assert page.select_one("#facet-when-week") is None  # no activity has sessions
    assert soup(client, q="diaporama").select_one("#facet-when-week")["type"] == "radio"


def test_choosing_a_type_keeps_the_counts_of_the_others(client, agent, slides):
    client.force_login(agent)

    data = get(client, {"q": "diaporama", "type": "activity", "format": "json"}).json()

    assert data["count"] == 3
    assert {result["type"] for result in data["results"]} == {"activity"}
    type_facet = data["facets"][0]
    assert {o["value"]: (o["count"], o["selected"]) for o in type_facet["options"]} == {
        "activity": (3, True),
        "workshop": (2, False),
        "need": (1, False),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"modality": "remote", "level": "expert"}, ["Diaporama pour convaincre"]),
        ({"modality": ["remote", "face_to_face"]}, ["percutant", "réunion", "convaincre"]),
        ({"modality": "remote", "theme": "office"}, ["Diaporama percutant"]),
        ({"theme": "office"}, ["percutant", "réunion", "bases", "accessible"]),
        ({"theme": "speaking", "type": "workshop"}, ["Diaporama avancé"]),
        ({"series": "lunches"}, ["Diaporama : les bases"]),
        ({"when": "week"}, ["Diaporama : les bases"]),
        ({"when": "month", "series": "talks"}, []),
        ({"modality": "remote", "type": "workshop"}, []),
        ({"level": "expert", "type": "need"}, []),
    ],
)
def test_facets_combine_and_restrict(client, agent, slides, params, expected):
    """Values of one facet add up (OR); different facets narrow down (AND)."""
    client.force_login(agent)
    params = {
        name: getattr(slides, value).pk if name in ("theme", "series") else value
        for name, value in params.items()
    }

    titles = found(client, q="diaporama", **params)

    assert len(titles) == len(expected)
    for part in expected:
        assert any(part in title for title in titles), (part, titles)


def test_a_chosen_theme_or_series_stays_offered_when_nothing_matches(client, agent, slides):
    """So that the person can untick it rather than face an empty page."""
    client.force_login(agent)

    page = soup(client, q="convaincre", theme=slides.office.pk)

    assert page.select_one(".search-page__count").get_text(strip=True).startswith("Aucun résultat")
    assert page.select_one(f"#facet-theme-{slides.office.pk}").has_attr("checked")
    page = soup(client, q="diaporama avancé", series=slides.lunches.pk)
    assert page.select_one(f"#facet-series-{slides.lunches.pk}").has_attr("checked")


@pytest.mark.parametrize(
    "params",
    [
        {"type": "zzz"},
        {"theme": "abc"},
        {"theme": "999999"},
        {"theme": "99999999999999999999"},
        {"series": "-1"},
        {"modality": "<script>alert(1)</script>"},
        {"level": "expert'--"},
        {"when": "year"},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "0"},
    ],
)
def test_unknown_values_give_a_normal_page(client, agent, slides, params):
    client.force_login(agent)

    html = get(client, {"q": "diaporama", **params}).content.decode()
    data = get(client, {"q": "diaporama", **params, "format": "json"}).json()

    assert "<script>alert" not in html
    assert data["count"] in (0, 6)
    if "theme" not in params:
        assert data["count"] == 6


def test_the_last_page_is_shown_for_a_page_beyond_it(client, agent, slides):
    client.force_login(agent)

    data = get(client, {"q": "diaporama", "page": "99999", "format": "json"}).json()

    assert data["page"] == 1
    assert len(data["results"]) == 6


# --- Odd input -------------------------------------------------------------------------------

ODD_QUERIES = [
    "a" * 1000,
    ("diaporama " * 120).strip(),
    '"',
    '"diaporama',
    'diaporama"',
    "*",
    "diapo*",
    "NEAR",
    "diaporama NEAR percutant",
    "NEAR(diaporama percutant)",
    "OR",
    "diaporama OR",
    "AND diaporama",
    "NOT",
    "-",
    "-diaporama",
    "^",
    "^diaporama",
    ":",
    "title:diaporama",
    "(",
    ")",
    "(diaporama",
    "diaporama)",
    "{diaporama}",
    "diaporama & réunion | !",
    "'",
    "l'diaporama'",
    "\\",
    "%",
    "_",
    "🎉",
    "diaporama 🎉",
    "\x00",
    "diaporama\x00percutant",
    "<script>alert(1)</script>",
    "  ",
    "é",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_give_a_normal_page(client, agent, slides, query):
    client.force_login(agent)

    html = get(client, {"q": query}).content.decode()
    data = get(client, {"q": query, "format": "json"}).json()

    assert "<script>alert" not in html
    assert isinstance(data["count"], int)
    assert isinstance(data["results"], list)


def test_an_anonymous_visitor_gets_a_normal_page_for_odd_queries(client, slides):
    for query in ('"', "NEAR(", "-^:", "\x00", "🎉 diaporama"):
        get(client, {"q": query})
        get(client, {"q": query, "format": "json"})


def test_an_empty_query_offers_popular_content(client, agent, slides):
    client.force_login(agent)

    page = soup(client, q="")

    assert page.select_one(".search-page__count") is None
    popular = page.select_one(".search-popular")
    assert popular.select_one("h3").get_text(strip=True) == "Populaires en ce moment"
    offered = [a.get_text(strip=True) for a in popular.select(".search-result__title")]
    assert "Diaporama : les bases" in offered
    assert "Diaporama percutant" in offered


# --- Ways forward ----------------------------------------------------------------------------


def test_an_and_query_without_a_full_match_is_broadened(client, agent, slides):
    client.force_login(agent)

    page = soup(client, q="diaporama photocopieuse")
    data = get(client, {"q": "diaporama photocopieuse", "format": "json"}).json()

    notices = page.select_one(".search-page__notices").get_text(" ", strip=True)
    assert "Aucun résultat ne contient tous ces mots" in notices
    assert data["broadened"] is True
    assert data["count"] == 6


def test_a_typo_with_no_result_shows_the_corrected_results(client, agent, sections):
    ActivityPageFactory(parent=sections.library, title="Excel : les tableaux croisés")
    client.force_login(agent)

    page = soup(client, q="exel")
    data = get(client, {"q": "exel", "format": "json"}).json()

    notices = page.select_one(".search-page__notices").get_text(" ", strip=True)
    assert notices == "Résultats pour « excel » : aucun résultat pour « exel »."
    assert page.select_one(".search-page__count").get_text(strip=True) == "1 résultat"
    assert page.select_one(".search-result__title mark").get_text() == "Excel"
    assert (data["corrected_from"], data["suggestion"]) == ("exel", "excel")
    assert [result["title"] for result in data["results"]] == ["Excel : les tableaux croisés"]


def test_a_typo_that_found_something_is_offered_its_correction(client, agent, sections):
    ActivityPageFactory(parent=sections.library, title="Excel : les tableaux croisés")
    ActivityPageFactory(
        parent=sections.library, title="Budget du service", summary="Un fichier exel partagé."
    )
    client.force_login(agent)

    page = soup(client, q="exel")

    suggestion = page.select_one(".search-page__suggestion")
    assert suggestion.get_text(" ", strip=True) == "Vouliez-vous dire excel ?"
    assert suggestion.select_one("a")["href"] == "/recherche/?q=excel"
    assert [a.get_text(strip=True) for a in page.select(".search-result__title")] == [
        "Budget du service"
    ]


def test_a_query_without_result_offers_popular_content_and_the_needs_board(client, agent, slides):
    client.force_login(agent)

    page = soup(client, q="zzyzx")

    assert page.select_one(".search-page__count").get_text() == "Aucun résultat pour « zzyzx »."
    popular = page.select_one(".search-popular")
    assert (
        popular.select_one("h3").get_text(strip=True) == "Ces contenus pourraient vous intéresser"
    )
    assert popular.select(".search-result__title")
    assert popular.select_one("a[href='/besoins/']") is not None
