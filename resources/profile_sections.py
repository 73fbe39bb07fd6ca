"""What this app shows on a person's profile page (registered with ``community``): the
activities they published, and what colleagues made of them (adaptations and reuses)."""

from django.db.models import F, Func, OuterRef, Subquery

from community.profile_sections import register, register_activity_score
from resources import privacy  # noqa: F401  (registers this app's part of the data export)
from resources.models import ActivityPage, Reuse
from resources.models.activities import newest_first

LATEST = 10  # reuses and adaptations listed; the counts cover them all


def count(queryset):
    """``SELECT COUNT(*)`` of ``queryset`` as a scalar subquery (no GROUP BY needed)."""
    return Subquery(queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1])


def published_by(user):
    return ActivityPage.objects.visible().filter(authors=user)


def library_context(profile_user, viewer, is_self_or_team):
    """Five queries, whatever the number of activities, adaptations and reuses."""
    published = published_by(profile_user)
    activities = list(published.order_by(*newest_first()))
    mine = published.values("pk")
    adaptations = (
        ActivityPage.objects.visible()
        .filter(adapted_from__in=mine)
        .exclude(authors=profile_user)
        .select_related("adapted_from")
        .order_by(*newest_first())
    )
    reuses = Reuse.objects.filter(activity__in=mine).exclude(user=profile_user)
    return {
        "activities": activities,
        "adaptation_count": adaptations.count(),
        "adaptations": list(adaptations[:LATEST]),
        "reuse_count": reuses.count(),
        "reuses": list(
            reuses.select_related("activity", "user__profile").order_by("-used_on")[:LATEST]
        ),
    }


def publication_score():
    """The directory's activity score: one point per published activity."""
    return count(ActivityPage.objects.visible().filter(authors=OuterRef("user")))


register("library", "community/includes/profile_library.html", library_context, order=20)
register_activity_score("library_publications", publication_score)
