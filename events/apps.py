from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Workshops and events")

    def ready(self):
        # Receivers, and what this app hands to community (profile sections, badge facts).
        from community.caching import invalidate_on

        from . import badge_facts, need_answers, profile_sections, signals  # noqa: F401
        from .models import Registration, Series, Session

        invalidate_on("events", Registration, Session, Series)  # seats left, next sessions
