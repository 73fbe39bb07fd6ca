"""Site search at catalogue size: indexing time and search page latency, SQLite and PostgreSQL.

Run with `make bench-search` (both databases, 20,000 activities and 2,000 workshops) or e.g.
`python bench/search.py --database sqlite --activities 2000 --workshops 200` for a quick look.
It prints numbers; it asserts nothing.

Each database is a throwaway one (a temporary SQLite file; on PostgreSQL a fresh database
dropped at the end), filled with generated French training content. The pages are inserted in
bulk under their listing page, with their tree paths computed here: Wagtail's add_child costs
~26 ms a page (revision, signals, inline indexing), 10 minutes for 20,000 activities. The search
index is then built by `update_index`, timed on its own ("index s"). The search page is then
asked 200 mixed queries (words, plurals typed without accents, several words, facets, typos, no
result, page 2) by a signed-in agent through Django's test client, after 5 warm-up queries.
Columns: p50/p95/max of those requests; "queries" is the median number of SQL queries per
request; "load" the 1-minute load average while they ran (other work on the machine skews them).
"""

import argparse
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
QUERIES, WARM_UP = 200, 5
AGENT_EMAIL = "bench.agent@atelier.example"  # who searches: a signed-in agent
SEED = 20_000
HEADER = (
    f"{'database':<11}{'activities':>11}{'workshops':>10}{'fill s':>8}{'index s':>9}"
    f"{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}{'queries':>9}{'errors':>8}{'load':>6}"
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--workshops", type=int, default=2_000)
    parser.add_argument("--postgres-server", default=PG_SERVER, metavar="URL")
    # For finding where the time goes: keep the filled database, query it again, and profile
    # the N slowest requests (cProfile and their slowest SQL).
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--reuse", metavar="DATABASE_URL", help="query a kept database again")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile N requests")
    parser.add_argument("--row-file", help=argparse.SUPPRESS)  # where a child run reports
    return parser.parse_args()


def main():
    args = parse_args()
    began = time.perf_counter()
    if args.reuse and args.database == "both":
        sys.exit("--reuse needs --database sqlite or --database postgres")
    if args.database == "both":
        rows = [run_child(args, database) for database in ("sqlite", "postgres")]
        rows = [row for row in rows if row]  # a failed run printed its traceback
    elif args.row_file:  # a child of a "both" run: its parent prints the table
        run_one(args)
        return
    else:
        rows = [run_one(args)]
    print()
    print(HEADER)
    for row in rows:
        print(format_row(row))
    print(f"\nWhole run: {time.perf_counter() - began:.0f} s")


def run_child(args, database):
    """Django is set up once per process and for one database: each gets its own process."""
    row_file = Path(tempfile.mkdtemp()) / "row.json"
    command = [
        sys.executable,
        __file__,
        f"--database={database}",
        f"--activities={args.activities}",
        f"--workshops={args.workshops}",
        f"--postgres-server={args.postgres_server}",
        f"--row-file={row_file}",
    ]
    subprocess.run(command, check=False)  # noqa: S603 — this very script, our arguments
    row = json.loads(row_file.read_text()) if row_file.exists() else None
    shutil.rmtree(row_file.parent)
    return row


def format_row(row):
    return (
        f"{row['database']:<11}{row['activities']:>11}{row['workshops']:>10}"
        f"{row['fill_s']:>8.1f}{row['index_s']:>9.1f}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}"
        f"{row['max_ms']:>8.1f}{row['queries']:>9}{row['errors']:>8}{row['load']:>6.1f}"
    )


# --- One database -------------------------------------------------------------------------


def run_one(args):
    database = (
        KeptDatabase(args.reuse)
        if args.reuse
        else ThrowawayDatabase(args.database, args.postgres_server)
    )
    try:
        os.environ["DJANGO_SETTINGS_MODULE"] = "atelier.settings.test"
        os.environ["DATABASE_URL"] = database.url
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from community.models import User

        print(f"[{args.database}] database {database.url}", flush=True)
        fill_s = index_s = float("nan")
        if not args.reuse:
            call_command("migrate", verbosity=0)
            began = time.perf_counter()
            fill(args.activities, args.workshops, args.database)
            fill_s = time.perf_counter() - began
            print(f"[{args.database}] filled in {fill_s:.1f} s; indexing…", flush=True)
            began = time.perf_counter()
            call_command("update_index", verbosity=0)
            index_s = time.perf_counter() - began
            print(f"[{args.database}] indexed in {index_s:.1f} s; querying…", flush=True)
            if connection.vendor == "postgresql":
                # What autovacuum (on by default) does minutes after a bulk load, and a DBA
                # right away: without statistics on the new rows the planner reads the whole
                # index table, and `update_index` leaves two dead rows per entry that every
                # full-text match would read again (this machine's server runs with
                # autovacuum off). SQLite gathers no statistics unless asked: none here either.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
        row = measure(User.objects.get(email=AGENT_EMAIL), args.profile)
        row.update(
            database=args.database,
            activities=args.activities,
            workshops=args.workshops,
            fill_s=fill_s,
            index_s=index_s,
        )
        print(HEADER)
        print(format_row(row), flush=True)
        if args.row_file:
            Path(args.row_file).write_text(json.dumps(row))
        return row
    finally:
        if args.keep:
            print(f"[{args.database}] kept: --reuse {database.url}")
        else:
            database.drop()


class KeptDatabase:
    """A database filled by an earlier run with --keep (to profile without filling again)."""

    def __init__(self, url):
        self.url = url

    def drop(self):
        pass


class ThrowawayDatabase:
    """A temporary SQLite file, or a fresh PostgreSQL database of its own name."""

    def __init__(self, vendor, server, prefix="atelier_bench_search"):
        self.vendor, self.server = vendor, server
        if vendor == "sqlite":
            self.folder = Path(tempfile.mkdtemp())
            self.url = f"sqlite:///{self.folder / 'bench.sqlite3'}"
        else:
            self.name = f"{prefix}_{os.getpid()}"
            self._admin(f'CREATE DATABASE "{self.name}"')
            self.url = f"{server}/{self.name}"

    def drop(self):
        if self.vendor == "sqlite":
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            connection.execute(sql)


# --- Generated French content ---------------------------------------------------------------

# Theme → topics as a trainer writes them (with their article: the titles read naturally).
TOPICS = {
    "Outils bureautiques": [
        "les tableaux croisés dynamiques d'Excel",
        "les formules RECHERCHEV et SI dans Excel",
        "le publipostage avec Word",
        "les diaporamas avec LibreOffice Impress",
        "la messagerie Outlook",
        "le partage de fichiers sur l'intranet",
        "les raccourcis clavier de la bureautique",
        "les mises en forme conditionnelles",
    ],
    "Animation et pédagogie": [
        "le brise-glace de début de formation",
        "l'animation de réunion participative",
        "la prise de parole en public",
        "le photolangage",
        "le world café",
        "la classe inversée",
        "les jeux de rôle",
        "les cartes mentales",
    ],
    "Évaluation des formations": [
        "l'évaluation des acquis",
        "les questionnaires à chaud",
        "l'évaluation à froid",
        "les quiz interactifs",
        "l'auto-évaluation des stagiaires",
    ],
    "Accueil et relation aux usagers": [
        "l'accueil du public",
        "la gestion des incivilités",
        "l'accueil téléphonique",
        "la relation aux usagers",
        "les situations de tension au guichet",
        "l'accueil des personnes en situation de handicap",
    ],
    "Efficacité professionnelle": [
        "la gestion du temps",
        "la priorisation des tâches",
        "la gestion des courriels",
        "l'organisation de son agenda",
        "la gestion du stress",
        "le télétravail au quotidien",
    ],
    "Commande publique": [
        "les marchés publics",
        "la rédaction d'un cahier des charges",
        "l'analyse des offres",
        "les procédures adaptées",
        "l'exécution financière des marchés",
    ],
    "Données et numérique": [
        "le RGPD",
        "la protection des données personnelles",
        "le registre des traitements",
        "la cybersécurité au quotidien",
        "les mots de passe robustes",
        "la signature électronique",
    ],
    "Management": [
        "l'entretien professionnel annuel",
        "la conduite du changement",
        "la délégation",
        "le management d'équipe à distance",
        "la conduite de projet",
        "la cohésion d'équipe",
    ],
    "Transition écologique": [
        "la sobriété énergétique",
        "les achats responsables",
        "le tri des déchets au bureau",
        "la fresque du climat",
    ],
    "Finances locales": [
        "le budget d'une collectivité",
        "la comptabilité M57",
        "la préparation budgétaire",
        "les subventions aux associations",
    ],
    "Écrits professionnels": [
        "la rédaction administrative",
        "le FALC, facile à lire et à comprendre",
        "les comptes rendus de réunion",
        "le courrier administratif",
    ],
    "Santé et sécurité au travail": [
        "les gestes et postures",
        "la prévention des risques psychosociaux",
        "les premiers secours",
        "le travail sur écran",
    ],
}
VERBS = [
    "Découvrir",
    "Maîtriser",
    "Approfondir",
    "Pratiquer",
    "Réussir",
    "Animer",
    "Comprendre",
    "Prendre en main",
    "Apprivoiser",
    "Revisiter",
    "Expérimenter",
]
QUALIFIERS = [
    "",
    "",
    " en 30 minutes",
    " pour les débutants",
    " à distance",
    " en petit groupe",
    " pas à pas",
    " avec des cas concrets",
    " pour les encadrants",
    " en mode jeu",
]
AUDIENCES = [
    "agents d'accueil",
    "secrétaires de mairie",
    "encadrants de proximité",
    "agents techniques",
    "assistants administratifs",
    "formateurs occasionnels",
    "nouveaux arrivants",
    "acheteurs publics",
    "gestionnaires RH",
    "agents des médiathèques",
    "animateurs périscolaires",
    "agents de la petite enfance",
    "chefs de service",
    "agents des finances",
]
METHODS = [
    "grâce à des mises en situation",
    "à partir de cas réels de la collectivité",
    "en binômes puis en grand groupe",
    "avec un quiz et un débriefing",
    "par un jeu de cartes",
    "en alternant apports et exercices",
    "avec un support à emporter",
]
PURPOSES = [
    ("Une activité pour aider les", "à s'approprier"),
    ("Un exercice court qui permet aux", "de pratiquer"),
    ("Une séquence qui donne aux", "les clés pour comprendre"),
    ("Un temps d'échange qui invite les", "à revisiter"),
]
OBJECTIVES = [
    "Identifier les points clés de {t}",
    "Savoir expliquer {t} à un collègue",
    "Appliquer {t} dans son service",
    "Repérer les erreurs fréquentes sur {t}",
    "Construire un plan d'action sur {t}",
]
STEP_TITLES = [  # one of each column, so that no step word is in every activity
    ("Accueil et consigne", "Lancement", "Tour de table", "Mise en route", "Présentation"),
    ("Travail en sous-groupes", "Exercice individuel", "Jeu de rôle", "Étude de cas"),
    ("Mise en commun", "Restitution", "Débriefing", "Partage des résultats"),
    ("Synthèse", "Bilan", "Plan d'action", "Clôture"),
]
STEP_TEXTS = [
    "Le formateur présente {t} et distribue les supports.",
    "Chaque groupe prépare un exemple tiré de son quotidien sur {t}.",
    "Les groupes présentent leurs résultats ; le formateur complète.",
    "Chacun note une action qu'il mettra en œuvre dès la semaine prochaine.",
]
TIPS = [
    "Prévoyez un paperboard et des post-it de couleur.",
    "Gardez dix minutes pour les questions : c'est là que tout se joue.",
    "À distance, utilisez les salles de sous-groupes et un tableau blanc partagé.",
    "Adaptez les exemples au métier des participants.",
]
TAGS = ["visio", "jeu", "débutant", "rapide", "outil", "collectif", "kit", "cartes"]
SERIES = ["Les midis du numérique", "Mardis de la gestion", "Café RH", "Rendez-vous du droit"]
PLACES = ["Salle du conseil, hôtel de ville", "Salle 204, centre administratif", "En ligne"]
NEEDS = [
    "Mieux maîtriser {t}",
    "Une formation courte sur {t}",
    "Être à l'aise avec {t}",
]
BIOS = [
    "Formatrice interne depuis six ans, j'anime des ateliers sur {t}.",
    "Agent de terrain, je partage volontiers ce que je sais de {t}.",
]


def bare(topic):
    """ "les marchés publics" → "marchés publics", for titles that need no article."""
    for article in ("les ", "le ", "la ", "l'"):
        if topic.startswith(article):
            return topic[len(article) :]
    return topic


def capital(text):
    return text[:1].upper() + text[1:]


def activity_text(rng, topic):
    audience = rng.choice(AUDIENCES)
    title = f"{rng.choice(VERBS)} {topic}{rng.choice(QUALIFIERS)}"
    purpose, verb = rng.choice(PURPOSES)
    summary = f"{purpose} {audience} {verb} {topic} {rng.choice(METHODS)}."
    objectives = [
        {"type": "objective", "value": template.format(t=topic)}
        for template in rng.sample(OBJECTIVES, 2)
    ]
    steps = [
        {
            "type": "step",
            "value": {
                "title": rng.choice(titles),
                "duration": rng.choice((5, 10, 15, 20)),
                "instructions": f"<p>{text.format(t=topic)}</p>",
                "image": None,
            },
        }
        for titles, text in zip(STEP_TITLES, STEP_TEXTS, strict=True)
    ]
    return {
        "title": title[:255],
        "summary": summary[:200],
        "objectives": objectives,
        "steps": steps,
        "facilitator_tips": f"<p>{rng.choice(TIPS)} Public visé : {audience}.</p>",
    }


def workshop_text(rng, topic):
    audience = rng.choice(AUDIENCES)
    return {
        "title": f"Atelier : {bare(topic)}{rng.choice(QUALIFIERS)}"[:255],
        "summary": f"Repartir avec une méthode simple sur {topic}, testée entre pairs."[:200],
        "description": (
            f"<p>Un atelier d'agent à agent sur {topic}, {rng.choice(METHODS)}.</p>"
            f"<p>{rng.choice(TIPS)}</p>"
        ),
        "objectives": "<ul>"
        + "".join(f"<li>{t.format(t=topic)}</li>" for t in rng.sample(OBJECTIVES, 3))
        + "</ul>",
        "audience": capital(f"{audience} et tout agent intéressé"),
    }


# --- Filling the database -------------------------------------------------------------------


def fill(activity_count, workshop_count, label, workshop_sessions=None):
    """Every kind the search finds, at catalogue size for activities and workshops.

    Workshops and events get 0 to 3 sessions each at random, or, with ``workshop_sessions``,
    the workshops get that many in all, spread evenly (the load benchmark's exact sizes)."""
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Page

    from community.factories import HomePageFactory, NeedsBoardPageFactory, UserFactory
    from community.models import Profile, TrainingNeed
    from community.roles import TRAINERS
    from community.sites import install_home_page
    from events.factories import EventIndexPageFactory, WorkshopCatalogPageFactory
    from events.models import EventFormat, ExchangeEventPage, Series, Session, WorkshopPage
    from resources.factories import LibraryPageFactory
    from resources.models import ActivityPage, ActivityTag, Kind, Level, Modality, Theme

    rng = random.Random(SEED)  # noqa: S311 — repeatable content, not secrets
    now = timezone.now()
    home = HomePageFactory(parent=Page.get_first_root_node())
    install_home_page(home)
    library = LibraryPageFactory(parent=home)
    catalog = WorkshopCatalogPageFactory(parent=home)
    event_index = EventIndexPageFactory(parent=home)
    NeedsBoardPageFactory(parent=home)
    themes = {
        name: Theme.objects.create(name=name, slug=f"theme-{i}") for i, name in enumerate(TOPICS)
    }
    topics = [(themes[name], topic) for name, names in TOPICS.items() for topic in names]
    series = [Series.objects.create(name=name, slug=f"serie-{i}") for i, name in enumerate(SERIES)]
    tags = [Tag.objects.create(name=name, slug=f"tag-{i}") for i, name in enumerate(TAGS)]
    trainers = [UserFactory(roles=[TRAINERS]) for _ in range(40)]
    UserFactory(email=AGENT_EMAIL)
    for user in trainers:
        theme, topic = rng.choice(topics)
        Profile.objects.filter(user=user).update(
            bio=rng.choice(BIOS).format(t=topic), available_to_facilitate=True
        )

    def published(n):
        return now - timedelta(days=1 + n % 1000, minutes=n)

    def activities(start, stop):
        for n in range(start, stop):
            theme, topic = topics[rng.randrange(len(topics))]
            text = activity_text(rng, topic)
            page = ActivityPage(
                **text,
                slug=f"activite-{n}",
                duration_min=rng.choice((10, 15, 20, 30, 45)),
                duration_max=rng.choice((45, 60, 90, 120)),
                group_size_min=rng.choice((2, 4, 6)),
                group_size_max=rng.choice((12, 16, 20, 30)),
                modality=rng.choice(Modality.values),
                level=rng.choice(Level.values),
                kind=rng.choice(Kind.values),
                first_published_at=published(n),
            )
            extra = [rng.choice(list(themes.values()))] if rng.random() < 0.3 else []
            yield page, list(dict.fromkeys([theme, *extra]))

    def workshops(start, stop, model, **fields):
        for n in range(start, stop):
            theme, topic = topics[rng.randrange(len(topics))]
            text = workshop_text(rng, topic)
            if model is ExchangeEventPage:
                del text["objectives"]  # a workshop's field only
            page = model(
                **text,
                **fields,
                slug=f"{model._meta.model_name}-{n}",
                series=rng.choice([*series, None]),
                duration_minutes=rng.choice((60, 90, 120, 180)),
                format=rng.choice(EventFormat.values),
                first_published_at=published(n),
            )
            yield page, [theme]

    added = bulk_add(library, activities(0, activity_count), label, "activities")
    ActivityTag.objects.bulk_create(
        (
            ActivityTag(content_object_id=pk, tag=tag)
            for pk in added
            for tag in rng.sample(tags, rng.randint(0, 2))
        ),
        batch_size=2000,
    )
    added = bulk_add(catalog, workshops(0, workshop_count, WorkshopPage), label, "workshops")
    events = bulk_add(
        event_index,
        workshops(0, max(20, workshop_count // 20), ExchangeEventPage, kind="meetup"),
        label,
        "exchange events",
    )

    def session(event_id):
        start = now + timedelta(days=rng.randint(-120, 90), hours=rng.randint(0, 8))
        return Session(
            event_id=event_id,
            start=start,
            end=start + timedelta(hours=2),
            place=rng.choice(PLACES),
            capacity=rng.choice((8, 12, 16, 20)),
        )

    if workshop_sessions is None:  # drawn as they go, as before: the same content
        owners = (pk for pk in [*added, *events] for _ in range(rng.randint(0, 3)))
    else:
        owners = [added[n % len(added)] for n in range(workshop_sessions)] if added else []
    Session.objects.bulk_create((session(pk) for pk in owners), batch_size=2000)
    TrainingNeed.objects.bulk_create(
        TrainingNeed(
            title=capital(rng.choice(NEEDS).format(t=topic))[:200],
            why=f"Pour les {rng.choice(AUDIENCES)} de mon service.",
            theme=theme,
            author=rng.choice(trainers),
        )
        for theme, topic in (rng.choice(topics) for _ in range(300))
    )


def bulk_add(parent, pages_and_themes, label, what, batch=500):
    """Insert live pages under ``parent`` in batches: their tree paths computed here, one
    INSERT per table of the model's inheritance chain, then their themes. Returns the new ids."""
    from django.db import connection, transaction
    from django.db.models.sql import InsertQuery
    from wagtail.models import Locale, Page

    locale = Locale.get_default()
    parent.refresh_from_db()
    step = parent.numchild
    ids = []
    pending = []

    def flush():
        nonlocal step
        if not pending:
            return
        model = type(pending[0][0])
        chain = sorted(model._meta.get_parent_list(), key=model.__mro__.index, reverse=True)
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(model)
        for page, _themes in pending:
            step += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.live, page.has_unpublished_changes = True, False
            page.last_published_at = page.first_published_at
            page.locale, page.translation_key = locale, uuid.uuid4()
            page.content_type = content_type
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        with transaction.atomic():
            rows = Page.objects.bulk_create(
                Page(**{f.attname: getattr(page, f.attname) for f in page_fields})
                for page, _themes in pending
            )
            for (page, _themes), row in zip(pending, rows, strict=True):
                page.id = row.id
                for ancestor in [*chain[1:], model]:
                    setattr(page, ancestor._meta.pk.attname, row.id)
            for table_model in [*chain[1:], model]:
                query = InsertQuery(table_model)
                query.insert_values(
                    table_model._meta.local_concrete_fields, [page for page, _ in pending]
                )
                query.get_compiler(connection.alias).execute_sql(None)
            field = model._meta.get_field("themes")
            through = field.remote_field.through
            source, target = field.m2m_column_name(), field.m2m_reverse_name()
            through.objects.bulk_create(
                through(**{source: page.id, target: theme.id})
                for page, themes in pending
                for theme in themes
            )
            Page.objects.filter(pk=parent.pk).update(numchild=step)
        ids.extend(page.id for page, _ in pending)
        pending.clear()
        if len(ids) % 5000 == 0:
            print(f"[{label}]   … {len(ids)} {what}", flush=True)

    for page_and_themes in pages_and_themes:
        pending.append(page_and_themes)
        if len(pending) == batch:
            flush()
    flush()
    return ids


# --- Querying -------------------------------------------------------------------------------

SINGLE = [
    "excel",
    "réunion",
    "brise-glace",
    "évaluation",
    "accueil",
    "RGPD",
    "marchés",
    "bureautique",
    "stress",
    "budget",
    "télétravail",
    "management",
    "climat",
    "Word",
]
PLURALS = [
    "reunions",
    "evaluations",
    "tableaux",
    "marches publics",
    "entretiens",
    "incivilites",
    "dechets",
    "procedures",
    "donnees personnelles",
    "questionnaires",
]
MULTI = [
    "tableaux croisés dynamiques",
    "animation de réunion",
    "prise de parole en public",
    "gestion du temps",
    "accueil du public difficile",
    "brise-glace à distance",
    "protection des données personnelles",
    "cahier des charges marchés publics",
    "évaluation à froid",
    "jeu de rôle accueil téléphonique",
    "excel pour les débutants",
    "management d'équipe à distance",
]
TYPOS = [
    "reunoin",
    "evalutaion",
    "exel",
    "tableaux croises dynamqiues",
    "brise glasse",
    "acceuil",
    "marchés publiqs",
    "gesiton du temps",
    "bureatique",
    "cybersecurite",
]
NO_RESULT = ["xylophone quantique", "astrophysique polynésienne"]
FACETS = [
    {"modality": "remote"},
    {"modality": "face_to_face"},
    {"level": "discovery"},
    {"type": "activity"},
    {"type": "workshop"},
    {"modality": "blended", "level": "expert"},
]
PAGE_2 = ["réunion", "excel", "évaluation", "accueil", "gestion"]
MIX = [("single", 40), ("plural", 25), ("multi", 35), ("facet", 40), ("typo", 25),
       ("none", 10), ("page2", 25)]  # fmt: skip


def query_list(theme_ids):
    """200 (sort, address) pairs in a fixed shuffled order, by share of each sort."""
    rng = random.Random(SEED)  # noqa: S311 — repeatable content, not secrets
    queries = []
    for sort, count in MIX:
        for n in range(count):
            if sort == "single":
                params = {"q": SINGLE[n % len(SINGLE)]}
            elif sort == "plural":
                params = {"q": PLURALS[n % len(PLURALS)]}
            elif sort == "multi":
                params = {"q": MULTI[n % len(MULTI)]}
            elif sort == "facet":
                params = {"q": rng.choice(SINGLE + MULTI)}
                params.update(
                    {"theme": rng.choice(theme_ids)} if n % 3 == 0 else FACETS[n % len(FACETS)]
                )
            elif sort == "typo":
                params = {"q": TYPOS[n % len(TYPOS)]}
            elif sort == "none":
                params = {"q": NO_RESULT[n % len(NO_RESULT)]}
            else:
                params = {"q": PAGE_2[n % len(PAGE_2)], "page": 2}
            queries.append((sort, f"/recherche/?{urlencode(params)}"))
    rng.shuffle(queries)
    return queries


def measure(agent, profile_count):
    from django.db import connection
    from django.test import Client

    from resources.models import Theme

    client = Client()
    client.force_login(agent)
    queries = query_list(list(Theme.objects.values_list("pk", flat=True)))
    for _sort, url in queries[:WARM_UP]:
        try:
            client.get(url)
        except Exception as error:  # noqa: BLE001 — the timed requests count the errors
            print(f"  warm-up error: {error!r}", flush=True)
    load = os.getloadavg()[0]
    timings, counts, errors = [], [], 0
    for n, (sort, url) in enumerate(queries, 1):
        if n % 50 == 0:
            print(f"  … {n} queries", flush=True)
        counter = QueryCounter()
        began = time.perf_counter()
        with connection.execute_wrapper(counter):
            try:
                status = client.get(url).status_code
            except Exception as error:  # noqa: BLE001 — counted, the run goes on
                status = repr(error)
        timings.append(((time.perf_counter() - began) * 1000, sort, url))
        counts.append(counter.count)
        if status != 200:
            errors += 1
            if errors <= 3:
                print(f"  error {status}: {url}", flush=True)
    load = (load + os.getloadavg()[0]) / 2
    ordered = sorted(timings)
    ms = [t for t, _, _ in ordered]
    print(f"  by sort of query (load average {load:.1f} on {os.cpu_count()} cores):")
    for sort, _count in MIX:
        mine = [t for t, s, _ in ordered if s == sort]
        print(f"    {sort:<7} p50 {statistics.median(mine):7.1f} ms   max {mine[-1]:7.1f} ms")
    print("  slowest:")
    for t, _sort, url in ordered[-5:][::-1]:
        print(f"    {t:7.1f} ms  {url}", flush=True)
    if profile_count:
        profile(client, [url for _, _, url in ordered[-profile_count:]])
    return {
        "p50_ms": statistics.median(ms),
        "p95_ms": percentile(ms, 95),
        "max_ms": ms[-1],
        "queries": int(statistics.median(counts)),
        "errors": errors,
        "load": load,
    }


def percentile(ordered, p):
    """Nearest rank: the value below which p % of the sorted values fall."""
    return ordered[max(0, math.ceil(len(ordered) * p / 100) - 1)]


class QueryCounter:
    """Counts SQL queries without keeping them (cheaper than CaptureQueriesContext)."""

    count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def profile(client, urls):
    """cProfile and the slowest SQL of the slowest requests (--profile N)."""
    import cProfile
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in urls:
        print(f"\n== {url}", flush=True)
        with CaptureQueriesContext(connection) as captured:
            profiler = cProfile.Profile()
            profiler.enable()
            client.get(url)
            profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        slow = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:5]
        for query in slow:
            print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:600]}")


if __name__ == "__main__":
    main()
