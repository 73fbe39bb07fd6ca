"""Bad input in the activity editor: a clear French error on the field, nothing entered lost."""

import pytest

from community.factories import UserFactory
from community.roles import TRAINERS
from resources.factories import LibraryPageFactory, ThemeFactory
from resources.models import ActivityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def form_data(**overrides):
    data = {
        "title": "Le photolangage",
        "slug": "photolangage",
        "summary": "Chacun choisit une photo qui dit son ressenti.",
        "duration_min": "20",
        "duration_max": "40",
        "group_size_min": "4",
        "group_size_max": "15",
        "modality": "face_to_face",
        "level": "discovery",
        "kind": "ice_breaker",
        "licence": "cc_by_sa",
        "tags": "",
        "objectives-count": "0",
        "steps-count": "0",
        "attachments-count": "0",
    }
    data.update(overrides)
    return data


def post_new_activity(client, library, data):
    trainer = UserFactory(roles=[TRAINERS])
    client.force_login(trainer)
    return client.post(f"/admin/pages/add/resources/activitypage/{library.id}/", data)


@pytest.mark.parametrize(
    ("overrides", "expected_error"),
    [
        ({"title": ""}, "Ce champ est obligatoire."),
        ({"themes": ["999999"]}, "Sélectionnez un choix valide"),
        ({"duration_min": "-5"}, "Assurez-vous que cette valeur est supérieure ou égale à"),
        ({"duration_max": "100000"}, "inférieure ou égale à 480"),
        ({"group_size_min": "30", "group_size_max": "3"}, "au moins la taille minimale"),
        ({"duration_min": "quarante"}, "Saisissez un nombre entier."),
    ],
)
def test_bad_input_gets_a_french_error_and_keeps_what_was_typed(
    client, library, overrides, expected_error
):
    response = post_new_activity(client, library, form_data(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert expected_error in html
    assert "Chacun choisit une photo qui dit son ressenti." in html
    assert not ActivityPage.objects.exists()


def test_good_input_creates_a_draft_owned_by_the_trainer(client, library):
    theme = ThemeFactory(name="Pédagogie", slug="pedagogie")

    response = post_new_activity(client, library, form_data(themes=[str(theme.id)]))

    assert response.status_code == 302
    activity = ActivityPage.objects.get()
    assert not activity.live
    assert list(activity.themes.all()) == [theme]
