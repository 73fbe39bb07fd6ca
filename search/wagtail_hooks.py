"""The training team's admin menu “Search”: the searches that found nothing (each can become a
need on the board), the most frequent searches (Wagtail's report, opened to the team) and the
promoted results (Wagtail's search promotions, moved here from Settings). The team's group
holds the permissions (migration 0003); agents and trainers see none of it."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn, NumberColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.search_promotions.wagtail_hooks import SearchPicksMenuItem

from search import admin_views
from search.models import UnansweredQuery

SUBMENU_HOOK = "register_atelier_search_menu_item"


class UnansweredQueryViewSet(ModelViewSet):
    """Searches come from the site: the team reads them, turns one into a need, links one to a
    need already posted (edit) or deletes a meaningless one; nobody adds any by hand."""

    model = UnansweredQuery
    name = "atelier_unanswered_queries"
    url_prefix = "search-analytics/unanswered"
    icon = "warning"
    menu_label = _("Searches without result")
    index_view_class = admin_views.UnansweredQueryIndexView
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "query_string",
        NumberColumn("hits", label=_("Searches"), sort_key="hits"),
        DateColumn("last_searched_at", label=_("Last searched"), sort_key="last_searched_at"),
    ]
    filterset_class = admin_views.UnansweredQueryFilterSet
    search_fields = ["query_string"]
    search_backend_name = None  # not indexed: the database searches
    ordering = ["-hits", "-last_searched_at"]
    list_export = ["query_string", "hits", "first_searched_at", "last_searched_at", "need"]
    export_headings = {"query_string": _("Searched words"), "need": _("Need")}
    export_filename = "recherches-sans-resultat"
    form_fields = ["need"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/turn-into-need/",
                admin_views.TurnIntoNeedView.as_view(),
                name="turn_into_need",
            ),
        ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().exclude(codename="add_unansweredquery")


class SearchViewSetGroup(ViewSetGroup):
    items = (UnansweredQueryViewSet,)
    menu_icon = "search"
    menu_label = _("Site search")
    menu_name = "site-search"
    menu_order = 320
    submenu_hook = SUBMENU_HOOK


@hooks.register("register_admin_viewset")
def register_search_viewsets():
    return SearchViewSetGroup()


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.SEARCH_TERMS_PERMISSION)


@hooks.register(SUBMENU_HOOK)
def search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Most frequent searches"),
        reverse(admin_views.SEARCH_TERMS_URL),
        name="search-terms",
        icon_name="list-ol",
        order=10,
    )


@hooks.register(SUBMENU_HOOK)
def promoted_results_menu_item():
    return SearchPicksMenuItem(
        _("Promoted search results"),
        reverse("wagtailsearchpromotions:index"),
        name="promoted-search-results",
        icon_name="pick",
        order=20,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms(request, menu_items):
    """The report is in the “Search” menu, for the team too: one place, not two."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("construct_settings_menu")
def hide_wagtail_promoted_results(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "promoted-search-results"]


@hooks.register("register_admin_urls")
def search_terms_urls():
    return [
        path(
            "search-analytics/terms/",
            admin_views.TeamSearchTermsReportView.as_view(),
            name=admin_views.SEARCH_TERMS_URL,
        ),
        path(
            "search-analytics/terms/results/",
            admin_views.TeamSearchTermsReportView.as_view(results_only=True),
            name=admin_views.SEARCH_TERMS_RESULTS_URL,
        ),
    ]


@hooks.register("register_permissions")
def search_terms_permission():
    """So that the group editor shows (and keeps) who may read the most frequent searches."""
    app_label, codename = admin_views.SEARCH_TERMS_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
