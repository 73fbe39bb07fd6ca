"""The anonymous page cache: a second visit costs no query, and nobody ever gets a page that
was not meant for everyone, nor a stale one after a publication, a registration or a message."""

import re

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import Client
from wagtail.models import PageViewRestriction

from community.factories import UserFactory
from discussions.factories import MessageFactory, ThreadFactory
from discussions.models import ThreadKind
from events import services
from events.factories import SessionFactory
from resources.factories import ActivityPageFactory

HEADER = "X-Atelier-Cache"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture(autouse=True)
def _page_cache_on(cache_on):
    cache_on.ATELIER_PAGE_CACHE_TIMEOUT = 60


def cache_state(response):
    assert response.status_code == 200
    return response.headers.get(HEADER)


def test_a_second_anonymous_visit_costs_no_query(
    client, home_page, library, workshop, django_assert_num_queries
):
    SessionFactory(event=workshop, capacity=3)
    activity = library.get_children().first()
    for url in ("/", library.url, workshop.get_parent().url, activity.url, workshop.url):
        assert cache_state(client.get(url)) == "miss", url
        with django_assert_num_queries(0):
            response = client.get(url)
        assert cache_state(response) == "hit", url
    assert "Le photolangage" in client.get(library.url).content.decode()


def test_a_head_request_is_served_from_the_cache(client, library):
    client.get(library.url)
    response = client.head(library.url)
    assert cache_state(response) == "hit"
    assert response["Content-Type"].startswith("text/html")


def test_hits_keep_the_security_and_language_headers(client, library):
    miss = client.get(library.url)
    hit = client.get(library.url)
    assert cache_state(hit) == "hit"
    policy = "Content-Security-Policy"
    if policy not in miss:  # report-only mode (CSP_REPORT_ONLY) names its header so
        policy += "-Report-Only"
    assert hit[policy] == miss[policy] and "script-src 'self'" in hit[policy]
    for name in ("Content-Type", "Content-Language", "X-Frame-Options", "Vary"):
        assert hit[name] == miss[name], name
    assert hit.content == miss.content.replace(
        TOKEN.search(miss.content.decode()).group(1).encode(),
        TOKEN.search(hit.content.decode()).group(1).encode(),
    )


def test_every_visitor_gets_their_own_csrf_token(library):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = TOKEN.search(first.get(library.url).content.decode()).group(1)
    hit = second.get(library.url)
    assert cache_state(hit) == "hit"
    second_token = TOKEN.search(hit.content.decode()).group(1)
    assert second_token != first_token
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    response = second.post("/langue/", {"language": "en", "csrfmiddlewaretoken": second_token})
    assert response.status_code == 302  # the token of the cached page is accepted


def test_signed_in_people_never_get_nor_fill_a_cached_page(client, agent, library):
    client.get(library.url)  # an anonymous visit fills the cache
    client.force_login(agent)
    for _ in range(2):
        response = client.get(library.url)
        assert cache_state(response) is None
        assert "Marc Dubois" in response.content.decode()
    client.logout()
    caches["default"].clear()
    client.force_login(agent)
    client.get(library.url)
    anonymous = Client()
    response = anonymous.get(library.url)
    assert cache_state(response) == "miss"
    assert "Marc Dubois" not in response.content.decode()


def test_any_cookie_but_the_csrf_one_skips_the_cache(client, library):
    client.get(library.url)
    client.cookies["messages"] = "anything"
    assert cache_state(client.get(library.url)) is None
    del client.cookies["messages"]
    client.cookies[django_settings.CSRF_COOKIE_NAME] = "x" * 32
    assert cache_state(client.get(library.url)) == "hit"


def test_query_strings_are_keyed_in_any_order(client, library):
    url = library.url
    assert cache_state(client.get(url + "?kind=ice_breaker&sort=newest")) == "miss"
    assert cache_state(client.get(url + "?sort=newest&kind=ice_breaker")) == "hit"
    assert cache_state(client.get(url + "?sort=newest")) == "miss"
    assert cache_state(client.get(url)) == "miss"
    assert cache_state(client.get(url + "?kind=x" + "y" * 600)) is None  # too long to keep


def test_each_language_has_its_own_page(client, library):
    client.get(library.url)
    english = client.get(library.url, headers={"accept-language": "en"})
    assert cache_state(english) == "miss"
    assert english["Content-Language"] == "en"
    assert cache_state(client.get(library.url, headers={"accept-language": "en"})) == "hit"
    assert client.get(library.url)["Content-Language"] == "fr"


def test_a_published_activity_shows_in_the_library_at_once(client, library):
    client.get(library.url)
    draft = ActivityPageFactory(parent=library, title="Le world café", live=False)
    assert "Le world café" not in client.get(library.url).content.decode()
    draft.save_revision().publish()
    response = client.get(library.url)
    assert cache_state(response) == "miss"
    assert "Le world café" in response.content.decode()


def test_a_registration_changes_the_seats_left_at_once(client, workshop):
    session = SessionFactory(event=workshop, capacity=3)
    urls = (workshop.get_parent().url, workshop.url)
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert cache_state(response) == "hit" and "3 places restantes" in response.content.decode()
    services.register(session.pk, UserFactory())
    for url in urls:
        response = client.get(url)
        assert cache_state(response) == "miss" and "2 places restantes" in response.content.decode()


def test_a_new_message_shows_at_once(client, library):
    activity = library.get_children().first().specific
    thread = ThreadFactory(page=activity, kind=ThreadKind.QUESTION, body="Quelle durée ?")
    assert "Quelle durée ?" in client.get(activity.url).content.decode()
    MessageFactory(thread=thread, body="Vingt minutes suffisent.")
    response = client.get(activity.url)
    assert cache_state(response) == "miss"
    assert "Vingt minutes suffisent." in response.content.decode()


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "secret"},
    ],
)
def test_a_restricted_page_is_never_cached(client, library, restriction):
    activity = library.get_children().first()
    PageViewRestriction.objects.create(page=library, **restriction)
    for url in (library.url, activity.url):
        for _ in range(2):
            response = client.get(url)
            assert HEADER not in response
            assert "Le photolangage" not in response.content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, library):
    client.get(library.url)
    PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(library.url)
    assert response.status_code == 302 and HEADER not in response


def test_the_public_calendar_is_cached_but_not_the_private_addresses(client, workshop):
    SessionFactory(event=workshop)
    client.get("/agenda.ics")
    assert cache_state(client.get("/agenda.ics")) == "hit"
    assert client.get("/connexion/").get(HEADER) is None
    assert client.get("/connexion/").get(HEADER) is None


def test_the_setting_at_zero_turns_the_cache_off(client, library, settings):
    settings.ATELIER_PAGE_CACHE_TIMEOUT = 0
    client.get(library.url)
    assert cache_state(client.get(library.url)) is None
