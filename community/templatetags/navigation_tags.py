"""Site-wide navigation: the main menu and the footer's mandatory accessibility mention."""

from django import template
from wagtail.models import Site

from community import caching
from community.models import AccessibilityStatementPage

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        # The same for everyone on the site: cached until a page changes.
        items = caching.get_or_set(
            caching.PAGES, ("main-menu", site.pk), lambda: _menu_items(site, request)
        )
    current = context.get("page")
    return {
        "request": request,
        "menu_items": [
            {
                **item,
                "is_current": current is not None and current.url_path.startswith(item["url_path"]),
            }
            for item in items
        ],
    }


def _menu_items(site, request):
    children = site.root_page.get_children().live().public().in_menu()
    return [
        {"title": item.title, "url": item.get_url(request=request), "url_path": item.url_path}
        for item in children.only("title", "url_path")
    ]


@register.inclusion_tag("includes/accessibility_mention.html", takes_context=True)
def accessibility_mention(context):
    """RGAA: every page states the site's compliance and links to the statement."""
    request = context.get("request")
    statement = caching.get_or_set(
        caching.PAGES, ("accessibility-mention",), lambda: _statement(request)
    )
    return {"request": request, "statement": statement}


def _statement(request):
    """The published statement's link and status, or None."""
    statement = AccessibilityStatementPage.objects.live().first()
    if statement is None:
        return None
    return {"url": statement.get_url(request), "status": statement.get_compliance_status_display()}
