"""``mail.muted()`` silences bulk work everywhere, Wagtail's moderation e-mails included: a
review started while muted e-mails no reviewer; the same outside tells them."""

import pytest
from wagtail.models import Page

from community import mail
from community.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit(home_page, team_member):
    """Start Wagtail's default review (the training team approves) on a new page."""
    author = UserFactory(is_superuser=True)

    def start(title):
        page = home_page.add_child(instance=Page(title=title, live=False))
        page.save_revision(user=author)
        page.get_workflow().start(page, author)
        return team_member

    return start


def test_a_review_started_while_muted_e_mails_no_reviewer(submit, mailoutbox):
    with mail.muted():
        submit("Page importée")
    assert mailoutbox == []
    assert not mail.is_muted()


def test_a_review_started_normally_tells_the_reviewers(submit, mailoutbox):
    moderator = submit("Page proposée")
    assert [moderator.email] in [message.to for message in mailoutbox]
