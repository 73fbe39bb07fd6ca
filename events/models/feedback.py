"""Feedback after a session, and the follow-up six weeks later: how impact is measured.

Answers are anonymous by construction: an answer records its session, never its author. The
invitation (one per attendee) only knows whether it was used, so reminders go to those who
have not answered, and a token works once.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_feedback_token():
    return secrets.token_urlsafe(32)


class UsefulSkills(models.TextChoices):
    YES = "yes", _("yes")
    RATHER_YES = "rather_yes", _("rather yes")
    RATHER_NO = "rather_no", _("rather no")
    NO = "no", _("no")


class Applied(models.TextChoices):
    YES = "yes", _("yes")
    PARTLY = "partly", _("partly")
    NOT_YET = "not_yet", _("not yet")
    NO = "no", _("no")


class FeedbackInvitation(models.Model):
    """One attendee's two links: the questionnaire after the session, the follow-up later."""

    registration = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="feedback_invitation"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feedback_token)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    answered = models.BooleanField(default=False)
    followup_token = models.CharField(max_length=64, unique=True, default=new_feedback_token)
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    followup_answered = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("feedback invitation")
        verbose_name_plural = _("feedback invitations")

    def __str__(self):
        return str(self.registration)


class FeedbackAnswer(models.Model):
    """An anonymous answer to the questionnaire after a session (no link to its author)."""

    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="feedback_answers",
    )
    rating = models.PositiveSmallIntegerField(
        _("overall rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    useful_skills = models.CharField(
        _("I gained skills useful for my work"), max_length=12, choices=UsefulSkills.choices
    )
    will_apply = models.TextField(_("what I will apply"), max_length=1000, blank=True)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    # The day only: a time would let someone match an answer to the one who just left.
    answered_on = models.DateField(_("answered on"))

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        ordering = ["-answered_on"]

    def __str__(self):
        return f"{self.session} — {self.rating}/5"


class FollowUpAnswer(models.Model):
    """Six weeks later: have they put it into practice? Anonymous too."""

    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="followup_answers",
    )
    applied = models.CharField(
        _("I have put it into practice"), max_length=10, choices=Applied.choices
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    answered_on = models.DateField(_("answered on"))

    class Meta:
        verbose_name = _("follow-up answer")
        verbose_name_plural = _("follow-up answers")
        ordering = ["-answered_on"]

    def __str__(self):
        return f"{self.session} — {self.get_applied_display()}"


class SeriesSubscription(models.Model):
    """An agent follows a series and is told when a new session opens for registration."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="series_subscriptions"
    )
    series = models.ForeignKey(
        "events.Series", on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("series subscription")
        verbose_name_plural = _("series subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["user", "series"], name="events_follow_series_once")
        ]

    def __str__(self):
        return f"{self.user} → {self.series}"
