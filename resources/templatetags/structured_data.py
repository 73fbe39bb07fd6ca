"""schema.org structured data (JSON-LD) of the library's pages."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from resources.licences import LICENCE_URLS

register = template.Library()

# What Django's json_script escapes: in a <script> element, "</script>" or "<!--" in a value
# must not close it or open a comment. The JSON stays valid (\u003C is "<" in a JSON string).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def iso_duration(minutes):
    """45 → PT45M, 90 → PT1H30M, 120 → PT2H (ISO 8601)."""
    hours, rest = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def jsonld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped just above)
    )


def activity_structured_data(activity, request=None):
    """The LearningResource an activity is, as a dict ready for json.dumps."""

    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": activity.title,
        "description": activity.summary,
        "url": activity.get_full_url(request),
        "inLanguage": settings.LANGUAGE_CODE,
        "timeRequired": iso_duration(activity.duration_max),
        "educationalLevel": capfirst(str(activity.get_level_display())),
        "learningResourceType": capfirst(str(activity.get_kind_display())),
    }
    licence_url = LICENCE_URLS.get(activity.licence)
    if licence_url:
        data["license"] = licence_url
    authors = [
        {"@type": "Person", "name": name}
        for name in (author.get_full_name() for author in activity.authors.all())
        if name
    ]
    if authors:
        data["author"] = authors
    if activity.adapted_from_id:
        # Only a published original is named and linked; the attribution text is the credit
        # written when the adaptation was made, and survives the original.
        original = activity.visible_original()
        if original is not None:
            data["isBasedOn"] = {
                "@type": "LearningResource",
                "name": original.title,
                "url": original.get_full_url(request),
            }
    if activity.source_attribution:
        data["creditText"] = activity.source_attribution
    modified = activity.last_published_at or activity.latest_revision_created_at
    if modified:
        data["dateModified"] = modified.isoformat()
    return data


@register.simple_tag(takes_context=True)
def activity_jsonld(context, activity):
    """``{% activity_jsonld page %}``: a <script type="application/ld+json"> element."""
    return jsonld_script(activity_structured_data(activity, context.get("request")))
