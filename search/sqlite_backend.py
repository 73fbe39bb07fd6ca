"""SQLite: FTS5 taught French (modelsearch's SQLite backend, extended).

FTS5 folds accents but does not stem, so each entry also indexes the French stems of its words
that differ from the words ("format" beside "formations"), and each query word matches either
itself or its stem: exact words still match exactly. Imported only on SQLite: modelsearch's
SQLite modules look up a model that exists only there.
"""

from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import (
    BM25,
    LexemeCombinable,
    SearchQueryExpression,
    SearchQueryField,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_content_type_pk

from search.backends import group_by_content_type
from search.french import extra_stems, query_words, split_scripts, stem

# A word in the title counts as this many words of the body (FTS5 column weight).
TITLE_WEIGHT = 5.0


class StemmedObjectIndexer(ObjectIndexer):
    """Indexes each text followed by the French stems of its words."""

    @cached_property
    def title(self):
        return _with_stems(super().title)

    @cached_property
    def body(self):
        return _with_stems(super().body)


def _with_stems(text):
    text = split_scripts(text)  # "Truc²" is indexed as "truc", the word an agent types
    stems = extra_stems(text)
    return f"{text} {stems}" if stems else text


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [StemmedObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        # Replacing the rows keeps the FTS table in step through modelsearch's triggers.
        self.entries.filter(
            content_type_id=content_type_pk, object_id__in=[indexer.id for indexer in indexers]
        ).delete()
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=indexer.id,
                title=indexer.title,
                autocomplete=indexer.autocomplete,
                body=indexer.body,
            )
            for indexer in indexers
        )
        self._refresh_title_norms()


class WeightedBM25(BM25):
    """FTS5's bm25 with a weight per column (autocomplete, body, title, in the table's order):
    modelsearch's plain bm25 weighs a title match like a body match."""

    def as_sql(self, compiler, connection, function=None, template=None):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Each word of a plain-text query is searched by its French stem, which the index holds
    for every word (as the word itself when they agree), so every inflection matches and none
    outranks another, as on PostgreSQL; a title match ranks above a body match; a query with
    no word in it ("🎓", "-") finds nothing."""

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, PlainText) and not query_words(self.query.query_string):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        terms = [AnyOf([stem(word)]) for word in query_words(query.query_string)]
        if not terms:
            return None
        combined = terms[0]
        for term in terms[1:]:
            combined = combined & term if query.operator == "and" else combined | term
        return SearchQueryExpression(combined, config=config)


class AnyOf(LexemeCombinable):
    """FTS5 terms of which one must match, in parentheses: modelsearch's CombinedLexeme writes
    `a OR b AND c`, which FTS5 reads as `a OR (b AND c)`."""

    def __init__(self, terms):
        super().__init__(output_field=SearchQueryField())
        self.terms = terms

    def as_sql(self, compiler, connection):
        quoted = " OR ".join('"{}"'.format(term.replace('"', '""')) for term in self.terms)
        return "%s", [f"({quoted})"]


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    lower_score_is_better = True  # FTS5's bm25: the engine merges kinds by score
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler

    def matches_by_content_type(self, query):
        """{content type id: [(object id, bm25)]} of every entry matching ``query`` (words,
        or an And/Or of PlainText), in one pass over the full-text index for all kinds.

        modelsearch's queryset filters on the content type first, so SQLite checks the match
        entry by entry, and scores each row in a subquery that runs the match again: both grow
        with the number of matches. Here the full-text index leads and bm25 is read once.
        """
        expression = fts_expression(query)
        if not expression:
            return {}
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        sql = (
            f"SELECT e.content_type_id, e.object_id, bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) "  # noqa: S608
            # CROSS JOIN: SQLite keeps the full-text index as the outer loop whatever its
            # statistics say (after ANALYZE it preferred to read every entry).
            f"FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid WHERE {fts} MATCH %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [f"{{title body}} : {expression}"])
            return group_by_content_type(cursor.fetchall())


def fts_expression(query):
    """The FTS5 query for words (a string) or an And/Or of PlainText: each word by its stem,
    quoted (words are letters and digits only: search.french.query_words)."""
    if isinstance(query, str):
        query = PlainText(query)
    if isinstance(query, PlainText):
        terms = [f'"{stem(word)}"' for word in query_words(query.query_string)]
        joiner = " AND " if query.operator == "and" else " OR "
        return f"({joiner.join(terms)})" if terms else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in map(fts_expression, query.subqueries) if part]
        joiner = " AND " if isinstance(query, And) else " OR "
        return f"({joiner.join(parts)})" if parts else ""
    raise NotImplementedError(f"{type(query).__name__} is not supported on SQLite.")
