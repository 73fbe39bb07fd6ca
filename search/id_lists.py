"""A long list of ids as one SQL parameter.

`pk__in=[...]` with the thousands of matches of a broad word ("accueil": 7,000 activities)
costs Django one placeholder each to compile (a fifth of a second) and SQLite caps their
number. The database unpacks one array parameter itself instead. The ids are integers, written
as text: psycopg would otherwise inspect each one to choose the array's type (25 ms for 7,000).
"""

import json

from django.db import connection
from django.db.models.expressions import RawSQL


def among(pks):
    """For ``pk__in=among(pks)``: the ids, unpacked by the database."""
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(pks))])
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT unnest(%s::bigint[])", ["{" + ",".join(map(str, map(int, pks))) + "}"]
        )
    return list(pks)
