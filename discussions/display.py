"""Reading discussions for the pages: where a thread or a message lives (its URL), which
threads a page shows, and what each message shows to a given reader (author's name and
profile link, rendered text, the buttons the services allow). A fixed number of queries
whatever the number of threads and messages."""

from django.db.models import Count, Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from community.models import Profile, TrainerDirectoryPage
from community.models.querysets import VisiblePageQuerySet
from community.profiles import public_name
from discussions import services, text
from discussions.models import Follow, Message, Thread, ThreadKind


def visible_pages():
    """The one rule for what anyone may see of the site's pages (``community``)."""
    return VisiblePageQuerySet(Page).visible()


def page_is_visible(page_id):
    return visible_pages().filter(pk=page_id).exists()


# ---------------------------------------------------------------------------------------------
# Addresses


def topic_url(forum, thread, request=None):
    """A topic's page under the forum, its title in the address for readers."""
    slug = slugify(thread.title)[:60].strip("-")
    kwargs = {"thread_id": thread.pk}
    if slug:
        kwargs["slug"] = slug
    return forum.get_url(request) + forum.reverse_subpage("topic", kwargs=kwargs)


def _where_read(thread, request=None):
    """The page a thread is read on: its topic page, or the content page it hangs on."""
    if thread.is_topic:
        return topic_url(thread.page.specific, thread, request)
    return thread.page.get_url(request)


def thread_url(thread, request=None):
    """Where a thread is read: its topic page, or its anchor on the content page."""
    url = _where_read(thread, request)
    return url if thread.is_topic else f"{url}#fil-{thread.pk}"


def message_url(message, request=None):
    return f"{_where_read(message.thread, request)}#message-{message.pk}"


# ---------------------------------------------------------------------------------------------
# What pages show


def messages_shown():
    """The messages of a thread as pages show them: hidden ones left out, deleted ones kept
    (they read “message supprimé”), with their authors' profiles for the names."""
    return (
        Message.objects.not_hidden().select_related("author__profile").order_by("created_at", "pk")
    )


def threads_of_page(page):
    """The questions and comments a content page shows, latest activity first, with their
    messages (one query each)."""
    return (
        Thread.objects.shown()
        .on_content()
        .filter(page_id=page.pk)
        .by_latest_activity()
        .prefetch_related(Prefetch("messages", queryset=messages_shown()))
    )


def discussion_counts(pages):
    """``{page id: {"question": n, "comment": n, "total": n}}`` for a list of pages, in one
    query: the counts shown on listing cards."""
    ids = [page.pk for page in pages]
    counts = {pk: {ThreadKind.QUESTION: 0, ThreadKind.COMMENT: 0, "total": 0} for pk in ids}
    if not ids:
        return counts
    rows = (
        Thread.objects.shown()
        .on_content()
        .filter(page_id__in=ids)
        .order_by()
        .values("page_id", "kind")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["page_id"]][row["kind"]] = row["n"]
        counts[row["page_id"]]["total"] += row["n"]
    return counts


class Reader:
    """One reader's view of messages: names and profile links of their authors (as the
    directory lets this reader see them) and the actions the services allow."""

    def __init__(self, request):
        self.request = request
        self.user = request.user
        self.signed_in = self.user.is_authenticated
        self.can_post = services.can_post(self.user)
        self.can_moderate = services.can_moderate(self.user)
        self._profile_ids = {}
        self._directory = None
        self._reported = set()

    def know_authors(self, messages):
        """Read, in one query, which of these authors' profiles the reader may open."""
        author_ids = {message.author_id for message in messages if message.author_id}
        if not author_ids or not self.signed_in:
            return
        self._profile_ids = dict(
            Profile.objects.visible_to(self.user)
            .filter(user_id__in=author_ids)
            .values_list("user_id", "pk")
        )
        if self._profile_ids:
            self._directory = TrainerDirectoryPage.objects.live().first()

    def know_reports(self, messages):
        """Read, in one query, which of these messages the reader has already reported."""
        self._reported = services.reported_message_ids(self.user, messages)

    def profile_url(self, user_id):
        profile_id = self._profile_ids.get(user_id)
        if profile_id is None or self._directory is None:
            return None
        directory = self._directory
        return directory.get_url(self.request) + directory.reverse_subpage(
            "profile", args=[profile_id]
        )

    def present(self, message, thread, may_mark_helpful=False):
        """Set what the templates read on ``message`` (attributes starting with ``shown_``)."""
        user = self.user
        message.shown_author = (
            public_name(message.author) if message.author_id else _("former member")
        )
        message.shown_author_url = self.profile_url(message.author_id)
        message.shown_accepted = thread.accepted_answer_id == message.pk
        live = self.signed_in and not message.is_deleted
        message.may_edit = live and services.can_edit(user, message)
        message.may_delete = live and services.can_delete(user, message)
        message.may_report = live and services.can_report(user, message, self._reported)
        message.may_mark_helpful = live and may_mark_helpful and not message.is_opening
        message.may_accept = (
            live
            and thread.is_topic
            and not message.is_opening
            and getattr(thread, "may_accept", False)
        )
        return message


def prepare_threads(threads, request, page=None):
    """Threads as ``request.user`` reads them: their opening message and replies presented,
    the follow state, and what the reader may do. Queries: the follows, the reports, the
    visible profiles, the hosts, the people mentioned: a fixed number whatever the number of
    threads."""
    reader = Reader(request)
    threads = list(threads)
    all_messages = [message for thread in threads for message in thread.messages.all()]
    reader.know_authors(all_messages)
    reader.know_reports(all_messages)
    text.render_all([m for m in all_messages if not m.is_deleted], attribute="shown_html")
    followed = {}
    if reader.signed_in and threads:
        followed = dict(
            Follow.objects.filter(user=reader.user, thread__in=threads).values_list(
                "thread_id", "delivery"
            )
        )
    # Helpful marks belong to the hosts of the page, the same for every thread of the page:
    # asking the services once keeps the number of queries fixed.
    may_mark_helpful = bool(threads) and services.can_mark_helpful(reader.user, threads[0])
    for thread in threads:
        thread.may_accept = thread.is_topic and services.can_accept(reader.user, thread)
        thread.followed_delivery = followed.get(thread.pk)
        messages = list(thread.messages.all())
        for message in messages:
            reader.present(message, thread, may_mark_helpful=may_mark_helpful)
        thread.opening = next((m for m in messages if m.is_opening), None)
        thread.shown_replies = [m for m in messages if not m.is_opening]
    return reader, threads
