"""A reported message leaves the forum once the training team hides it, in a real browser.

Labels are matched in French or English: the French catalogue may lag behind the code.
"""

import re

import pytest
from playwright.sync_api import expect

from community.factories import UserFactory
from community.tests.browser import DEFAULT_TIMEOUT_MS, artifacts_dir, sign_in
from discussions.display import topic_url
from discussions.models import Message, ReportStatus

pytestmark = pytest.mark.browser

OFFENSIVE = "Ce forum est une perte de temps, et vous avec."
REPORT = re.compile(r"Signaler le message de|Report the message of")
ABUSE = re.compile(r"Injurieux ou irrespectueux|Insulting or disrespectful")
SEND = re.compile(r"Envoyer mon signalement|Send my report")
HIDE = re.compile(r"Masquer le message|Hide the message")


@pytest.fixture
def offensive_reply(topic):
    author = UserFactory(email="bruno@atelier.example", first_name="Bruno", last_name="Lemaire")
    return Message.objects.create(thread=topic, author=author, body=OFFENSIVE)


def test_the_team_hides_a_reported_message_and_the_agent_no_longer_sees_it(
    browser,
    page,
    live_server,
    django_db_serialized_rollback,
    topic,
    offensive_reply,
    agent,
    team_member,
):
    base = live_server.url
    address = base + topic_url(topic.page.specific, topic)

    # The agent reads the topic and reports the message.
    sign_in(page, base, agent.email)
    page.goto(address)
    message = page.locator(f"#message-{offensive_reply.pk}")
    expect(message).to_contain_text(OFFENSIVE)
    message.get_by_role("link", name=REPORT).click()
    page.get_by_label(ABUSE).check()
    page.get_by_role("button", name=SEND).click()
    report = offensive_reply.reports.get()
    assert report.reporter == agent and report.status == ReportStatus.OPEN

    # Claire, of the training team, finds it in the queue and hides it.
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    claire = context.new_page()
    try:
        sign_in(claire, base, team_member.email)
        claire.goto(f"{base}/admin/moderation/")
        claire.get_by_role("link", name=re.compile("Ce forum est une perte de temps")).click()
        expect(claire.locator("main")).to_contain_text(OFFENSIVE)
        claire.get_by_role("button", name=HIDE).click()
        expect(claire).to_have_url(re.compile(r"/admin/moderation/$"))
        claire.screenshot(path=artifacts_dir() / "moderation-hidden.png", full_page=True)
    finally:
        context.close()

    offensive_reply.refresh_from_db()
    assert offensive_reply.is_hidden

    # The agent reloads the topic: the message is gone, the others stay.
    page.reload()
    expect(page.locator(f"#message-{offensive_reply.pk}")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text(OFFENSIVE)
    expect(page.locator("main")).to_contain_text("Je pose une question toutes les 5 minutes.")
