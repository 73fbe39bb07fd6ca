"""What a search leaves behind for the training team (Wagtail's search terms, the searches
without result) and what it costs the database."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from community.factories import NeedsBoardPageFactory, TrainingNeedFactory, UserFactory
from events.factories import (
    RegistrationFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from search.models import UnansweredQuery

pytestmark = pytest.mark.django_db

URL = "/recherche/"


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def hits(query):
    """Today's searches for ``query`` in Wagtail's search terms report."""
    daily = Query.get(query).daily_hits.filter(date=timezone.localdate()).first()
    return daily.hits if daily else 0


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


# --- Analytics -------------------------------------------------------------------------------


def test_a_search_counts_once_in_the_search_terms(client, agent, library):
    for n in range(12):
        ActivityPageFactory(parent=library, title=f"Cadastre et urbanisme {n}")
    client.force_login(agent)

    get(client, q="Cadastre")
    assert hits("cadastre") == 1

    get(client, q="cadastre", page=2)
    assert hits("cadastre") == 1

    get(client, q="cadastre", modality="remote")
    assert hits("cadastre") == 1  # refining is the same search

    get(client, q="cadastre")
    assert hits("cadastre") == 2


def test_an_empty_query_counts_nothing(client, agent, library):
    client.force_login(agent)

    get(client, q="")
    get(client, q="   ")
    get(client, q='"')

    assert not Query.objects.filter(daily_hits__isnull=False).exists()
    assert not UnansweredQuery.objects.exists()


def test_a_search_without_result_is_remembered_for_the_team(client, agent, library):
    ActivityPageFactory(parent=library, title="Cadastre et urbanisme")
    client.force_login(agent)

    get(client, q="Évaluation des risques")
    get(client, q="evaluation  des risques")
    get(client, q="cadastre")

    assert list(UnansweredQuery.objects.values_list("query_string", "hits")) == [
        ("evaluation des risques", 2)
    ]
    assert hits("evaluation des risques") == 1  # Wagtail keeps the accents apart
    assert hits("cadastre") == 1


def test_a_refined_search_without_result_is_not_an_unanswered_query(client, agent, library):
    """“cadastre” has answers, just none online: not a training need in disguise."""
    ActivityPageFactory(parent=library, title="Cadastre et urbanisme")
    client.force_login(agent)

    response = get(client, q="cadastre", modality="remote", format="json")

    assert response.json()["count"] == 0
    assert not UnansweredQuery.objects.exists()


# --- Cost ------------------------------------------------------------------------------------


def add_content(library, catalog, theme, series, numbers):
    """Activities, workshops (two sessions each, one seat taken) and needs about
    the land register (“cadastre”)."""
    for n in numbers:
        ActivityPageFactory(parent=library, title=f"Cadastre, fiche {n}", themes=[theme])
        workshop = WorkshopPageFactory(
            parent=catalog, title=f"Cadastre en pratique {n}", series=series, themes=[theme]
        )
        for days in (3, 40):
            session = SessionFactory(event=workshop, start=timezone.now() + timedelta(days=days))
            RegistrationFactory(session=session)
        TrainingNeedFactory(title=f"Lire le cadastre {n}", theme=theme)


def queries_of_a_search(client, **params):
    """Queries of a search run a second time: the first one also creates its analytics rows
    and fills the vocabulary cache."""
    get(client, **params)
    with CaptureQueriesContext(connection) as queries:
        get(client, **params)
    return len(queries)


@pytest.mark.parametrize("response_format", ["html", "json"])
def test_the_page_costs_the_same_whatever_the_number_of_results(
    client, library, catalog, response_format
):
    NeedsBoardPageFactory(parent=library.get_parent())  # needs are found while it is visible
    theme = ThemeFactory(name="Urbanisme", slug="urbanisme")
    series = SeriesFactory(name="Midis du territoire", slug="midis-territoire")
    colleague = UserFactory(first_name="Paul", last_name="Cadastre")
    client.force_login(colleague)
    add_content(library, catalog, theme, series, range(1))
    few = queries_of_a_search(client, q="cadastre", format=response_format)

    add_content(library, catalog, theme, series, range(1, 3))
    many = queries_of_a_search(client, q="cadastre", format=response_format)

    shown = get(client, q="cadastre", format="json").json()["results"]
    assert len(shown) == 10  # from 4 results to 10, every kind on the page both times
    assert many == few
