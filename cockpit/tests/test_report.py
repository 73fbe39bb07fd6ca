"""The yearly report per series: the page, its sentence, its CSV and XLSX exports."""

import csv
import html as html_lib
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cockpit import report_views
from cockpit.tests import figures_data
from cockpit.tests.figures_data import FINANCES

dataset = figures_data.dataset
pytestmark = pytest.mark.django_db

URL = "cockpit_report"
TWO_YEARS = {"start": "2024-01-01", "end": "2025-12-31"}
HEADINGS = [
    "Année",
    "Série",
    "Séances tenues",
    "Participants",
    "Animateurs distincts",
    "Heures de séances",
    "Heures de formation",
]
ROWS = [
    ["2024", "Ac'Truc²", "1", "5", "1", "2", "10"],
    ["2025", "Ac'Truc²", "2", "10", "2", "3,5", "18"],
    ["2025", "Midi Truc", "1", "9", "2", "3", "27"],
]


def get(client, user, **params):
    client.force_login(user)
    return client.get(reverse(URL), params)


def page_rows(response):
    """The cells of the report's table, as text."""
    html = response.content.decode()
    table = html.split("data-report-table", 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [
        [
            html_lib.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def csv_rows(response):
    content = response.content
    assert content.startswith("\ufeff".encode())  # the BOM a French Excel needs for UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_page_shows_the_table_and_the_sentences(client, team_member, dataset):
    response = get(client, team_member, **TWO_YEARS)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>" in html and '<th scope="col">Séances tenues</th>' in html
    assert page_rows(response) == ROWS
    sentences = html_lib.unescape(html.split("data-report-sentences", 1)[1].split("</ul>", 1)[0])
    assert "<li>2024 : Ac'Truc² : 1 séance (5 participants).</li>" in sentences
    assert (
        "<li>2025 : Ac'Truc² : 2 séances (10 participants), "
        "Midi Truc : 1 séance (9 participants).</li>"
    ) in sentences


def test_the_csv_export_has_the_rows_of_the_page(client, team_member, dataset):
    page = page_rows(get(client, team_member, **TWO_YEARS))
    response = get(client, team_member, export="csv", **TWO_YEARS)

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="bilan-annuel-20240101-20251231.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == HEADINGS
    assert rows[1:] == page == ROWS


def test_the_xlsx_export_has_the_rows_of_the_page(client, team_member, dataset):
    page = page_rows(get(client, team_member, **TWO_YEARS))
    response = get(client, team_member, export="xlsx", **TWO_YEARS)

    assert response["Content-Type"] == report_views.XLSX_TYPE
    rows = xlsx_rows(response)
    assert rows[0] == HEADINGS
    assert rows[1:] == [
        [2024, "Ac'Truc²", 1, 5, 1, 2, 10],
        [2025, "Ac'Truc²", 2, 10, 2, 3.5, 18],
        [2025, "Midi Truc", 1, 9, 2, 3, 27],
    ]
    as_text = [[str(cell).replace(".", ",") for cell in row] for row in rows[1:]]
    assert as_text == page


def test_the_filters_apply_to_the_report_and_its_exports(client, team_member, dataset):
    params = {**TWO_YEARS, "service": FINANCES, "series": dataset.series_b.pk}
    page = page_rows(get(client, team_member, **params))
    assert page == [["2025", "Midi Truc", "1", "9", "2", "3", "27"]]
    assert csv_rows(get(client, team_member, export="csv", **params))[1:] == page

    # The service narrows the participants, not the sessions held.
    params = {**TWO_YEARS, "service": "Direction des ressources humaines"}
    assert page_rows(get(client, team_member, **params)) == [
        ["2024", "Ac'Truc²", "1", "5", "1", "2", "10"],
        ["2025", "Ac'Truc²", "2", "10", "2", "3,5", "18"],
        ["2025", "Midi Truc", "1", "0", "2", "3", "0"],
    ]


def test_invalid_filters_give_a_french_error(client, team_member, dataset):
    response = get(client, team_member, start="2025-12-31", end="2025-01-01")
    assert response.status_code == 200
    assert "Le début de la période doit précéder sa fin." in response.content.decode()
    assert get(client, team_member, start="x", export="csv").status_code == 200


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_only_the_team_gets_the_report(client, agent, trainer, superuser, dataset, export):
    params = {**TWO_YEARS, "export": export} if export else TWO_YEARS
    for user in (agent, trainer):
        response = get(client, user, **params)
        assert response.status_code in (302, 403)
        assert b"Ac'Truc" not in response.content
    client.logout()
    response = client.get(reverse(URL), params)
    assert response.status_code == 302
    assert "login" in response["Location"] or "connexion" in response["Location"]
    assert get(client, superuser, **params).status_code == 200


def test_the_menu_item_shows_only_to_the_team(rf, agent, team_member):
    item = report_views.menu_items[0]
    assert str(item.label) == "Bilan annuel"
    for user, shown in ((agent, False), (team_member, True)):
        request = rf.get("/")
        request.user = user
        assert item.is_shown(request) is shown
