"""Turn a page of hits into what the page shows: title, address, highlighted snippet, facts."""

from dataclasses import dataclass, field

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from community.models.querysets import VisiblePageQuerySet
from search.highlight import highlight_title, snippet
from search.kinds import KINDS_BY_KEY


@dataclass
class Result:
    kind: object
    obj: object
    title: str
    url: str
    title_html: str = ""
    snippet: str = ""
    facts: list = field(default_factory=list)
    promoted: bool = False

    def as_json(self):
        return {
            "type": self.kind.key,
            "type_label": str(self.kind.label),
            "title": self.title,
            "url": self.url,
            "snippet": str(self.snippet),
            "facts": [str(fact) for fact in self.facts],
            "promoted": self.promoted,
        }


def load(hits, request, query):
    """Results for ``hits`` in their order; each kind's rows load in one go."""
    pks_by_kind = {}
    for hit in hits:
        pks_by_kind.setdefault(hit.kind.key, []).append(hit.pk)
    rows = {}
    for key, pks in pks_by_kind.items():
        for obj in KINDS_BY_KEY[key].load(pks):
            rows[(key, obj.pk)] = obj
    return [
        present(hit.kind, rows[(hit.kind.key, hit.pk)], request, query)
        for hit in hits
        if (hit.kind.key, hit.pk) in rows
    ]


def present(kind, obj, request, query):
    title = kind.title(obj)
    return Result(
        kind=kind,
        obj=obj,
        title=title,
        url=kind.url(obj, request),
        title_html=highlight_title(title, query),
        snippet=snippet(kind.text(obj), query),
        facts=kind.facts(obj),
    )


def promoted(query_string, request):
    """The team's pinned results for this query, visible pages only, in the team's order."""
    promotions = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query_string), page__isnull=False
        )
        .filter(page__in=VisiblePageQuerySet(Page).visible())
        .select_related("page")
        .order_by("sort_order")
    )
    results = []
    for promotion in promotions:
        page = promotion.page.specific
        kind = next((k for k in KINDS_BY_KEY.values() if isinstance(page, k.model)), None)
        results.append(
            Result(
                kind=kind or KINDS_BY_KEY["page"],
                obj=page,
                title=page.title,
                url=page.get_url(request=request),
                title_html=highlight_title(page.title, query_string),
                snippet=snippet(
                    promotion.description or getattr(page, "search_description", ""), query_string
                ),
                promoted=True,
            )
        )
    return results
