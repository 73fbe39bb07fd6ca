"""Whether the visitor follows a series, for the “Follow this series” button."""

from django import template

from events import services

register = template.Library()


@register.simple_tag(takes_context=True)
def follows_series(context, series):
    """``{% follows_series page.series as following %}``: one query, signed-in visitors only."""
    return services.follows_series(context["request"].user, series)
