"""Loading the demo content from tests, without its report on the terminal."""

import io
import sqlite3

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

# Per test process: an in-memory copy of the SQLite test database taken right after the first
# load_demo, written back for every later browser test (the live server's database is flushed
# after each one). SQLite's backup API copies the whole file in milliseconds, where load_demo
# takes 30-50 s.
_snapshot = None


def load_demo_quietly():
    call_command("load_demo", stdout=io.StringIO())


def load_demo_from_snapshot():
    """The demo content, as load_demo leaves it: loaded the first time in this process, then
    copied back from that snapshot (SQLite only; on another database, loaded every time)."""
    global _snapshot
    if connection.vendor != "sqlite":
        load_demo_quietly()
        return
    connection.ensure_connection()
    if _snapshot is None:
        load_demo_quietly()
        _snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_snapshot)
    else:
        _snapshot.backup(connection.connection)
    cache.clear()  # Wagtail caches the site's root paths; fragments name old generations
