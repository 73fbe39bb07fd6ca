"""Suggestions while typing in the header search box: titles of activities, workshops and
peer-exchange events, and the names of the colleagues the visitor may see.

The search backend finds the matches (its autocomplete index, whatever the backend); the
visibility rules stay in SQL (``visible()``, ``visible_to()``), applied to what it found, because
the backends cannot translate those rules into their own filters. A fixed number of queries
answers, however many suggestions there are.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from community.models import Profile
from community.models.querysets import VisiblePageQuerySet
from community.profiles import directory_page
from events.models import ExchangeEventPage, WorkshopPage
from resources.models import ActivityPage
from search.french import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, STOP_WORDS, WORD_RE, fold

MIN_LETTERS = 3
MAX_SUGGESTIONS = 8
# People keep up to this many places when pages alone would fill the list.
PEOPLE_SHARE = 3
# Matches read before the visibility rules, so that hidden ones do not crowd out visible ones.
CANDIDATES = 40

PAGE_TYPES = {
    ActivityPage: ("activity", _("Activity")),
    WorkshopPage: ("workshop", _("Workshop")),
    ExchangeEventPage: ("event", _("Peer exchange")),
}
PERSON = ("person", _("Colleague"))


def typed_words(query):
    """The words of what was typed, operators and quotes dropped, accents kept.

    Accents are kept as typed: SQLite and PostgreSQL (its `atelier_simple` configuration) fold
    them on both sides. Stop words go, except the last word, which may be
    the beginning of a longer one ("la" for "laïcité").
    """
    found = WORD_RE.findall((query or "")[:MAX_QUERY_LENGTH].casefold())
    kept = [word for word in found[:-1] if fold(word) not in STOP_WORDS] + found[-1:]
    return kept[-MAX_QUERY_WORDS:]


def matching_pages(terms, request):
    """Visible activities, workshops and events whose title starts words with ``terms``."""
    backend = get_search_backend()
    candidates = Page.objects.live().type(*PAGE_TYPES)
    found = list(backend.autocomplete(terms, candidates, operator="and")[:CANDIDATES])
    visible = set(
        VisiblePageQuerySet(Page)
        .visible()
        .filter(pk__in=[page.pk for page in found])
        .values_list("pk", flat=True)
    )
    suggestions = []
    for page in found:
        page_type = _page_type(page)
        url = page.get_url(request)
        if page.pk in visible and page_type and url:
            suggestions.append(_suggestion(page_type, page.title, url))
    return suggestions


def _page_type(page):
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()  # cached
    for page_model, page_type in PAGE_TYPES.items():
        if model is not None and issubclass(model, page_model):
            return page_type
    return None


def matching_people(terms, request):
    """Colleagues the visitor may see whose name starts words with ``terms``; none for an
    anonymous visitor or without a trainer directory to link to."""
    if not request.user.is_authenticated:
        return []
    directory = directory_page()
    if directory is None:
        return []
    backend = get_search_backend()
    found = [
        profile.pk
        for profile in backend.autocomplete(terms, Profile.objects.all(), operator="and")[
            :CANDIDATES
        ]
    ]
    visible = Profile.objects.visible_to(request.user).select_related("user").in_bulk(found)
    return [
        _suggestion(PERSON, visible[pk].name, directory.profile_url(visible[pk], request))
        for pk in found
        if pk in visible
    ]


def _suggestion(page_type, title, url):
    kind, label = page_type
    return {"type": kind, "type_label": str(label), "title": title, "url": url}


def pick(pages, people, limit=MAX_SUGGESTIONS):
    """Pages first, in the backend's order, but people keep a few places when there are some."""
    people_places = min(len(people), PEOPLE_SHARE)
    chosen_pages = pages[: limit - people_places]
    return chosen_pages + people[: limit - len(chosen_pages)]


@require_GET
@cache_control(private=True, max_age=60)
def suggestions(request):
    """``{"suggestions": [{type, type_label, title, url}, …]}``, at most eight, none before
    three letters."""
    terms = typed_words(request.GET.get("q", ""))
    if len("".join(terms)) < MIN_LETTERS:
        return JsonResponse({"suggestions": []})
    query = " ".join(terms)
    found = pick(matching_pages(query, request), matching_people(query, request))
    return JsonResponse({"suggestions": found})
