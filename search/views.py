"""The search page, /recherche/: results, facets and fallbacks; `?format=json` gives the same."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query

from search import engine, results
from search.facets import facets_for
from search.kinds import needs_board_for
from search.models import UnansweredQuery
from search.popular import popular


def search_page(request):
    selection = engine.Selection.from_params(request.GET)
    outcome = engine.run_search(selection, request.user, request.GET.get("page"))
    query = " ".join(outcome.searched_words)
    shown = results.load(list(outcome.page or []), request, query)
    first_page = outcome.page is None or outcome.page.number == 1
    as_json = request.GET.get("format") == "json"
    # The team's pins answer the plain query: not a narrowed one, nor again on page 2.
    plain_first_page = selection.words and first_page and not selection.refined
    pinned = results.promoted(selection.q, request) if plain_first_page else []
    if pinned:
        pinned_urls = {result.url for result in pinned}
        shown = [result for result in shown if result.url not in pinned_urls]
    if plain_first_page and request.user.is_authenticated and not as_json:
        # Agents' searches only: bots and scripts would fill the team's report.
        _remember(selection.q, outcome.count)
    facets = facets_for(selection, request.user, outcome)
    offered = popular(request) if not outcome.count else []
    if as_json:
        return JsonResponse(
            {
                "query": selection.q,
                "count": outcome.count,
                "page": outcome.page.number if outcome.page else 1,
                "results": [result.as_json() for result in pinned + shown],
                "facets": [facet.as_json() for facet in facets],
                "suggestion": outcome.suggestion,
                "corrected_from": outcome.corrected_from,
                "broadened": outcome.broadened,
                "fuzzy": outcome.fuzzy,
            },
            json_dumps_params={"ensure_ascii": False},
        )
    return render(
        request,
        "search/search_page.html",
        {
            "selection": selection,
            "outcome": outcome,
            "page_obj": outcome.page,
            "results": shown,
            "pinned": pinned,
            "facets": facets,
            "popular": offered,
            "title": _("Search") if not selection.q else _("Search: %(q)s") % {"q": selection.q},
            "needs_board": needs_board_for(request) if not outcome.count else None,
        },
    )


def _remember(query_string, count):
    """Frequent queries feed Wagtail's search terms report; empty ones, the needs in disguise."""
    Query.get(query_string).add_hit()
    if not count:
        UnansweredQuery.objects.record(query_string)
