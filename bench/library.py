"""Library pages' server time and SQL queries at 10 and at 2,000 activities, on SQLite.

Run with `make bench-library`. Builds a throwaway database, fills the library, then times each
page in-process with Django's test client (rendering included, no network): median and 95th
percentile of 30 requests after 3 warm-up requests, and the number of SQL queries.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
DB = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "atelier.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from community.factories import HomePageFactory, UserFactory  # noqa: E402
from community.sites import install_home_page  # noqa: E402
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory  # noqa: E402
from resources.models import Kind, Level, Modality, Rating, Reuse  # noqa: E402

SIZES = (10, 2000)
RUNS, WARM_UP = 30, 3


def fill(library, themes, users, start, stop):
    kinds, modalities, levels = Kind.values, Modality.values, Level.values
    for n in range(start, stop):
        activity = ActivityPageFactory(
            parent=library,
            title=f"Activité {n}",
            slug=f"activite-{n}",
            kind=kinds[n % len(kinds)],
            modality=modalities[n % len(modalities)],
            level=levels[n % len(levels)],
            duration_min=10 + n % 50,
            duration_max=60 + n % 90,
            themes=[themes[n % len(themes)]],
        )
        Reuse.objects.bulk_create(
            Reuse(activity=activity, user=users[(n + i) % len(users)]) for i in range(n % 4)
        )
        Rating.objects.bulk_create(
            Rating(activity=activity, user=users[(n + i) % len(users)], score=1 + (n + i) % 5)
            for i in range(n % 3)
        )
        if n and n % 250 == 0:
            print(f"  … {n} activities", flush=True)


def measure(client, url):
    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main():
    print(f"Throwaway SQLite database: {DB}")
    call_command("migrate", verbosity=0)
    home = HomePageFactory(parent=Page.get_first_root_node())
    install_home_page(home)
    library = LibraryPageFactory(parent=home)
    themes = [ThemeFactory(name=f"Thème {i}", slug=f"theme-{i}") for i in range(8)]
    users = [UserFactory() for _ in range(20)]
    client = Client()
    pages = [
        ("library index", "/bibliotheque/"),
        ("library, 2 filters + sort", "/bibliotheque/?theme=theme-1&modality=remote&sort=rated"),
        ("library, page 5", "/bibliotheque/?page=5"),
        ("method finder", "/bibliotheque/trouver/?minutes=45&group_size=12&modality=remote"),
        ("an activity", "/bibliotheque/activite-5/"),
    ]
    rows, done = [], 0
    for size in SIZES:
        print(f"Filling the library up to {size} activities…", flush=True)
        fill(library, themes, users, done, size)
        done = size
        for name, url in pages:
            median, p95, queries = measure(client, url)
            rows.append((size, name, median, p95, queries))

    print()
    print(f"{'activities':>10}  {'page':<28}{'median ms':>10}{'p95 ms':>9}{'queries':>9}")
    for size, name, median, p95, queries in rows:
        print(f"{size:>10}  {name:<28}{median:>10.1f}{p95:>9.1f}{queries:>9}")


if __name__ == "__main__":
    main()
