"""Admin screens of the library, grouped in one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet,)
    menu_icon = "folder-open-inverse"
    menu_label = _("Library")
    menu_name = "library"


register_snippet(LibraryViewSetGroup)
