"""Every rule of the discussions: who may post, edit, delete, mark, accept, report and
moderate, and what each change writes. Views, templates and commands ask here.

A refused change raises :class:`DiscussionError` with a French sentence for the person, and
writes nothing. A change that moves counters runs in one transaction, with the thread locked,
then refreshes the thread's counters and its entry in the site search.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from community import mail
from discussions import hosts, notifications
from discussions.models import (
    Delivery,
    Follow,
    Message,
    MessageQuerySet,
    ModerationAction,
    ModerationLog,
    Report,
    ReportReason,
    ReportStatus,
    Thread,
    ThreadKind,
)

MODERATE_PERMISSION = "discussions.moderate_message"
TITLE_MAX_LENGTH = 200
MAX_TAGS = 10
TAG_MAX_LENGTH = 100


class DiscussionError(ValidationError):
    """A rule refused the change; ``.message`` says why, in the person's language."""


hosts_of = hosts.hosts_of


# ---------------------------------------------------------------------------------------------
# Predicates: for templates and views, they never raise.


def can_post(user):
    """Signed-in people with a live account take part; visitors read."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and getattr(user, "deleted_at", None) is None
    )


def can_edit(user, message, now=None):
    """The author, within the edit window, of a message neither deleted nor hidden."""
    if not can_post(user) or message.author_id != user.pk:
        return False
    if message.is_deleted or message.is_hidden:
        return False
    now = now or timezone.now()
    return now - message.created_at <= settings.DISCUSSIONS_EDIT_WINDOW


def can_delete(user, message):
    return (
        can_post(user)
        and message.author_id == user.pk
        and not message.is_deleted
        and not message.is_hidden
    )


def can_mark_helpful(user, thread):
    """The hosts of the content page (authors, facilitators), on questions and comments."""
    return can_post(user) and not thread.is_topic and hosts.is_host(user, thread.page)


def can_accept(user, thread):
    """The author of a forum topic chooses its accepted answer."""
    return can_post(user) and thread.is_topic and thread.author_id == user.pk


def reported_message_ids(user, messages):
    """The ids, among ``messages``, of those ``user`` has already reported: one query for a
    whole page, handed to :func:`can_report`."""
    ids = [message.pk for message in messages]
    if not ids or not can_post(user):
        return set()
    return set(
        Report.objects.filter(reporter=user, message_id__in=ids).values_list(
            "message_id", flat=True
        )
    )


def can_report(user, message, already_reported=None):
    """Someone signed in, not its author, on a message still shown, once. Pages pass
    ``already_reported`` (from :func:`reported_message_ids`); without it, one query here."""
    if not can_post(user) or message.author_id == user.pk:
        return False
    if message.is_deleted or message.is_hidden:
        return False
    if already_reported is None:
        return not Report.objects.filter(message=message, reporter=user).exists()
    return message.pk not in already_reported


def can_moderate(user):
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))


# ---------------------------------------------------------------------------------------------
# Input checks


def _refuse(message, code):
    raise DiscussionError(message, code=code)


def _number(value):
    """5000 → « 5 000 » in French, "5,000" in English."""
    return number_format(value, force_grouping=True)


def clean_body(body):
    """The text as stored: stripped, not empty, not longer than the setting allows."""
    body = (body or "").strip()
    if not body:
        _refuse(_("Your message is empty: write something before sending it."), "empty")
    limit = settings.DISCUSSIONS_MAX_LENGTH
    if len(body) > limit:
        _refuse(
            _(
                "Your message is too long: %(length)s characters, at most %(limit)s are "
                "allowed. Shorten it or split it in two."
            )
            % {"length": _number(len(body)), "limit": _number(limit)},
            "too_long",
        )
    return body


def clean_title(title, required):
    title = " ".join((title or "").split())
    if required and not title:
        _refuse(_("Give your topic a title."), "title_required")
    if len(title) > TITLE_MAX_LENGTH:
        _refuse(
            _("The title is too long: at most %(limit)s characters.") % {"limit": TITLE_MAX_LENGTH},
            "title_too_long",
        )
    return title


def clean_tags(tags):
    if isinstance(tags, str):
        tags = tags.split(",")
    names = []
    for tag in tags or ():
        name = " ".join(str(tag).split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    if any(len(name) > TAG_MAX_LENGTH for name in names):
        _refuse(
            _("A tag is too long: at most %(limit)s characters.") % {"limit": TAG_MAX_LENGTH},
            "tag_too_long",
        )
    if len(names) > MAX_TAGS:
        _refuse(_("At most %(limit)s tags per topic.") % {"limit": MAX_TAGS}, "too_many_tags")
    return names


def _check_can_post(user):
    if not can_post(user):
        _refuse(_("Sign in to take part in the discussions."), "sign_in")


def _check_rate(user, now):
    """At most N messages in S seconds per person (settings.DISCUSSIONS_RATE_LIMIT). Bulk
    work that mutes e-mail (``community.mail.muted``: demo content, imports) is not a flood."""
    if mail.is_muted():
        return
    count, seconds = settings.DISCUSSIONS_RATE_LIMIT
    recent = Message.objects.by(user, now - timedelta(seconds=seconds)).count()
    if recent >= count:
        _refuse(
            _(
                "You have sent %(count)s messages in the last %(minutes)s minutes: please wait "
                "a few minutes before writing again."
            )
            % {"count": count, "minutes": max(1, seconds // 60)},
            "rate_limit",
        )


def _check_page(page, kind):
    if kind not in ThreadKind.values:
        _refuse(_("This kind of discussion does not exist."), "kind")
    if page is None or not page.live:
        _refuse(_("This page is not published: it cannot be discussed."), "page")
    if kind == ThreadKind.TOPIC:
        if hosts.page_label(page) != "discussions.forumpage":
            _refuse(_("Forum topics are opened in the forum."), "page")
    elif not hosts.is_content_page(page):
        _refuse(
            _(
                "Questions and comments are left on activities, training paths, workshops "
                "and exchange events."
            ),
            "page",
        )


def _lock(thread):
    return Thread.objects.select_for_update().get(pk=thread.pk)


def _check_open(thread):
    if thread.is_hidden:
        _refuse(
            _("This discussion was hidden by the training team: it no longer takes replies."),
            "hidden",
        )


# ---------------------------------------------------------------------------------------------
# Posting


def start_thread(*, author, page, kind, body, title="", theme=None, tags=()):
    """A question or comment on a content page, or a topic in the forum, with its opening
    message. The author follows it; hosts and mentioned people are told."""
    _check_can_post(author)
    _check_page(page, kind)
    is_topic = kind == ThreadKind.TOPIC
    title = clean_title(title, required=is_topic)
    body = clean_body(body)
    tags = clean_tags(tags) if is_topic else []
    now = timezone.now()
    with transaction.atomic():
        _check_rate(author, now)
        thread = Thread.objects.create(
            kind=kind,
            page=page,
            title=title,
            theme=theme if is_topic else None,
            author=author,
            last_activity_at=now,
        )
        message = Message.objects.create(thread=thread, author=author, is_opening=True, body=body)
        if tags:
            thread.tags.set(tags)
        Follow.objects.get_or_create(thread=thread, user=author)
        refresh_counters(thread)
        notifications.thread_started(message)
    return thread


def reply(*, author, thread, body):
    """A reply (one level). Refused on a hidden thread. Followers, hosts of content threads
    and mentioned people are told; a replier follows the topics they answer."""
    _check_can_post(author)
    body = clean_body(body)
    now = timezone.now()
    with transaction.atomic():
        thread = _lock(thread)
        _check_open(thread)
        _check_rate(author, now)
        message = Message.objects.create(thread=thread, author=author, body=body)
        if thread.is_topic:
            Follow.objects.get_or_create(thread=thread, user=author)
        refresh_counters(thread)
        notifications.reply_posted(message)
    return message


def edit_message(*, user, message, body, title=None):
    """The author corrects their message within the edit window; the first text is kept."""
    with transaction.atomic():
        message = Message.objects.select_for_update().select_related("thread").get(pk=message.pk)
        if not can_edit(user, message):
            if (
                can_post(user)
                and message.author_id == user.pk
                and not (message.is_deleted or message.is_hidden)
            ):
                minutes = int(settings.DISCUSSIONS_EDIT_WINDOW.total_seconds() // 60)
                _refuse(
                    _(
                        "A message can only be edited in the %(minutes)s minutes after it was "
                        "posted."
                    )
                    % {"minutes": minutes},
                    "edit_window",
                )
            _refuse(_("Only its author can edit this message."), "not_author")
        body = clean_body(body)
        thread = message.thread
        new_title = None
        if title is not None and message.is_opening:
            new_title = clean_title(title, required=thread.is_topic)
        if body != message.body:
            if not message.original_body:
                message.original_body = message.body
            message.body = body
            message.edited_at = timezone.now()
            message.save(update_fields=["body", "original_body", "edited_at"])
        if new_title is not None and new_title != thread.title:
            thread.title = new_title
            thread.save(update_fields=["title"])
        refresh_counters(thread)
    return message


def delete_message(*, user, message):
    """The author takes their message back: it reads « message supprimé », the thread stays."""
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if not can_delete(user, message):
            if message.is_deleted:
                _refuse(_("This message was already deleted."), "deleted")
            _refuse(_("Only its author can delete this message."), "not_author")
        message.deleted_at = timezone.now()
        message.save(update_fields=["deleted_at"])
        thread = _lock(message.thread)
        if thread.accepted_answer_id == message.pk:
            thread.accepted_answer = None
            thread.save(update_fields=["accepted_answer"])
        refresh_counters(thread)
    return message


def mark_helpful(*, user, message, helpful=True):
    """A host of the content page marks a reply as helpful (or takes the mark back)."""
    with transaction.atomic():
        message = Message.objects.select_for_update().select_related("thread").get(pk=message.pk)
        thread = message.thread
        if not can_mark_helpful(user, thread):
            _refuse(
                _(
                    "Only the authors of the content, or the facilitators of the workshop, "
                    "can mark an answer as helpful."
                ),
                "not_host",
            )
        if message.is_opening or message.is_deleted or message.is_hidden:
            _refuse(_("Only a reply shown on the page can be marked as helpful."), "not_reply")
        if helpful and not message.is_helpful:
            message.helpful_at, message.helpful_by = timezone.now(), user
        elif not helpful:
            message.helpful_at, message.helpful_by = None, None
        message.save(update_fields=["helpful_at", "helpful_by"])
        refresh_counters(_lock(thread))
    return message


def accept_answer(*, user, thread, message):
    """The topic's author chooses a shown reply of that topic as its answer; None clears it."""
    with transaction.atomic():
        thread = _lock(thread)
        if not can_accept(user, thread):
            _refuse(_("Only the author of the topic can choose its accepted answer."), "not_author")
        if message is not None:
            message = Message.objects.filter(pk=message.pk).first()
            if (
                message is None
                or message.thread_id != thread.pk
                or message.is_opening
                or message.is_deleted
                or message.is_hidden
            ):
                _refuse(_("Choose one of the replies shown in this topic."), "not_reply")
        thread.accepted_answer = message
        thread.save(update_fields=["accepted_answer"])
    return thread


def follow(*, user, thread, delivery=Delivery.IMMEDIATE):
    """Follow a thread (or change how its replies arrive: at once, or in the daily digest)."""
    _check_can_post(user)
    if delivery not in Delivery.values:
        _refuse(_("Choose how you want to receive the replies."), "delivery")
    _check_open(thread)
    entry, created = Follow.objects.get_or_create(
        thread=thread, user=user, defaults={"delivery": delivery}
    )
    if not created and entry.delivery != delivery:
        entry.delivery = delivery
        entry.save(update_fields=["delivery"])
    return entry


def unfollow(*, user, thread):
    Follow.objects.filter(thread=thread, user=user).delete()


# ---------------------------------------------------------------------------------------------
# Reports and moderation


def report(*, reporter, message, reason, details=""):
    """Someone flags a message for the training team (once per message, never their own)."""
    _check_can_post(reporter)
    if reason not in ReportReason.values:
        _refuse(_("Choose the reason of your report."), "reason")
    details = (details or "").strip()
    if len(details) > 1000:
        _refuse(_("Your explanation is too long: at most 1,000 characters."), "details")
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.author_id == reporter.pk:
            _refuse(_("You cannot report your own message."), "own")
        if message.is_hidden or message.is_deleted:
            _refuse(_("This message is no longer shown: there is nothing to report."), "gone")
        if Report.objects.filter(message=message, reporter=reporter).exists():
            _refuse(
                _("You have already reported this message: the training team will review it."),
                "twice",
            )
        return Report.objects.create(
            message=message, reporter=reporter, reason=reason, details=details
        )


def _moderate(moderator, message, action, note, report_status):
    if not can_moderate(moderator):
        _refuse(_("Only the training team can moderate the discussions."), "not_moderator")
    note = (note or "").strip()
    if len(note) > 2000:
        _refuse(_("The note is too long: at most 2,000 characters."), "note")
    now = timezone.now()
    message = Message.objects.select_for_update().get(pk=message.pk)
    ModerationLog.objects.create(message=message, moderator=moderator, action=action, note=note)
    if report_status:
        message.reports.filter(status=ReportStatus.OPEN).update(
            status=report_status, handled_at=now, handled_by=moderator
        )
    return message, note, now


def hide(*, moderator, message, note=""):
    """Take a message off pages and search (kept for audit). An opening message takes its
    thread with it."""
    with transaction.atomic():
        message, note, now = _moderate(
            moderator, message, ModerationAction.HIDE, note, ReportStatus.HIDDEN
        )
        thread = _lock(message.thread)
        if not message.is_hidden:
            message.hidden_at, message.hidden_by = now, moderator
            message.save(update_fields=["hidden_at", "hidden_by"])
        if message.is_opening and not thread.is_hidden:
            thread.hidden_at = now
            thread.save(update_fields=["hidden_at"])
        if thread.accepted_answer_id == message.pk:
            thread.accepted_answer = None
            thread.save(update_fields=["accepted_answer"])
        refresh_counters(thread)
    return message


def restore(*, moderator, message, note=""):
    """Show a hidden message again (and its thread, for an opening message)."""
    with transaction.atomic():
        message, note, _now = _moderate(
            moderator, message, ModerationAction.RESTORE, note, ReportStatus.KEPT
        )
        thread = _lock(message.thread)
        message.hidden_at, message.hidden_by = None, None
        message.save(update_fields=["hidden_at", "hidden_by"])
        if message.is_opening and thread.is_hidden:
            thread.hidden_at = None
            thread.save(update_fields=["hidden_at"])
        refresh_counters(thread)
    return message


def warn(*, moderator, message, note):
    """Tell the author what is wrong with their message, by e-mail with the team's note."""
    if not (note or "").strip():
        _refuse(_("Write the note the author will receive."), "note_required")
    with transaction.atomic():
        message, note, _now = _moderate(moderator, message, ModerationAction.WARN, note, None)
        notifications.author_warned(message, note)
        refresh_counters(_lock(message.thread))
    return message


def keep(*, moderator, message, note=""):
    """The reports were unfounded: close them, the message stays."""
    with transaction.atomic():
        message, note, _now = _moderate(
            moderator, message, ModerationAction.KEEP, note, ReportStatus.KEPT
        )
        refresh_counters(_lock(message.thread))
    return message


# ---------------------------------------------------------------------------------------------
# Counters and search


def refresh_counters(thread):
    """Recompute what lists show (replies shown, helpful replies, latest activity) and save
    the thread, which brings its search entry up to date (the opening message and the
    replies still shown are what the search matches)."""
    shown_reply = MessageQuerySet.REPLY & MessageQuerySet.SHOWN
    counts = (
        Message.objects.filter(thread=thread)
        .not_hidden()
        .aggregate(
            replies=Count("pk", filter=shown_reply),
            helpful=Count("pk", filter=shown_reply & Q(helpful_at__isnull=False)),
            latest=Max("created_at"),
        )
    )
    thread.reply_count = counts["replies"]
    thread.helpful_count = counts["helpful"]
    thread.last_activity_at = counts["latest"] or thread.last_activity_at or timezone.now()
    # A full save (not update_fields): the post_save signal reindexes the thread.
    thread.save()
    return thread
