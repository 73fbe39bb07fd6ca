"""An agent asks a question on an activity, its author is told by e-mail, someone answers,
and the author marks the answer as helpful, in a real browser.

The live server runs in this process (a thread): its e-mails land in ``mail.outbox`` (the
locmem backend).
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.tests.browser import artifacts_dir, sign_in
from discussions.models import Message, Thread, ThreadKind

pytestmark = pytest.mark.browser

QUESTION = "Combien de photos faut-il prévoir pour un groupe de douze ?"
ANSWER = "Une trentaine, pour que chacun ait du choix."
ASK = re.compile(r"Poser une question")
YOUR_MESSAGE = re.compile(r"^Votre message")
PUBLISH = re.compile(r"^Publier$")
YOUR_REPLY = re.compile(r"^Votre réponse")
REPLY = re.compile(r"^Répondre$")
MARK_HELPFUL = re.compile(r"Marquer comme réponse utile")
HELPFUL = re.compile(r"Réponse utile")
ONE_HELPFUL = re.compile(r"1 réponse utile")


def test_an_agent_asks_the_author_is_told_and_marks_the_answer_helpful(
    page, live_server, django_db_serialized_rollback, activity, activity_author, agent, trainer
):
    base = live_server.url
    address = base + activity.url

    # Marc, an agent, asks his question under the activity.
    sign_in(page, base, agent.email)
    page.goto(address)
    discussion = page.locator("#discussion")
    discussion.get_by_label(ASK).check()
    discussion.get_by_label(YOUR_MESSAGE).fill(QUESTION)
    discussion.get_by_role("button", name=PUBLISH).click()
    expect(page.locator("#discussion .thread")).to_contain_text(QUESTION)
    thread = Thread.objects.get(page=activity)
    assert thread.kind == ThreadKind.QUESTION and thread.author == agent
    expect(page.locator(f"#fil-{thread.pk}")).to_contain_text(QUESTION)

    # Élodie, the activity's author, is told by e-mail, with the way to the question.
    to_author = [email for email in mail.outbox if email.to == [activity_author.email]]
    assert len(to_author) == 1
    assert "Le photolangage" in to_author[0].subject
    assert QUESTION in to_author[0].body
    assert f"#fil-{thread.pk}" in to_author[0].body

    # Nathalie, a trainer, answers.
    page.context.clear_cookies()
    sign_in(page, base, trainer.email)
    page.goto(address)
    conversation = page.locator(f"#fil-{thread.pk}")
    conversation.get_by_label(YOUR_REPLY).fill(ANSWER)
    conversation.get_by_role("button", name=REPLY).click()
    expect(page.locator(f"#fil-{thread.pk} .thread__replies")).to_contain_text(ANSWER)
    answer = Message.objects.get(thread=thread, is_opening=False)
    expect(page.locator(f"#message-{answer.pk}")).to_contain_text(ANSWER)

    # Élodie signs in and marks the answer as helpful: the page says so, and counts it.
    page.context.clear_cookies()
    sign_in(page, base, activity_author.email)
    page.goto(address)
    page.locator(f"#message-{answer.pk}").get_by_role("button", name=MARK_HELPFUL).click()

    expect(page.locator(f"#message-{answer.pk} .badge--helpful")).to_have_text(HELPFUL)
    expect(page.locator(f"#fil-{thread.pk} .thread__helpful")).to_have_text(ONE_HELPFUL)
    page.screenshot(path=artifacts_dir() / "question-helpful.png", full_page=True)
    answer.refresh_from_db()
    assert answer.helpful_by == activity_author
    thread.refresh_from_db()
    assert thread.helpful_count == 1
