"""Conversations: questions and comments on content pages, and the forum's topics.

One shape serves both. A :class:`Thread` is attached to a page (an activity, a path, a
workshop, an event, or the forum page for a topic); its :class:`Message` rows are the opening
message and the replies (one level). Every rule that changes them lives in
``discussions.services``; the models only hold data and the querysets that read it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from community.models.mixins import IntroMixin


class ForumPage(RoutablePageMixin, IntroMixin, Page):
    """The forum “Entre formateurs”: topics by theme; its sub-URLs open and show topics
    (views in ``discussions.forum_views``)."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    parent_page_types = ["community.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    @path("", name="index")
    def index_route(self, request):
        from discussions import forum_views

        return forum_views.topic_list(self, request)

    @path("nouveau-sujet/", name="new_topic")
    def new_topic(self, request):
        from discussions import forum_views

        return forum_views.new_topic(self, request)

    @re_path(r"^sujets/(?P<thread_id>\d+)(?:-(?P<slug>[-\w]*))?/$", name="topic")
    def topic(self, request, thread_id, slug=None):
        from discussions import forum_views

        return forum_views.topic_detail(self, request, int(thread_id))


class ThreadKind(models.TextChoices):
    QUESTION = "question", _("Question")
    COMMENT = "comment", _("Comment")
    TOPIC = "topic", _("Forum topic")


class ThreadTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "discussions.Thread", related_name="tagged_items", on_delete=models.CASCADE
    )


class ThreadQuerySet(models.QuerySet):
    def shown(self):
        """Threads a page lists: not hidden by the training team."""
        return self.filter(hidden_at__isnull=True)

    def topics(self):
        return self.filter(kind=ThreadKind.TOPIC)

    def on_content(self):
        return self.exclude(kind=ThreadKind.TOPIC)

    def unanswered(self):
        return self.filter(reply_count=0)

    def by_latest_activity(self):
        return self.order_by("-last_activity_at", "-pk")


class Thread(index.Indexed, models.Model):
    """A question or comment on a page, or a forum topic, with its replies."""

    kind = models.CharField(_("kind"), max_length=10, choices=ThreadKind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="discussion_threads",
        help_text=_("The content discussed, or the forum for a topic."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    theme = models.ForeignKey(
        "resources.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    tags = TaggableManager(through=ThreadTag, blank=True, verbose_name=_("tags"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    reply_count = models.PositiveIntegerField(
        _("replies"), default=0, help_text=_("Replies shown on the page, kept by the services.")
    )
    helpful_count = models.PositiveIntegerField(_("helpful answers"), default=0)
    accepted_answer = models.ForeignKey(
        "discussions.Message",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden on"), null=True, blank=True)

    objects = ThreadQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("searchable_text"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("hidden_at"),
    ]

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        indexes = [
            models.Index(fields=["page", "hidden_at", "-last_activity_at"]),
            models.Index(fields=["kind", "hidden_at", "-last_activity_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=ThreadKind.TOPIC) | ~Q(title=""),
                name="discussions_topic_has_title",
            )
        ]

    def __str__(self):
        return self.title or str(self.get_kind_display())

    @property
    def is_topic(self):
        return self.kind == ThreadKind.TOPIC

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    def searchable_text(self):
        """The opening message and the replies still shown: what the site search matches."""
        return "\n".join(self.messages.shown().values_list("body", flat=True))


class MessageQuerySet(models.QuerySet):
    # The rules as conditions, for the filters below and for counts that combine them.
    SHOWN = Q(hidden_at__isnull=True, deleted_at__isnull=True)
    REPLY = Q(is_opening=False)

    def shown(self):
        """Messages a page shows with their text (deleted ones show as “message supprimé”)."""
        return self.filter(self.SHOWN)

    def not_hidden(self):
        return self.filter(hidden_at__isnull=True)

    def replies(self):
        return self.filter(self.REPLY)

    def by(self, user, since):
        return self.filter(author=user, created_at__gte=since)


class Message(models.Model):
    """The opening message of a thread, or a reply. Never removed: deleting blanks it for
    readers, hiding takes it off pages and search; both keep the text for audit."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("discussion"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_messages",
    )
    is_opening = models.BooleanField(_("opening message"), default=False)
    body = models.TextField(_("text"))
    original_body = models.TextField(
        _("original text"), blank=True, help_text=_("The text as first posted, kept on edit.")
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted by its author on"), null=True, blank=True)
    helpful_at = models.DateTimeField(_("marked helpful on"), null=True, blank=True)
    helpful_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked helpful by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden on"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_message", _("Can moderate discussions"))]
        constraints = [
            models.UniqueConstraint(
                fields=["thread"],
                condition=Q(is_opening=True),
                name="discussions_one_opening_message",
            )
        ]

    def __str__(self):
        return self.body[:60]

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def is_helpful(self):
        return self.helpful_at is not None


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Insulting or disrespectful")
    PERSONAL = "personal", _("Personal or confidential information")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("To review")
    HIDDEN = "hidden", _("Message hidden")
    KEPT = "kept", _("Message kept")


class Report(models.Model):
    """Someone's report of a message; open ones make the training team's moderation queue."""

    message = models.ForeignKey(
        Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_reports",
    )
    reason = models.CharField(_("reason"), max_length=12, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "reporter"], name="discussions_one_report_per_person"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.message}"


class ModerationAction(models.TextChoices):
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    WARN = "warn", _("Author warned")
    KEEP = "keep", _("Reports dismissed")


class ModerationLog(models.Model):
    """What the training team did to a message, and why: the audit trail moderation keeps."""

    message = models.ForeignKey(
        Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="moderation_log"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=8, choices=ModerationAction.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} — {self.message}"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one e-mail per reply")
    DAILY = "daily", _("Once a day, in a digest")


class Follow(models.Model):
    """Someone follows a thread: new replies reach them by e-mail, at once or in a digest."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("discussion"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follower"),
        on_delete=models.CASCADE,
        related_name="discussion_follows",
    )
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="discussions_follow_once")
        ]

    def __str__(self):
        return f"{self.user} → {self.thread}"


class DigestEntry(models.Model):
    """A reply waiting for a follower's daily digest; ``sent_at`` makes the command safe to
    run again (an entry goes out once)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("digest entry")
        verbose_name_plural = _("digest entries")
        constraints = [
            models.UniqueConstraint(fields=["user", "message"], name="discussions_digest_once")
        ]

    def __str__(self):
        return f"{self.user} ← {self.message_id}"
