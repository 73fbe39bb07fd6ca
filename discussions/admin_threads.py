"""Read-only listing of the discussions (questions, comments, forum topics) for the training
team, reached from the moderation queue. Nothing is edited here: threads change on the site,
through ``discussions.services``."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from discussions.models import Thread


class ReadOnlyModelViewSet(ModelViewSet):
    """Only the listing and the detail screen; the moderators' policy (registered in
    ``wagtail_hooks``) guards both."""

    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # no form: there is no add or edit view

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.none()


class ThreadIndexView(generic.IndexView):
    """The page and the author come in the same query as the threads."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "author", "theme")


class ThreadViewSet(ReadOnlyModelViewSet):
    model = Thread
    name = "discussions_threads"
    url_prefix = "moderation/discussions"
    icon = "comment"
    menu_label = _("Discussions")
    add_to_admin_menu = False
    index_view_class = ThreadIndexView
    list_per_page = 50
    list_display = [
        "title",
        Column("get_kind_display", label=_("Kind"), sort_key="kind"),
        Column("page", label=_("Page")),
        Column("author", label=_("Author")),
        Column("reply_count", label=_("Replies"), sort_key="reply_count"),
        DateColumn("last_activity_at", label=_("Last activity"), sort_key="last_activity_at"),
        DateColumn("hidden_at", label=_("Hidden on"), sort_key="hidden_at"),
    ]
    list_filter = ["kind", "theme"]
    search_fields = ["title"]
    search_backend_name = None  # the database's icontains, not the site search's index
    ordering = ["-last_activity_at"]
    inspect_view_fields = [
        "kind",
        "title",
        "page",
        "theme",
        "author",
        "created_at",
        "last_activity_at",
        "reply_count",
        "helpful_count",
        "hidden_at",
    ]


def viewsets():
    return [ThreadViewSet()]
