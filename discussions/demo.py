"""Demo content of the discussions: the forum « Entre formateurs » with its topics, replies,
accepted answers and followers; questions and comments on a few activities and workshops
(some answers marked helpful by the page's hosts); one reported reply in the moderation queue.

Everything goes through ``discussions.services`` (the rules, counters and search index), with
e-mail muted; the dates are then moved into the past so the forum reads like a lived-in one.
Idempotent: a topic is found by its title, a content thread by its page, author and text.
The data is in ``discussions.demo_topics``.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from community.demo_registry import register
from community.mail import muted
from community.models import HomePage, User
from discussions import services
from discussions.demo_topics import (
    CONTENT_THREADS,
    FORUM_INTRO,
    FORUM_SLUG,
    FORUM_TITLE,
    REPORTED,
    TOPICS,
)
from discussions.factories import ForumPageFactory
from discussions.models import ForumPage, Message, Report, Thread, ThreadKind
from resources.models import Theme

DOMAIN = "atelier.example"
REPLY_EVERY = timedelta(hours=3)
OPENED_AT = 9  # o'clock, the morning a topic was opened


def _people():
    """{e-mail local part: user} of the demo accounts."""
    users = User.objects.filter(email__iendswith=f"@{DOMAIN}")
    return {user.email.split("@")[0]: user for user in users}


def _forum(report):
    forum = ForumPage.objects.first()
    report.add("pages", forum is None)
    if forum is None:
        forum = ForumPageFactory(
            parent=HomePage.objects.get(),
            title=FORUM_TITLE,
            slug=FORUM_SLUG,
            intro=FORUM_INTRO,
            show_in_menus=True,
        )
        forum.save_revision().publish()
    return forum


def _opened(days_ago):
    now = timezone.localtime()
    return now.replace(hour=OPENED_AT, minute=0, second=0, microsecond=0) - timedelta(days=days_ago)


def _backdate(message, when):
    """Move a message into the past (its thread's counters are refreshed at the end)."""
    Message.objects.filter(pk=message.pk).update(created_at=when)


def _start(author, page, kind, body, opened, **fields):
    thread = services.start_thread(author=author, page=page, kind=kind, body=body, **fields)
    _backdate(thread.messages.get(is_opening=True), opened)
    Thread.objects.filter(pk=thread.pk).update(created_at=opened)
    return thread


def _replies(thread, replies, people, opened):
    """Post the replies a few hours apart; returns them in order (None for a missing person)."""
    posted = []
    for n, (who, body, *_rest) in enumerate(replies, start=1):
        author = people.get(who)
        message = services.reply(author=author, thread=thread, body=body) if author else None
        if message:
            _backdate(message, opened + n * REPLY_EVERY)
        posted.append(message)
    return posted


def _topic(report, forum, people, themes, entry):
    title, theme, tags, author, days_ago, body, replies, accepted, followers = entry
    if Thread.objects.filter(page=forum, kind=ThreadKind.TOPIC, title=title).exists():
        report.add("sujets du forum", False)
        return
    author = people.get(author)
    if author is None:
        return
    opened = _opened(days_ago)
    thread = _start(
        author,
        forum,
        ThreadKind.TOPIC,
        body,
        opened,
        title=title,
        theme=themes.get(theme),
        tags=tags,
    )
    for who, delivery in followers:
        if who in people:
            services.follow(user=people[who], thread=thread, delivery=delivery)
    posted = _replies(thread, replies, people, opened)
    if accepted is not None and posted[accepted]:
        services.accept_answer(user=author, thread=thread, message=posted[accepted])
    services.refresh_counters(Thread.objects.get(pk=thread.pk))
    report.add("sujets du forum", True)


def _content_thread(report, people, entry):
    page_title, kind, author, days_ago, body, replies = entry
    page = Page.objects.live().filter(title=page_title).first()
    author = people.get(author)
    if page is None or author is None:
        return
    exists = Thread.objects.filter(
        page=page, author=author, messages__is_opening=True, messages__body=body
    ).exists()
    report.add("questions et commentaires", not exists)
    if exists:
        return
    opened = _opened(days_ago)
    thread = _start(author, page, kind, body, opened)
    posted = _replies(thread, replies, people, opened)
    hosts = sorted(services.hosts_of(page), key=lambda user: user.pk)
    for message, (_who, _body, helpful) in zip(posted, replies, strict=True):
        host = next((h for h in hosts if message and h.pk != message.author_id), None)
        if helpful and message and host:
            services.mark_helpful(user=host, message=message)
    services.refresh_counters(Thread.objects.get(pk=thread.pk))


def _reported(report, forum, people):
    title, index, reporter, reason, details = REPORTED
    thread = Thread.objects.filter(page=forum, title=title).first()
    reporter = people.get(reporter)
    if thread is None or reporter is None:
        return
    replies = list(thread.messages.replies().order_by("created_at", "pk"))
    if len(replies) <= index:
        return
    message = replies[index]
    exists = Report.objects.filter(message=message, reporter=reporter).exists()
    report.add("signalements", not exists)
    if not exists:
        services.report(reporter=reporter, message=message, reason=reason, details=details)


@register
def load(report):
    with muted():
        forum = _forum(report)
        people = _people()
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        for entry in TOPICS:
            _topic(report, forum, people, themes, entry)
        for entry in CONTENT_THREADS:
            _content_thread(report, people, entry)
        _reported(report, forum, people)
