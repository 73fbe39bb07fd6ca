"""What to offer when a search finds nothing: the most reused activities and the workshops
whose next session comes soonest, instead of an empty page."""

from django.db.models import Count, Min, Q
from django.utils import timezone

from events.models.sessions import SessionStatus
from search.kinds import KINDS_BY_KEY
from search.results import present

ACTIVITIES, WORKSHOPS = 4, 3


def popular(request):
    activity_kind, workshop_kind = KINDS_BY_KEY["activity"], KINDS_BY_KEY["workshop"]
    activities = list(
        activity_kind.visible(request.user)
        .annotate(reuse_count=Count("reuses"))
        .order_by("-reuse_count", "-first_published_at")
        .values_list("pk", flat=True)[:ACTIVITIES]
    )
    upcoming = Q(sessions__status=SessionStatus.SCHEDULED, sessions__start__gt=timezone.now())
    next_start = Min("sessions__start", filter=upcoming)
    workshops = list(
        workshop_kind.visible(request.user)
        .annotate(next_start=next_start)
        .filter(next_start__isnull=False)
        .order_by("next_start")
        .values_list("pk", flat=True)[:WORKSHOPS]
    )
    return [
        present(kind, obj, request, "")
        for kind, pks in ((activity_kind, activities), (workshop_kind, workshops))
        for obj in sorted(kind.load(pks), key=lambda obj: pks.index(obj.pk))
    ]
