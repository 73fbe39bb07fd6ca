"""What the library holds about a person, for their data download (``community.privacy``).

Nothing to erase on deletion: activities, reuses and ratings stay, attributed to the
anonymised account (“Ancien agent”)."""

from community.privacy import iso, register_export
from resources.models import ActivityPage


def export(user):
    return {
        "activities_authored": [
            {
                "title": page.title,
                "url": page.url_path,
                "live": page.live,
                "first_published_at": iso(page.first_published_at),
            }
            for page in ActivityPage.objects.filter(authors=user).order_by("pk")
        ],
        "reuses": [
            {
                "activity": reuse.activity.title,
                "used_on": iso(reuse.used_on),
                "context": reuse.context,
                "recorded_at": iso(reuse.created_at),
            }
            for reuse in user.activity_reuses.select_related("activity").order_by("created_at")
        ],
        "ratings": [
            {
                "activity": rating.activity.title,
                "score": rating.score,
                "comment": rating.comment,
                "rated_at": iso(rating.created_at),
                "updated_at": iso(rating.updated_at),
            }
            for rating in user.activity_ratings.select_related("activity").order_by("created_at")
        ],
    }


register_export("library", export)
