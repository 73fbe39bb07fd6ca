"""Who is told of what, by e-mail, and what the e-mails say."""

import pytest

from community.factories import UserFactory
from discussions import services
from discussions.models import DigestEntry, ThreadKind


@pytest.fixture
def sent(django_capture_on_commit_callbacks, mailoutbox):
    """Run a change and return the e-mails it sent after commit, by recipient."""

    def run(call, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            call(**kwargs)
        by_recipient = {mail.to[0]: mail for mail in mailoutbox}
        mailoutbox.clear()
        return by_recipient

    return run


def test_a_question_tells_the_activity_author(activity, agent, sent):
    mails = sent(
        services.start_thread,
        author=agent,
        page=activity,
        kind=ThreadKind.QUESTION,
        body="Combien de photos faut-il ?",
    )
    assert list(mails) == ["autrice@atelier.example"]
    mail = mails["autrice@atelier.example"]
    assert mail.subject == "Nouvelle question sur « Le photolangage »"
    assert "Bonjour Élodie," in mail.body
    assert "Marc Dubois a posé une question sur « Le photolangage »" in mail.body
    assert "Combien de photos faut-il ?" in mail.body
    thread = activity.discussion_threads.get()
    assert f"http://127.0.0.1:8000/bibliotheque/le-photolangage/#fil-{thread.pk}" in mail.body
    assert "Ne plus suivre" in mail.body


def test_the_author_is_not_told_of_their_own_question(activity, activity_author, sent):
    assert (
        sent(
            services.start_thread,
            author=activity_author,
            page=activity,
            kind=ThreadKind.COMMENT,
            body="Précision : prévoyez 40 photos.",
        )
        == {}
    )


def test_a_comment_on_a_workshop_tells_its_facilitator(workshop, agent, sent):
    mails = sent(services.start_thread, author=agent, page=workshop, kind="comment", body="Super !")
    assert mails["animateur@atelier.example"].subject == (
        "Nouveau commentaire sur « Les tableaux croisés dynamiques »"
    )


def test_a_reply_tells_followers_and_hosts_not_the_replier(
    activity, agent, trainer, team_member, sent, mailoutbox
):
    thread = services.start_thread(author=agent, page=activity, kind="question", body="Q ?")
    services.follow(user=team_member, thread=thread, delivery="daily")
    mails = sent(services.reply, author=trainer, thread=thread, body="Réponse **utile**")
    assert set(mails) == {"agent@atelier.example", "autrice@atelier.example"}
    follower = mails["agent@atelier.example"]
    assert follower.subject == "Nouvelle réponse dans « Le photolangage »"
    assert "Nathalie Girard a répondu dans « Le photolangage »" in follower.body
    assert "#message-" in follower.body
    assert "vous suivez cette discussion" in follower.body
    host = mails["autrice@atelier.example"]
    assert host.subject == "Nouvelle réponse sur « Le photolangage »"
    assert "marquer la réponse comme utile" in host.body
    entry = DigestEntry.objects.get()
    assert (entry.user, entry.sent_at) == (team_member, None)


def test_topic_replies_reach_immediate_followers(topic, trainer, agent, team_member, sent):
    mails = sent(services.reply, author=team_member, thread=topic, body="Merci à tous")
    assert list(mails) == ["formatrice@atelier.example"]  # the agent does not follow
    assert mails["formatrice@atelier.example"].subject == (
        "Nouvelle réponse dans « Animer une classe virtuelle »"
    )
    assert "/forum/sujets/" in mails["formatrice@atelier.example"].body
    # the replier now follows, and hears of the next reply, but not of their own
    mails = sent(services.reply, author=trainer, thread=topic, body="Avec plaisir")
    assert list(mails) == ["equipe@atelier.example"]


def test_unfollowed_people_hear_nothing(topic, trainer, team_member, sent):
    services.unfollow(user=trainer, thread=topic)
    assert sent(services.reply, author=team_member, thread=topic, body="Bonjour") == {}


def test_a_mention_is_told_once_even_to_a_follower(topic, trainer, team_member, sent):
    mails = sent(
        services.reply,
        author=team_member,
        thread=topic,
        body="Qu'en pensez-vous, @nathalie girard et @Marc Dubois ?",
    )
    assert set(mails) == {"formatrice@atelier.example", "agent@atelier.example"}
    mention = mails["formatrice@atelier.example"]
    assert mention.subject == "Claire Moreau vous a mentionné dans une discussion"
    assert "Claire Moreau vous a mentionné dans « Animer une classe virtuelle »" in mention.body


def test_mentioning_oneself_sends_nothing(topic, team_member, sent):
    mails = sent(services.reply, author=team_member, thread=topic, body="Moi, @Claire Moreau")
    assert "equipe@atelier.example" not in mails


def test_a_mention_in_a_new_topic(forum_page, agent, trainer, sent):
    mails = sent(
        services.start_thread,
        author=agent,
        page=forum_page,
        kind="topic",
        title="Outils",
        body="@Nathalie Girard, une idée ?",
    )
    assert list(mails) == ["formatrice@atelier.example"]


def test_a_deleted_follower_gets_nothing(topic, trainer, team_member, sent):
    trainer.is_active = False
    trainer.save()
    assert sent(services.reply, author=team_member, thread=topic, body="Bonjour") == {}


def test_a_warning_reaches_the_author_with_the_note(topic, team_member, sent):
    reply = topic.messages.replies().first()
    mails = sent(
        services.warn,
        moderator=team_member,
        message=reply,
        note="Merci de rester courtois.",
    )
    assert list(mails) == ["agent@atelier.example"]
    mail = mails["agent@atelier.example"]
    assert mail.subject == "À propos de votre message dans « Animer une classe virtuelle »"
    assert "Merci de rester courtois." in mail.body
    assert reply.body in mail.body


def test_nothing_leaves_when_the_change_is_refused(topic, sent):
    stranger = UserFactory(first_name="Anne", last_name="Blanc")
    with pytest.raises(services.DiscussionError):
        sent(services.reply, author=stranger, thread=topic, body="")
    assert sent(lambda: None) == {}
