"""The rules of posting: what is refused (with a French message, nothing stored), what is
written, and the counters."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django.utils.translation import override

from community.factories import UserFactory
from discussions import services
from discussions.factories import ThreadFactory
from discussions.models import Follow, Message, Thread, ThreadKind
from discussions.services import DiscussionError


def refused(call, **kwargs):
    """The French message of a refusal; asserts that nothing was written."""
    counts = (Thread.objects.count(), Message.objects.count())
    with override("fr"), pytest.raises(DiscussionError) as error:
        call(**kwargs)
    assert (Thread.objects.count(), Message.objects.count()) == counts
    return error.value.message


def ask(activity, author, body="Comment l'utilisez-vous avec un grand groupe ?"):
    return services.start_thread(author=author, page=activity, kind=ThreadKind.QUESTION, body=body)


class TestStartThread:
    def test_question_on_an_activity(self, activity, agent):
        thread = ask(activity, agent, body="  Une question ?  ")
        opening = thread.messages.get()
        assert (thread.kind, thread.page_id, thread.reply_count) == ("question", activity.pk, 0)
        assert opening.is_opening and opening.body == "Une question ?"
        assert Follow.objects.filter(thread=thread, user=agent).exists()

    def test_topic_in_the_forum_with_tags(self, forum_page, agent, theme):
        thread = services.start_thread(
            author=agent,
            page=forum_page,
            kind=ThreadKind.TOPIC,
            title="  Brise-glace   préférés ",
            body="Lesquels marchent le mieux ?",
            theme=theme,
            tags=["animation", "Animation", " démarrage "],
        )
        assert thread.title == "Brise-glace préférés"
        assert sorted(thread.tags.names()) == ["animation", "démarrage"]

    def test_topic_needs_a_title(self, forum_page, agent):
        message = refused(
            services.start_thread,
            author=agent,
            page=forum_page,
            kind=ThreadKind.TOPIC,
            body="Sans titre",
        )
        assert message == "Donnez un titre à votre sujet."

    def test_topic_only_in_the_forum(self, activity, agent):
        message = refused(
            services.start_thread,
            author=agent,
            page=activity,
            kind=ThreadKind.TOPIC,
            title="Titre",
            body="Texte",
        )
        assert "forum" in message

    def test_no_question_on_the_forum_page_or_the_home_page(self, forum_page, home_page, agent):
        for page in (forum_page, home_page):
            message = refused(
                services.start_thread, author=agent, page=page, kind="question", body="Texte"
            )
            assert message.startswith("Les questions et commentaires")

    def test_not_on_a_draft(self, activity, agent):
        activity.unpublish()
        message = refused(ask, activity=activity, author=agent)
        assert "publiée" in message

    @pytest.mark.parametrize("body", ["", "   \n  ", None])
    def test_empty_message(self, activity, agent, body):
        message = refused(ask, activity=activity, author=agent, body=body)
        assert message == "Votre message est vide : écrivez quelque chose avant de l’envoyer."

    def test_20000_characters(self, activity, agent):
        message = refused(ask, activity=activity, author=agent, body="a" * 20_000)
        assert "trop long" in message
        assert "20\xa0000" in message and "5\xa0000" in message

    def test_5000_characters_are_fine(self, activity, agent):
        assert len(ask(activity, agent, body="a" * 5000).messages.get().body) == 5000

    def test_html_is_stored_as_typed(self, activity, agent):
        body = '<script>alert("x")</script>'
        assert ask(activity, agent, body=body).messages.get().body == body

    def test_visitors_and_deleted_accounts_cannot_post(self, activity, agent):
        from django.contrib.auth.models import AnonymousUser

        message = refused(ask, activity=activity, author=AnonymousUser())
        assert message == "Connectez-vous pour prendre part aux discussions."
        agent.deleted_at = timezone.now()
        refused(ask, activity=activity, author=agent)


class TestReply:
    def test_reply_counts_and_follows_topics(self, topic, team_member):
        services.reply(author=team_member, thread=topic, body="Des sondages !")
        topic.refresh_from_db()
        assert topic.reply_count == 3
        assert Follow.objects.filter(thread=topic, user=team_member).exists()

    def test_replier_does_not_follow_a_question(self, activity, agent, trainer):
        thread = ask(activity, agent)
        services.reply(author=trainer, thread=thread, body="En sous-groupes.")
        assert not Follow.objects.filter(thread=thread, user=trainer).exists()

    def test_hidden_thread_takes_no_reply(self, topic, team_member):
        topic.hidden_at = timezone.now()
        topic.save()
        message = refused(services.reply, author=team_member, thread=topic, body="Encore ?")
        assert "masquée" in message

    def test_last_activity_moves(self, topic, team_member):
        with time_machine.travel(timezone.now() + timedelta(hours=3)):
            reply = services.reply(author=team_member, thread=topic, body="Plus tard.")
        topic.refresh_from_db()
        assert topic.last_activity_at == reply.created_at

    def test_rate_limit_refuses_the_eleventh_message(self, topic, team_member):
        for n in range(10):
            services.reply(author=team_member, thread=topic, body=f"Message {n}")
        message = refused(services.reply, author=team_member, thread=topic, body="Onzième")
        assert message == (
            "Vous avez envoyé 10 messages ces 10 dernières minutes : attendez quelques "
            "minutes avant d’écrire à nouveau."
        )
        with time_machine.travel(timezone.now() + timedelta(minutes=11)):
            services.reply(author=team_member, thread=topic, body="Onzième, plus tard")

    def test_bulk_work_is_not_a_flood(self, topic, team_member):
        from community.mail import muted

        with muted():
            for n in range(12):
                services.reply(author=team_member, thread=topic, body=f"Démo {n}")
        topic.refresh_from_db()
        assert topic.reply_count == 14

    def test_rate_limit_counts_new_threads(self, activity, agent):
        for n in range(10):
            ask(activity, agent, body=f"Question {n}")
        refused(ask, activity=activity, author=agent)


class TestEditAndDelete:
    def test_author_edits_within_15_minutes(self, topic, agent):
        reply = topic.messages.replies().first()
        first = reply.body
        with time_machine.travel(reply.created_at + timedelta(minutes=14)):
            services.edit_message(user=agent, message=reply, body="Corrigé.")
        reply.refresh_from_db()
        assert (reply.body, reply.original_body) == ("Corrigé.", first)
        assert reply.edited_at is not None

    def test_original_is_the_first_text(self, topic, agent):
        reply = topic.messages.replies().first()
        first = reply.body
        services.edit_message(user=agent, message=reply, body="Deux")
        services.edit_message(user=agent, message=reply, body="Trois")
        reply.refresh_from_db()
        assert (reply.body, reply.original_body) == ("Trois", first)

    def test_too_late(self, topic, agent):
        reply = topic.messages.replies().first()
        with time_machine.travel(reply.created_at + timedelta(minutes=16)):
            assert not services.can_edit(agent, reply)
            message = refused(services.edit_message, user=agent, message=reply, body="Trop tard")
        assert message == (
            "Un message ne peut être modifié que dans les 15 minutes qui suivent son envoi."
        )
        reply.refresh_from_db()
        assert reply.edited_at is None

    def test_someone_else(self, topic, team_member):
        reply = topic.messages.replies().first()
        assert not services.can_edit(team_member, reply)
        message = refused(services.edit_message, user=team_member, message=reply, body="Non")
        assert message == "Seul son auteur peut modifier ce message."

    def test_edit_checks_the_text(self, topic, agent):
        reply = topic.messages.replies().first()
        refused(services.edit_message, user=agent, message=reply, body=" ")
        refused(services.edit_message, user=agent, message=reply, body="a" * 20_000)

    def test_topic_author_edits_the_title(self, topic, trainer):
        opening = topic.messages.get(is_opening=True)
        services.edit_message(user=trainer, message=opening, body="Texte", title="Nouveau titre")
        topic.refresh_from_db()
        assert topic.title == "Nouveau titre"
        refused(services.edit_message, user=trainer, message=opening, body="Texte", title="")

    def test_delete_keeps_the_thread_readable(self, topic, trainer, agent):
        opening = topic.messages.get(is_opening=True)
        services.delete_message(user=trainer, message=opening)
        reply = topic.messages.replies().first()
        services.delete_message(user=agent, message=reply)
        topic.refresh_from_db()
        assert Thread.objects.shown().filter(pk=topic.pk).exists()
        assert topic.messages.count() == 3  # kept, blanked for readers
        assert topic.reply_count == 1
        assert not services.can_edit(agent, Message.objects.get(pk=reply.pk))

    def test_only_the_author_deletes(self, topic, team_member, agent):
        reply = topic.messages.replies().first()
        message = refused(services.delete_message, user=team_member, message=reply)
        assert message == "Seul son auteur peut supprimer ce message."
        services.delete_message(user=agent, message=reply)
        assert "déjà" in refused(services.delete_message, user=agent, message=reply)


class TestHelpfulAndAccepted:
    def test_activity_author_marks_helpful(self, activity, activity_author, agent, trainer):
        thread = ask(activity, agent)
        answer = services.reply(author=trainer, thread=thread, body="Par petits groupes.")
        assert services.can_mark_helpful(activity_author, thread)
        services.mark_helpful(user=activity_author, message=answer)
        thread.refresh_from_db()
        assert thread.helpful_count == 1
        services.mark_helpful(user=activity_author, message=answer, helpful=False)
        thread.refresh_from_db()
        assert thread.helpful_count == 0

    def test_workshop_facilitators_mark_helpful(self, workshop, facilitator, agent, trainer):
        from events.factories import SessionFactory

        session_facilitator = UserFactory(first_name="Paul", last_name="Roux")
        session = SessionFactory(event=workshop)
        session.facilitators.add(session_facilitator)
        assert services.hosts_of(workshop) == {facilitator, session_facilitator}
        thread = services.start_thread(author=agent, page=workshop, kind="comment", body="Top")
        answer = services.reply(author=trainer, thread=thread, body="Merci")
        services.mark_helpful(user=session_facilitator, message=answer)
        assert Message.objects.get(pk=answer.pk).helpful_by == session_facilitator

    def test_others_cannot_mark_helpful(self, activity, agent, trainer):
        thread = ask(activity, agent)
        answer = services.reply(author=trainer, thread=thread, body="Réponse")
        assert not services.can_mark_helpful(agent, thread)
        with override("fr"), pytest.raises(DiscussionError, match="Seuls les auteurs"):
            services.mark_helpful(user=agent, message=answer)
        assert not Message.objects.get(pk=answer.pk).is_helpful

    def test_not_the_opening_message(self, activity, activity_author, agent):
        thread = ask(activity, agent)
        with pytest.raises(DiscussionError):
            services.mark_helpful(user=activity_author, message=thread.messages.get())

    def test_topic_author_accepts_and_clears(self, topic, trainer):
        answer = topic.messages.replies().first()
        services.accept_answer(user=trainer, thread=topic, message=answer)
        assert Thread.objects.get(pk=topic.pk).accepted_answer == answer
        services.accept_answer(user=trainer, thread=topic, message=None)
        assert Thread.objects.get(pk=topic.pk).accepted_answer is None

    def test_accept_refusals(self, topic, trainer, agent, forum_page):
        answer = topic.messages.replies().first()
        with override("fr"), pytest.raises(DiscussionError, match="Seul l’auteur du sujet"):
            services.accept_answer(user=agent, thread=topic, message=answer)
        other = ThreadFactory(page=forum_page, author=agent)
        foreign = services.reply(author=agent, thread=other, body="Ailleurs")
        with pytest.raises(DiscussionError):
            services.accept_answer(user=trainer, thread=topic, message=foreign)
        with pytest.raises(DiscussionError):
            services.accept_answer(
                user=trainer, thread=topic, message=topic.messages.get(is_opening=True)
            )
        assert Thread.objects.get(pk=topic.pk).accepted_answer is None

    def test_deleting_the_accepted_answer_clears_it(self, topic, trainer, agent):
        answer = topic.messages.replies().first()
        services.accept_answer(user=trainer, thread=topic, message=answer)
        services.delete_message(user=agent, message=answer)
        assert Thread.objects.get(pk=topic.pk).accepted_answer is None


class TestFollow:
    def test_follow_then_change_delivery_then_unfollow(self, topic, team_member):
        services.follow(user=team_member, thread=topic)
        entry = services.follow(user=team_member, thread=topic, delivery="daily")
        assert Follow.objects.get(pk=entry.pk).delivery == "daily"
        services.unfollow(user=team_member, thread=topic)
        assert not Follow.objects.filter(user=team_member).exists()

    def test_unknown_delivery(self, topic, team_member):
        with pytest.raises(DiscussionError):
            services.follow(user=team_member, thread=topic, delivery="hourly")
