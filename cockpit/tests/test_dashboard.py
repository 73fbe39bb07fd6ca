"""The dashboard page: who sees it, what it shows, and a query count that ignores volume."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cockpit import dashboard_views
from cockpit.tests import figures_data
from cockpit.tests.figures_data import FINANCES, YEAR_2025, add_registrations

dataset = figures_data.dataset
pytestmark = pytest.mark.django_db

URL = "cockpit_dashboard"


def cards(response):
    """``{label: value}`` of the key-figure cards."""
    html = response.content.decode()
    pairs = re.findall(
        r'<dt class="cockpit-card__label">(.*?)</dt>\s*<dd class="cockpit-card__value">(.*?)</dd>',
        html,
    )
    return dict(pairs)


def get(client, user, **params):
    client.force_login(user)
    return client.get(reverse(URL), params)


def test_the_team_sees_the_figures_of_the_data_set(client, team_member, dataset):
    response = get(client, team_member, **YEAR_2025)

    assert response.status_code == 200
    figures = cards(response)
    assert figures["Séances tenues"] == "3"
    assert figures["Inscriptions"] == "27"
    assert figures["Présents"] == "19"
    assert figures["Agents formés"] == "17"
    assert figures["Heures de formation dispensées"] == "45\u202fh"
    assert figures["Taux d’absence"] == "17,4\u202f%"
    assert figures["Taux de remplissage"] == "54,3\u202f%"
    assert figures["Demande en liste d’attente"] == "3"
    assert figures["Taux de réponse aux questionnaires"] == "73,3\u202f%"
    assert figures["Satisfaction"] == "4,1/5"
    assert figures["Compétences utiles acquises"] == "63,6\u202f%"
    assert figures["Animateurs actifs"] == "3"
    assert figures["Activités publiées"] == "2"
    assert figures["Activités adaptées"] == "1"
    assert figures["Réutilisations déclarées"] == "3"


def test_the_page_shows_the_facilitators_and_the_four_charts(
    client, team_member, dataset, settings
):
    settings.ATELIER_FACILITATION_HOURS_CAP = 4
    html = get(client, team_member, **YEAR_2025).content.decode()

    table = html.split("data-facilitators", 1)[1].split("</table>", 1)[0]
    assert "<caption>" in table and '<th scope="row">Anne Fabre</th>' in table
    rows = re.findall(r'<th scope="row">(.*?)</th>.*?</tr>', table, re.S)
    assert rows == ["Anne Fabre", "Chloé Caron", "Bruno Blanc"]
    assert table.count("Au-delà du plafond") == 1
    for title in (
        "Participation par mois",
        "Taux d’absence par série",
        "Satisfaction par série",
        "Demande et offre par thème",
    ):
        assert f'<figcaption class="chart__title">{title}</figcaption>' in html
    assert html.count("<svg") >= 4
    assert "css/cockpit.css" in html and "css/cockpit-charts.css" in html


def test_a_rate_without_denominator_shows_a_dash(client, team_member, dataset):
    figures = cards(get(client, team_member, start="2025-05-01", end="2025-05-31"))
    assert figures["Séances tenues"] == "0"
    assert figures["Taux d’absence"] == "—"
    assert figures["Taux de remplissage"] == "—"


@pytest.mark.parametrize(
    "params, held, registrations, attendees",
    [
        ({"series": "b"}, "1", "10", "9"),
        ({"theme": "office"}, "2", "17", "10"),
        ({"service": FINANCES}, "3", "10", "9"),
        ({"start": "2025-06-01", "end": "2025-06-30"}, "2", "15", "13"),
    ],
)
def test_filters_change_the_figures(
    client, team_member, dataset, params, held, registrations, attendees
):
    params = {**YEAR_2025, **params}
    if "series" in params:
        params["series"] = dataset.series_b.pk
    if "theme" in params:
        params["theme"] = dataset.office.pk
    figures = cards(get(client, team_member, **params))
    assert (figures["Séances tenues"], figures["Inscriptions"], figures["Présents"]) == (
        held,
        registrations,
        attendees,
    )


def test_invalid_filters_give_a_french_error_and_the_defaults(client, team_member, dataset):
    response = get(client, team_member, start="2025-13-45", series="rien", service="Nulle part")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Certains filtres n’ont pas pu être utilisés" in html
    assert "Saisissez une date de début valide" in html
    assert "Personne ne travaille dans ce service" in html
    # The defaults: this calendar year, in which the data set (2025) has nothing.
    assert cards(response)["Séances tenues"] == "0"


def test_the_superuser_sees_the_dashboard(client, superuser, dataset):
    response = get(client, superuser, **YEAR_2025)
    assert response.status_code == 200
    assert cards(response)["Séances tenues"] == "3"


def test_agents_and_trainers_are_turned_away(client, agent, trainer, dataset):
    for user in (agent, trainer):
        response = get(client, user, **YEAR_2025)
        assert response.status_code in (302, 403)
        assert "cockpit-card" not in response.content.decode()
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse(URL))


def test_anonymous_visitors_are_sent_to_sign_in(client, dataset):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert "login" in response["Location"] or "connexion" in response["Location"]


def test_the_menu_item_shows_only_to_the_team(rf, agent, trainer, team_member, superuser):
    item = dashboard_views.menu_items[0]
    assert str(item.label) == "Tableau de bord"
    for user, shown in ((agent, False), (trainer, False), (team_member, True), (superuser, True)):
        request = rf.get("/")
        request.user = user
        assert item.is_shown(request) is shown


def test_the_query_count_is_the_same_at_100_and_10000_registrations(client, team_member, dataset):
    client.force_login(team_member)
    url = reverse(URL)
    client.get(url, YEAR_2025)  # warm the caches (site, session, permissions)
    add_registrations(dataset.s3, 100)
    with CaptureQueriesContext(connection) as hundred:
        response = client.get(url, YEAR_2025)
    assert cards(response)["Présents"] == "119"
    add_registrations(dataset.s3, 9_900, start=100)
    with CaptureQueriesContext(connection) as ten_thousand:
        response = client.get(url, YEAR_2025)
    assert cards(response)["Présents"] == "10\u202f019"
    assert len(hundred) == len(ten_thousand)
    assert len(ten_thousand) <= 50
