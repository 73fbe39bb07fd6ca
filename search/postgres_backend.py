"""PostgreSQL: modelsearch's backend with the `atelier_french` configuration, queried the way
the SQLite backend is.

The configuration (search/migrations/0002) folds accents and stems at index and query time; this
module only shapes the query: the same words as on SQLite (search.french.query_words, so a NUL
byte, an emoji or 1,000 characters never reach to_tsquery), and a title match above a body match.
"""

from django.db import connection, transaction
from django.db.models import F
from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Fuzzy, Or, PlainText
from wagtail.models import Page

from search.backends import group_by_content_type
from search.french import forms, query_words

# A title match counts this many times a body match, times modelsearch's title length norm
# (average title length / this title's length), which alone let a long title lose to a body.
TITLE_WEIGHT = 5.0
AUTOCOMPLETE_CONFIG = "atelier_simple"
# Trigram word similarity from which a word counts as a typo of another (pg_trgm: 0.6).
SIMILARITY = 0.5


class FrenchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, PlainText) and not query_words(self.query.query_string):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not isinstance(query, WordForms):
            query = _with_irregular_forms(query)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, PlainText) and not isinstance(query, WordForms):
            # Each column is ranked on its own: against all the words, a column holding only
            # some (one in the title, another in the body) scores nearly nothing. Rank with
            # any of them; the filter still requires all.
            query = PlainText(query.query_string, operator="or", boost=query.boost)
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * TITLE_WEIGHT),
            (F("index_entries__body"), 1.0),
        ]


class WordForms(PlainText):
    """The forms of one query word, already expanded: any of them matches."""

    def __init__(self, word):
        super().__init__(" ".join(forms(word)), operator="or")


def _with_irregular_forms(query):
    """The query's words (search.french.query_words), each also matching its irregular
    singular or plural ("jeux" OR "jeu"), which french_stem does not relate."""
    words = query_words(query.query_string)
    if all(len(forms(word)) == 1 for word in words):
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    parts = [WordForms(word) for word in words]
    return And(parts) if query.operator == "and" else Or(parts)


class FieldsReadOnceIndexer(modelsearch_postgres.ObjectIndexer):
    """modelsearch's indexer reads every search field of an object five times (for the title,
    the body, the autocomplete and the two plain texts), StreamFields and related rows
    included: 62 % of a 10,000-page import. The same values, read once per object."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object's fields, inside a RelatedFields
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("_prepared", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        return prepared[id(field)]


# PostgresIndex.add_items builds its indexers from this module-level name: same values, faster.
modelsearch_postgres.ObjectIndexer = FieldsReadOnceIndexer


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    fuzzy_fallback = True  # pg_trgm (migration 0002): the engine's last resort for typos

    def matches_by_content_type(self, query):
        """{content type id: [(object id, rank)]} of every entry matching ``query`` (words, an
        And/Or of PlainText, or Fuzzy), for all kinds in one query that a GIN index serves
        (migration search/0004)."""
        if isinstance(query, Fuzzy):
            return self._similar_by_content_type(query.query_string)
        if isinstance(query, str):
            query = PlainText(query)
        compiler = self.query_compiler_class(Page.objects.none(), query)
        search_query = compiler.build_tsquery(compiler.query, config=self.config)
        if search_query is None:
            return {}
        vectors = [(F("title"), F("title_norm") * TITLE_WEIGHT), (F("body"), 1.0)]
        rank = compiler._build_rank_expression(vectors, self.config)
        entries = (
            IndexEntry.objects.annotate(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=search_query)
            .annotate(score=rank)
            .values_list("content_type_id", "object_id", "score")
        )
        return group_by_content_type(entries)

    def _similar_by_content_type(self, text):
        """Entries holding a word close to ``text`` (pg_trgm word similarity, accents folded):
        the `<%` operator uses the trigram indexes, where modelsearch's Fuzzy reads every entry
        (1.6 s at 20,000 activities)."""
        words = " ".join(query_words(text))
        if not words:
            return {}
        table = IndexEntry._meta.db_table
        sql = (
            "SELECT content_type_id, object_id, GREATEST("  # noqa: S608
            f"word_similarity(q, f_unaccent(title_text)) * title_norm * {TITLE_WEIGHT}, "
            "word_similarity(q, f_unaccent(body_text))) "
            f"FROM {table}, f_unaccent(%s) AS q "
            "WHERE q <%% f_unaccent(title_text) OR q <%% f_unaccent(body_text)"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL pg_trgm.word_similarity_threshold = {SIMILARITY}")
            cursor.execute(sql, [words])
            return group_by_content_type(cursor.fetchall())

    def __init__(self, params):
        super().__init__(params)
        # modelsearch autocompletes with `simple`, which keeps accents: "evalu" would miss
        # "Évaluation". `atelier_simple` (migration 0002) folds them and does not stem.
        self.autocomplete_config = AUTOCOMPLETE_CONFIG
