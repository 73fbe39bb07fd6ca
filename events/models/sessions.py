"""A session: one dated run of a workshop or an exchange event."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

MAX_CAPACITY = 500
LOCAL_DATETIME_FORMAT = "l j F Y, H\\hi"  # « jeudi 14 janvier 2027, 18h00 »


def local_label(moment):
    """A moment as the site writes it, in its local time (Europe/Paris)."""
    return date_format(timezone.localtime(moment), LOCAL_DATETIME_FORMAT) if moment else ""


# What a calendar shows: a change to one of these bumps the session's SEQUENCE, so that
# subscribed calendars update the event instead of adding a second one (RFC 5545, 3.8.7.4).
CALENDAR_FIELDS = ("start", "end", "place", "online_url", "status")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    DONE = "done", _("done")


def _count_registrations(status):
    from events.models.registrations import Registration

    return Coalesce(
        Subquery(
            Registration.objects.filter(session=OuterRef("pk"), status=status)
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


class SessionQuerySet(models.QuerySet):
    def upcoming(self):
        """Sessions still to start, cancelled ones included (a cancellation is news too)."""
        return self.filter(start__gt=timezone.now())

    def past(self):
        return self.filter(start__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=SessionStatus.SCHEDULED)

    def open_for_registration(self, now):
        """Scheduled sessions still to start that take registrations at ``now``: opened, not
        past their deadline. What is news to followers and to the voters of a need."""
        return (
            self.scheduled()
            .filter(start__gt=now)
            .filter(Q(registration_opens__isnull=True) | Q(registration_opens__lte=now))
            .exclude(registration_deadline__lte=now)
        )

    def visible(self):
        """Sessions of events anyone may see (published, not behind a view restriction)."""
        from events.models.pages import EventPage

        return self.filter(event__in=EventPage.objects.visible())

    def facilitated_by(self, user):
        """Sessions ``user`` runs: named on the session, or, when the session names nobody,
        on its workshop or event page. The one rule for roll calls, hours and results."""
        return self.filter(
            Q(facilitators=user) | Q(facilitators__isnull=True, event__facilitators=user)
        ).distinct()

    def with_counts(self):
        """Confirmed and waitlisted counts, one subquery each (no row multiplication)."""
        from events.models.registrations import RegistrationStatus

        return self.annotate(
            confirmed_count=_count_registrations(RegistrationStatus.CONFIRMED),
            waitlist_count=_count_registrations(RegistrationStatus.WAITLISTED),
        )


class Session(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("workshop or event"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(
        _("place"), max_length=250, blank=True, help_text=_("Room and address.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Video-conference link, shown only to people registered."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open now.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, help_text=_("Empty: until the start.")
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_sessions",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    # The roll call: once closed, attendance is final and no-shows are marked.
    roll_call_closed_at = models.DateTimeField(_("roll call closed at"), null=True, blank=True)
    roll_call_closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("roll call closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # When the followers of the series were told that registration is open (once only).
    opening_announced_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Calendar identity: the UID never changes; SEQUENCE grows with each change people see.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start"]
        indexes = [models.Index(fields=["event", "start"]), models.Index(fields=["start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="events_session_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.event.title} — {self.start_label}"

    def save(self, *args, **kwargs):
        moved = False
        if self.pk:
            before = type(self).objects.filter(pk=self.pk).values(*CALENDAR_FIELDS).first() or {}
            if any(before.get(name) != getattr(self, name) for name in before):
                self.sequence += 1
            moved = bool(before) and before["start"] != self.start
        super().save(*args, **kwargs)
        if moved:
            self._restart_reminders()

    def _restart_reminders(self):
        """A moved session gets its reminders and seat confirmation again, for the new date."""
        self.registrations.update(
            reminder_2d_sent_at=None,
            reminder_2h_sent_at=None,
            seat_confirmation_requested_at=None,
            seat_confirmed_at=None,
        )

    @property
    def start_label(self):
        return local_label(self.start)

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def closes_at(self):
        """Registration closes at the deadline, and never after the start."""
        if self.registration_deadline:
            return min(self.registration_deadline, self.start)
        return self.start

    @property
    def seats_left(self):
        """Needs ``with_counts()``; the series' over-booking included, never negative even
        if the capacity was lowered."""
        from events.services.overbooking import seats_left

        return seats_left(self)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "The registration deadline cannot be after the start."
            )
        closes = self.registration_deadline or self.start
        if self.registration_opens and closes and self.registration_opens >= closes:
            errors["registration_opens"] = _(
                "Registration must open before its deadline and before the start."
            )
        if errors:
            raise ValidationError(errors)
