"""One search across every kind of content: ranked hits, facet counts and fallbacks.

Each kind is searched on its own queryset (so visibility and facets are plain ORM filters), then
the hits are merged by relevance: the kinds share one index, so their scores compare. When an
AND query finds nothing the engine widens it to OR, then tries the spelling it suggests, so a
person never faces an empty page without a way forward.
"""

import heapq
from dataclasses import dataclass, field, replace
from itertools import combinations

from django.core.cache import cache
from django.core.paginator import Paginator
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Fuzzy, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from resources.models import Level, Modality
from search import matches_cache
from search.french import MAX_QUERY_LENGTH, query_words
from search.kinds import KINDS, KINDS_BY_KEY, WHEN_CHOICES
from search.vocabulary import correct

PER_PAGE = 10
MAX_FACET_VALUES = 20
MAX_EXTERNAL_HITS = 1000
SUGGEST_BELOW = 3  # "Vouliez-vous dire" when the exact words find fewer results
MAX_PAIRED_WORDS = 5  # "any two of the words" is tried up to this many words (10 pairs)


@dataclass(frozen=True)
class Selection:
    """What the person asked: the query and the chosen facets, read from the URL."""

    q: str = ""
    types: tuple = ()
    themes: tuple = ()
    modality: tuple = ()
    level: tuple = ()
    series: tuple = ()
    when: str = ""

    @classmethod
    def from_params(cls, params):
        """Unknown or malformed values are dropped, never an error."""
        return cls(
            # PostgreSQL refuses NUL in text: the query is saved for the search terms report.
            q=" ".join((params.get("q") or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH],
            types=_known(params.getlist("type"), KINDS_BY_KEY),
            themes=_ids(params.getlist("theme")),
            modality=_known(params.getlist("modality"), Modality.values),
            level=_known(params.getlist("level"), Level.values),
            series=_ids(params.getlist("series")),
            when=params.get("when") if params.get("when") in WHEN_CHOICES else "",
        )

    def uses(self, facet):
        return bool({"theme": self.themes}.get(facet, getattr(self, facet, None)))

    @property
    def words(self):
        return query_words(self.q)

    @property
    def refined(self):
        """A facet is chosen: the same search narrowed, not a new one (analytics count it once)."""
        return any((self.types, self.themes, self.modality, self.level, self.series, self.when))

    def kinds(self):
        """The kinds this selection can find: chosen types, minus those a facet rules out."""
        chosen = [KINDS_BY_KEY[key] for key in self.types] or KINDS
        return [kind for kind in chosen if kind.accepts(self)]


def _known(values, allowed):
    return tuple(dict.fromkeys(v for v in values if v in allowed))[:MAX_FACET_VALUES]


def _ids(values):
    return tuple(dict.fromkeys(int(v) for v in values if _is_id(v)))[:MAX_FACET_VALUES]


def _is_id(value):
    """ASCII digits only: "²".isdigit() is true, int("²") fails."""
    return value.isascii() and value.isdigit() and len(value) < 10


@dataclass
class Hit:
    kind: object
    pk: object
    relevance: float


class KindSearch:
    """One kind's part of a search: its matching rows, their count and their best hits.

    The backend gives every match with its score in one query; visibility and the facets then
    keep the rows a person may see, with the facet fields read in the same query. Counting,
    ranking and facets work on that set: nothing re-runs the full-text match.
    """

    def __init__(self, kind, selection, user, query, operator, backend, memo=None):
        self.kind = kind
        memo = {} if memo is None else memo
        self.scores = dict(_matches(backend, kind.model, query, operator, memo))
        self.sign = -1 if getattr(backend, "lower_score_is_better", False) else 1
        self.rows = kind.allowed_rows(user, selection, list(self.scores)) if self.scores else {}

    @property
    def count(self):
        return len(self.rows)

    @property
    def pks(self):
        return list(self.rows)

    def best(self, stop):
        """The ``stop`` best hits, best first (ties: newest first, as modelsearch orders)."""
        sign, scores = self.sign, self.scores
        ranked = heapq.nlargest(stop, ((sign * (scores[pk] or 0), pk) for pk in self.rows))
        return [Hit(self.kind, pk, relevance) for relevance, pk in ranked]


def _matches(backend, model, query, operator, memo):
    """[(pk, score)] of every row of ``model`` the backend matches with ``query``. The
    database backends match every kind in one query, shared by the kinds of a search."""
    if hasattr(backend, "matches_by_content_type"):
        found = _all_matches(backend, query, operator, memo)
        to_pk = _pk_reader(model)
        return [
            (to_pk(object_id), score)
            for content_type_id in get_descendants_content_types_pks(model)
            for object_id, score in found.get(content_type_id, ())
        ]
    # Elasticsearch ranks across its own indexes: at most so many hits.
    results = backend.search(query, model, operator=operator).annotate_score("_score")
    return [(obj.pk, obj._score) for obj in results[:MAX_EXTERNAL_HITS]]


def _pk_reader(model):
    """The index stores object ids as text: ``int`` reads an integer key (the field's own
    ``to_python`` costs ten times more, 14 ms for the 7,000 matches of a broad word)."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    if field.get_internal_type() in ("AutoField", "BigAutoField", "IntegerField"):
        return int
    return field.to_python


def _all_matches(backend, query, operator, memo):
    """{content type: [(object id, score)]}: from this search's memo, else from the cache
    (a popular query is asked again and again; any index change starts a new generation, see
    search.matches_cache), else from the backend. Visibility is never cached: each search
    applies it to these matches."""
    key = (repr(query), operator)
    if key not in memo:
        cache_key = matches_cache.key(type(backend).__name__, *key)
        found = cache.get(cache_key)
        if found is None:
            plain = PlainText(query, operator=operator) if isinstance(query, str) else query
            found = backend.matches_by_content_type(plain)
            cache.set(cache_key, found, matches_cache.SECONDS)
        memo[key] = found
    return memo[key]


class MergedHits:
    """The hits of several kinds as one sequence sorted by relevance, for Django's Paginator:
    a page only fetches the best ``stop`` hits of each kind."""

    def __init__(self, searches):
        self.searches = [search for search in searches if search.count]

    def count(self):
        return sum(search.count for search in self.searches)

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        stop = item.stop if item.stop is not None else self.count()
        hits = [hit for search in self.searches for hit in search.best(stop)]
        hits.sort(key=lambda hit: -hit.relevance)
        return hits[item]


@dataclass
class Outcome:
    selection: Selection
    searched_words: list = field(default_factory=list)
    page: object = None
    searches: list = field(default_factory=list)
    broadened: bool = False
    fuzzy: bool = False
    corrected_from: str = ""
    query: object = None  # what the backend searched: words, or a Fuzzy query
    operator: str = "and"
    memo: dict = field(default_factory=dict)  # the backend's matches, per query
    suggestion: str = ""

    @property
    def count(self):
        return self.page.paginator.count if self.page else 0


def run_search(selection, user, page_number=1):
    """Search for ``selection`` as ``user`` sees the site. Returns an Outcome whose page holds
    Hit objects (not yet loaded: see search.results).

    Tries, until one finds something: every word; any word; the suggested spelling; and on
    PostgreSQL, trigram similarity (pg_trgm, accents folded).
    """
    outcome = Outcome(selection=selection)
    words = selection.words
    if not words:
        return outcome
    backend = get_search_backend()
    exact = _search(selection, user, " ".join(words), "and", backend, outcome.memo)
    # A spelling is suggested only when every word found little: a word of a body that no
    # title holds is no typo.
    corrected = correct(words) if _total(exact) < SUGGEST_BELOW else None
    outcome.suggestion = " ".join(corrected) if corrected else ""
    attempts = [(" ".join(words), "and", "")]
    if 3 <= len(words) <= MAX_PAIRED_WORDS:
        attempts.append((_any_two_of(words), "or", "broadened"))
    if len(words) > 1:
        attempts.append((" ".join(words), "or", "broadened"))
    if corrected:
        attempts.append((outcome.suggestion, "and", "corrected"))
    if getattr(backend, "fuzzy_fallback", False):
        attempts.append((Fuzzy(" ".join(words), unaccent=True), "or", "fuzzy"))
    searches, query, operator, how = _first_fruitful(
        selection, user, attempts, backend, outcome.memo, exact
    )
    outcome.query, outcome.operator = query, operator
    outcome.broadened, outcome.fuzzy = how == "broadened", how == "fuzzy"
    outcome.corrected_from = selection.q if how == "corrected" else ""
    outcome.searched_words = corrected if how == "corrected" else words
    outcome.searches = searches
    outcome.page = Paginator(MergedHits(searches), PER_PAGE).get_page(page_number)
    return outcome


def _any_two_of(words):
    """Documents holding at least two of the words: a narrower widening than any word, where
    a backend without word rarity (PostgreSQL's ts_rank) would rank a page repeating one
    common word above the page with the rare one."""
    return Or([And([PlainText(a), PlainText(b)]) for a, b in combinations(words, 2)])


def _first_fruitful(selection, user, attempts, backend, memo, first):
    """The searches of the first attempt that finds something (else of the last one);
    ``first``: those of the first attempt, already run."""
    for n, (query, operator, how) in enumerate(attempts):
        searches = first if n == 0 else _search(selection, user, query, operator, backend, memo)
        if _total(searches):
            return searches, query, operator, how
    return searches, query, operator, ""


def _search(selection, user, query, operator, backend, memo):
    return [
        KindSearch(kind, selection, user, query, operator, backend, memo)
        for kind in selection.kinds()
    ]


def _total(searches):
    return sum(search.count for search in searches)


def searches_without(selection, user, outcome, **cleared):
    """The same search with some facets cleared: a facet's own counts ignore its choices
    (check boxes within a facet add up), while the other facets still narrow."""
    wider = replace(selection, **cleared)
    if wider == selection:
        return outcome.searches
    backend = get_search_backend()
    return _search(wider, user, outcome.query, outcome.operator, backend, outcome.memo)
