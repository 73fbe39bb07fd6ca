from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Library")

    def ready(self):
        # Receivers, and what this app hands to community (profile sections, badge facts).
        from community.caching import invalidate_on

        from . import badge_facts, profile_sections, signals  # noqa: F401
        from .models import Rating, Reuse, Theme

        invalidate_on("library", Reuse, Rating, Theme)  # the library's counters and facets
