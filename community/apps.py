from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import signals  # noqa: F401  (connect the receivers)
        from .caching import connect_page_signals

        connect_page_signals()
        from .badges import receivers  # noqa: F401
        from .wagtail_mail import obey_muted

        obey_muted()
