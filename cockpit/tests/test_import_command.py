"""``manage.py import_catalogue``: the sample file imports, a re-import updates, and every kind
of bad file is reported line by line and leaves the database as it was."""

import datetime
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook
from wagtail.models import Page, PageLogEntry, Revision

from community.factories import UserFactory
from events.factories import SeriesFactory, WorkshopCatalogPageFactory, WorkshopPageFactory
from events.models import Session, WorkshopPage
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import ActivityPage

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import" / "exemple-catalogue.csv"
PARIS = ZoneInfo("Europe/Paris")
THEMES = [
    ("Pédagogie et animation", "pedagogie-et-animation"),
    ("Management", "management"),
    ("Actualité juridique", "actualite-juridique"),
    ("Outils bureautiques", "outils-bureautiques"),
    ("Préparation aux concours", "preparation-aux-concours"),
]
PEOPLE = [
    "nathalie.girard@atelier.example",
    "thomas.martin@atelier.example",
    "amina.diallo@atelier.example",
    "julien.roux@atelier.example",
]
ACTIVITY_HEADER = "type;titre;resume;duree_min;duree_max;modalite;niveau;nature;themes"


@pytest.fixture
def catalogue_site(home_page):
    """A library, a workshop catalogue, the sample's themes, series and people."""
    LibraryPageFactory(parent=home_page)
    WorkshopCatalogPageFactory(parent=home_page)
    for name, slug in THEMES:
        ThemeFactory(name=name, slug=slug)
    SeriesFactory(name="Un truc² en +", slug="un-truc-en-plus")
    SeriesFactory(name="Prépa'Truc²", slug="prepa-truc")
    for email in PEOPLE:
        UserFactory(email=email)
    return home_page


def run(tmp_path, content, *options, name="catalogue.csv"):
    """The command on ``content`` (bytes or text, written as UTF-8): (stdout, stderr)."""
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_catalogue", str(path), *options, stdout=out, stderr=err)
    except CommandError as error:
        raise ImportFailed(out.getvalue(), err.getvalue() + str(error)) from error
    return out.getvalue(), err.getvalue()


class ImportFailed(Exception):
    def __init__(self, out, err):
        super().__init__(err)
        self.out, self.err = out, err


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Session.objects.count(),
        ActivityPage.objects.count(),
    )


def activity_row(title="Le bingo", **overrides):
    values = {
        "type": "activite",
        "titre": title,
        "resume": "Un brise-glace",
        "duree_min": "10",
        "duree_max": "20",
        "modalite": "présentiel",
        "niveau": "découverte",
        "nature": "brise-glace",
        "themes": "Management",
    }
    values.update(overrides)
    return ";".join(values.values())


# ---------------------------------------------------------------------------------------------
# The sample file


def test_the_sample_file_imports_published_pages_with_their_fields(catalogue_site, tmp_path):
    out, _err = run(tmp_path, SAMPLE.read_bytes())

    assert "Créés : 3 activités, 2 ateliers, 3 séances." in out
    assert "Mis à jour : aucun." in out
    assert "Ignorées : 0 ligne invalide." in out
    portrait = ActivityPage.objects.get(title="Le portrait chinois de la collectivité")
    assert portrait.live and portrait.first_published_at is not None
    assert portrait.get_parent().specific_class.__name__ == "LibraryPage"
    assert (portrait.duration_min, portrait.duration_max) == (15, 25)
    assert (portrait.group_size_min, portrait.group_size_max) == (6, 20)
    assert (portrait.modality, portrait.level, portrait.kind) == (
        "face_to_face",
        "discovery",
        "ice_breaker",
    )
    assert portrait.licence == "cc_by_sa"
    assert [block.value for block in portrait.objectives] == [
        "Faire connaissance en s'amusant",
        "Créer un climat de confiance",
    ]
    steps = [block.value for block in portrait.steps]
    assert [(step["title"], step["duration"]) for step in steps] == [
        ("Distribuer les fiches", 2),
        ("Compléter en silence", 5),
        ("Tour de table", 15),
    ]
    assert "cinq analogies" in steps[0]["instructions"].source
    assert portrait.materials == (
        "<ul><li>Une fiche de questions par personne</li><li>Des stylos</li></ul>"
    )
    assert [theme.name for theme in portrait.themes.all()] == ["Pédagogie et animation"]
    assert sorted(portrait.tags.names()) == ["brise-glace", "présentation"]
    assert [user.email for user in portrait.authors.all()] == [PEOPLE[0]]
    quiz = ActivityPage.objects.get(title__startswith="Quiz")
    assert (quiz.licence, quiz.modality, quiz.kind) == ("internal", "self_paced", "assessment")
    assert (quiz.group_size_min, quiz.group_size_max) == (1, 30)  # the defaults

    workshop = WorkshopPage.objects.get(title="Fusionner des documents avec le tableur")
    assert workshop.live and workshop.get_parent().slug == "ateliers"
    assert workshop.series.slug == "un-truc-en-plus"
    assert workshop.duration_minutes == 60
    assert workshop.audience == "Agents qui envoient des courriers en nombre"
    assert workshop.prerequisites == "Savoir ouvrir un tableur"
    assert [user.email for user in workshop.facilitators.all()] == [PEOPLE[2]]
    assert [theme.slug for theme in workshop.themes.all()] == ["outils-bureautiques"]
    sessions = list(Session.objects.filter(event=workshop).order_by("start"))
    assert [session.start.astimezone(PARIS) for session in sessions] == [
        datetime.datetime(2027, 1, 14, 14, 0, tzinfo=PARIS),  # JJ/MM/AAAA HH:MM
        datetime.datetime(2027, 2, 11, 14, 0, tzinfo=PARIS),  # ISO 8601
    ]
    assert sessions[0].end.astimezone(PARIS).hour == 15
    assert sessions[0].capacity == 10
    assert sessions[0].place == "Salle Jean-Jaurès, 2 place de l'Hôtel de ville"


def test_imported_activities_are_found_by_the_site_search(catalogue_site, client, tmp_path):
    run(tmp_path, SAMPLE.read_bytes())

    response = client.get(reverse("search"), {"q": "portrait chinois"})

    page = ActivityPage.objects.get(title__startswith="Le portrait")
    assert f'href="{page.url}"' in response.content.decode()


def test_a_long_file_is_indexed_once_at_the_end_and_searchable(
    catalogue_site, client, tmp_path, monkeypatch
):
    monkeypatch.setattr("cockpit.catalogue_import.writing.BULK_ROWS", 2)
    lines = [ACTIVITY_HEADER] + [
        activity_row(f"Méthode zygomatique {n}", resume=f"Exercice numéro {n}") for n in range(3)
    ]
    run(tmp_path, "\n".join(lines))

    response = client.get(reverse("search"), {"q": "zygomatique"})

    html = response.content.decode()
    for page in ActivityPage.objects.all():
        assert f'href="{page.url}"' in html


def test_reimporting_the_same_file_updates_and_never_duplicates(catalogue_site, tmp_path):
    run(tmp_path, SAMPLE.read_bytes())
    pages, revisions, sessions, activities = counts()
    portrait = ActivityPage.objects.get(title__startswith="Le portrait")
    portrait.summary = "Changé à la main"
    portrait.save_revision().publish()

    out, _err = run(tmp_path, SAMPLE.read_bytes())

    assert "Créés : aucun." in out
    assert "Mis à jour : 3 activités, 2 ateliers, 3 séances." in out
    assert (Page.objects.count(), Session.objects.count()) == (pages, sessions)
    assert ActivityPage.objects.count() == activities
    portrait.refresh_from_db()
    assert portrait.summary.startswith("Un brise-glace où chacun")
    assert portrait.revisions.count() == 3  # import, hand edit, re-import: a new revision


def test_a_reimport_replaces_the_relations_and_publishes_the_new_revision(
    catalogue_site, tmp_path, client
):
    header = ACTIVITY_HEADER + ";mots_cles;auteurs"
    run(tmp_path, f"{header}\n{activity_row(themes='Management')};ancien;{PEOPLE[0]}")
    run(
        tmp_path,
        f"{header}\n{activity_row(themes='Outils bureautiques', resume='Neuf')};neuf;{PEOPLE[1]}",
    )

    page = ActivityPage.objects.get()
    assert [theme.name for theme in page.themes.all()] == ["Outils bureautiques"]
    assert list(page.tags.names()) == ["neuf"]
    assert [user.email for user in page.authors.all()] == [PEOPLE[1]]
    assert page.live_revision == page.latest_revision
    assert page.live_revision.as_object().summary == "Neuf"
    assert not page.has_unpublished_changes
    assert "Neuf" in client.get(page.url).content.decode()


def test_a_session_may_name_a_workshop_already_in_the_site(catalogue_site, tmp_path):
    workshop = WorkshopPageFactory(
        parent=Page.objects.get(slug="ateliers"), title="Atelier existant"
    )
    content = (
        "type;atelier;debut;fin;capacite\n"
        "session;atelier existant;2027-05-03 10:00;2027-05-03 12:00;8\n"
    )

    run(tmp_path, content)

    assert workshop.sessions.get().capacity == 8


def test_new_pages_take_their_place_after_the_existing_ones_in_a_sound_tree(
    catalogue_site, tmp_path
):
    library = Page.objects.get(slug="bibliotheque")
    existing = ActivityPageFactory(parent=library, title="Déjà là", slug="le-bingo")

    run(tmp_path, "\n".join([ACTIVITY_HEADER, activity_row("Le bingo"), activity_row("Quiz")]))

    assert all(not problems for problems in Page.find_problems())
    library.refresh_from_db()
    assert library.numchild == 3
    children = list(library.get_children().specific())
    assert [page.title for page in children] == ["Déjà là", "Le bingo", "Quiz"]
    assert children[1].slug == "le-bingo-2"  # the existing slug is kept by its page
    assert children[1].url == "/bibliotheque/le-bingo-2/"
    assert existing.url == "/bibliotheque/le-bingo/"


def test_imported_pages_have_a_history(catalogue_site, tmp_path, team_member):
    run(tmp_path, ACTIVITY_HEADER + "\n" + activity_row())

    page = ActivityPage.objects.get()
    entries = PageLogEntry.objects.filter(page=page).order_by("id")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["wagtail.create", "wagtail.publish"]
    assert page.live_revision == page.latest_revision
    assert page.live_revision.as_object().themes.get().name == "Management"


def test_draft_keeps_new_pages_unpublished(catalogue_site, tmp_path):
    run(tmp_path, SAMPLE.read_bytes(), "--draft")

    portrait = ActivityPage.objects.get(title__startswith="Le portrait")
    assert not portrait.live
    assert portrait.has_unpublished_changes
    assert portrait.latest_revision is not None
    assert not WorkshopPage.objects.live().exists()


def test_draft_on_an_existing_page_leaves_the_live_version(catalogue_site, tmp_path):
    run(tmp_path, ACTIVITY_HEADER + "\n" + activity_row(resume="Première version"))
    run(tmp_path, ACTIVITY_HEADER + "\n" + activity_row(resume="Deuxième version"), "--draft")

    page = ActivityPage.objects.get(title="Le bingo")
    assert page.live and page.summary == "Première version"
    assert page.get_latest_revision_as_object().summary == "Deuxième version"


# ---------------------------------------------------------------------------------------------
# Encodings, separators, formats


def test_a_windows_1252_file_separated_by_semicolons(catalogue_site, tmp_path):
    content = (
        ACTIVITY_HEADER + "\r\n" + activity_row("Éloge de la lenteur", nature="Jeu sérieux")
    ).encode("cp1252")

    run(tmp_path, content)

    page = ActivityPage.objects.get()
    assert page.title == "Éloge de la lenteur" and page.kind == "serious_game"


def test_a_utf8_file_with_bom_separated_by_commas(catalogue_site, tmp_path):
    content = (
        "\ufeffType,Titre,Résumé,Durée min,Durée max,Modalité,Niveau,Nature,Thèmes\r\n"
        'activité,"Le débat mouvant, version longue",Se placer selon son avis,20,40,'
        "Distanciel,INTERMÉDIAIRE,methode d'animation,management\r\n"
    ).encode()

    run(tmp_path, content)

    page = ActivityPage.objects.get()
    assert page.title == "Le débat mouvant, version longue"
    assert (page.modality, page.level, page.kind) == (
        "remote",
        "intermediate",
        "facilitation_method",
    )


def test_an_xlsx_file(catalogue_site, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["type", "titre", "resume", "duree_min", "serie", "atelier", "debut", "fin", "capacite"]
    )
    sheet.append(["atelier", "Tableur avancé", "Les formules", 90, "un-truc-en-plus"])
    sheet.append(
        [
            "session",
            None,
            None,
            None,
            None,
            "Tableur avancé",
            datetime.datetime(2027, 3, 1, 9),
            "01/03/2027 10:30",
            12,
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    run(tmp_path, buffer.getvalue(), name="catalogue.xlsx")

    session = Session.objects.get()
    assert session.event.title == "Tableur avancé" and session.capacity == 12
    assert session.start == datetime.datetime(2027, 3, 1, 9, tzinfo=PARIS)
    assert session.end == datetime.datetime(2027, 3, 1, 10, 30, tzinfo=PARIS)


# ---------------------------------------------------------------------------------------------
# Bad files: a clear error, and nothing changed


BAD_FILES = {
    "wrong encoding": (
        "catalogue.csv",
        "type;titre\nactivite;Bingo\n".encode("utf-16"),
        "UTF-16",
    ),
    "binary file": ("catalogue.csv", bytes(range(256)) * 4, "un fichier binaire"),
    "neither UTF-8 nor Windows-1252": (
        "catalogue.csv",
        b"type;titre\nactivite;Bingo \x81\x8d\x90\n",
        "L’encodage du fichier n’est ni UTF-8 ni Windows-1252",
    ),
    "not really an XLSX": (
        "catalogue.xlsx",
        b"PK\x03\x04 truncated",
        "est-ce vraiment un fichier XLSX",
    ),
    "missing column": (
        "catalogue.csv",
        "type;titre;resume;duree_min;modalite;niveau;nature\n"
        "activite;Bingo;Un jeu;10;présentiel;découverte;brise-glace\n",
        "Ligne 1, colonne « duree_max » : cette colonne manque",
    ),
    "bad date": (
        "catalogue.csv",
        "type;atelier;debut;fin;capacite\nsession;Atelier existant;32/01/2027 10:00;"
        "01/02/2027 12:00;8\n",
        "Ligne 2, colonne « debut » : « 32/01/2027 10:00 » n’est pas une date",
    ),
    "negative capacity": (
        "catalogue.csv",
        "type;atelier;debut;fin;capacite\nsession;Atelier existant;01/02/2027 10:00;"
        "01/02/2027 12:00;-5\n",
        "Ligne 2, colonne « capacite » : « -5 » n’est pas un nombre entier entre 1 et 500",
    ),
    "unknown series": (
        "catalogue.csv",
        "type;titre;resume;duree_min;serie\natelier;Nouveau;Un atelier;60;Série fantôme\n",
        "Ligne 2, colonne « serie » : série inconnue « Série fantôme »",
    ),
    "duplicated row": (
        "catalogue.csv",
        "\n".join(
            [ACTIVITY_HEADER, activity_row("Bingo"), activity_row("Quiz"), activity_row("BINGO")]
        ),
        "Ligne 4 : doublon de la ligne 2",
    ),
    "unknown theme": (
        "catalogue.csv",
        ACTIVITY_HEADER + "\n" + activity_row(themes="Cuisine"),
        "thème(s) inconnu(s) : « Cuisine »",
    ),
    "unknown author": (
        "catalogue.csv",
        ACTIVITY_HEADER + ";auteurs\n" + activity_row() + ";inconnu@atelier.example",
        "aucun compte n’a l’adresse « inconnu@atelier.example »",
    ),
    "keyword too long": (
        "catalogue.csv",
        ACTIVITY_HEADER + ";mots_cles\n" + activity_row() + ";" + "x" * 101,
        "colonne « mots_cles » : le mot-clé « xxx",
    ),
    "unknown workshop": (
        "catalogue.csv",
        "type;atelier;debut;fin;capacite\nsession;Fantôme;01/02/2027 10:00;01/02/2027 12:00;8\n",
        "Ligne 2, colonne « atelier » : aucun atelier « Fantôme »",
    ),
    "end before start": (
        "catalogue.csv",
        "type;atelier;debut;fin;capacite\nsession;Atelier existant;01/02/2027 10:00;"
        "01/02/2027 09:00;8\n",
        "colonne « fin » : la fin doit venir après le début",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_reported_and_changes_nothing(catalogue_site, tmp_path, case):
    name, content, message = BAD_FILES[case]
    WorkshopPageFactory(parent=Page.objects.get(slug="ateliers"), title="Atelier existant")
    # A valid row in the same file must not be imported either.
    before = counts()

    with pytest.raises(ImportFailed) as failure:
        run(tmp_path, content, name=name)

    assert message in failure.value.err
    assert "rien n’a été importé" in failure.value.err
    assert counts() == before


def test_every_error_is_reported_with_its_line_and_column(catalogue_site, tmp_path):
    content = "\n".join(
        [
            ACTIVITY_HEADER,
            activity_row("Bon"),
            activity_row("Mauvais", duree_min="abc", modalite="en l'air"),
            activity_row("", duree_max="5", duree_min="10"),
        ]
    )

    with pytest.raises(ImportFailed) as failure:
        run(tmp_path, content)

    err = failure.value.err
    assert "Ligne 3, colonne « duree_min » : « abc » n’est pas un nombre entier" in err
    assert "Ligne 3, colonne « modalite » : « en l'air » n’est pas une valeur connue" in err
    assert "« présentiel »" in err  # the accepted values are listed
    assert "Ligne 4, colonne « titre » : cette colonne est obligatoire." in err
    assert "Ligne 4, colonne « duree_max » : la durée maximale (5)" in err
    assert "4 erreurs : rien n’a été importé." in err
    assert not ActivityPage.objects.exists()


def test_skip_invalid_imports_the_valid_rows_and_exits_with_an_error(catalogue_site, tmp_path):
    content = "\n".join(
        [ACTIVITY_HEADER, activity_row("Bon"), activity_row("Mauvais", niveau="divin")]
    )

    with pytest.raises(ImportFailed) as failure:
        run(tmp_path, content, "--skip-invalid")

    assert "Créés : 1 activité." in failure.value.out
    assert "Ignorées : 1 ligne invalide." in failure.value.out
    assert "Ligne 3, colonne « niveau »" in failure.value.err
    assert "1 ligne invalide n’a pas été importée." in failure.value.err
    assert list(ActivityPage.objects.values_list("title", flat=True)) == ["Bon"]


def test_skip_invalid_still_refuses_a_file_whose_header_is_wrong(catalogue_site, tmp_path):
    content = "type;titre;colonne_inventee\nactivite;Bingo;x\n"

    with pytest.raises(ImportFailed) as failure:
        run(tmp_path, content, "--skip-invalid")

    assert "Ligne 1, colonne « colonne_inventee » : colonne inconnue" in failure.value.err
    assert not ActivityPage.objects.exists()


def test_a_long_file_shows_its_progress_on_stderr(catalogue_site, tmp_path, monkeypatch):
    monkeypatch.setattr("cockpit.management.commands.import_catalogue.LONG_FILE_ROWS", 2)
    lines = [ACTIVITY_HEADER] + [activity_row(f"Activité {n}") for n in range(3)]

    out, err = run(tmp_path, "\n".join(lines))

    assert "Import : 1/3 lignes" in err and "Import : 3/3 lignes" in err
    assert "Créés : 3 activités." in out


def test_a_short_file_imports_quietly(catalogue_site, tmp_path):
    out, err = run(tmp_path, ACTIVITY_HEADER + "\n" + activity_row())

    assert err == ""
    assert "Créés : 1 activité." in out


def test_the_exit_status_is_non_zero_on_errors(catalogue_site, tmp_path):
    """What a shell script sees: ``manage.py`` exits with 1 after a CommandError."""
    path = tmp_path / "bad.csv"
    path.write_text(ACTIVITY_HEADER + "\n" + activity_row(niveau="divin"))
    with pytest.raises(SystemExit) as exit_status:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", "import_catalogue", str(path), "--skip-invalid"])
    assert exit_status.value.code == 1
