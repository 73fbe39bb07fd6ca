"""What to offer when a search finds nothing: the most reused activities and the workshops
whose next session comes soonest, instead of an empty page.

Ranking every activity by its reuses takes a quarter of a second at 20,000 activities, so the
choice is kept ten minutes in the cache; what is shown is checked for visibility each time.
"""

from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.utils import timezone

from events.models.sessions import SessionStatus
from search.kinds import KINDS_BY_KEY
from search.results import present

ACTIVITIES, WORKSHOPS = 4, 3
CACHE_KEY = "search:popular"
CACHE_SECONDS = 10 * 60


def popular(request):
    chosen = cache.get(CACHE_KEY)
    if chosen is None:
        chosen = _choose(request.user)
        cache.set(CACHE_KEY, chosen, CACHE_SECONDS)
    shown = []
    for key, pks in chosen.items():
        kind = KINDS_BY_KEY[key]
        visible = set(kind.visible(request.user).filter(pk__in=pks).values_list("pk", flat=True))
        rows = {obj.pk: obj for obj in kind.load([pk for pk in pks if pk in visible])}
        shown += [present(kind, rows[pk], request, "") for pk in pks if pk in rows]
    return shown


def _choose(user):
    """{kind key: [pk, …]} in the order to show them."""
    activities = (
        KINDS_BY_KEY["activity"]
        .visible(user)
        .annotate(reuse_count=Count("reuses"))
        .order_by("-reuse_count", "-first_published_at")
    )
    upcoming = Q(sessions__status=SessionStatus.SCHEDULED, sessions__start__gt=timezone.now())
    workshops = (
        KINDS_BY_KEY["workshop"]
        .visible(user)
        .annotate(next_start=Min("sessions__start", filter=upcoming))
        .filter(next_start__isnull=False)
        .order_by("next_start")
    )
    return {
        "activity": list(activities.values_list("pk", flat=True)[:ACTIVITIES]),
        "workshop": list(workshops.values_list("pk", flat=True)[:WORKSHOPS]),
    }
