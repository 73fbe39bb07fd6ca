"""Site-wide navigation: the main menu and the footer's mandatory accessibility mention."""

from django import template
from wagtail.models import Site

from community.models import AccessibilityStatementPage

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        items = site.root_page.get_children().live().public().in_menu().only("title", "url_path")
    current = context.get("page")
    return {
        "request": request,
        "menu_items": [
            {
                "title": item.title,
                "url": item.get_url(request=request),
                "is_current": current is not None and current.url_path.startswith(item.url_path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("includes/accessibility_mention.html", takes_context=True)
def accessibility_mention(context):
    """RGAA: every page states the site's compliance and links to the statement."""
    statement = AccessibilityStatementPage.objects.live().first()
    return {"request": context.get("request"), "statement": statement}
