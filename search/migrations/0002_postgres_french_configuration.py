"""PostgreSQL only: the `atelier_french` text search configuration and trigram matching.

`atelier_french` removes accents (unaccent) before the French Snowball stemmer, so "evaluation"
finds "Évaluation" and "formations" finds "formation"; `atelier_simple` folds accents without
stemming, for autocomplete. pg_trgm and the immutable f_unaccent()
wrapper serve modelsearch's Fuzzy queries (typo tolerance). Other databases: nothing to do.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$func$ SELECT public.unaccent('public.unaccent', $1) $func$;
DROP TEXT SEARCH CONFIGURATION IF EXISTS atelier_french;
CREATE TEXT SEARCH CONFIGURATION atelier_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION atelier_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
DROP TEXT SEARCH CONFIGURATION IF EXISTS atelier_simple;
CREATE TEXT SEARCH CONFIGURATION atelier_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION atelier_simple
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""

BACKWARD = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS atelier_french;
DROP TEXT SEARCH CONFIGURATION IF EXISTS atelier_simple;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("atelier_search", "0001_unanswered_queries")]

    operations = [migrations.RunPython(forward, backward)]
