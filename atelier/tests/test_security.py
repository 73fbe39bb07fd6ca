"""Security hardening: sign-in throttling (django-axes), no user enumeration on sign-in or
password reset, no executable inline script in our templates, and ``check --deploy`` with
production settings."""

import os
import re
import secrets
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core import mail
from django.utils import timezone

from community.factories import UserFactory

pytestmark = pytest.mark.django_db

EMAIL = "marc.dubois@atelier.example"
PASSWORD = "atelier-demo"
LOCKED_OUT = "Trop de tentatives de connexion échouées avec cette adresse"


# --- Templates ---------------------------------------------------------------------------


def test_our_templates_hold_no_executable_inline_script():
    """No <script> without src (JSON data blocks aside), no on…= handler, no javascript: URL."""
    base = django_settings.BASE_DIR
    roots = [base / "templates", base / "cockpit" / "templates"]
    offenders = []
    for root in roots:
        for template in root.rglob("*.html"):
            html = template.read_text()
            for tag in re.findall(r"<script\b[^>]*>", html):
                if "src=" not in tag and "application/json" not in tag and "ld+json" not in tag:
                    offenders.append(f"{template}: {tag}")
            if re.search(r"\son[a-z]+\s*=\s*[\"']", html) or "javascript:" in html:
                offenders.append(f"{template}: inline handler")

    assert offenders == []


# --- Sign-in throttling -------------------------------------------------------------------


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True


def sign_in(client, password, path="/connexion/", email=EMAIL, ip="10.0.0.1"):
    return client.post(path, {"username": email, "password": password}, REMOTE_ADDR=ip)


def fail_times(client, count, **kwargs):
    """Wrong passwords; the status codes (the fifth failure already answers with the lockout)."""
    return [sign_in(client, "wrong", **kwargs).status_code for _ in range(count)]


@pytest.mark.usefixtures("throttled")
class TestSignInThrottling:
    def test_the_sixth_attempt_is_refused_even_with_the_right_password(self, client, home_page):
        UserFactory(email=EMAIL, password=PASSWORD)
        assert fail_times(client, 5) == [200, 200, 200, 200, 429]

        response = sign_in(client, PASSWORD)

        assert response.status_code == 429
        html = response.content.decode()
        assert "<h1>Connexion temporairement bloquée</h1>" in html
        assert LOCKED_OUT in html
        assert "15 minutes" in html
        assert "_auth_user_id" not in client.session

    def test_addresses_count_whatever_their_case(self, client, home_page):
        UserFactory(email=EMAIL, password=PASSWORD)
        for spelling in ["Marc.Dubois@atelier.example", "MARC.DUBOIS@ATELIER.EXAMPLE", EMAIL]:
            assert fail_times(client, 1, email=spelling) == [200]
        assert fail_times(client, 2) == [200, 429]

        assert sign_in(client, PASSWORD, email="Marc.Dubois@Atelier.example").status_code == 429

    def test_the_lockout_is_for_one_address_from_one_ip(self, client, home_page):
        UserFactory(email=EMAIL, password=PASSWORD)
        UserFactory(email="claire.moreau@atelier.example", password=PASSWORD)
        fail_times(client, 5)

        assert sign_in(client, PASSWORD, email="claire.moreau@atelier.example").status_code == 302
        client.logout()
        assert sign_in(client, PASSWORD, ip="10.0.0.2").status_code == 302

    def test_signing_in_works_again_after_the_cool_off(self, client, home_page):
        UserFactory(email=EMAIL, password=PASSWORD)
        with time_machine.travel(timezone.now(), tick=False) as traveller:
            fail_times(client, 5)
            traveller.shift(timedelta(minutes=14))
            assert sign_in(client, PASSWORD).status_code == 429

            traveller.shift(timedelta(minutes=16))
            response = sign_in(client, PASSWORD)

        assert response.status_code == 302
        assert client.session["_auth_user_id"]

    def test_a_successful_sign_in_clears_the_count(self, client, home_page):
        UserFactory(email=EMAIL, password=PASSWORD)
        assert fail_times(client, 4) == [200] * 4
        assert sign_in(client, PASSWORD).status_code == 302
        client.logout()

        assert fail_times(client, 4) == [200] * 4

        assert sign_in(client, PASSWORD).status_code == 302

    def test_the_wagtail_admin_sign_in_is_throttled_too(self, client, superuser):
        fail_times(client, 5, path="/admin/login/", email=superuser.email)

        response = sign_in(client, PASSWORD, path="/admin/login/", email=superuser.email)

        assert response.status_code == 429
        assert LOCKED_OUT in response.content.decode()
        assert "_auth_user_id" not in client.session


# --- No user enumeration ------------------------------------------------------------------


def without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_sign_in_answers_alike_for_an_unknown_address_and_a_wrong_password(client, home_page):
    UserFactory(email=EMAIL, password=PASSWORD)

    known = sign_in(client, "wrong")
    unknown = sign_in(client, "wrong", email="personne@atelier.example")

    assert known.status_code == unknown.status_code == 200
    known_html = without_csrf(known.content.decode()).replace(EMAIL, "ADDRESS")
    unknown_html = without_csrf(unknown.content.decode()).replace(
        "personne@atelier.example", "ADDRESS"
    )
    assert known_html == unknown_html
    assert "ne correspondent à aucun compte" in known_html


def test_an_inactive_account_gets_the_same_answer_as_a_wrong_password(client, home_page):
    UserFactory(email=EMAIL, password=PASSWORD, is_active=False)

    html = sign_in(client, PASSWORD).content.decode()

    assert "ne correspondent à aucun compte" in html
    assert "inactif" not in html


def test_password_reset_answers_alike_for_a_known_and_an_unknown_address(client, superuser):
    known = client.post("/admin/password_reset/", {"email": superuser.email})
    unknown = client.post("/admin/password_reset/", {"email": "personne@atelier.example"})

    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert [message.to for message in mail.outbox] == [[superuser.email]]  # only the real one


# --- Deployment checks --------------------------------------------------------------------


def test_check_deploy_with_production_settings_has_no_warning():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "atelier.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "atelier.example",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
