"""The library and the catalogue are cached: a new question or comment shows in their counts
at once, and a hidden one leaves them at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import caching
from discussions import services
from discussions.models import ThreadKind

pytestmark = pytest.mark.usefixtures("cache_on")


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_new_question_changes_the_count_in_the_library_at_once(
    client, library, activity, agent, team_member
):
    render(client, library.url)
    cached_cost, html = render(client, library.url)
    assert "0 question" in html

    thread = services.start_thread(
        author=agent, page=activity, kind=ThreadKind.QUESTION, body="Combien de photos ?"
    )
    fresh_cost, html = render(client, library.url)
    assert "1 question" in html
    assert fresh_cost > cached_cost  # rendered again, not served stale from the cache

    services.hide(moderator=team_member, message=thread.messages.get())
    _cost, html = render(client, library.url)
    assert "0 question" in html


def test_a_new_comment_changes_the_count_in_the_catalogue_at_once(client, workshop, agent):
    catalogue_url = workshop.get_parent().url
    render(client, catalogue_url)
    _cost, html = render(client, catalogue_url)
    assert "0 commentaire" in html

    services.start_thread(author=agent, page=workshop, kind=ThreadKind.COMMENT, body="Merci !")

    _cost, html = render(client, catalogue_url)
    assert "1 commentaire" in html


def test_bump_all_reaches_the_discussions_area(db):
    """What the demo loader calls after its bulk writes, which send no signal."""
    areas = ("pages", "library", "events", "discussions")
    before = [caching.generation(area) for area in areas]
    caching.bump_all()
    after = [caching.generation(area) for area in areas]
    assert all(old != new for old, new in zip(before, after, strict=True))
