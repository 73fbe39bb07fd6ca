"""The Wagtail admin: open to the demo administrator, the training team and trainers only."""

import re

import pytest

from community.demo import ADMIN_EMAIL, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_admin_is_refused_to_an_agent(client, agent):
    client.force_login(agent)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.parametrize("who", ["trainer", "team_member", "superuser"])
def test_admin_is_open_to_trainers_and_the_training_team(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get("/admin/").status_code == 200


def test_training_team_adds_a_theme_in_the_admin_and_a_trainer_cannot(client, team_member, trainer):
    from resources.models import Theme

    client.force_login(trainer)
    refused = client.post(
        "/admin/snippets/resources/theme/add/", {"name": "Sécurité", "slug": "securite"}
    )
    assert refused.status_code in (302, 403)
    assert not Theme.objects.filter(slug="securite").exists()

    client.force_login(team_member)
    client.post(
        "/admin/snippets/resources/theme/add/",
        {"name": "Sécurité au travail", "slug": "securite", "description": ""},
    )
    assert Theme.objects.get(slug="securite").name == "Sécurité au travail"


class TestOnTheDemoSite:
    """On the demo content, loaded once for the class."""

    def test_demo_administrator_signs_in_to_the_admin(self, client, demo_content):
        response = client.post(
            "/admin/login/", {"username": ADMIN_EMAIL, "password": DEMO_PASSWORD}, follow=True
        )

        assert response.status_code == 200
        assert response.wsgi_request.user.email == ADMIN_EMAIL
        assert response.wsgi_request.path == "/admin/"
        assert "Tableau de bord" in response.content.decode()

    def test_training_team_edits_the_home_page_in_the_admin(
        self, client, demo_content, team_member
    ):
        from community.models import HomePage

        home = HomePage.objects.get()
        client.force_login(team_member)

        response = client.get(f"/admin/pages/{home.id}/edit/")

        assert response.status_code == 200
        assert "Titre du bandeau" in response.content.decode()


def test_the_admin_sign_in_labels_every_field_in_french(client, db):
    """Wagtail leaves the password field without a label: Django would show « Password »."""
    page = client.get("/admin/login/").content.decode()
    assert re.search(r'<label[^>]*for="id_password"[^>]*>\s*Mot de passe', page)
    assert ">Password<" not in page and "Password\n" not in page
    assert 'autocomplete="current-password"' in page
