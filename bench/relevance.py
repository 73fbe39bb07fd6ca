"""The relevance test set as a table: each query, the rank of its expected result, pass or fail.

    .venv/bin/python bench/relevance.py                       # a throwaway SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/atelier_relevance \\
        .venv/bin/python bench/relevance.py                   # PostgreSQL

On PostgreSQL the named database is created afresh and dropped at the end (`--keep` keeps it,
to look into a failure). Either way the
script migrates, loads the demo content and asks /recherche/?format=json as a signed-in agent,
exactly as search/tests/test_relevance.py does; this view adds the ranks and the total.
"""

import io
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["DJANGO_SETTINGS_MODULE"] = "atelier.settings.test"
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'relevance.sqlite3'}"
DATABASE_URL = os.environ["DATABASE_URL"]


def _postgres(sql):
    """Run ``sql`` on the server's maintenance database (CREATE/DROP DATABASE)."""
    import psycopg

    url = urlsplit(DATABASE_URL)
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(sql)


def _database_name():
    return urlsplit(DATABASE_URL).path.lstrip("/")


def _table(rows):
    """One line per case; a failure also lists what came first instead."""
    from search.tests.relevance_set import TOP

    width = max(len(case.query) for case, _rank, _titles in rows)
    print(f"{'query':<{width}}  rank  {'':4}  expected")
    for case, rank, titles in rows:
        passed = rank is not None and rank <= TOP
        verdict = "pass" if passed else "FAIL"
        print(f"{case.query:<{width}}  {rank or '—':>4}  {verdict}  {case.expected}")
        if not passed:
            print(f"{'':<{width}}  got: {' | '.join(titles[:TOP]) or 'nothing'}")


def main():
    postgres = DATABASE_URL.startswith("postgres")
    if postgres:
        _postgres(f'DROP DATABASE IF EXISTS "{_database_name()}"')
        _postgres(f'CREATE DATABASE "{_database_name()}"')
    try:
        run(postgres)
    finally:
        if postgres and "--keep" not in sys.argv:
            from django.db import connections

            connections.close_all()
            _postgres(f'DROP DATABASE IF EXISTS "{_database_name()}"')


def run(postgres):
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from community.models import User
    from search.tests.relevance_set import AGENT_EMAIL, CASES, TOP, rank, result_titles

    print(f"Database: {'PostgreSQL' if postgres else 'SQLite'} ({DATABASE_URL})", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    client = Client()
    client.force_login(User.objects.get(email=AGENT_EMAIL))
    rows = []
    for case in CASES:
        titles = result_titles(client, case.query)
        rows.append((case, rank(titles, case.expected), titles))
    _table(rows)
    passed = sum(1 for _case, found, _titles in rows if found is not None and found <= TOP)
    print(f"\n{passed}/{len(CASES)} in top {TOP}")


if __name__ == "__main__":
    main()
