from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        # Listings show question and comment counts: a thread or message saved or deleted
        # makes the cached fragments naming the "discussions" area stale.
        from community.caching import invalidate_on

        from .models import Message, Thread

        invalidate_on("discussions", Thread, Message)
