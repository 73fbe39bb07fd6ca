"""The daily digest: grouped by discussion, each reply sent once, safe to run twice."""

from io import StringIO

import pytest
from django.core.management import call_command

from discussions import services
from discussions.factories import ThreadFactory
from discussions.models import DigestEntry


def run_digest():
    out = StringIO()
    call_command("send_discussion_digest", stdout=out)
    return out.getvalue()


@pytest.fixture
def daily_follower(topic, team_member):
    services.follow(user=team_member, thread=topic, delivery="daily")
    return team_member


def test_digest_groups_replies_by_thread_and_goes_out_once(
    topic, forum_page, daily_follower, agent, trainer, mailoutbox
):
    other = ThreadFactory(page=forum_page, author=agent, title="Évaluer à froid")
    services.follow(user=daily_follower, thread=other, delivery="daily")
    services.reply(author=agent, thread=topic, body="Premier ajout")
    services.reply(author=trainer, thread=topic, body="Deuxième ajout")
    services.reply(author=trainer, thread=other, body="Un questionnaire à 3 mois")
    mailoutbox.clear()

    assert run_digest() == "Digests sent: 1 e-mails listing 3 replies.\n"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["equipe@atelier.example"]
    assert mail.subject == "Votre résumé du jour : 3 nouvelles réponses"
    body = mail.body
    assert "== Animer une classe virtuelle ==" in body and "== Évaluer à froid ==" in body
    assert body.index("Premier ajout") < body.index("Deuxième ajout")
    assert "Marc Dubois, " in body and "#message-" in body
    assert "Ne plus suivre" in body
    assert not DigestEntry.objects.filter(sent_at__isnull=True).exists()

    assert run_digest() == "Digests sent: 0 e-mails listing 0 replies.\n"
    assert len(mailoutbox) == 1


def test_a_reply_hidden_before_the_digest_is_left_out(
    topic, daily_follower, agent, team_member, mailoutbox
):
    kept = services.reply(author=agent, thread=topic, body="Gardé")
    hidden = services.reply(author=agent, thread=topic, body="Masqué")
    services.hide(moderator=team_member, message=hidden)
    mailoutbox.clear()
    run_digest()
    assert mailoutbox[0].subject == "Votre résumé du jour : 1 nouvelle réponse"
    assert kept.body in mailoutbox[0].body and "Masqué" not in mailoutbox[0].body


def test_nothing_to_send(db, mailoutbox):
    assert run_digest() == "Digests sent: 0 e-mails listing 0 replies.\n"
    assert mailoutbox == []
