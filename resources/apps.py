from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Library")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
