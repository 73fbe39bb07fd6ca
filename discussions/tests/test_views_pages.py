"""Questions and comments on content pages, as visitors, agents and hosts use them."""

import pytest
from django.urls import reverse

from discussions import services
from discussions.models import Message, Report, Thread, ThreadKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(activity, agent):
    return services.start_thread(
        author=agent, page=activity, kind=ThreadKind.QUESTION, body="Combien de photos faut-il ?"
    )


def test_anonymous_visitors_read_and_are_invited_to_sign_in(client, activity, question):
    html = client.get(activity.url).content.decode()

    assert "Questions et commentaires" in html
    assert "Combien de photos faut-il ?" in html
    assert f'id="fil-{question.pk}"' in html
    assert "Connectez-vous pour participer" in html
    assert f"/connexion/?next={activity.url}" in html.replace("%2F", "/")
    assert 'name="body"' not in html


def test_anonymous_post_is_sent_to_sign_in_and_nothing_is_stored(client, activity, question):
    url = reverse("discussions:start", args=[activity.pk])
    response = client.post(url, {"kind": "question", "body": "Bonjour"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion/")

    response = client.post(reverse("discussions:reply", args=[question.pk]), {"body": "Oui"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion/")
    assert Thread.objects.count() == 1
    assert Message.objects.count() == 1


def test_an_agent_asks_a_question_and_finds_it_on_the_page(client, activity, agent):
    client.force_login(agent)

    response = client.post(
        reverse("discussions:start", args=[activity.pk]),
        {"kind": "question", "body": "Peut-on le faire **à distance** ?"},
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.headers["Location"] == f"{activity.url}#fil-{thread.pk}"
    html = client.get(activity.url).content.decode()
    assert "Votre question est publiée." in html
    assert "Question de Marc Dubois" in html
    assert "<strong>à distance</strong>" in html


def test_an_agent_replies_and_is_sent_back_to_the_reply(client, activity, question, trainer):
    client.force_login(trainer)

    response = client.post(
        reverse("discussions:reply", args=[question.pk]), {"body": "Une trentaine."}
    )

    reply = Message.objects.get(is_opening=False)
    assert response.headers["Location"] == f"{activity.url}#message-{reply.pk}"
    html = client.get(activity.url).content.decode()
    assert f'id="message-{reply.pk}"' in html
    assert "Une trentaine." in html


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("   ", "Votre message est vide"),
        ("x" * 20_000, "Votre message est trop long"),
    ],
)
def test_bad_messages_are_refused_in_french_and_nothing_is_stored(
    client, activity, agent, body, error
):
    client.force_login(agent)

    response = client.post(
        reverse("discussions:start", args=[activity.pk]), {"kind": "question", "body": body}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert error in html or "Veuillez écrire votre message." in html
    assert 'aria-describedby="id_body_helptext id_body_error"' in html or (
        'aria-describedby="id_body_error' in html
    )
    assert not Thread.objects.exists()


def test_a_too_long_reply_is_refused_with_the_service_reason(client, question, trainer):
    client.force_login(trainer)

    response = client.post(reverse("discussions:reply", args=[question.pk]), {"body": "x" * 20_000})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Votre message est trop long : 20 000 caractères" in html.replace("\xa0", " ").replace(
        "\u202f", " "
    )
    assert 'id="id_body_error"' in html
    assert Message.objects.count() == 1


def test_html_in_a_message_is_shown_as_text(client, activity, agent):
    client.force_login(agent)
    client.post(
        reverse("discussions:start", args=[activity.pk]),
        {"kind": "comment", "body": "<script>alert('x')</script> <b>gras</b>"},
    )

    html = client.get(activity.url).content.decode()

    assert "Commentaire de Marc Dubois" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<b>gras</b>" not in html


def test_forged_ids_are_404(client, agent, question):
    client.force_login(agent)

    assert (
        client.post(reverse("discussions:reply", args=[999999]), {"body": "x"}).status_code == 404
    )
    assert client.get(reverse("discussions:edit", args=[999999])).status_code == 404
    assert (
        client.post(reverse("discussions:start", args=[999999]), {"body": "x"}).status_code == 404
    )
    assert client.get(reverse("discussions:report", args=[999999])).status_code == 404


def test_posting_to_a_hidden_thread_is_refused(client, question, trainer, team_member):
    services.hide(moderator=team_member, message=question.messages.get())
    client.force_login(trainer)

    response = client.post(reverse("discussions:reply", args=[question.pk]), {"body": "Oui"})

    assert response.status_code == 404
    assert Message.objects.count() == 1


def test_a_thread_on_an_unpublished_page_is_out_of_reach(client, activity, question, trainer):
    activity.unpublish()
    client.force_login(trainer)

    response = client.post(reverse("discussions:reply", args=[question.pk]), {"body": "Oui"})

    assert response.status_code == 404
    assert Message.objects.count() == 1


def test_the_author_edits_within_the_window(client, activity, question, agent):
    opening = question.messages.get()
    client.force_login(agent)
    url = reverse("discussions:edit", args=[opening.pk])

    form = client.get(url)
    response = client.post(url, {"body": "Combien de photos faut-il, au minimum ?"})

    assert form.status_code == 200
    assert "Combien de photos faut-il ?" in form.content.decode()
    assert response.headers["Location"] == f"{activity.url}#message-{opening.pk}"
    html = client.get(activity.url).content.decode()
    assert "au minimum" in html
    assert "modifié" in html


def test_the_author_cannot_edit_after_the_window(client, question, agent, settings):
    from datetime import timedelta

    settings.DISCUSSIONS_EDIT_WINDOW = timedelta(seconds=0)
    opening = question.messages.get()
    client.force_login(agent)

    response = client.post(reverse("discussions:edit", args=[opening.pk]), {"body": "Autre"})

    assert response.status_code == 400
    assert "ne peut être modifié que dans les 0 minutes" in response.content.decode()
    opening.refresh_from_db()
    assert opening.body == "Combien de photos faut-il ?"


def test_nobody_edits_or_deletes_someone_elses_message(client, question, trainer):
    opening = question.messages.get()
    client.force_login(trainer)

    assert client.get(reverse("discussions:edit", args=[opening.pk])).status_code == 403
    edit = client.post(reverse("discussions:edit", args=[opening.pk]), {"body": "Piraté"})
    delete = client.post(reverse("discussions:delete", args=[opening.pk]))

    assert edit.status_code == 403
    assert delete.status_code == 403
    opening.refresh_from_db()
    assert opening.body == "Combien de photos faut-il ?"
    assert opening.deleted_at is None


def test_the_author_deletes_after_confirming(client, activity, question, agent):
    opening = question.messages.get()
    client.force_login(agent)
    url = reverse("discussions:delete", args=[opening.pk])

    confirm = client.get(url)
    client.post(url)

    assert "Supprimer mon message" in confirm.content.decode()
    html = client.get(activity.url).content.decode()
    assert "Message supprimé" in html
    assert "Combien de photos faut-il ?" not in html


def test_reporting_twice_is_refused_in_french(client, question, trainer):
    opening = question.messages.get()
    client.force_login(trainer)
    url = reverse("discussions:report", args=[opening.pk])

    first = client.post(url, {"reason": "spam"})
    second = client.post(url, {"reason": "abuse"})

    assert first.status_code == 302
    assert second.status_code == 400
    assert "Vous avez déjà signalé ce message" in second.content.decode()
    assert Report.objects.count() == 1


def test_the_report_link_is_offered_once_and_never_on_ones_own_message(
    client, activity, question, agent, trainer
):
    link = "Signaler le message de Marc Dubois"
    client.force_login(agent)
    assert link not in client.get(activity.url).content.decode()

    client.force_login(trainer)
    assert link in client.get(activity.url).content.decode()
    client.post(
        reverse("discussions:report", args=[question.messages.get().pk]), {"reason": "spam"}
    )

    assert link not in client.get(activity.url).content.decode()


def test_no_report_form_for_ones_own_message_nor_a_second_time(
    client, activity, question, agent, trainer
):
    url = reverse("discussions:report", args=[question.messages.get().pk])
    client.force_login(agent)
    response = client.get(url, follow=True)
    assert response.redirect_chain[0][0].endswith(f"#message-{question.messages.get().pk}")
    assert "Vous ne pouvez pas signaler ce message" in response.content.decode() or (
        "You cannot report this message" in response.content.decode()
    )

    client.force_login(trainer)
    assert client.get(url).status_code == 200
    client.post(url, {"reason": "spam"})
    assert client.get(url).status_code == 302
    assert Report.objects.count() == 1


def test_a_report_without_reason_is_refused_on_its_field(client, question, trainer):
    client.force_login(trainer)

    response = client.post(reverse("discussions:report", args=[question.messages.get().pk]), {})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Veuillez choisir un motif." in html
    assert not Report.objects.exists()


def test_the_author_of_the_activity_marks_a_reply_helpful(
    client, activity, question, activity_author, trainer
):
    reply = services.reply(author=trainer, thread=question, body="Une trentaine.")
    client.force_login(activity_author)
    html = client.get(activity.url).content.decode()
    assert "Marquer comme réponse utile" in html

    client.post(reverse("discussions:helpful", args=[reply.pk]))

    html = client.get(activity.url).content.decode()
    assert "Réponse utile" in html
    reply.refresh_from_db()
    assert reply.is_helpful


def test_others_cannot_mark_helpful_and_see_no_button(client, activity, question, trainer, agent):
    reply = services.reply(author=trainer, thread=question, body="Une trentaine.")
    client.force_login(agent)

    assert "Marquer comme réponse utile" not in client.get(activity.url).content.decode()
    response = client.post(reverse("discussions:helpful", args=[reply.pk]), follow=True)

    assert "peuvent marquer une réponse comme utile" in response.content.decode()
    reply.refresh_from_db()
    assert not reply.is_helpful


def test_following_with_a_daily_digest_then_unfollowing(client, activity, question, trainer):
    client.force_login(trainer)

    client.post(reverse("discussions:follow", args=[question.pk]), {"delivery": "daily"})
    html = client.get(activity.url).content.decode()
    assert "résumé quotidien" in html
    assert question.follows.get(user=trainer).delivery == "daily"

    client.post(reverse("discussions:unfollow", args=[question.pk]))
    assert not question.follows.filter(user=trainer).exists()


def test_get_on_a_one_click_action_is_refused(client, question, agent):
    client.force_login(agent)
    assert client.get(reverse("discussions:follow", args=[question.pk])).status_code == 405


@pytest.mark.parametrize("fixture", ["workshop"])
def test_a_workshop_page_shows_its_discussion(client, request, fixture, agent):
    page = request.getfixturevalue(fixture)
    services.start_thread(author=agent, page=page, kind=ThreadKind.COMMENT, body="Très utile !")

    html = client.get(page.url).content.decode()

    assert "Commentaire de Marc Dubois" in html
    assert "Très utile !" in html
