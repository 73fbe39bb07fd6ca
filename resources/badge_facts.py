"""The facts this app hands to the badge rules of ``community``, and when to re-evaluate them.

An activity is one's own when one is among its authors (its credits). Only the activities
anyone may see count (``visible()``: published, not behind a view restriction); reuses and
adaptations by the authors themselves do not.
"""

from django.db.models import Count, F, Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from community.badges import facts
from community.badges.awards import evaluate_after_commit
from resources.models import ActivityPage, Reuse

ACTIVITIES_PUBLISHED = "resources.activities_published"
MAX_REUSES = "resources.max_reuses"
MAX_ADAPTERS = "resources.max_adapters"


def _best(rows):
    """From ``(person, activity id, count)`` rows: ``{person: Measure}`` of their best
    activity, which is also the evidence."""
    best = {}
    for user_id, activity_id, count in rows:
        if count and (user_id not in best or (count, -activity_id) > best[user_id]):
            best[user_id] = (count, -activity_id)
    return {
        user_id: facts.Measure(facts.as_decimal(count), evidence_page_id=-negative_id)
        for user_id, (count, negative_id) in best.items()
    }


@facts.register(ACTIVITIES_PUBLISHED, _("Activities published in the library"))
def activities_published(user_ids):
    author = {"authors__isnull": False}
    if user_ids is not None:
        author = {"authors__in": user_ids}
    rows = (
        ActivityPage.objects.visible()
        .filter(**author)
        .order_by()
        .values("authors")
        .annotate(count=Count("pk", distinct=True))
        .values_list("authors", "count")
    )
    return {user_id: facts.Measure(facts.as_decimal(count)) for user_id, count in rows}


@facts.register(MAX_REUSES, _("Uses recorded by others of their most reused activity"))
def max_reuses(user_ids):
    reuses = Reuse.objects.filter(activity__in=ActivityPage.objects.visible())
    author = {"activity__authors__isnull": False}
    if user_ids is not None:
        author = {"activity__authors__in": user_ids}
    rows = (
        reuses.filter(**author)
        .order_by()
        .values("activity__authors", "activity")
        .annotate(count=Count("pk", filter=~Q(user=F("activity__authors"))))
        .values_list("activity__authors", "activity", "count")
    )
    return _best(rows)


@facts.register(
    MAX_ADAPTERS,
    _("Most distinct other trainers who adapted one of their activities"),
)
def max_adapters(user_ids):
    adaptations = ActivityPage.objects.visible().filter(
        adapted_from__in=ActivityPage.objects.visible()
    )
    author = {"adapted_from__authors__isnull": False}
    if user_ids is not None:
        author = {"adapted_from__authors__in": user_ids}
    rows = (
        adaptations.filter(**author)
        .order_by()
        .values("adapted_from__authors", "adapted_from")
        .annotate(
            count=Count("authors", distinct=True, filter=~Q(authors=F("adapted_from__authors")))
        )
        .values_list("adapted_from__authors", "adapted_from", "count")
    )
    return _best(rows)


# ---------------------------------------------------------------------------------------------
# When the facts change: a use recorded, an activity or an adaptation published.


def _author_ids(activity_ids):
    return ActivityPage.authors.through.objects.filter(
        activitypage_id__in=activity_ids
    ).values_list("user_id", flat=True)


@receiver(post_save, sender=Reuse, dispatch_uid="resources_badges_reuse_recorded")
def reuse_recorded(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        activity_id = instance.activity_id
        evaluate_after_commit(lambda: _author_ids([activity_id]))


@receiver(page_published, sender=ActivityPage, dispatch_uid="resources_badges_published")
def activity_published(sender, instance, **kwargs):
    """Its authors published one more; if it adapts another, that one's authors gained an
    adapter."""
    ids = [instance.pk, instance.adapted_from_id]
    evaluate_after_commit(lambda: _author_ids([pk for pk in ids if pk]))
