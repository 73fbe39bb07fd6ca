"""The page cache: cheaper second renders, and never a stale or someone else's page."""

import socket
import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import PageViewRestriction

from community.factories import UserFactory
from events import services
from events.factories import SessionFactory
from resources.factories import ActivityPageFactory

pytestmark = pytest.mark.usefixtures("cache_on")


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("query", ["", "?kind=ice_breaker&sort=newest"])
def test_a_second_render_of_the_library_costs_fewer_queries(client, library, query):
    first, _ = queries_of(client, library.url + query)
    second, html = queries_of(client, library.url + query)
    assert second < first
    assert "Le photolangage" in html and "1 activité correspond" in html


def test_a_second_render_of_the_catalogue_costs_fewer_queries(client, workshop):
    SessionFactory(event=workshop, capacity=3)
    catalog_url = workshop.get_parent().url
    first, _ = queries_of(client, catalog_url)
    second, html = queries_of(client, catalog_url)
    assert second < first
    assert "3 places restantes" in html


def test_a_refused_filter_is_shown_back_and_never_cached(client, library):
    _, html = queries_of(client, library.url + "?kind=inconnu")
    assert "Certains filtres ont été ignorés" in html
    _, html = queries_of(client, library.url + "?kind=ice_breaker")
    assert "Certains filtres ont été ignorés" not in html


def test_a_published_activity_shows_in_the_library_at_once(client, library):
    queries_of(client, library.url)
    draft = ActivityPageFactory(parent=library, title="Le world café", live=False)
    _, html = queries_of(client, library.url)
    assert "Le world café" not in html
    draft.save_revision().publish()
    _, html = queries_of(client, library.url)
    assert "Le world café" in html and "2 activités correspondent" in html


def test_an_activity_made_private_leaves_the_library_at_once(client, library):
    activity = ActivityPageFactory(parent=library, title="Le bocal à poissons")
    _, html = queries_of(client, library.url)
    assert "Le bocal à poissons" in html
    PageViewRestriction.objects.create(page=activity, restriction_type=PageViewRestriction.LOGIN)
    _, html = queries_of(client, library.url)
    assert "Le bocal à poissons" not in html


def test_registering_changes_the_seats_left_at_once(client, workshop):
    session = SessionFactory(event=workshop, capacity=3)
    catalog_url = workshop.get_parent().url
    for url in (catalog_url, workshop.url):
        assert "3 places restantes" in queries_of(client, url)[1]
    services.register(session.pk, UserFactory())
    for url in (catalog_url, workshop.url):
        assert "2 places restantes" in queries_of(client, url)[1]
    registration = services.register(session.pk, UserFactory())
    services.cancel(registration.pk, user=registration.user)
    for url in (catalog_url, workshop.url):
        assert "2 places restantes" in queries_of(client, url)[1]


def test_one_agent_never_sees_another_agents_registration(client, workshop):
    session = SessionFactory(event=workshop, online_url="https://visio.example/salle-secrete")
    registered, other = UserFactory(), UserFactory()
    services.register(session.pk, registered)
    for url in (workshop.get_parent().url, workshop.url):
        client.force_login(registered)
        client.get(url)
        client.force_login(other)
        _, html = queries_of(client, url)
        assert "salle-secrete" not in html
        assert "Votre place est réservée" not in html
    client.force_login(registered)
    _, html = queries_of(client, workshop.url)
    assert "salle-secrete" in html


def test_the_menu_follows_a_newly_published_section(client, library, home_page):
    queries_of(client, "/")
    library.show_in_menus = True
    library.save_revision().publish()
    _, html = queries_of(client, "/")
    assert f'href="{library.url}"' in html


def _redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis server at 127.0.0.1:6379")
def test_the_cache_works_on_redis(client, library):
    prefix = f"atelier-test-{uuid.uuid4().hex}"
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=redis_cache):
        try:
            first, _ = queries_of(client, library.url)
            second, html = queries_of(client, library.url)
            assert second < first and "Le photolangage" in html
            ActivityPageFactory(
                parent=library, live=False, title="Le speed boat"
            ).save_revision().publish()
            _, html = queries_of(client, library.url)
            assert "Le speed boat" in html
        finally:
            client_of_redis = caches["default"]._cache.get_client(write=True)
            for key in client_of_redis.scan_iter(f"{prefix}:*"):
                client_of_redis.delete(key)


def test_bulk_work_bumps_each_area_once_at_the_end(db):
    """Inside deferred_bumps() saves only note their areas; the generations move on exit."""
    from community import caching

    before = caching.generation("library", "events")
    with caching.deferred_bumps():
        caching.bump("library")
        caching.bump("library", "events")
        assert caching.generation("library", "events") == before
    after = caching.generation("library", "events")
    assert after.split("-")[0] != before.split("-")[0]
    assert after.split("-")[1] != before.split("-")[1]


def test_a_bump_outside_a_transaction_writes_the_generations_once(monkeypatch):
    """No database here: nothing is in a transaction, so there is no commit to wait for."""
    from community import caching

    writes = []
    monkeypatch.setattr(caching, "_bump_now", writes.append)

    caching.bump("library")

    assert writes == [("library",)]


def test_a_bump_inside_a_transaction_writes_again_on_commit(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    from community import caching

    writes = []
    monkeypatch.setattr(caching, "_bump_now", writes.append)

    with django_capture_on_commit_callbacks(execute=True):
        caching.bump("events")
        assert writes == [("events",)]
    assert writes == [("events",), ("events",)]
