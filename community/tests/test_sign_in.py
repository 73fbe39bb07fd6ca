"""Signing in by e-mail, in French, and the optional site-wide sign-in."""

import pytest
from django.db import IntegrityError

from community.factories import UserFactory
from community.models import User

pytestmark = pytest.mark.django_db


def test_sign_in_page_is_in_french_with_autocomplete_hints(client, home_page):
    html = client.get("/connexion/").content.decode()

    assert "<h1>Se connecter</h1>" in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="current-password"' in html


def test_agent_signs_in_with_their_e_mail_whatever_its_case(client, home_page):
    UserFactory(email="marc.dubois@atelier.example", password="atelier-demo")

    response = client.post(
        "/connexion/",
        {"username": "Marc.Dubois@Atelier.example", "password": "atelier-demo", "next": "/"},
        follow=True,
    )

    assert response.wsgi_request.user.is_authenticated
    assert "Connecté en tant que" in response.content.decode()


def test_wrong_password_gives_a_clear_french_error(client, home_page):
    UserFactory(email="marc.dubois@atelier.example", password="atelier-demo")

    response = client.post(
        "/connexion/", {"username": "marc.dubois@atelier.example", "password": "faux"}
    )

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Cette adresse électronique et ce mot de passe ne correspondent à aucun compte" in html


def test_sign_out_is_a_post_and_returns_home(client, agent, home_page):
    client.force_login(agent)

    response = client.post("/deconnexion/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_two_accounts_cannot_share_an_e_mail_in_different_cases():
    UserFactory(email="claire.moreau@atelier.example")

    with pytest.raises(IntegrityError):
        User.objects.create_user("Claire.Moreau@atelier.example", "x")


def test_browsing_is_open_by_default(client, home_page):
    assert client.get("/").status_code == 200


class TestSignInRequired:
    @pytest.fixture(autouse=True)
    def _required(self, settings):
        settings.ATELIER_SIGN_IN_REQUIRED = True

    def test_pages_send_anonymous_visitors_to_sign_in(self, client, home_page):
        response = client.get("/")

        assert response.status_code == 302
        assert response.headers["Location"] == "/connexion/?next=/"

    def test_sign_in_page_and_admin_login_stay_reachable(self, client, home_page):
        assert client.get("/connexion/").status_code == 200
        assert client.get("/admin/login/").status_code == 200

    def test_signed_in_agent_browses_normally(self, client, home_page, agent):
        client.force_login(agent)

        assert client.get("/").status_code == 200

    def test_documents_are_not_served_to_anonymous_visitors(self, client, home_page):
        response = client.get("/documents/1/guide.pdf")

        assert response.status_code == 302
        assert response.headers["Location"].startswith("/connexion/")
