"""What the search remembers: queries that found nothing, training needs in disguise."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.french import fold


class UnansweredQueryQuerySet(models.QuerySet):
    def record(self, query_string):
        """Count one more search for a query that found nothing (normalised: "Évaluation " and
        "evaluation" are one line)."""
        normalised = " ".join(fold(query_string).split())[:255]
        if not normalised:
            return
        updated = self.filter(query_string=normalised).update(
            hits=F("hits") + 1, last_searched_at=timezone.now()
        )
        if not updated:
            # A concurrent first search of the same words makes this a second hit, not an error.
            obj, created = self.get_or_create(query_string=normalised)
            if not created:
                self.filter(pk=obj.pk).update(hits=F("hits") + 1, last_searched_at=timezone.now())


class UnansweredQuery(models.Model):
    query_string = models.CharField(_("query"), max_length=255, unique=True)
    hits = models.PositiveIntegerField(_("searches"), default=1)
    first_searched_at = models.DateTimeField(_("first searched on"), default=timezone.now)
    last_searched_at = models.DateTimeField(_("last searched on"), default=timezone.now)
    need = models.ForeignKey(
        "community.TrainingNeed",
        verbose_name=_("training need"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unanswered_queries",
    )
    turned_into_need_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("turned into a need by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = UnansweredQueryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        ordering = ["-hits", "-last_searched_at"]

    def __str__(self):
        return self.query_string
