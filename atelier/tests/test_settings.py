"""Production settings fail fast and pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    """Run manage.py in a clean environment: only what a deployment would set."""
    clean_env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    clean_env.update(env, DJANGO_SETTINGS_MODULE="atelier.settings.production")
    return subprocess.run(  # noqa: S603 — our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="atelier.example")

    assert result.returncode != 0
    assert "SECRET_KEY doit être défini" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="atelier.example", SECRET_KEY="court")

    assert result.returncode != 0
    assert "SECRET_KEY doit être défini" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=secrets.token_urlsafe(64))

    assert result.returncode != 0
    assert "ALLOWED_HOSTS doit lister" in result.stderr


def test_production_passes_the_deployment_checklist_without_a_warning():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="atelier.example",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "setting", "expected"),
    [
        ("REDIS_URL", "redis://127.0.0.1:6379/1", "CACHES", "RedisCache"),
        ("ELASTICSEARCH_URL", "http://127.0.0.1:9200", "WAGTAILSEARCH_BACKENDS", "elasticsearch9"),
        ("EMAIL_URL", "smtp+tls://u:p@smtp.example:587", "EMAIL_BACKEND", "smtp.EmailBackend"),
        ("DATABASE_URL", "postgres://u@db.example:5432/atelier", "DATABASES", "postgresql"),
    ],
)
def test_services_are_configured_from_the_environment(variable, value, setting, expected):
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(settings.{setting})",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="atelier.example",
        **{variable: value},
    )

    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
