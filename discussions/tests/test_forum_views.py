"""The forum “Entre formateurs”: listing, opening a topic, reading and answering it."""

import pytest
from django.urls import reverse

from discussions import services
from discussions.factories import ThreadFactory
from discussions.models import Thread, ThreadKind
from resources.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def topic_path(topic):
    return f"{topic.page.url}sujets/{topic.pk}/"


def test_anonymous_visitors_read_the_forum_and_a_topic(client, forum_page, topic):
    listing = client.get(forum_page.url).content.decode()
    page = client.get(topic_path(topic)).content.decode()

    assert "Animer une classe virtuelle" in listing
    assert "2 réponses" in listing
    assert "<h1" in page and "Animer une classe virtuelle" in page
    assert "Je pose une question toutes les 5 minutes." in page
    assert "Connectez-vous pour participer" in page
    assert 'name="body"' not in page


def test_anonymous_visitors_are_sent_to_sign_in_to_open_a_topic(client, forum_page):
    response = client.get(f"{forum_page.url}nouveau-sujet/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion/")


def test_an_agent_opens_a_topic_with_theme_and_tags(client, forum_page, agent, theme):
    client.force_login(agent)

    response = client.post(
        f"{forum_page.url}nouveau-sujet/",
        {
            "title": "Quel outil pour les sondages ?",
            "body": "Je cherche un outil libre.",
            "theme": theme.pk,
            "tags": "sondage, outils",
        },
    )

    thread = Thread.objects.get(kind=ThreadKind.TOPIC)
    assert response.status_code == 302
    assert (
        response.headers["Location"]
        == f"{forum_page.url}sujets/{thread.pk}-quel-outil-pour-les-sondages/"
    )
    assert thread.theme == theme
    assert sorted(thread.tags.names()) == ["outils", "sondage"]
    html = client.get(response.headers["Location"]).content.decode()
    assert "Votre sujet est publié." in html
    assert "Pédagogie" in html and "sondage" in html


def test_a_topic_without_title_or_text_is_refused_and_not_stored(client, forum_page, agent):
    client.force_login(agent)

    response = client.post(f"{forum_page.url}nouveau-sujet/", {"title": "", "body": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Veuillez donner un titre à votre sujet." in html
    assert "Veuillez écrire votre message." in html
    assert 'aria-describedby="id_title_helptext id_title_error"' in html
    assert not Thread.objects.exists()


def test_a_forged_topic_id_is_404(client, forum_page, topic, activity, agent):
    question = services.start_thread(
        author=agent, page=activity, kind=ThreadKind.QUESTION, body="Une question"
    )

    assert client.get(f"{forum_page.url}sujets/999999/").status_code == 404
    # A question of a content page is not a topic of the forum.
    assert client.get(f"{forum_page.url}sujets/{question.pk}/").status_code == 404


def test_a_hidden_topic_is_404_and_takes_no_reply(client, forum_page, topic, team_member, agent):
    services.hide(moderator=team_member, message=topic.messages.get(is_opening=True))
    client.force_login(agent)

    assert client.get(topic_path(topic)).status_code == 404
    assert "Animer une classe virtuelle" not in client.get(forum_page.url).content.decode()
    reply = client.post(reverse("discussions:reply", args=[topic.pk]), {"body": "Hop"})
    assert reply.status_code == 404
    assert topic.messages.count() == 3


def test_the_topic_author_accepts_an_answer_shown_first(client, topic, trainer):
    second = topic.messages.get(body__startswith="Et je coupe")
    client.force_login(trainer)
    html = client.get(topic_path(topic)).content.decode()
    assert "Accepter cette réponse" in html

    client.post(reverse("discussions:accept", args=[second.pk]))

    html = client.get(topic_path(topic)).content.decode()
    assert "Réponse acceptée" in html
    assert html.index("Et je coupe") < html.index("Je pose une question")
    topic.refresh_from_db()
    assert topic.accepted_answer == second

    client.post(reverse("discussions:clear_accepted", args=[topic.pk]))
    topic.refresh_from_db()
    assert topic.accepted_answer is None


def test_others_cannot_accept_an_answer(client, topic, agent):
    reply = topic.messages.filter(is_opening=False).first()
    client.force_login(agent)

    assert "Accepter cette réponse" not in client.get(topic_path(topic)).content.decode()
    response = client.post(reverse("discussions:accept", args=[reply.pk]), follow=True)

    assert "Seul l’auteur du sujet" in response.content.decode() or (
        "Seule" in response.content.decode()
    )
    topic.refresh_from_db()
    assert topic.accepted_answer is None


def test_a_reply_to_a_topic_goes_back_to_it(client, topic, team_member):
    client.force_login(team_member)

    response = client.post(reverse("discussions:reply", args=[topic.pk]), {"body": "Merci !"})

    reply = topic.messages.get(body="Merci !")
    assert response.headers["Location"].endswith(f"#message-{reply.pk}")
    assert f"/sujets/{topic.pk}-animer-une-classe-virtuelle/" in response.headers["Location"]


def test_the_listing_filters_by_theme_and_puts_unanswered_first(client, forum_page, topic):
    other_theme = ThemeFactory(name="Numérique", slug="numerique")
    lonely = ThreadFactory(page=forum_page, title="Sujet sans réponse", theme=other_theme)

    by_default = client.get(forum_page.url).content.decode()
    unanswered_first = client.get(forum_page.url, {"unanswered_first": "on"}).content.decode()
    by_theme = client.get(forum_page.url, {"theme": "numerique"}).content.decode()
    bad_theme = client.get(forum_page.url, {"theme": "inconnu"})

    assert by_default.index("Sujet sans réponse") < by_default.index("Animer une classe")
    topic.last_activity_at = lonely.last_activity_at.replace(year=lonely.last_activity_at.year + 1)
    topic.save()
    by_default = client.get(forum_page.url).content.decode()
    unanswered_first = client.get(forum_page.url, {"unanswered_first": "on"}).content.decode()
    assert by_default.index("Animer une classe") < by_default.index("Sujet sans réponse")
    assert unanswered_first.index("Sujet sans réponse") < unanswered_first.index("Animer une")
    assert "Sujet sans réponse" in by_theme and "Animer une classe" not in by_theme
    assert bad_theme.status_code == 200


def test_the_listing_is_paginated(client, forum_page):
    ThreadFactory.create_batch(25, page=forum_page)

    first = client.get(forum_page.url).content.decode()
    second = client.get(forum_page.url, {"page": 2}).content.decode()

    assert "25 sujets" in first
    assert "Page 1 sur 2" in first
    assert second.count('class="topic-list__item"') == 5
