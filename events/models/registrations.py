"""A person's place in a session: confirmed, on the waiting list, or cancelled.

Every change goes through ``events.services``, which holds the rules under a row lock.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _


def new_token():
    """Unguessable: it lets whoever holds the e-mail cancel the registration."""
    return secrets.token_urlsafe(32)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Attendance(models.TextChoices):
    UNKNOWN = "", _("not recorded")
    PRESENT = "present", _("present")
    ABSENT = "absent", _("absent")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def waitlist(self):
        """The waiting list of a session, first come first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("queued_at", "pk")

    def with_waitlist_position(self):
        """1 for the first person waiting, and so on; None for anyone not waiting."""
        ahead = (
            Registration.objects.filter(
                session=OuterRef("session"), status=RegistrationStatus.WAITLISTED
            )
            .filter(
                Q(queued_at__lt=OuterRef("queued_at"))
                | Q(queued_at=OuterRef("queued_at"), pk__lte=OuterRef("pk"))
            )
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            waitlist_position=models.Case(
                models.When(status=RegistrationStatus.WAITLISTED, then=Subquery(ahead)),
                default=None,
            )
        )


class Registration(models.Model):
    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    # When the person took their place in the queue: registering again after cancelling
    # starts a new turn.
    queued_at = models.DateTimeField(_("registered at"))
    promoted_at = models.DateTimeField(_("promoted from the waiting list at"), null=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, blank=True, default=""
    )
    # Reminders and the seat confirmation step: each is sent once, whatever how often the
    # command runs, because it is recorded here in the same transaction as it is queued.
    reminder_2d_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_2h_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    seat_confirmation_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    seat_confirmed_at = models.DateTimeField(_("seat confirmed at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="events_one_registration_per_person"
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} — {self.session}"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_cancelled(self):
        return self.status == RegistrationStatus.CANCELLED
