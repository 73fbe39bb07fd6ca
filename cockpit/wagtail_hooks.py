"""The admin menu “Pilotage”: the training team's dashboard, yearly report and catalogue import.

Each screen's module declares its own ``urlpatterns`` and ``menu_items`` (MenuItem objects that
hide themselves from whoever lacks the permission); this file only gathers them, so the submenu
disappears for anyone who sees none of its items.
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from cockpit import dashboard_views, import_views, report_views

SCREENS = (dashboard_views, report_views, import_views)


@hooks.register("register_admin_urls")
def cockpit_urls():
    patterns = [pattern for screen in SCREENS for pattern in screen.urlpatterns]
    return [path("pilotage/", include(patterns))]


def _items():
    return [item for screen in SCREENS for item in screen.menu_items]


@hooks.register("register_admin_menu_item")
def cockpit_menu():
    return SubmenuMenuItem(
        _("Cockpit"), Menu(items=_items()), name="pilotage", icon_name="history", order=250
    )
