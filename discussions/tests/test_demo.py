"""The demo's conversations: a lived-in forum, questions on content, one report to review."""

import pytest

from discussions.models import Follow, ForumPage, Message, Report, ReportStatus, Thread


@pytest.mark.django_db
class TestDemoDiscussions:
    def test_the_forum_has_topics_across_themes_with_replies(self, demo_content):
        topics = Thread.objects.topics().shown()

        assert topics.count() >= 15
        assert topics.values("theme").distinct().count() >= 5
        assert topics.values("author").distinct().count() >= 10
        assert topics.filter(reply_count__gte=2).count() >= 10
        assert topics.unanswered().exists()

    def test_several_topics_have_an_accepted_answer_from_their_thread(self, demo_content):
        accepted = Thread.objects.topics().filter(accepted_answer__isnull=False)

        assert accepted.count() >= 5
        for topic in accepted:
            assert topic.accepted_answer.thread_id == topic.pk
            assert not topic.accepted_answer.is_opening

    def test_questions_on_content_have_answers_marked_helpful_by_hosts(self, demo_content):
        on_content = Thread.objects.on_content()

        assert on_content.filter(kind="question").count() >= 3
        assert on_content.filter(kind="comment").exists()
        assert on_content.filter(helpful_count__gte=1).count() >= 2
        marked = Message.objects.filter(helpful_by__isnull=False)
        assert all(message.helpful_by_id != message.author_id for message in marked)

    def test_one_reported_reply_awaits_the_moderation_queue(self, demo_content):
        [open_report] = Report.objects.filter(status=ReportStatus.OPEN)

        assert not open_report.message.is_opening
        assert open_report.message.hidden_at is None
        assert open_report.reporter_id != open_report.message.author_id

    def test_some_follow_topics_by_daily_digest(self, demo_content):
        assert Follow.objects.filter(delivery="daily").count() >= 3

    def test_the_forum_is_in_the_main_menu_and_lists_its_topics(self, client, demo_content):
        forum = ForumPage.objects.get()
        html = client.get("/").content.decode()

        assert f'<a href="{forum.url}"' in html
        assert "Entre formateurs" in html
        response = client.get(forum.url)
        assert response.status_code == 200
        assert "Un brise-glace pour un groupe qui ne se connaît pas" in response.content.decode()

    def test_dates_are_spread_over_the_past_weeks(self, demo_content):
        dates = {thread.last_activity_at.date() for thread in Thread.objects.topics()}

        assert len(dates) >= 10
