from django import template

from events.structured_data import event_structured_data
from resources.templatetags.structured_data import jsonld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def event_jsonld(context, event, sessions):
    """``{% event_jsonld page upcoming_sessions %}``: one schema.org Event per session."""
    if not sessions:
        return ""
    return jsonld_script(event_structured_data(event, sessions, context.get("request")))
