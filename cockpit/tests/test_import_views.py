"""The import screen in the admin: only the training team sees it; it checks the whole file and
shows every error without importing, or imports and shows the summary."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from cockpit.tests import test_import_command
from cockpit.tests.test_import_command import ACTIVITY_HEADER, SAMPLE, activity_row, counts
from events.models import Session, WorkshopPage
from resources.models import ActivityPage

URL = reverse("cockpit_import")
catalogue_site = test_import_command.catalogue_site  # the same site as the command's tests


def upload(client, content, name="catalogue.csv", **options):
    data = {"file": SimpleUploadedFile(name, content), **options}
    return client.post(URL, data)


def text(response):
    """The page's text, tags and spacing removed, for assertions on what a person reads."""
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.split())


# ---------------------------------------------------------------------------------------------
# Who sees it


@pytest.mark.parametrize("role", ["team_member", "superuser"])
def test_the_training_team_and_superusers_see_the_screen_and_the_menu(db, client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(URL)
    home = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "Import du catalogue" in text(response)
    assert 'name="file"' in response.content.decode()
    assert URL in home.content.decode()


def test_a_trainer_gets_403_and_no_menu_item(client, trainer, catalogue_site):
    client.force_login(trainer)

    response = client.get(URL)
    posted = upload(client, SAMPLE.read_bytes(), publish="on")
    home = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 403
    assert "Seule l’équipe formation peut importer le catalogue." in text(response)
    assert posted.status_code == 403
    assert not ActivityPage.objects.exists()
    assert home.status_code == 200 and URL not in home.content.decode()
    assert client.get(reverse("cockpit_import_sample")).status_code == 403


def test_an_agent_is_kept_out(client, agent, catalogue_site):
    """Agents have no access to the admin at all: Wagtail sends them to its login page."""
    client.force_login(agent)

    response = client.get(URL)
    posted = upload(client, SAMPLE.read_bytes(), publish="on")

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]
    assert posted.status_code in (302, 403)
    assert not ActivityPage.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# ---------------------------------------------------------------------------------------------
# Uploading


def test_a_valid_file_is_imported_and_summarised(client, team_member, catalogue_site):
    client.force_login(team_member)

    response = upload(client, SAMPLE.read_bytes(), publish="on")

    page = text(response)
    assert response.status_code == 200
    assert "Import terminé" in page
    assert "Créés : 3 activités, 2 ateliers, 3 séances." in page
    assert "Ignorées : 0 ligne invalide." in page
    assert ActivityPage.objects.live().count() == 3
    assert WorkshopPage.objects.live().count() == 2
    assert Session.objects.count() == 3
    portrait = ActivityPage.objects.get(title__startswith="Le portrait")
    assert portrait.owner == team_member
    assert portrait.live_revision.user == team_member


def test_unticked_publish_keeps_drafts(client, team_member, catalogue_site):
    client.force_login(team_member)

    upload(client, SAMPLE.read_bytes())  # an unticked checkbox is absent from the POST

    assert ActivityPage.objects.count() == 3
    assert not ActivityPage.objects.live().exists()


def test_errors_are_listed_in_a_table_and_nothing_is_imported(client, team_member, catalogue_site):
    client.force_login(team_member)
    content = "\n".join(
        [
            ACTIVITY_HEADER,
            activity_row("Bon"),
            activity_row("Mauvais", duree_min="-4"),
            activity_row("bon"),
        ]
    ).encode()
    before = counts()

    response = upload(client, content, publish="on")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Rien n’a été importé" in text(response)
    assert "<caption" in html and '<th scope="col">Ligne</th>' in html
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html, re.S)
    assert [(line, column) for line, column, _message in rows] == [
        ("3", "duree_min"),
        ("4", "—"),
    ]
    assert "doublon de la ligne 2" in rows[1][2]
    assert counts() == before


def test_skip_invalid_imports_the_valid_rows_and_lists_the_others(
    client, team_member, catalogue_site
):
    client.force_login(team_member)
    content = "\n".join(
        [ACTIVITY_HEADER, activity_row("Bon"), activity_row("Mauvais", niveau="divin")]
    ).encode()

    response = upload(client, content, publish="on", skip_invalid="on")

    page = text(response)
    assert "Créés : 1 activité." in page
    assert "Ignorées : 1 ligne invalide." in page
    assert "« divin » n’est pas une valeur connue" in page
    assert list(ActivityPage.objects.values_list("title", flat=True)) == ["Bon"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("catalogue.pdf", b"%PDF-1.4", "Choisissez un fichier .csv ou .xlsx."),
        ("catalogue.csv", b"type;titre\n" + b"x" * (5 * 1024 * 1024), "au plus 5,0"),
    ],
)
@pytest.mark.usefixtures("catalogue_site")
def test_the_upload_is_limited_in_kind_and_size(client, team_member, name, content, message):
    client.force_login(team_member)
    before = Page.objects.count()

    response = upload(client, content, name=name, publish="on")

    assert message in text(response)
    assert Page.objects.count() == before


def test_the_sample_file_can_be_downloaded(client, team_member):
    client.force_login(team_member)

    response = client.get(reverse("cockpit_import_sample"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SAMPLE.read_bytes()
