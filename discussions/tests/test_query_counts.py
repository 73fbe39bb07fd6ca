"""Pages with discussions run a number of queries that does not grow with the threads,
replies or topics they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.factories import UserFactory
from discussions.factories import MessageFactory, ThreadFactory
from discussions.models import Message, Thread, ThreadKind
from discussions.services import refresh_counters

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    """Queries of a second visit: the first one warms caches (site root paths, session)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def add_questions(page, count):
    for _ in range(count):
        thread = ThreadFactory(page=page, kind=ThreadKind.QUESTION, title="", body="Une question ?")
        MessageFactory(thread=thread, body="Une réponse, **en gras**.")
        refresh_counters(thread)


def add_replies(topic, count):
    people = UserFactory.create_batch(5)
    Message.objects.bulk_create(
        Message(thread=topic, author=people[n % 5], body=f"Réponse numéro {n}")
        for n in range(count)
    )
    refresh_counters(topic)


def test_an_activity_page_with_2_or_50_threads(client, activity, activity_author):
    client.force_login(activity_author)  # a host: sees the “helpful” buttons too
    add_questions(activity, 2)
    few, html = queries_for(client, activity.url)
    assert html.count('class="thread"') == 2

    add_questions(activity, 48)
    many, html = queries_for(client, activity.url)

    assert html.count('class="thread"') == 50
    assert many == few


def test_an_activity_page_read_anonymously(client, activity):
    add_questions(activity, 2)
    few, _html = queries_for(client, activity.url)
    add_questions(activity, 20)
    many, _html = queries_for(client, activity.url)
    assert many == few


def test_a_topic_page_with_5_or_200_replies(client, topic, trainer):
    client.force_login(trainer)  # the author: sees “accept” on each reply
    url = f"{topic.page.url}sujets/{topic.pk}/"
    add_replies(topic, 3)
    few, html = queries_for(client, url)
    assert "5 réponses" in html

    add_replies(topic, 195)
    many, html = queries_for(client, url)

    assert "200 réponses" in html
    assert many == few


def test_the_forum_index_with_10_or_1000_topics(client, forum_page, agent, theme):
    client.force_login(agent)
    authors = UserFactory.create_batch(5)

    def add_topics(count):
        now = timezone.now()
        threads = Thread.objects.bulk_create(
            Thread(
                kind=ThreadKind.TOPIC,
                page=forum_page,
                title=f"Sujet {n}",
                author=authors[n % 5],
                theme=theme,
                last_activity_at=now,
            )
            for n in range(count)
        )
        for thread in threads[:30]:
            thread.tags.add("astuce")

    add_topics(10)
    few, html = queries_for(client, forum_page.url)
    assert "10 sujets" in html

    add_topics(990)
    many, html = queries_for(client, forum_page.url)

    assert "1\u202f000 sujets" in html or "1 000 sujets" in html or "1000 sujets" in html
    assert many == few
    # Sorted and filtered listings cost the same.
    filtered, _html = queries_for(client, f"{forum_page.url}?theme=pedagogie&unanswered_first=on")
    assert filtered <= few + 1


def test_the_library_and_catalogue_cards_count_in_one_query(client, library, activity, workshop):
    from resources.factories import ActivityPageFactory

    add_questions(activity, 2)
    few, html = queries_for(client, library.url)
    assert "2 questions" in html
    for _ in range(5):
        add_questions(ActivityPageFactory(parent=library), 1)
    many, html = queries_for(client, library.url)
    assert many == few
    catalogue, html = queries_for(client, workshop.get_parent().url)
    assert "0 question" in html
