"""Reports and moderation: who may do what, what each action writes, and the site search."""

import pytest
from django.utils.translation import override
from wagtail.search.backends import get_search_backend

from community.factories import UserFactory
from discussions import services
from discussions.models import ModerationLog, Report, ReportStatus, Thread
from discussions.services import DiscussionError


def french_refusal(call, **kwargs):
    reports = Report.objects.count()
    with override("fr"), pytest.raises(DiscussionError) as error:
        call(**kwargs)
    assert Report.objects.count() == reports
    return error.value.message


def found(word):
    return {thread.pk for thread in get_search_backend().search(word, Thread)}


@pytest.fixture
def reply(topic):
    return topic.messages.replies().first()


class TestReport:
    def test_report(self, reply, team_member):
        report = services.report(
            reporter=team_member, message=reply, reason="spam", details="  Publicité  "
        )
        assert (report.status, report.details) == (ReportStatus.OPEN, "Publicité")

    def test_twice(self, reply, trainer):
        services.report(reporter=trainer, message=reply, reason="spam")
        message = french_refusal(services.report, reporter=trainer, message=reply, reason="abuse")
        assert message == ("Vous avez déjà signalé ce message : l’équipe formation va l’examiner.")

    def test_own_message(self, reply, agent):
        message = french_refusal(services.report, reporter=agent, message=reply, reason="spam")
        assert message == "Vous ne pouvez pas signaler votre propre message."

    def test_unknown_reason_and_hidden_message(self, reply, trainer, team_member):
        french_refusal(services.report, reporter=trainer, message=reply, reason="boring")
        services.hide(moderator=team_member, message=reply)
        french_refusal(services.report, reporter=trainer, message=reply, reason="spam")


class TestCanReport:
    """The predicate behind the « Signaler » link: same answers as the service."""

    def test_others_may_report_once(self, reply, trainer):
        assert services.can_report(trainer, reply)
        assert services.can_report(trainer, reply, already_reported=set())
        services.report(reporter=trainer, message=reply, reason="spam")
        assert not services.can_report(trainer, reply)
        reported = services.reported_message_ids(trainer, [reply])
        assert reported == {reply.pk}
        assert not services.can_report(trainer, reply, already_reported=reported)

    def test_not_the_author_nor_visitors(self, reply, agent):
        from django.contrib.auth.models import AnonymousUser

        assert not services.can_report(agent, reply)
        assert not services.can_report(AnonymousUser(), reply)
        assert services.reported_message_ids(AnonymousUser(), [reply]) == set()

    def test_not_a_deleted_or_hidden_message(self, reply, agent, trainer, team_member):
        services.hide(moderator=team_member, message=reply)
        reply.refresh_from_db()
        assert not services.can_report(trainer, reply)
        services.restore(moderator=team_member, message=reply)
        services.delete_message(user=agent, message=reply)
        reply.refresh_from_db()
        assert not services.can_report(trainer, reply)


class TestModeration:
    def test_agents_cannot_moderate(self, reply, trainer):
        assert not services.can_moderate(trainer)
        with override("fr"), pytest.raises(DiscussionError, match="équipe formation"):
            services.hide(moderator=trainer, message=reply)
        assert not ModerationLog.objects.exists()

    def test_hide_closes_reports_and_counts(self, topic, reply, trainer, team_member):
        services.report(reporter=trainer, message=reply, reason="abuse")
        assert services.can_moderate(team_member)
        services.hide(moderator=team_member, message=reply, note="Propos blessants")
        reply.refresh_from_db()
        topic.refresh_from_db()
        assert reply.is_hidden and reply.hidden_by == team_member
        assert topic.reply_count == 1
        assert Report.objects.get().status == ReportStatus.HIDDEN
        log = ModerationLog.objects.get()
        assert (log.action, log.note, log.moderator) == ("hide", "Propos blessants", team_member)

    def test_hiding_the_opening_message_hides_the_thread(self, topic, team_member):
        services.hide(moderator=team_member, message=topic.messages.get(is_opening=True))
        assert not Thread.objects.shown().filter(pk=topic.pk).exists()
        services.restore(moderator=team_member, message=topic.messages.get(is_opening=True))
        assert Thread.objects.shown().filter(pk=topic.pk).exists()

    def test_restore_and_keep(self, topic, reply, trainer, team_member):
        services.hide(moderator=team_member, message=reply)
        services.restore(moderator=team_member, message=reply)
        topic.refresh_from_db()
        assert topic.reply_count == 2
        services.report(reporter=trainer, message=reply, reason="off_topic")
        services.keep(moderator=team_member, message=reply)
        assert Report.objects.get().status == ReportStatus.KEPT
        actions = list(ModerationLog.objects.order_by("pk").values_list("action", flat=True))
        assert actions == ["hide", "restore", "keep"]

    def test_warn_needs_a_note(self, reply, team_member):
        with pytest.raises(DiscussionError):
            services.warn(moderator=team_member, message=reply, note="  ")
        assert not ModerationLog.objects.exists()


class TestSearch:
    def test_replies_are_found_and_hidden_ones_leave_the_index(self, topic, team_member):
        assert topic.pk in found("séquences")  # a reply of the fixture
        reply = services.reply(author=team_member, thread=topic, body="Essayez le brainstorming")
        assert topic.pk in found("brainstorming")
        services.hide(moderator=team_member, message=reply)
        assert topic.pk not in found("brainstorming")

    def test_edits_are_found(self, topic, agent):
        reply = topic.messages.replies().first()
        services.edit_message(user=agent, message=reply, body="Un quiz interactif")
        assert topic.pk in found("quiz")
        assert topic.pk not in found("pose")  # the first text is kept, but not searched


def test_a_deleted_account_is_not_a_host(db, activity, activity_author):
    activity_author.deleted_at = activity_author.date_joined
    activity_author.save()
    assert services.hosts_of(activity) == set()
    assert services.hosts_of(None) == set()


def test_activity_without_authors_is_hosted_by_its_owner(db, library):
    from resources.factories import ActivityPageFactory

    owner = UserFactory(first_name="Léa", last_name="Petit")
    page = ActivityPageFactory(parent=library, owner=owner)
    assert services.hosts_of(page) == {owner}
