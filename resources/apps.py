from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Library")

    def ready(self):
        # Receivers, and what this app hands to community (profile sections, badge facts).
        from . import badge_facts, profile_sections, signals  # noqa: F401
