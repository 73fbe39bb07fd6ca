"""French search through the default backend, as a visitor's query reaches it.

The same tests run on SQLite (indexed Snowball stems) and, under `make test-postgres`, on
PostgreSQL (the `atelier_french` text search configuration): accents, plurals and derived words
match; an exact word still matches; a title match outranks a body match; any query a person can
type returns normally; the index follows publishing, unpublishing, deletion and title edits
through Wagtail's signals, with no `update_index` run.
"""

import pytest
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import ActivityPage

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"
IndexEntry = get_app_config().get_model("IndexEntry")

on_postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only (make test-postgres)"
)


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


@pytest.fixture
def catalogue(library):
    """A small library whose titles share no word with each other."""
    pages = {
        "evaluation": "Évaluation à chaud en fin de séance",
        "formation": "Formation de formateurs occasionnels",
        "competences": "Le blason des compétences",
        "animation": "Animation d'un débat mouvant",
        "photolangage": "Le photolangage",
    }
    return {key: ActivityPageFactory(parent=library, title=title) for key, title in pages.items()}


def found(query):
    """Titles of the live activities a query finds, best first."""
    return [page.title for page in ActivityPage.objects.live().search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("evaluation", "Évaluation à chaud en fin de séance"),  # accent left out
        ("formations", "Formation de formateurs occasionnels"),  # plural of a title word
        ("compétence", "Le blason des compétences"),  # singular of a plural
        ("animer", "Animation d'un débat mouvant"),  # verb of a noun
        ("photolangage", "Le photolangage"),  # the exact word
        ("ÉVALUATIONS", "Évaluation à chaud en fin de séance"),  # capitals, accent, plural
    ],
)
def test_french_forms_find_the_page(catalogue, query, expected):
    assert found(query) == [expected]


def test_unrelated_word_finds_nothing(catalogue):
    assert found("tableur") == []


def test_every_word_must_match(catalogue):
    assert found("formations occasionnelles") == ["Formation de formateurs occasionnels"]
    assert found("formation photolangage") == []


@pytest.mark.parametrize("field", ["summary", "facilitator_tips"])
def test_body_match_ranks_below_title_match(library, field):
    """A word only in the body is found, after the page that has it in its title; the body
    page's shorter title must not carry it above (SQLite's title norm once did)."""
    in_title = ActivityPageFactory(
        parent=library,
        title="Le photolangage pour se présenter au groupe",
        summary="Chacun choisit une image et dit pourquoi.",
    )
    in_body = ActivityPageFactory(
        parent=library,
        title="Brise-glace",
        **{field: "Une variante du photolangage, avec des cartes postales."},
    )

    assert found("photolangage") == [in_title.title, in_body.title]


@pytest.mark.parametrize(
    "query",
    [
        '"formation',
        '"formation de formateurs"',
        "form*",
        "*",
        "formation NEAR évaluation",
        "NEAR(formation évaluation)",
        "formation OR évaluation",
        "formation AND évaluation",
        "formation AND",
        "OR",
        "NOT",
        '"',
        "'",
        "l'animation",
        "-formation",
        "-",
        "formation -débat",
        "^formation",
        "title:formation",
        ":",
        "(formation",
        "formation)",
        "()",
        "&|!<->",
        "\\",
        "%_",
        "\x00",
        "formation " * 100,
        "f" * 1000,
        "🎓",
        "formation 🎓 évaluation",
        "   ",
        "le la les",
        "",
    ],
)
def test_any_typed_query_returns_normally(catalogue, query):
    results = found(query)

    assert isinstance(results, list)


def test_operators_are_words_not_syntax(catalogue):
    """FTS5 and tsquery operators typed by a person are plain words (or nothing)."""
    assert found('"formation') == ["Formation de formateurs occasionnels"]
    assert found("formation)") == ["Formation de formateurs occasionnels"]
    assert found("l'animation") == ["Animation d'un débat mouvant"]


def test_unpublished_page_leaves_the_results(catalogue):
    page = catalogue["formation"]

    page.unpublish()

    assert found("formation") == []


def test_deleted_page_leaves_the_results_and_the_index(catalogue):
    page = catalogue["formation"]
    entries = IndexEntry.objects.filter(content_type=page.content_type, object_id=str(page.pk))
    assert entries.exists()

    page.delete()

    assert found("formation") == []
    assert not entries.exists()


def test_title_edit_is_indexed_on_publish(catalogue):
    page = catalogue["photolangage"]

    page.title = "Le world café"
    page.save_revision().publish()

    assert found("photolangage") == []
    assert found("café") == ["Le world café"]


def test_draft_title_edit_is_not_searchable_before_publishing(catalogue):
    page = catalogue["photolangage"]

    page.title = "Le world café"
    page.save_revision()

    assert found("café") == []
    assert found("photolangage") == ["Le photolangage"]


def test_api_search_uses_the_french_backend(client, catalogue):
    response = client.get(API, {"search": "formations"})

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [
        "Formation de formateurs occasionnels"
    ]


@pytest.mark.parametrize("query", ['"formation', "🎓", "-", "f" * 1000, "NEAR(a b)"])
def test_api_search_with_odd_queries_answers(client, catalogue, query):
    response = client.get(API, {"search": query})

    assert response.status_code == 200


@pytest.mark.postgres
@on_postgres_only
def test_postgres_has_the_atelier_french_configuration(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = 'atelier_french'")
        assert cursor.fetchall() == [("atelier_french",)]
        cursor.execute("SELECT to_tsvector('atelier_french', 'Évaluations')::text")
        assert cursor.fetchone()[0] == "'evalu':1"
        cursor.execute(
            "SELECT to_tsvector('atelier_french', 'formations')"
            " = to_tsvector('atelier_french', 'Formation')"
        )
        assert cursor.fetchone()[0] is True


@pytest.mark.postgres
@on_postgres_only
def test_postgres_backend_uses_atelier_french(db):
    assert get_search_backend().config == "atelier_french"
