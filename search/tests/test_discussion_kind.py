"""Discussions in the site search: forum topics and questions on content are found by their
title or by any shown message, and the result leads to the thread."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search import index

from community.factories import UserFactory
from discussions.models import ForumPage, Message, Thread, ThreadKind
from resources.factories import ActivityPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

URL = "/recherche/"


@pytest.fixture
def forum(sections):
    page = ForumPage(title="Entre formateurs", slug="entre-formateurs", intro="Le forum.")
    sections.home.add_child(instance=page)
    return page


def thread(page, kind, body, *replies, title="", theme=None, hidden=False):
    """A thread as the services leave it: messages written, counters kept, index refreshed."""
    author = UserFactory()
    now = timezone.now()
    row = Thread.objects.create(
        kind=kind,
        page=page,
        title=title,
        theme=theme,
        author=author,
        last_activity_at=now,
        reply_count=len(replies),
        hidden_at=now if hidden else None,
    )
    Message.objects.create(thread=row, author=author, is_opening=True, body=body)
    for reply in replies:
        Message.objects.create(thread=row, author=UserFactory(), body=reply)
    index.insert_or_update_object(row)
    return row


def found(client, q, **params):
    return client.get(URL, {"q": q, "format": "json", **params}).json()


def discussions_in(data):
    return [result for result in data["results"] if result["type"] == "discussion"]


def test_a_topic_is_found_by_a_word_of_its_title_and_leads_to_its_page(client, forum):
    topic = thread(
        forum,
        ThreadKind.TOPIC,
        "Vos idées pour démarrer une séance du lundi matin ?",
        "Le photolangage marche bien.",
        title="Un brise-glace pour un groupe qui ne se connaît pas",
    )

    [result] = discussions_in(found(client, "brise-glace"))

    assert result["title"] == "Un brise-glace pour un groupe qui ne se connaît pas"
    assert result["url"] == (
        f"/entre-formateurs/sujets/{topic.pk}-un-brise-glace-pour-un-groupe-qui-ne-se-connait-pas/"
    )
    assert result["type_label"] == "Discussion"
    assert "lundi matin" in result["snippet"]
    assert result["facts"][1] == "1 réponse"


def test_a_word_of_a_reply_finds_its_thread(client, forum):
    thread(
        forum,
        ThreadKind.TOPIC,
        "Comment garder l'attention en classe virtuelle ?",
        "Je fais voter le groupe toutes les dix minutes avec un sondage.",
        title="Classe virtuelle : garder l'attention",
    )

    [result] = discussions_in(found(client, "sondage"))

    assert result["title"] == "Classe virtuelle : garder l'attention"


def test_a_question_on_an_activity_leads_to_its_anchor_on_the_page(client, sections):
    activity = ActivityPageFactory(parent=sections.library, title="Le photolangage")
    question = thread(
        activity,
        ThreadKind.QUESTION,
        "Combien d'images faut-il prévoir pour un groupe de douze ?",
    )

    [result] = discussions_in(found(client, "images"))

    assert result["title"] == "Question sur « Le photolangage »"
    assert result["url"] == f"{activity.url}#fil-{question.pk}"


def test_hidden_threads_and_threads_on_hidden_pages_are_not_found(client, forum, sections):
    thread(forum, ThreadKind.TOPIC, "Un tableur partagé", title="Tableur masqué", hidden=True)
    draft = ActivityPageFactory(parent=sections.library, title="Brouillon", live=False)
    thread(draft, ThreadKind.QUESTION, "Une question de tableur sur un brouillon")
    restricted = ActivityPageFactory(parent=sections.library, title="Réservée")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    thread(restricted, ThreadKind.QUESTION, "Une question de tableur réservée")
    shown = thread(forum, ThreadKind.TOPIC, "Un tableur pour les présences", title="Présences")

    results = discussions_in(found(client, "tableur"))

    assert [result["title"] for result in results] == [shown.title]


def test_a_hidden_reply_no_longer_finds_its_thread(client, forum):
    topic = thread(
        forum, ThreadKind.TOPIC, "Le débrief.", "Essayez le carnet de bord.", title="Débrief"
    )
    Message.objects.filter(thread=topic, is_opening=False).update(hidden_at=timezone.now())
    index.insert_or_update_object(topic)

    assert discussions_in(found(client, "carnet")) == []


def test_topics_need_the_forum_published(client, forum):
    thread(forum, ThreadKind.TOPIC, "Quel outil de quiz ?", title="Outils de quiz")
    forum.unpublish()

    assert discussions_in(found(client, "quiz")) == []


def test_an_accepted_answer_and_the_theme_facet(client, forum):
    animation = ThemeFactory(name="Animation")
    topic = thread(
        forum,
        ThreadKind.TOPIC,
        "Comment évaluer à froid ?",
        "Un questionnaire à trois mois.",
        title="Évaluation à froid",
        theme=animation,
    )
    topic.accepted_answer = topic.messages.get(is_opening=False)
    topic.save()
    thread(forum, ThreadKind.TOPIC, "Évaluation à chaud ?", title="Évaluation à chaud")

    [result] = discussions_in(found(client, "évaluation", theme=animation.pk, type="discussion"))

    assert result["title"] == "Évaluation à froid"
    assert result["facts"][-1] == "Réponse acceptée"


def test_the_number_of_queries_does_not_grow_with_the_threads(client, forum):
    def queries_for(count):
        for n in range(count):
            thread(forum, ThreadKind.TOPIC, f"Animer la séance {n}", title=f"Séance animée {n}")
        found(client, "animer")  # warms the caches a new index generation empties
        with CaptureQueriesContext(connection) as captured:
            assert len(discussions_in(found(client, "animer"))) >= count
        return len(captured)

    assert queries_for(2) == queries_for(8)
