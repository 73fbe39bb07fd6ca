"""The training team's moderation in the Wagtail admin: menu “Moderation” (with the number of
messages awaiting review), the queue, the hidden messages and each message's screen
(``discussions.admin_views``), plus read-only listings of the discussions."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from discussions import admin_threads, admin_views, services
from discussions.models import Message, Thread

# Before any view asks for them, or Wagtail would build the default policies.
for model in (Message, Thread):
    register_permission_policy(model, admin_views.ModeratorPolicy(model), exact_class=True)


class ModerationMenuItem(MenuItem):
    """Shown to moderators only; its label carries the number of messages awaiting review,
    counted in one query when the menu is drawn."""

    def is_shown(self, request):
        return services.can_moderate(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        count = admin_views.awaiting_review_count()
        if count:
            component.label = _("Moderation (%(count)s)") % {"count": count}
        return component


class ModerationViewSet(admin_threads.ReadOnlyModelViewSet):
    """The queue, the hidden messages and one message's screen: no add, edit or delete view,
    decisions go through the moderation services."""

    model = Message
    name = "discussions_moderation"
    url_prefix = "moderation"
    icon = "warning"
    menu_label = _("Moderation")
    menu_name = "moderation"
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = admin_views.QueueView
    inspect_view_class = admin_views.MessageModerationView
    inspect_view_enabled = True
    list_per_page = 50

    @property
    def menu_item_class(self):
        return ModerationMenuItem

    @property
    def hidden_view(self):
        return self.construct_view(
            admin_views.HiddenView,
            **self.get_index_view_kwargs(
                index_url_name=self.get_url_name("hidden"),
                index_results_url_name=self.get_url_name("hidden_results"),
            ),
        )

    @property
    def hidden_results_view(self):
        return self.construct_view(
            admin_views.HiddenView,
            **self.get_index_view_kwargs(
                index_url_name=self.get_url_name("hidden"),
                index_results_url_name=self.get_url_name("hidden_results"),
            ),
            results_only=True,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("masques/", self.hidden_view, name="hidden"),
            path("masques/results/", self.hidden_results_view, name="hidden_results"),
            path("messages/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="discussions", codename="moderate_message"
        )


@hooks.register("register_admin_viewset")
def register_moderation_viewsets():
    return [ModerationViewSet(), *admin_threads.viewsets()]
