"""The search backend: Wagtail's database backend, taught French where the database is not.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}` picks by database:

- SQLite: FTS5 folds accents but does not stem, so each entry also indexes the French stems of
  its words that differ from the words ("format" beside "formations"), and each query word
  matches either itself or its stem (search/sqlite_backend.py). Exact words still match exactly.
- PostgreSQL: the `atelier_french` text search configuration (unaccent, then french_stem) that
  the `search` app's migration creates, queried with the same words as on SQLite
  (search/postgres_backend.py).
- Anything else: modelsearch's own choice.
"""

from django.db import connection
from modelsearch.backends import database

POSTGRES_SEARCH_CONFIG = "atelier_french"


def SearchBackend(params):  # noqa: N802 — Wagtail looks this name up in the module.
    """The database backend for the current database, with French analysis."""
    if connection.vendor == "postgresql":
        from search.postgres_backend import FrenchPostgresSearchBackend

        return FrenchPostgresSearchBackend({"SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG, **params})
    backend = database.SearchBackend(params)  # also tells whether SQLite has FTS5
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        # Imported here: modelsearch's SQLite modules fail to import without SQLite and FTS5.
        from search.sqlite_backend import FrenchSQLiteSearchBackend

        return FrenchSQLiteSearchBackend(params)
    return backend


def group_by_content_type(rows):
    """{content type id: [(object id, score)]} from (content type id, object id, score) rows."""
    grouped = {}
    for content_type_id, object_id, score in rows:
        grouped.setdefault(content_type_id, []).append((object_id, score))
    return grouped
