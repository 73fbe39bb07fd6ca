"""Admin screen of profiles, for the training team (its group holds ``view_profile``,
migration 0005): a read-only list with search and filters, and each profile's details.

Read only, even for a superuser: a profile is what its owner chose to say, edited by them at
``/mon-profil/`` and nowhere else.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from community import profile_photos
from community.models import Profile


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Only “view” can be granted: nobody adds, edits or deletes a profile in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission(["view"]).none()
        return super().users_with_any_permission(["view"])


register_permission_policy(Profile, ViewOnlyPolicy(Profile), exact_class=True)


class ProfileIndexView(generic.IndexView):
    """Deleted (anonymised) accounts are left out; the account comes in the same query."""

    def get_base_queryset(self):
        return (
            super().get_base_queryset().filter(user__deleted_at__isnull=True).select_related("user")
        )


class ProfileViewSet(ModelViewSet):
    model = Profile
    name = "community_profiles"
    url_prefix = "community/profiles"
    icon = "user"
    menu_label = _("Profiles")
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None  # the database's icontains over the fields below
    search_fields = [
        "display_name",
        "bio",
        "user__first_name",
        "user__last_name",
        "user__service",
        "user__job_title",
    ]
    list_filter = ["visibility", "available_to_facilitate"]
    list_display = [
        Column("name", label=_("Name"), sort_key="user__last_name"),
        Column("user.service", label=_("Service or directorate"), sort_key="user__service"),
        Column("user.job_title", label=_("Job title")),
        Column("get_visibility_display", label=_("Visibility"), sort_key="visibility"),
        BooleanColumn("available_to_facilitate", label=_("Available to facilitate")),
        Column("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    inspect_view_fields = [
        "display_name",
        "bio",
        "skills",
        "themes",
        "contact_preference",
        "visibility",
        "available_to_facilitate",
        "updated_at",
    ]
    list_per_page = 50
    ordering = ["user__last_name", "user__first_name"]
    form_fields = ["display_name"]  # required by ModelViewSet; the policy refuses every change

    index_view_class = ProfileIndexView


@hooks.register("register_admin_viewset")
def register_profile_viewset():
    return ProfileViewSet()


# Profile photos are in a collection of their own: nobody but the team picks them for a page.
hooks.register("construct_image_chooser_queryset", profile_photos.hide_from_chooser)
