"""Shared fixtures for browser tests (Playwright's sync API driving Debian's Chromium).

Not a test module: the root conftest.py registers it with ``pytest_plugins`` so that every
app's browser tests can ask for ``browser``, ``page`` and ``demo_live_server``.

Playwright's own browser download does not work here: we launch the system Chromium
(``/usr/bin/chromium``, or the path in ``CHROMIUM_PATH``). When it is missing, every test
that asks for a browser is skipped with a French reason, so the rest of the suite still runs.

Mark browser tests with ``@pytest.mark.browser``.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from community.tests.demo_loading import load_demo_from_snapshot

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 10_000


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def artifacts_dir():
    """Where browser tests leave screenshots for a person to look at (gitignored)."""
    path = Path(settings.BASE_DIR) / "test-artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not Path(executable).exists():
        pytest.skip(f"Chromium introuvable ({executable}) : tests navigateur ignorés")

    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API leaves an asyncio event loop marked as running in this thread.
    # 1. Django's async-safety check would then refuse every ORM call made by the test itself
    #    (fixtures, flushing the database): lift it while the browser runs, not for the whole
    #    suite, and put it back afterwards.
    # 2. Django keeps its connections in a thread-critical asgiref Local, which switches to
    #    separate, context-local storage as soon as a loop is running: the test would get new
    #    connection objects, without the state the test database setup left on the old ones
    #    (the serialized contents a serialized rollback restores). Hand the same objects over.
    django_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in django_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    """A fresh page in its own context (no cookies shared between tests), in French."""
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def demo_live_server(django_db_serialized_rollback, live_server):
    """The live server's URL, serving the demo content (load_demo).

    The live server needs a transactional database, which is flushed after each test; the
    serialized rollback puts back what the migrations created (Wagtail's root page and default
    site), which load_demo and the tests that run after this one need. On SQLite the demo is
    loaded once per test process and copied back from a snapshot for the next tests.
    """
    load_demo_from_snapshot()
    return live_server.url


def sign_in(page, base_url, email):
    """Sign in as a demo account through the sign-in form, as a person would."""
    from playwright.sync_api import expect

    from community.demo import DEMO_PASSWORD

    page.goto(f"{base_url}/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("header.site-header")).to_contain_text("Connecté en tant que")


def tab_until(page, predicate, describe, max_tabs=30):
    """Press Tab until the focused element, as ``describe(page)`` reports it, satisfies
    ``predicate``; return that description (the keyboard-only journeys share this walk)."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        element = describe(page)
        if predicate(element):
            return element
    raise AssertionError(f"not reached with {max_tabs} presses of Tab")
