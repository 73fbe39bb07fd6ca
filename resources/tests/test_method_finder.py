"""The method finder: “J'ai 45 minutes, 12 personnes, en distanciel, pour faire connaissance”."""

import re

import pytest

from community.factories import UserFactory
from community.tests.pages import text_of
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import Rating, Reuse

pytestmark = pytest.mark.django_db

EXAMPLE = "?kind=ice_breaker&minutes=45&group_size=12&modality=remote"


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def ice_breaker(library, title, duration, group, **fields):
    return ActivityPageFactory(
        parent=library,
        title=title,
        kind=fields.pop("kind", "ice_breaker"),
        modality=fields.pop("modality", "remote"),
        duration_min=duration[0],
        duration_max=duration[1],
        group_size_min=group[0],
        group_size_max=group[1],
        **fields,
    )


def get(client, query=""):
    response = client.get(f"/bibliotheque/trouver/{query}")
    assert response.status_code == 200
    return text_of(response)


def suggested(page):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', page)


def reasons(page):
    return re.findall(r"<strong>Pourquoi elle convient :</strong> ([^<]*)</p>", page)


def status(page):
    return re.search(r'role="status">([^<]*)<', page).group(1)


def test_the_library_links_to_the_finder(client, library):
    page = text_of(client.get("/bibliotheque/"))

    assert '<a class="button button--secondary" href="/bibliotheque/trouver/">' in page
    assert "Trouver une méthode" in page


def test_the_finder_shows_its_form_first(client, library):
    page = get(client)

    assert "<h1>Trouver une méthode</h1>" in page
    assert "<legend>Votre séance</legend>" in page
    assert '<label for="id_minutes">Temps disponible (en minutes)</label>' in page
    assert 'role="status"' not in page


def test_ice_breakers_that_fit_come_best_first_with_why(client, library):
    user = UserFactory()
    weather = ice_breaker(library, "Météo intérieure", (30, 45), (4, 20))
    portrait = ice_breaker(library, "Portrait chinois", (30, 60), (6, 20))
    ice_breaker(library, "Photo-langage", (10, 15), (6, 20))
    Rating.objects.create(activity=portrait, user=user, score=5)
    Rating.objects.create(activity=weather, user=user, score=3)
    # Each of these breaks one hard constraint.
    ice_breaker(library, "Bingo des collègues", (10, 20), (8, 30), modality="face_to_face")
    ice_breaker(library, "Speed meeting", (60, 90), (6, 30))
    ice_breaker(library, "Duo de présentation", (5, 10), (2, 6))
    ice_breaker(library, "Analyse SWOT", (30, 45), (6, 20), kind="analysis_tool")

    page = get(client, EXAMPLE)

    assert status(page) == "3 activités conviennent"
    # Both fill the 45 minutes: the better rated first; the 15 min one leaves half an hour.
    assert suggested(page) == ["Portrait chinois", "Météo intérieure", "Photo-langage"]
    assert reasons(page) == [
        "Tient en 45 min en version courte · 6 à 20 personnes · distanciel",
        "Tient en 45 min · 4 à 20 personnes · distanciel",
        "Tient en 45 min · 6 à 20 personnes · distanciel",
    ]


def test_level_match_then_reuses_break_ties(client, library):
    user = UserFactory()
    expert = ice_breaker(library, "Pour experts", (20, 30), (2, 20), level="expert")
    reused = ice_breaker(library, "Très réutilisée", (20, 30), (2, 20), level="discovery")
    ice_breaker(library, "Jamais réutilisée", (20, 30), (2, 20), level="discovery")
    Reuse.objects.create(activity=reused, user=user)
    Reuse.objects.create(activity=expert, user=user)
    Reuse.objects.create(activity=expert, user=UserFactory())

    page = get(client, "?minutes=30&level=discovery")

    assert suggested(page) == ["Très réutilisée", "Jamais réutilisée", "Pour experts"]
    assert reasons(page)[0] == "Tient en 30 min · niveau découverte"


def test_with_no_fitting_activity_the_finder_suggests_relaxing_a_constraint(client, library):
    ice_breaker(library, "Bingo des collègues", (10, 20), (8, 30), modality="face_to_face")
    ice_breaker(library, "Speed meeting", (60, 90), (6, 30))

    page = get(client, EXAMPLE)

    assert status(page) == "Aucune activité ne correspond à tous vos critères."
    assert "Essayez d'assouplir une contrainte :" in page
    ignoring_modality = page.index("<h3>En ignorant la modalité</h3>")
    ignoring_time = page.index("<h3>En ignorant le temps disponible</h3>")
    assert ignoring_modality < page.index("Bingo des collègues") < ignoring_time
    assert page.index("Speed meeting") > ignoring_time
    assert '<a href="?kind=ice_breaker&minutes=45&group_size=12">' in page
    assert "Relancer la recherche sans la modalité" in page
    assert "En ignorant l'objectif" not in page  # it would suggest nothing more


def test_when_even_relaxing_fails_the_finder_says_so(client, library):
    ice_breaker(library, "Bingo des collègues", (10, 20), (8, 30), modality="face_to_face")

    page = get(client, "?kind=role_play&minutes=5&modality=remote")

    assert status(page) == "Aucune activité ne correspond à tous vos critères."
    assert "Même en assouplissant une contrainte, aucune activité ne convient." in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?minutes=beaucoup", "Indiquez un nombre de minutes en chiffres, par exemple 45."),
        ("?minutes=-10", "Indiquez au moins 1 minute."),
        ("?group_size=-2", "Indiquez un nombre de personnes supérieur ou égal à 1."),
        ("?modality=teleportation", "Ce choix n'est pas proposé : ce critère est ignoré."),
        ("?minutes=", "Décrivez votre séance avec au moins un critère."),
    ],
)
def test_invalid_criteria_are_reported_in_french(client, library, query, message):
    ice_breaker(library, "Météo intérieure", (30, 45), (4, 20))

    page = get(client, query)

    assert message in page
    assert "Météo intérieure" not in page


def test_the_valid_criteria_still_search_next_to_an_invalid_one(client, library):
    ice_breaker(library, "Météo intérieure", (30, 45), (4, 20))
    ice_breaker(library, "Bingo des collègues", (10, 20), (8, 30), modality="face_to_face")

    page = get(client, "?minutes=beaucoup&modality=remote")

    assert "Indiquez un nombre de minutes en chiffres" in page
    assert suggested(page) == ["Météo intérieure"]


def test_finder_query_count_is_bounded(client, library, django_assert_max_num_queries):
    for n in range(30):
        ice_breaker(library, f"Brise-glace {n}", (10, 20 + n), (2, 20), modality="face_to_face")

    with django_assert_max_num_queries(20):
        page = get(client, EXAMPLE)

    assert "En ignorant la modalité" in page
