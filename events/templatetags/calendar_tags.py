"""The calendar feeds offered on pages: a person's own feed, the public ones."""

from django import template
from django.urls import reverse

from events.models import CalendarToken, EventPage, Series
from events.notifications import absolute

register = template.Library()


@register.inclusion_tag("events/includes/calendar_subscription.html", takes_context=True)
def calendar_subscription(context):
    """``{% calendar_subscription %}``: the signed-in person's feed address, created on first
    display so that nobody has to ask for one."""
    token, _created = CalendarToken.objects.get_or_create(user=context["request"].user)
    return {
        "personal_url": absolute(reverse("events:calendar_personal", args=[token.token])),
        "all_url": absolute(reverse("events:calendar_all")),
    }


@register.simple_tag
def calendar_series_feeds():
    """``{% calendar_series_feeds as feeds %}``: one feed per series with a visible event."""
    series_list = Series.objects.filter(events__in=EventPage.objects.visible()).distinct()
    return [
        {"name": series.name, "url": reverse("events:calendar_series", args=[series.slug])}
        for series in series_list
    ]
