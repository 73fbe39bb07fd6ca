"""The secret address of a person's own calendar feed (“my sessions”)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """Calendar programs cannot sign in: the feed's address is its key. Renewing it cuts off
    every copy of the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self):
        return str(self.user)

    def renew(self):
        self.token = new_calendar_token()
        self.save(update_fields=["token"])
