"""Who hears of a new thread, a reply or a warning, and the e-mails they get (templates in
``templates/discussions/emails/``).

Each person is told once per message, by the strongest reason: a mention, then following
the thread (at once, or in the daily digest). The hosts of a content page are told of a new
question or comment and follow it from then on. Nobody hears of their own message.
E-mails leave after the commit (``community.mail``); digest entries are written in the same
transaction as the reply.
"""

import logging

from django.db import transaction
from django.utils import timezone

from community import mail
from community.mail import absolute, send_after_commit
from discussions import hosts, mentions
from discussions.models import Delivery, DigestEntry, Follow

TEMPLATES = "discussions/emails"
EXCERPT_LENGTH = 600


def send(template, user, context):
    """One e-mail from ``discussions/emails/<template>(_subject).txt``."""
    mail.send(f"{TEMPLATES}/{template}", user, context)


def _reachable(users, *, exclude=()):
    """Live accounts with an address, once each, in a stable order, except ``exclude``."""
    excluded = {user.pk for user in exclude if user is not None}
    seen, kept = set(), []
    for user in users:
        if user.pk in excluded or user.pk in seen:
            continue
        if not user.is_active or getattr(user, "deleted_at", None) or not user.email:
            continue
        seen.add(user.pk)
        kept.append(user)
    return kept


def excerpt(body):
    body = body.strip()
    if len(body) <= EXCERPT_LENGTH:
        return body
    return body[:EXCERPT_LENGTH].rsplit(" ", 1)[0] + " […]"


def urls(message):
    from discussions import display  # display reads the services, which import this module

    return {
        "thread_url": absolute(display.thread_url(message.thread)),
        "message_url": absolute(display.message_url(message)),
    }


def _context(message, user, **extra):
    from community.profiles import public_name

    thread = message.thread
    return {
        "user": user,
        "thread": thread,
        "message": message,
        "author_name": public_name(message.author),
        "page_title": thread.page.title,
        "thread_title": thread.title or thread.page.title,
        "body": excerpt(message.body),
        **urls(message),
        **extra,
    }


def _later(template, message, user, **extra):
    """Build the e-mail now (the same objects as the change) and send it after commit."""
    send_after_commit(send, template, user, _context(message, user, **extra))


def thread_started(message):
    """A new question, comment or topic: mentioned people, then the page's hosts (who now
    follow the thread, so that « Ne plus suivre » stops its e-mails like anyone's)."""
    author, thread = message.author, message.thread
    mentioned = _reachable(mentions.find(message.body), exclude=[author])
    for user in mentioned:
        _later("mention", message, user)
    if thread.is_topic:
        return
    page_hosts = _reachable(hosts.hosts_of(thread.page), exclude=[author])
    for user in page_hosts:
        Follow.objects.get_or_create(thread=thread, user=user)
    for user in _reachable(page_hosts, exclude=mentioned):
        _later("new_thread", message, user)


def reply_posted(message):
    """A reply: mentioned people by e-mail; followers (hosts of the content page among them)
    by e-mail at once, or through a digest entry; never the replier."""
    author, thread = message.author, message.thread
    mentioned = _reachable(mentions.find(message.body), exclude=[author])
    for user in mentioned:
        _later("mention", message, user)
    follows = list(Follow.objects.filter(thread=thread).select_related("user"))
    page_hosts = set() if thread.is_topic else {user.pk for user in hosts.hosts_of(thread.page)}
    immediate = [follow.user for follow in follows if follow.delivery == Delivery.IMMEDIATE]
    for user in _reachable(immediate, exclude=[author, *mentioned]):
        _later("reply_to_host" if user.pk in page_hosts else "reply", message, user)
    daily = _reachable(
        [follow.user for follow in follows if follow.delivery == Delivery.DAILY],
        exclude=[author, *mentioned],
    )
    if daily and not mail.is_muted():
        DigestEntry.objects.bulk_create(
            [DigestEntry(user=user, message=message) for user in daily], ignore_conflicts=True
        )


def author_warned(message, note):
    """The training team's note to the author of a message."""
    author = message.author
    for user in _reachable([author] if author else []):
        _later("warning", message, user, note=note)


def digest(user, entries):
    """One e-mail listing the replies waiting for ``user``, grouped by thread (oldest first)."""
    groups = {}
    for entry in entries:
        message = entry.message
        group = groups.setdefault(
            message.thread_id,
            {
                "thread": message.thread,
                "thread_title": message.thread.title or message.thread.page.title,
                "replies": [],
                **urls(message),
            },
        )
        group["replies"].append(
            {
                "author_name": _public_name(message.author),
                "body": excerpt(message.body),
                "message_url": absolute(_message_url(message)),
                "created_at": message.created_at,
            }
        )
    context = {"user": user, "threads": list(groups.values()), "count": len(entries)}
    send("digest", user, context)


def _public_name(user):
    from community.profiles import public_name

    return public_name(user)


def _message_url(message):
    from discussions import display

    return display.message_url(message)


def send_daily_digests(now=None):
    """Send each person their waiting replies, once: entries are claimed (``sent_at``) before
    the e-mail leaves, so a second run, even a concurrent one, finds nothing to send again.
    Replies hidden or deleted meanwhile are dropped. Returns (e-mails sent, replies listed)."""
    now = now or timezone.now()
    pending = DigestEntry.objects.filter(sent_at__isnull=True)
    emails = replies = 0
    for user_id in pending.values_list("user_id", flat=True).distinct().order_by("user_id"):
        with transaction.atomic():
            ids = list(pending.filter(user_id=user_id).values_list("pk", flat=True))
            claimed = pending.filter(pk__in=ids).update(sent_at=now)
        if not claimed:
            continue
        entries = [
            entry
            for entry in DigestEntry.objects.filter(pk__in=ids, sent_at=now)
            .select_related("user", "message__author__profile", "message__thread__page")
            .order_by("message__thread_id", "message__created_at", "pk")
            if entry.message.hidden_at is None
            and entry.message.deleted_at is None
            and entry.message.thread.hidden_at is None
        ]
        if not entries:
            continue
        user = entries[0].user
        if not _reachable([user]):
            continue
        try:
            digest(user, entries)
        except Exception:
            logging.getLogger(__name__).exception("Digest to user %s failed", user_id)
            DigestEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(sent_at=None)
            continue
        emails += 1
        replies += len(entries)
    return emails, replies
