from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    """The training team's cockpit: dashboard, yearly report, catalogue import, weekly digest."""

    name = "cockpit"
    verbose_name = _("Cockpit")
    default_auto_field = "django.db.models.BigAutoField"
