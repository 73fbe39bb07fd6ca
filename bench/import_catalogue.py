"""The catalogue import on a 10,000-row file: 9,000 activities, 500 workshops, 500 sessions.

Run with `.venv/bin/python bench/import_catalogue.py` (a throwaway SQLite database), or with
`DATABASE_URL=postgres://…/atelier_bench_import` for PostgreSQL (the database is created by the
test runner's machinery: it must not exist, and is dropped at the end). The quality bar: the
first import in under 2 minutes. Prints the time of the check alone, of the first import, and
of a re-import of the same file (every row an update; ``--no-reimport`` skips it), and what
the search finds afterwards.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["DJANGO_SETTINGS_MODULE"] = "atelier.settings.test"
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'import.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402
from wagtail.models import Page  # noqa: E402

ACTIVITIES, WORKSHOPS, SESSIONS = 9000, 500, 500
THEMES = ["Management", "Outils bureautiques", "Accueil du public", "Pédagogie et animation"]
MODALITIES = ["présentiel", "distanciel", "hybride", "en autonomie"]
LEVELS = ["découverte", "intermédiaire", "expert"]
KINDS = ["brise-glace", "méthode d'animation", "outil d'analyse", "jeu sérieux", "étude de cas"]
HEADER = (
    "type;titre;resume;objectifs;duree_min;duree_max;modalite;niveau;nature;themes;mots_cles;"
    "materiel;deroule;auteurs;licence;serie;public;prerequis;animateurs;atelier;debut;fin;lieu;"
    "capacite"
)


def _quoted(text):
    return '"' + text.replace('"', '""') + '"'


def build_file():
    lines = [HEADER]
    for n in range(ACTIVITIES):
        steps = _quoted(
            f"Introduction ({5 + n % 10} min)\nPrésenter l'exercice {n}.\n\n"
            f"Pratique ({10 + n % 20} min)\nChacun s'exerce en binôme.\n\n"
            "Débriefing (10 min)\nCe que le groupe retient."
        )
        lines.append(
            ";".join(
                [
                    "activite",
                    f"Activité importée numéro {n}",
                    f"Un exercice pour travailler la compétence {n % 97}.",
                    _quoted("Comprendre la méthode\nLa pratiquer avec un groupe"),
                    str(10 + n % 30),
                    str(45 + n % 60),
                    MODALITIES[n % 4],
                    LEVELS[n % 3],
                    KINDS[n % 5],
                    THEMES[n % 4],
                    f"mot{n % 50}, import",
                    _quoted("- Des post-it\n- Un paperboard"),
                    steps,
                    f"formateur{n % 20}@atelier.example",
                    "CC BY-SA 4.0",
                    *[""] * 9,
                ]
            )
        )
    for n in range(WORKSHOPS):
        lines.append(
            ";".join(
                [
                    "atelier",
                    f"Atelier importé numéro {n}",
                    f"Un atelier pratique, le {n}e du programme.",
                    "",
                    str(60 + 15 * (n % 4)),
                    *[""] * 4,
                    THEMES[n % 4],
                    *[""] * 5,
                    "Série importée",
                    "Tous les agents",
                    "",
                    f"formateur{n % 20}@atelier.example",
                    *[""] * 5,
                ]
            )
        )
    for n in range(SESSIONS):
        day = 1 + n % 28
        lines.append(
            ";".join(
                [
                    "session",
                    *[""] * 18,
                    f"Atelier importé numéro {n}",
                    f"{day:02d}/{1 + n % 12:02d}/2027 09:30",
                    f"{day:02d}/{1 + n % 12:02d}/2027 12:00",
                    "Centre de formation",
                    str(8 + n % 12),
                ]
            )
        )
    return "\n".join(lines).encode("utf-8")


def build_site():
    from community.factories import HomePageFactory, UserFactory
    from community.sites import install_home_page
    from events.factories import SeriesFactory, WorkshopCatalogPageFactory
    from resources.factories import LibraryPageFactory, ThemeFactory

    home = HomePageFactory(parent=Page.get_first_root_node())
    install_home_page(home)
    LibraryPageFactory(parent=home)
    WorkshopCatalogPageFactory(parent=home)
    for number, name in enumerate(THEMES):
        ThemeFactory(name=name, slug=f"theme-{number}")
    SeriesFactory(name="Série importée", slug="serie-importee")
    for number in range(20):
        UserFactory(email=f"formateur{number}@atelier.example")


def timed(label, function):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.1f} s", flush=True)
    return result, elapsed


def main():
    from cockpit.catalogue_import import import_catalogue
    from cockpit.catalogue_import.reading import read_table
    from cockpit.catalogue_import.report import summary_lines
    from cockpit.catalogue_import.rows import check_table
    from events.models import Session
    from resources.models import ActivityPage

    # SQLite: the file itself (an in-memory test database would flatter the numbers).
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        call_command("migrate", verbosity=0)
    databases = None if sqlite else setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        build_site()
        data = build_file()
        rows = ACTIVITIES + WORKSHOPS + SESSIONS
        print(f"{connection.vendor}: {rows} rows, {len(data) / 1e6:.1f} MB", flush=True)
        checked, _ = timed("check only", lambda: check_table(read_table(data, "bench.csv")))
        assert not checked.errors, checked.errors[:5]
        result, first = timed("first import", lambda: import_catalogue(data, "bench.csv"))
        print("  " + " ".join(summary_lines(result.summary)))
        if "--no-reimport" not in sys.argv:
            result, _ = timed(
                "re-import (all updates)", lambda: import_catalogue(data, "bench.csv")
            )
            print("  " + " ".join(summary_lines(result.summary)))
        assert ActivityPage.objects.count() == ACTIVITIES
        assert Session.objects.count() == SESSIONS
        found = ActivityPage.objects.live().search("4321")
        wanted = "Activité importée numéro 4321"
        print(f"search “4321” finds “{wanted}”:", any(page.title == wanted for page in found))
        print(f"rows per second (first import): {rows / first:.0f}")
        print("under 2 minutes:", "yes" if first < 120 else "NO")
    finally:
        if databases:
            teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
