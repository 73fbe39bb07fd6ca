"""The training team's moderation screens in the Wagtail admin: the queue of reported messages
(oldest report first), the hidden messages kept for audit, and one message's screen where the
team hides, restores, warns the author or keeps the message.

Every decision goes through ``discussions.services`` (hide, restore, warn, keep): these views
only select, show and hand over.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Min, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from discussions import display, services
from discussions.models import ForumPage, Message, ModerationAction, Report, ReportStatus

QUEUE_URL = "discussions_moderation:index"
HIDDEN_URL = "discussions_moderation:hidden"
MESSAGE_URL = "discussions_moderation:inspect"


class ModeratorPolicy(ModelPermissionPolicy):
    """Moderators may look (“view”) and nothing else: a message changes through the moderation
    services, never by hand in an edit form."""

    def user_has_permission(self, user, action):
        return action == "view" and services.can_moderate(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission(["view"]).none()
        return self._get_users_with_any_permission_codenames(["moderate_message"])


def awaiting_review_count():
    """Messages with at least one open report: the number the menu shows."""
    return Report.objects.filter(status=ReportStatus.OPEN).values("message").distinct().count()


def public_url(message, forum=None):
    """The message on the site (``discussions.display`` holds the rule). Listings hand over
    the forum page, fetched once, so that a topic costs no query for its page."""
    thread = message.thread
    if thread.is_topic and forum is not None and thread.page_id == forum.pk:
        return f"{display.topic_url(forum, thread)}#message-{message.pk}"
    return display.message_url(message)


def excerpt(message):
    return Truncator(message.body).chars(140)


def author_name(message):
    return str(message.author) if message.author else gettext("Deleted account")


# ---------------------------------------------------------------------------------------------
# Listings


class DiscussionColumn(Column):
    """The thread's title, with a link to the message on the site."""

    cell_template_name = "discussions/admin/discussion_cell.html"

    def __init__(self, name, forum=None, **kwargs):
        super().__init__(name, **kwargs)
        self.forum = forum

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(thread=instance.thread, url=public_url(instance, self.forum))
        return context


class ReportsColumn(Column):
    """How many open reports, and each one's reason and details."""

    cell_template_name = "discussions/admin/reports_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(count=instance.open_report_count, reports=instance.open_reports)
        return context


class RestoreColumn(Column):
    """A “Restore” button that posts to the message's screen, with its CSRF token."""

    cell_template_name = "discussions/admin/restore_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(action_url=reverse(MESSAGE_URL, args=[instance.pk]), message=instance)
        return context


def message_column():
    return TitleColumn("body", label=_("Message"), accessor=excerpt, url_name=MESSAGE_URL)


class ModerationListing(generic.IndexView):
    """What both listings share: one query for a page of messages with their thread, page and
    author (and one for the queue's reports), whatever the number of rows."""

    any_permission_required = ["view"]
    header_icon = "warning"
    search_fields = ["body", "thread__title"]
    search_backend_name = None  # Message is not indexed: the database searches.

    def get_base_queryset(self):
        return Message.objects.select_related("author", "thread", "thread__page")

    @cached_property
    def forum(self):
        """The forum page (there is one at most), for the topics' addresses."""
        return ForumPage.objects.live().first()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(QUEUE_URL), "label": gettext("Moderation")},
            {"url": "", "label": self.get_page_title()},
        ]


class QueueView(ModerationListing):
    """Messages with open reports, the oldest report first: the order they have waited in."""

    page_title = _("Messages to review")
    default_ordering = "first_reported_at"

    @cached_property
    def list_display(self):
        return [
            message_column(),
            Column("author", label=_("Author"), accessor=author_name),
            DiscussionColumn("thread", forum=self.forum, label=_("Discussion")),
            ReportsColumn("open_report_count", label=_("Reports"), sort_key="open_report_count"),
            DateColumn(
                "first_reported_at", label=_("First reported"), sort_key="first_reported_at"
            ),
        ]

    def get_base_queryset(self):
        open_reports = Q(reports__status=ReportStatus.OPEN)
        return (
            super()
            .get_base_queryset()
            .annotate(
                open_report_count=Count("reports", filter=open_reports),
                first_reported_at=Min("reports__created_at", filter=open_reports),
            )
            .filter(open_report_count__gt=0)
            .prefetch_related(
                Prefetch(
                    "reports",
                    queryset=Report.objects.filter(status=ReportStatus.OPEN)
                    .select_related("reporter")
                    .order_by("created_at", "pk"),
                    to_attr="open_reports",
                )
            )
        )

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Hidden messages"), url=reverse(HIDDEN_URL), icon_name="view")]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class HiddenView(ModerationListing):
    """Hidden messages, kept for audit, the latest hidden first; each can be restored."""

    page_title = _("Hidden messages")
    default_ordering = "-hidden_at"

    @cached_property
    def list_display(self):
        return [
            message_column(),
            Column("author", label=_("Author"), accessor=author_name),
            DiscussionColumn("thread", forum=self.forum, label=_("Discussion")),
            DateColumn("hidden_at", label=_("Hidden on"), sort_key="hidden_at"),
            Column("hidden_by", label=_("Hidden by")),
            RestoreColumn("restore", label=_("Action")),
        ]

    def get_base_queryset(self):
        return (
            super().get_base_queryset().filter(hidden_at__isnull=False).select_related("hidden_by")
        )

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Messages to review"), url=reverse(QUEUE_URL), icon_name="warning")]


# ---------------------------------------------------------------------------------------------
# One message


class ModerationForm(forms.Form):
    """The decision (the button pressed) and the note that goes with it."""

    action = forms.ChoiceField(choices=ModerationAction.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kept in the message's history. Required to warn the author: it is the text of "
            "the e-mail they receive."
        ),
    )

    def __init__(self, *args, allowed_actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_actions = allowed_actions

    def clean_note(self):
        return self.cleaned_data["note"].strip()

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action and action not in self.allowed_actions:
            raise ValidationError(
                _("This action is no longer possible on this message."), code="not_allowed"
            )
        if action == ModerationAction.WARN and not cleaned.get("note"):
            self.add_error("note", _("Write the note to send to the author before warning them."))
        return cleaned


SERVICES = {
    ModerationAction.HIDE: services.hide,
    ModerationAction.RESTORE: services.restore,
    ModerationAction.WARN: services.warn,
    ModerationAction.KEEP: services.keep,
}


BUTTONS = {
    ModerationAction.HIDE: _("Hide the message"),
    ModerationAction.RESTORE: _("Restore the message"),
    ModerationAction.WARN: _("Warn the author"),
    ModerationAction.KEEP: _("Keep the message (dismiss the reports)"),
}

DONE = {
    ModerationAction.HIDE: _("The message is hidden: it no longer shows on the site."),
    ModerationAction.RESTORE: _("The message is restored: it shows on the site again."),
    ModerationAction.WARN: _(
        "The author has been warned by e-mail. The reports stay open until you hide or keep "
        "the message."
    ),
    ModerationAction.KEEP: _("The reports are dismissed: the message stays on the site."),
}


def allowed_actions(message, open_report_count):
    """The decisions that make sense for the message as it stands."""
    actions = [ModerationAction.RESTORE if message.is_hidden else ModerationAction.HIDE]
    if message.author_id:
        actions.append(ModerationAction.WARN)
    if open_report_count:
        actions.append(ModerationAction.KEEP)
    return actions


class MessageModerationView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A message, its reports and its moderation history; the team's decision is posted here
    and handed to the moderation service."""

    model = Message
    permission_required = "view"
    template_name = "discussions/admin/message.html"
    header_icon = "warning"
    index_url_name = QUEUE_URL

    @cached_property
    def message(self):
        return get_object_or_404(
            Message.objects.select_related("author", "thread", "thread__page", "hidden_by"),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def reports(self):
        return list(
            self.message.reports.select_related("reporter", "handled_by").order_by(
                "created_at", "pk"
            )
        )

    @cached_property
    def actions(self):
        open_count = sum(report.status == ReportStatus.OPEN for report in self.reports)
        return allowed_actions(self.message, open_count)

    def get_page_title(self):
        return gettext("Message to moderate")

    def get_page_subtitle(self):
        return str(self.message.thread)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(QUEUE_URL), "label": gettext("Moderation")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return ModerationForm(data, allowed_actions=self.actions)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                SERVICES[action](
                    moderator=request.user,
                    message=self.message,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, DONE[action])
                return redirect(self.next_url(action))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def next_url(self, action):
        """After a warning the reports are still open: the team stays on the message to decide.
        A restored message leads back to the hidden ones, anything else to the queue."""
        if action == ModerationAction.WARN:
            return reverse(MESSAGE_URL, args=[self.message.pk])
        return reverse(HIDDEN_URL if action == ModerationAction.RESTORE else QUEUE_URL)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or self.get_form()
        context.update(
            message=self.message,
            thread=self.message.thread,
            public_url=public_url(self.message),
            reports=self.reports,
            log=self.message.moderation_log.select_related("moderator"),
            form=form,
            buttons=[(action, BUTTONS[action]) for action in self.actions],
        )
        return context
