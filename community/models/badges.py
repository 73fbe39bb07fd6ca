"""Badges that recognise facilitation, authorship and reuse, verifiable as Open Badges 2.0.

A badge's rule is data the training team tunes in the admin (which fact, which threshold); the
facts themselves are handed over by the other apps (see ``community.badges.facts``). An award is
unique per person and badge: re-running the rules never awards twice, and a revoked award is
not handed out again by a rule.
"""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class BadgeKind(models.TextChoices):
    FACILITATION = "facilitation", _("Facilitation")
    AUTHORSHIP = "authorship", _("Authorship")
    REUSE = "reuse", _("Reuse")
    LEARNING = "learning", _("Learning")
    COMMUNITY = "community", _("Community")


class BadgeQuerySet(models.QuerySet):
    def automatic(self):
        """Badges a rule awards: active, with a fact and a threshold."""
        return self.filter(active=True).exclude(rule="").exclude(threshold__isnull=True)


class Badge(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), max_length=1000)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A square PNG; it is baked into each award's downloadable image."),
    )
    criteria = models.TextField(
        _("criteria"),
        max_length=2000,
        help_text=_("What a person did to earn it, in plain words (published with the badge)."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BadgeKind.choices)
    rule = models.CharField(
        _("automatic rule"),
        max_length=60,
        blank=True,
        help_text=_("The fact that awards this badge; leave empty for manual awards only."),
    )
    threshold = models.DecimalField(
        _("threshold"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Awarded when the fact reaches this value."),
    )
    minimum_sample = models.PositiveIntegerField(
        _("minimum number of sessions"),
        null=True,
        blank=True,
        help_text=_("For averages only: how many sessions the average must cover."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("An inactive badge is no longer awarded.")
    )

    objects = BadgeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("criteria"),
        MultiFieldPanel(
            [
                FieldPanel("rule"),
                FieldPanel("threshold"),
                FieldPanel("minimum_sample"),
                FieldPanel("active"),
            ],
            heading=_("Rule"),
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


def new_salt():
    return secrets.token_hex(16)


def hashed_identity(email, salt):
    """``sha256$`` and the hex digest of the address and the salt, as Open Badges 2.0 says."""
    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


class BadgeAwardQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class BadgeAward(models.Model):
    uid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    badge = models.ForeignKey(
        Badge, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="awards"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="badge_awards",
    )
    awarded_at = models.DateTimeField(_("awarded on"))
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("awarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when a rule awarded it."),
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    salt = models.CharField(max_length=32, default=new_salt, editable=False)
    recipient_identity = models.CharField(
        _("recipient identity (hashed)"),
        max_length=80,
        blank=True,
        editable=False,
        help_text=_("Fixed when awarded, so the badge still verifies if the account changes."),
    )
    notified_at = models.DateTimeField(_("recipient told on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(_("revocation reason"), max_length=1000, blank=True)

    objects = BadgeAwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("badge award")
        verbose_name_plural = _("badge awards")
        ordering = ["-awarded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["badge", "recipient"], name="community_one_award_per_badge"
            )
        ]

    def __str__(self):
        return f"{self.badge} — {self.recipient}"

    def save(self, *args, **kwargs):
        if not self.recipient_identity:
            self.recipient_identity = hashed_identity(self.recipient.email, self.salt)
        super().save(*args, **kwargs)

    @property
    def by_rule(self):
        return self.awarded_by_id is None

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def assertion_url(self):
        """The hosted Open Badges 2.0 assertion: what a backpack or a CV links to."""
        from community.mail import absolute

        return absolute(reverse("badge_assertion", args=[self.uid]))

    @property
    def image_url(self):
        """The badge image with this assertion baked in, to download."""
        from community.mail import absolute

        return absolute(reverse("badge_award_image", args=[self.uid]))
