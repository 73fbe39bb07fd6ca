"""What trainers give back to an activity: "I used it", and a rating. Both feed the badges."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Reuse(models.Model):
    activity = models.ForeignKey(
        "resources.ActivityPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="reuses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("used by"),
        on_delete=models.CASCADE,
        related_name="activity_reuses",
    )
    used_on = models.DateField(_("used on"), default=timezone.localdate)
    context = models.CharField(
        _("context"),
        max_length=200,
        blank=True,
        help_text=_("With which group or session, e.g. “Atelier tableur du 12 mars”."),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reuse")
        verbose_name_plural = _("reuses")
        ordering = ["-used_on", "-created_at"]
        indexes = [models.Index(fields=["activity", "-used_on"])]
        constraints = [
            # Counting the same session twice would inflate "most reused" and the badges.
            models.UniqueConstraint(
                fields=["activity", "user", "used_on"],
                name="one_reuse_per_person_and_day",
                violation_error_message=_(
                    "You have already recorded a use of this activity on that date."
                ),
            )
        ]

    def __str__(self):
        return f"{self.activity} — {self.user} ({self.used_on})"


class Rating(models.Model):
    activity = models.ForeignKey(
        "resources.ActivityPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rated by"),
        on_delete=models.CASCADE,
        related_name="activity_ratings",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("rated at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "user"], name="one_rating_per_person"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.activity} — {self.score}/5"
