"""The training team's moderation queue in the Wagtail admin: who gets in, what the queue
shows, and each decision (hide, restore, warn, keep) as the site and the author see it."""

import json
import re

import pytest
from django.urls import reverse

from community.factories import UserFactory
from discussions import services
from discussions.models import Message, ModerationAction, ReportReason, ReportStatus

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
HIDDEN = "/admin/moderation/masques/"
OFFENSIVE = "Vous êtes tous des incapables, ce forum ne sert à rien."


def shows(page, french, english=None):
    """The French text is on the page (the English msgid is kept beside it for the reader)."""
    return french in page


def menu_labels(response):
    """The labels of the admin's main menu, which Wagtail sends as JSON for its sidebar."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def message_screen(message):
    return f"/admin/moderation/messages/{message.pk}/"


def topic_address(topic):
    from discussions.display import topic_url

    return topic_url(topic.page.specific, topic)


@pytest.fixture
def reported(topic, agent):
    """A reply by the agent, reported by two colleagues (one with details)."""
    message = Message.objects.create(thread=topic, author=agent, body=OFFENSIVE)
    services.refresh_counters(topic)
    services.report(
        reporter=UserFactory(email="lucie@atelier.example"),
        message=message,
        reason=ReportReason.ABUSE,
        details="Propos insultants envers les formateurs.",
    )
    services.report(
        reporter=UserFactory(email="paul@atelier.example"),
        message=message,
        reason=ReportReason.OFF_TOPIC,
    )
    return message


# ---------------------------------------------------------------------------------------------
# Who gets in


@pytest.mark.parametrize("screen", ["queue", "hidden", "message", "threads"])
def test_only_the_training_team_opens_the_moderation_screens(
    client, reported, agent, trainer, team_member, superuser, screen
):
    path = {
        "queue": QUEUE,
        "hidden": HIDDEN,
        "message": message_screen(reported),
        "threads": reverse("discussions_threads:index"),
    }[screen]

    assert client.get(path).headers["Location"].startswith("/admin/login/")
    client.force_login(agent)  # no admin access at all
    assert client.get(path).headers["Location"].startswith("/admin/login/")
    client.force_login(trainer)  # in the admin, but not a moderator
    refused = client.get(path)
    assert refused.status_code == 302 and refused.headers["Location"] == "/admin/"
    for moderator in (team_member, superuser):
        client.force_login(moderator)
        assert client.get(path).status_code == 200


def test_a_trainer_cannot_hide_a_message_by_posting(client, reported, trainer):
    client.force_login(trainer)

    client.post(message_screen(reported), {"action": "hide", "note": ""})

    reported.refresh_from_db()
    assert not reported.is_hidden
    assert not reported.moderation_log.exists()


def test_the_menu_shows_moderation_with_the_count_to_the_team_only(
    client, reported, trainer, team_member
):
    client.force_login(team_member)
    assert "Modération (1)" in menu_labels(client.get("/admin/"))

    client.force_login(trainer)
    page = client.get("/admin/").content.decode()
    assert QUEUE not in page


# ---------------------------------------------------------------------------------------------
# The queue


def test_the_queue_shows_the_message_its_author_discussion_and_reports(
    client, reported, team_member
):
    client.force_login(team_member)

    page = client.get(QUEUE).content.decode()

    assert "Vous êtes tous des incapables" in page
    assert "Marc Dubois" in page
    assert "Animer une classe virtuelle" in page
    assert f'href="{topic_address(reported.thread)}#message-{reported.pk}"' in page
    assert shows(page, "2 signalements", "2 reports")
    assert shows(page, "Injurieux ou irrespectueux", "Insulting or disrespectful")
    assert "Propos insultants envers les formateurs." in page
    assert message_screen(reported) in page


def test_the_queue_lists_the_oldest_report_first_and_leaves_out_handled_ones(
    client, topic, agent, trainer, team_member
):
    older = Message.objects.create(thread=topic, author=agent, body="Premier message signalé")
    newer = Message.objects.create(thread=topic, author=agent, body="Second message signalé")
    handled = Message.objects.create(thread=topic, author=agent, body="Déjà traité")
    for message in (older, newer, handled):
        services.report(reporter=trainer, message=message, reason=ReportReason.SPAM)
    services.keep(moderator=team_member, message=handled)
    client.force_login(team_member)

    page = client.get(QUEUE).content.decode()

    assert page.index("Premier message signalé") < page.index("Second message signalé")
    assert "Déjà traité" not in page


def build_reported_messages(topic, start, stop):
    reporter = UserFactory(email="rapporteur@atelier.example")
    for number in range(start, stop):
        author = UserFactory(email=f"auteur{number}@atelier.example")
        message = Message.objects.create(thread=topic, author=author, body=f"Message {number}")
        services.report(reporter=reporter, message=message, reason=ReportReason.SPAM)


def test_the_queue_runs_the_same_number_of_queries_for_5_or_100_messages(
    client, topic, team_member
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(team_member)
    build_reported_messages(topic, 0, 5)
    client.get(QUEUE)  # warm the caches (site root paths, content types)
    with CaptureQueriesContext(connection) as small:
        assert client.get(QUEUE).status_code == 200

    build_reported_messages(topic, 5, 100)
    with CaptureQueriesContext(connection) as large:
        page = client.get(QUEUE).content.decode()

    assert "Message 49" in page  # 50 rows on the first page, all drawn
    assert len(large) == len(small), (len(small), len(large))


# ---------------------------------------------------------------------------------------------
# The decisions


def test_hiding_takes_the_message_off_the_topic_page_and_restoring_brings_it_back(
    client, reported, team_member
):
    topic_page = topic_address(reported.thread)
    assert OFFENSIVE in client.get(topic_page).content.decode()
    client.force_login(team_member)

    response = client.post(
        message_screen(reported), {"action": "hide", "note": "Propos injurieux."}
    )

    assert response.status_code == 302 and response.headers["Location"] == QUEUE
    reported.refresh_from_db()
    assert reported.is_hidden and reported.hidden_by == team_member
    assert set(reported.reports.values_list("status", flat=True)) == {ReportStatus.HIDDEN}
    assert "Vous êtes tous des incapables" not in client.get(QUEUE).content.decode()
    assert "Vous êtes tous des incapables" in client.get(HIDDEN).content.decode()
    client.logout()
    assert OFFENSIVE not in client.get(topic_page).content.decode()

    # Restored from the hidden messages' list.
    client.force_login(team_member)
    client.post(message_screen(reported), {"action": "restore"})

    reported.refresh_from_db()
    assert not reported.is_hidden
    client.logout()
    assert OFFENSIVE in client.get(topic_page).content.decode()
    actions = list(reported.moderation_log.values_list("action", "note"))
    assert actions == [(ModerationAction.RESTORE, ""), (ModerationAction.HIDE, "Propos injurieux.")]


def test_the_message_screen_shows_reports_and_history(client, reported, team_member):
    services.warn(moderator=team_member, message=reported, note="Restez courtois, merci.")
    client.force_login(team_member)

    page = client.get(message_screen(reported)).content.decode()

    assert "Propos insultants envers les formateurs." in page
    assert "Restez courtois, merci." in page
    assert 'name="csrfmiddlewaretoken"' in page
    for french, english in (
        ("Masquer le message", "Hide the message"),
        ("Avertir l’auteur", "Warn the author"),
        ("Conserver le message", "Keep the message"),
    ):
        assert shows(page, french, english)


def test_warning_the_author_e_mails_the_note(
    client, reported, team_member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(team_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            message_screen(reported),
            {"action": "warn", "note": "Merci de rester courtois sur le forum."},
        )

    assert response.status_code == 302
    assert response.headers["Location"] == message_screen(reported)
    [mail] = [mail for mail in mailoutbox if mail.to == ["agent@atelier.example"]]
    assert "Merci de rester courtois sur le forum." in mail.body
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert reported.moderation_log.get().action == ModerationAction.WARN


def test_warning_without_a_note_is_refused_with_a_clear_message(
    client, reported, team_member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(team_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(message_screen(reported), {"action": "warn", "note": "   "})

    assert response.status_code == 400
    page = response.content.decode()
    assert shows(page, "Écrivez la note à envoyer à l’auteur", "Write the note to send")
    assert 'aria-describedby="id_note' in page or 'aria-invalid="true"' in page
    assert not reported.moderation_log.exists()
    assert mailoutbox == []


def test_keeping_closes_the_reports_and_leaves_the_message(client, reported, team_member):
    client.force_login(team_member)

    client.post(message_screen(reported), {"action": "keep", "note": "Critique, pas insulte."})

    reported.refresh_from_db()
    assert not reported.is_hidden
    assert set(reported.reports.values_list("status", flat=True)) == {ReportStatus.KEPT}
    assert "Vous êtes tous des incapables" not in client.get(QUEUE).content.decode()
    labels = menu_labels(client.get("/admin/"))
    assert "Modération" in labels
    assert "Modération (" not in labels


def test_an_action_that_no_longer_applies_is_refused(client, reported, team_member):
    services.hide(moderator=team_member, message=reported)
    client.force_login(team_member)

    response = client.post(message_screen(reported), {"action": "hide"})

    assert response.status_code == 400
    assert reported.moderation_log.count() == 1


def test_decisions_need_the_csrf_token(reported, team_member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(team_member)

    response = client.post(message_screen(reported), {"action": "hide"})

    assert response.status_code == 403
    reported.refresh_from_db()
    assert not reported.is_hidden


def test_the_team_reads_the_discussions_list(client, reported, team_member):
    client.force_login(team_member)

    page = client.get(reverse("discussions_threads:index")).content.decode()

    assert "Animer une classe virtuelle" in page
