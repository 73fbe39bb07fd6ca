"""What the training team sees of the site search in the admin: the searches that found nothing
(most searched first; one becomes a need on the board, once), the most frequent searches and
the promoted results. Agents and trainers get none of it."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.admin.menu import admin_menu, reports_menu, settings_menu
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from community.factories import NeedsBoardPageFactory, TrainingNeedFactory
from community.models import NeedVote, TrainingNeed
from resources.factories import ThemeFactory
from search.models import UnansweredQuery

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/search-analytics/unanswered/"
TERMS_URL = "/admin/search-analytics/terms/"
PROMOTIONS_URL = "/admin/searchpicks/"
PROMOTION_ADD_URL = "/admin/searchpicks/add/"


def turn_url(query):
    return f"{LIST_URL}{query.pk}/turn-into-need/"


def search_menu(user):
    """The URLs in the admin's “Recherche” menu as ``user`` sees it (None: no such menu)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == "site-search":
            return [sub.url for sub in item.menu.menu_items_for_request(request)]
    return None


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def board(home_page):
    return NeedsBoardPageFactory(parent=home_page)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Bureautique", slug="bureautique")


@pytest.fixture
def searches(db):
    """Three searches that found nothing: two as often as each other, the later one first."""
    now = timezone.now()
    return {
        "macros": UnansweredQuery.objects.create(
            query_string="macros", hits=2, last_searched_at=now - datetime.timedelta(days=3)
        ),
        "tableaux croises": UnansweredQuery.objects.create(
            query_string="tableaux croises", hits=7, last_searched_at=now
        ),
        "falc": UnansweredQuery.objects.create(
            query_string="falc", hits=2, last_searched_at=now - datetime.timedelta(hours=1)
        ),
    }


def test_record_folds_accents_case_and_spaces_into_one_line():
    UnansweredQuery.objects.record("Évaluation  à chaud ")
    UnansweredQuery.objects.record("evaluation a CHAUD")
    UnansweredQuery.objects.record("   ")
    query = UnansweredQuery.objects.get()
    assert query.query_string == "evaluation a chaud"
    assert query.hits == 2


def test_the_team_sees_searches_without_result_most_searched_first(client, team_member, searches):
    client.force_login(team_member)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    rows = [(row.query_string, row.hits) for row in response.context["object_list"]]
    assert rows == [("tableaux croises", 7), ("falc", 2), ("macros", 2)]
    html = response.content.decode()
    assert html.index("tableaux croises") < html.index("falc") < html.index("macros")
    assert "Transformer en besoin" in html
    assert f'href="{turn_url(searches["falc"])}"' in html


def test_turning_a_search_into_a_need_posts_it_on_the_board_once(
    client, team_member, searches, theme, board
):
    query = searches["tableaux croises"]
    client.force_login(team_member)
    form = client.get(turn_url(query))
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="Tableaux croises"' in html  # the title, prefilled and editable
    assert "7 fois" in html and "Bureautique" in html

    response = client.post(
        turn_url(query),
        {
            "title": "Tableaux croises",
            "why": form.context["form"].initial["why"],
            "theme": theme.pk,
        },
        follow=True,
    )
    assert response.status_code == 200
    need = TrainingNeed.objects.get()
    assert need.title == "Tableaux croises" and need.theme == theme
    assert need.author == team_member
    assert NeedVote.objects.filter(need=need, voter=team_member).exists()
    assert "7 recherches" in need.why
    query.refresh_from_db()
    assert (query.need, query.turned_into_need_by) == (need, team_member)
    assert any("Tableaux croises" in message for message in messages_of(response))
    need_link = f"{board.url}?sort=recent#besoin-{need.pk}"
    assert need_link in response.content.decode()  # in the message and in the list

    listed = client.get(board.url + "?sort=recent")
    assert f'id="besoin-{need.pk}"' in listed.content.decode()

    again = client.post(
        turn_url(query), {"title": "Encore", "why": "Encore", "theme": theme.pk}, follow=True
    )
    assert TrainingNeed.objects.count() == 1
    assert any("déjà été transformée" in message for message in messages_of(again))
    assert client.get(turn_url(query)).status_code == 302  # no form for it any more


def test_the_form_says_what_is_missing(client, team_member, searches):
    client.force_login(team_member)
    response = client.post(turn_url(searches["falc"]), {"title": "Falc", "why": "", "theme": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisissez le thème" in html or "Choose the theme" in html
    assert not TrainingNeed.objects.exists()


@pytest.mark.parametrize("role", ["agent", "trainer"])
def test_agents_and_trainers_are_refused(client, request, role, searches, theme):
    client.force_login(request.getfixturevalue(role))
    query = searches["falc"]
    for url in (LIST_URL, turn_url(query), TERMS_URL, PROMOTIONS_URL, PROMOTION_ADD_URL):
        assert client.get(url).status_code in (302, 403), url
    response = client.post(turn_url(query), {"title": "Falc", "why": "x", "theme": theme.pk})
    assert response.status_code in (302, 403)
    assert not TrainingNeed.objects.exists()
    assert search_menu(request.getfixturevalue(role)) is None


def test_the_team_opens_the_search_terms_report_and_the_promotions(client, team_member):
    Query.get("excel").add_hit()
    Query.get("excel").add_hit()
    Query.get("congés").add_hit()
    client.force_login(team_member)
    report = client.get(TERMS_URL)
    assert report.status_code == 200
    assert [(row.query_string, row._hits) for row in report.context["object_list"]] == [
        ("excel", 2),
        ("congés", 1),
    ]
    assert client.get(PROMOTIONS_URL).status_code == 200
    assert client.get(PROMOTION_ADD_URL).status_code == 200

    assert search_menu(team_member) == [LIST_URL, TERMS_URL, PROMOTIONS_URL]


def test_wagtails_own_entries_move_to_the_search_menu(superuser):
    """Superusers too find the report and the promotions under “Recherche”, not twice."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert search_menu(superuser) == [LIST_URL, TERMS_URL, PROMOTIONS_URL]
    names = [item.name for item in reports_menu.menu_items_for_request(request)]
    names += [item.name for item in settings_menu.menu_items_for_request(request)]
    assert "search-terms" not in names and "promoted-search-results" not in names


def test_the_team_pins_a_page_for_excel(client, team_member, board):
    client.force_login(team_member)
    response = client.post(
        PROMOTION_ADD_URL,
        {
            "query_string": "excel",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": board.pk,
            "editors_picks-0-description": "Les besoins en tableur",
        },
    )
    assert response.status_code == 302
    promotion = SearchPromotion.objects.get()
    assert (promotion.query.query_string, promotion.page_id) == ("excel", board.pk)
    assert promotion.description == "Les besoins en tableur"


def test_the_team_links_a_search_to_a_need_already_posted(client, team_member, searches):
    need = TrainingNeedFactory(title="Écrire en FALC")
    client.force_login(team_member)
    query = searches["falc"]
    response = client.post(f"{LIST_URL}edit/{query.pk}/", {"need": need.pk})
    assert response.status_code == 302
    query.refresh_from_db()
    assert query.need == need
    listed = client.get(LIST_URL).content.decode()
    assert "Écrire en FALC" in listed
    assert re.search(rf'href="[^"]*{turn_url(query)}"', listed) is None
