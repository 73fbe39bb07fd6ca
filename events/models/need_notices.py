"""Who has been told that a session answering their training need opened for registration.

One row per session and person, whatever the number of needs they voted for: the announcement
command can run every few minutes and never sends the same news twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NeedSessionNotice(models.Model):
    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="need_notices",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person told"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent on"), auto_now_add=True)

    class Meta:
        verbose_name = _("need notice")
        verbose_name_plural = _("need notices")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="events_one_need_notice_per_session"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.session}"
