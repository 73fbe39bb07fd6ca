"""What a profile page shows beyond the profile itself, and how the directory ranks people.

``community`` imports none of our other apps: the library and the events hand over their part
of a person's page (publications, sessions…) by registering a section here in their
``AppConfig.ready()``, and their share of the directory's activity score as a SQL expression,
so that sorting and pagination stay one query whatever the number of people.
"""

from dataclasses import dataclass

from django.db.models import IntegerField, Value
from django.db.models.functions import Coalesce


@dataclass(frozen=True)
class Section:
    key: str
    template_name: str
    context_function: object  # (profile_user, viewer, is_self_or_team) -> dict | None
    order: int = 100


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template_name: str
    data: dict


_sections = {}
_activity_scores = {}


def register(key, template_name, context_function, order=100):
    """Add a section to every profile page. ``context_function(profile_user, viewer,
    is_self_or_team)`` returns the dict its template reads as ``data``, or None to show
    nothing. It must run a fixed number of queries, whatever the person did. Registering a
    key again replaces it (modules may be imported twice in tests)."""
    _sections[key] = Section(key, template_name, context_function, order)


def sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def sections_for(profile_user, viewer, is_self_or_team):
    """The sections to show on ``profile_user``'s page to ``viewer``, in order."""
    rendered = []
    for section in sections():
        data = section.context_function(profile_user, viewer, is_self_or_team)
        if data is not None:
            rendered.append(RenderedSection(section.key, section.template_name, data))
    return rendered


def register_activity_score(key, expression_function):
    """Add to the directory's activity score. ``expression_function()`` returns an integer
    SQL expression evaluated on a Profile row (refer to the person with ``OuterRef("user")``),
    typically a counting ``Subquery``; None counts as 0."""
    _activity_scores[key] = expression_function


def activity_score():
    """The sum of every registered share, as one SQL expression (0 when nothing registered)."""
    score = Value(0, output_field=IntegerField())
    for key in sorted(_activity_scores):
        score = score + Coalesce(_activity_scores[key](), Value(0), output_field=IntegerField())
    return score


# ---------------------------------------------------------------------------------------------
# The badges section belongs to community itself.


def badges_context(profile_user, viewer, is_self_or_team):
    """The person's valid awards, badge image renditions prefetched: two or three queries
    however many badges."""
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    awards = list(
        profile_user.badge_awards.valid()
        .select_related("badge")
        .prefetch_related(
            Prefetch(
                "badge__image",
                queryset=get_image_model().objects.prefetch_renditions(BADGE_IMAGE_SPEC),
            )
        )
        .order_by("-awarded_at")
    )
    return {"awards": awards}


BADGE_IMAGE_SPEC = "fill-96x96"

register("badges", "community/includes/profile_badges.html", badges_context, order=10)
