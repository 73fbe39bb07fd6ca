"""Browsing the library: filters that combine, faceted counts, sorting, errors, pagination."""

import re

import pytest

from community.factories import UserFactory
from community.tests.pages import text_of
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import Rating, Reuse

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def activity(library, title, tags=(), **fields):
    page = ActivityPageFactory(parent=library, title=title, **fields)
    if tags:
        page.tags.add(*tags)
        page.save()
    return page


@pytest.fixture
def catalogue(library):
    management = ThemeFactory(name="Management", slug="management")
    office = ThemeFactory(name="Bureautique", slug="bureautique")
    common = {"duration_min": 10, "duration_max": 20, "group_size_min": 2, "group_size_max": 30}
    activity(
        library,
        "Analyse SWOT",
        tags=["diagnostic"],
        **common
        | {"duration_min": 45, "duration_max": 90, "group_size_min": 6, "group_size_max": 20},
        kind="analysis_tool",
        modality="face_to_face",
        level="intermediate",
        themes=[management],
    )
    activity(
        library,
        "Météo intérieure",
        **common | {"duration_max": 15, "group_size_min": 4, "group_size_max": 20},
        kind="ice_breaker",
        modality="remote",
        level="discovery",
        themes=[management],
    )
    activity(
        library,
        "Tableur pas à pas",
        tags=["diagnostic"],
        **common
        | {"duration_min": 30, "duration_max": 60, "group_size_min": 1, "group_size_max": 1},
        kind="e_learning",
        modality="self_paced",
        level="discovery",
        themes=[office],
    )
    activity(
        library,
        "Débat mouvant",
        **common
        | {"duration_min": 20, "duration_max": 40, "group_size_min": 10, "group_size_max": 40},
        kind="facilitation_method",
        modality="face_to_face",
        level="discovery",
        themes=[management],
    )
    activity(
        library,
        "Quiz de fin de session",
        **common,
        kind="assessment",
        modality="remote",
        level="discovery",
        themes=[office],
    )


def get(client, query=""):
    response = client.get(f"/bibliotheque/{query}")
    assert response.status_code == 200
    return text_of(response)


def titles(page):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', page)


def status(page):
    return re.search(r'role="status">([^<]*)<', page).group(1)


def options(page, field):
    """{value: label} of the options of one of the filters' selects."""
    select = re.search(rf'<select name="{field}".*?</select>', page, re.DOTALL).group(0)
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select))


def field_error(page, field):
    match = re.search(rf'<p class="form-field__error" id="id_{field}_error">([^<]*)</p>', page)
    return match.group(1) if match else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?theme=management", ["Débat mouvant", "Météo intérieure", "Analyse SWOT"]),
        ("?theme=management&modality=face_to_face", ["Débat mouvant", "Analyse SWOT"]),
        ("?theme=management&modality=face_to_face&kind=analysis_tool", ["Analyse SWOT"]),
        ("?theme=management&modality=face_to_face&group_size=25", ["Débat mouvant"]),
        ("?theme=management&duration=0-15", ["Météo intérieure"]),
        ("?duration=30-60&level=discovery", ["Débat mouvant", "Tableur pas à pas"]),
        ("?tag=diagnostic&theme=bureautique", ["Tableur pas à pas"]),
        ("?tag=diagnostic&modality=remote", []),
    ],
)
def test_filters_combine(client, catalogue, query, expected):
    page = get(client, query)

    assert titles(page) == expected
    if expected:
        assert f"{len(expected)} activité" in status(page)
    else:
        assert status(page) == "Aucune activité ne correspond à ces filtres."
        assert "Réinitialiser les filtres" in page


def test_the_status_announces_how_many_activities_match(client, catalogue):
    assert status(get(client, "?theme=management")) == "3 activités correspondent"
    assert status(get(client, "?kind=analysis_tool")) == "1 activité correspond"


def test_each_option_counts_the_activities_given_the_other_filters(client, catalogue):
    page = get(client, "?theme=management&modality=remote")

    # Themes are counted with the modality filter but not the theme one, and vice versa.
    assert options(page, "theme") == {
        "": "Tous les thèmes",
        "bureautique": "Bureautique (1)",
        "management": "Management (1)",
    }
    assert options(page, "modality")["face_to_face"] == "Présentiel (2)"
    assert options(page, "modality")["remote"] == "Distanciel (1)"
    assert options(page, "modality")["self_paced"] == "En autonomie (0)"
    # The other facets are counted with both filters.
    assert options(page, "kind")["ice_breaker"] == "Brise-glace (1)"
    assert options(page, "kind")["analysis_tool"] == "Outil d'analyse (0)"
    assert options(page, "tag") == {"": "Tous les mots-clés", "diagnostic": "Diagnostic (0)"}


def test_duration_bands_count_every_activity_whose_range_overlaps_them(client, catalogue):
    page = get(client, "?theme=management")

    assert options(page, "duration") == {
        "": "Toutes les durées",
        "0-15": "15 min ou moins (1)",
        "15-30": "De 15 à 30 min (1)",
        "30-60": "De 30 min à 1 h (2)",
        "60-120": "De 1 h à 2 h (1)",
        "120-plus": "Plus de 2 h (0)",
    }


def test_the_form_is_accessible_and_works_without_javascript(client, catalogue):
    page = get(client, "?modality=remote")

    assert '<form method="get" action="/bibliotheque/"' in page
    assert "<legend>Contenu</legend>" in page
    assert "<legend>Conditions d'animation</legend>" in page
    assert '<label for="id_theme">Thème</label>' in page
    assert '<label for="id_sort">Trier par</label>' in page
    assert '<option value="remote" selected>Distanciel (2)</option>' in page
    assert '<button type="submit" class="button">Filtrer</button>' in page
    assert '<a href="/bibliotheque/">Réinitialiser les filtres</a>' in page
    assert '<a class="button button--secondary" href="/bibliotheque/trouver/">' in page


@pytest.fixture
def engagement(library):
    users = [UserFactory() for _ in range(4)]
    rarely = activity(library, "Peu utilisée")
    often = activity(library, "Très utilisée")
    well = activity(library, "Bien notée")
    also_well = activity(library, "Aussi bien notée")
    adapted = activity(library, "Souvent adaptée")
    for user in users[:3]:
        Reuse.objects.create(activity=often, user=user)
    Reuse.objects.create(activity=rarely, user=users[0])
    Rating.objects.create(activity=rarely, user=users[0], score=3)
    for user, score in zip(users[:2], [5, 4], strict=True):
        Rating.objects.create(activity=well, user=user, score=score)
    for user, score in zip(users, [5, 4, 5, 4], strict=True):
        Rating.objects.create(activity=also_well, user=user, score=score)
    activity(library, "Adaptation 1", adapted_from=adapted)
    activity(library, "Adaptation 2", adapted_from=adapted)


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("", ["Adaptation 2", "Adaptation 1", "Souvent adaptée"]),
        ("newest", ["Adaptation 2", "Adaptation 1", "Souvent adaptée"]),
        ("reused", ["Très utilisée", "Peu utilisée"]),
        ("rated", ["Aussi bien notée", "Bien notée", "Peu utilisée", "Adaptation 2"]),
        ("adapted", ["Souvent adaptée", "Adaptation 2"]),
    ],
)
def test_sorting(client, engagement, sort, first):
    page = get(client, f"?sort={sort}")

    assert titles(page)[: len(first)] == first
    assert len(titles(page)) == 7


def test_cards_show_reuses_ratings_and_adaptations(client, engagement):
    page = get(client, "?sort=rated")

    assert "4,5/5 (4 avis)" in page
    assert "4,5/5 (2 avis)" in page
    assert "3/5 (1 avis)" in page
    assert "Réutilisée 3 fois" in page
    assert "Réutilisée 1 fois" in page
    assert "Pas encore réutilisée" in page
    assert "2 adaptations" in page
    assert '<option value="rated" selected>Les mieux notées</option>' in page


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("?theme=inconnu", "theme", "Ce thème n'existe pas : ce filtre est ignoré."),
        ("?tag=inconnu", "tag", "Aucune activité ne porte ce mot-clé : ce filtre est ignoré."),
        ("?kind=potion", "kind", "Ce choix n'est pas proposé : ce filtre est ignoré."),
        ("?duration=-5", "duration", "Ce choix n'est pas proposé : ce filtre est ignoré."),
        (
            "?group_size=douze",
            "group_size",
            "Indiquez un nombre de personnes en chiffres, par exemple 12.",
        ),
        (
            "?group_size=-3",
            "group_size",
            "Indiquez un nombre de personnes supérieur ou égal à 1.",
        ),
        (
            "?group_size=100000",
            "group_size",
            "Indiquez un nombre de personnes inférieur ou égal à 300.",
        ),
        (
            "?sort=hasard",
            "sort",
            "Cet ordre n'est pas proposé : les plus récentes sont affichées en premier.",
        ),
    ],
)
def test_an_invalid_filter_is_reported_in_french_and_ignored(
    client, catalogue, query, field, message
):
    page = get(client, query)

    assert field_error(page, field) == message
    assert "Certains filtres ont été ignorés" in page
    assert 'aria-invalid="true"' in page
    assert status(page) == "5 activités correspondent"


def test_the_other_filters_still_apply_next_to_an_invalid_one(client, catalogue):
    page = get(client, "?theme=inconnu&modality=remote&group_size=abc")

    assert field_error(page, "theme") == "Ce thème n'existe pas : ce filtre est ignoré."
    assert field_error(page, "group_size").startswith("Indiquez un nombre de personnes")
    assert titles(page) == ["Quiz de fin de session", "Météo intérieure"]


def test_pagination_keeps_the_filters(client, library):
    for n in range(25):
        activity(library, f"À distance {n:02d}", modality="remote")
    for n in range(3):
        activity(library, f"En salle {n}", modality="face_to_face")

    first = get(client, "?modality=remote&sort=newest")
    assert status(first) == "25 activités correspondent"
    assert "Page 1 sur 2" in first
    assert '<a href="?modality=remote&sort=newest&page=2" rel="next">' in first

    second = get(client, "?modality=remote&sort=newest&page=2")
    assert "Page 2 sur 2" in second
    assert titles(second) == [f"À distance {n:02d}" for n in range(4, -1, -1)]
    assert '<option value="remote" selected>' in second


@pytest.mark.parametrize("count", [10, 200])
def test_query_count_does_not_grow_with_activities_themes_or_tags(
    client, library, count, django_assert_max_num_queries
):
    themes = [ThemeFactory() for _ in range(count // 10 + 2)]
    user = UserFactory()
    for n in range(count):
        page = activity(
            library,
            f"Activité {n}",
            tags=["atelier", f"mot-{n}"],
            themes=themes[n % 3 : n % 3 + 2] + [themes[0]],
            kind="ice_breaker",
            modality="face_to_face",
            level="discovery",
        )
        Rating.objects.create(activity=page, user=user, score=n % 5 + 1)
        Reuse.objects.create(activity=page, user=user)
    query = (
        f"?theme={themes[0].slug}&kind=ice_breaker&modality=face_to_face&level=discovery"
        "&duration=15-30&group_size=8&tag=atelier&sort=rated"
    )

    with django_assert_max_num_queries(20):
        page = get(client, query)

    assert status(page) == f"{count} activités correspondent"
    assert len(titles(page)) == min(count, 20)
