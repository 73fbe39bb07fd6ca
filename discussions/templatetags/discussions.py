"""Discussions in other apps' templates: the questions and comments block of a content page,
and the counts on listing cards. Both in a fixed number of queries."""

from django import template

from discussions import display
from discussions.forms import ThreadForm

register = template.Library()


@register.inclusion_tag("discussions/includes/page_discussion.html", takes_context=True)
def discussion_for(context, page):
    """``{% discussion_for page %}``: the page's questions and comments, and the form to add
    one (or the invitation to sign in)."""
    request = context["request"]
    reader, threads = display.prepare_threads(display.threads_of_page(page), request)
    return {
        "request": request,
        "page": page,
        "threads": threads,
        "reader": reader,
        "thread_form": ThreadForm(auto_id="id_discussion_%s"),
    }


@register.simple_tag
def discussion_counts(pages):
    """``{% discussion_counts pages as counts %}``: questions and comments per page, one query
    for the whole list (read each card's with ``counts|for_page:page``)."""
    return display.discussion_counts(pages)


@register.filter
def for_page(counts, page):
    return counts.get(page.pk) if counts else None
