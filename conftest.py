"""Fixtures shared by every app's tests."""

import tempfile
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from community.factories import HomePageFactory, UserFactory
from community.models import TrainerDirectoryPage
from community.roles import TRAINERS, TRAINING_TEAM
from community.sites import install_home_page
from community.tests.demo_loading import load_demo_quietly
from events.factories import WorkshopCatalogPageFactory, WorkshopPageFactory

pytest_plugins = ["community.tests.browser"]

LOCALE = Path(__file__).parent / "locale"


def pytest_configure(config):
    """Compile the French catalogue when it is missing or older than its .po (``make test``
    does it too): without it the pages are in English, and a test that checks a French text is
    absent would pass without checking anything. Once, in the controlling process; Django may
    have read the old catalogue already, so it is told the catalogues changed."""
    if hasattr(config, "workerinput"):
        return
    compiled = False
    for po_path in LOCALE.glob("*/LC_MESSAGES/django.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with tempfile.NamedTemporaryFile(dir=mo_path.parent, suffix=".tmp", delete=False) as mo:
            write_mo(mo, catalog)
        Path(mo.name).replace(mo_path)
        compiled = True
    if compiled:
        from django.conf import settings
        from django.test.signals import setting_changed

        setting_changed.send(
            sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
        )


def pytest_collection_modifyitems(items):
    """Tests on the demo content carry the ``demo`` mark: CI runs them on SQLite only, except
    the search's relevance set, which must hold on both databases (see .ci/run)."""
    for item in items:
        if {"demo_content", "demo_live_server"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.demo)


@pytest.fixture
def home_page(db):
    """A bare home page at the root of the default site."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    install_home_page(home)
    return home


_demo_loaded = []


@pytest.fixture(scope="class")
def _demo_for_class(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a test class (or a module of plain test functions)
    inside a transaction rolled back after its last test. Each test still runs in its own
    savepoint (the ``db`` fixture), so tests stay independent while the group pays for one
    load_demo (20–40 s) instead of one per test.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        _demo_loaded.append(True)
        try:
            load_demo_quietly()
            yield
        finally:
            _demo_loaded.clear()
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()  # Wagtail caches the site's root paths


@pytest.fixture(autouse=True)
def _no_demo_left_behind(request):
    """A test that did not ask for the demo must not run on it: in a module that mixes both,
    the demo tests go in their own class."""
    if _demo_loaded and "demo_content" not in request.fixturenames:
        pytest.fail(
            "Le contenu de démonstration d'un autre test est encore chargé : regroupez les "
            "tests qui utilisent demo_content dans une classe."
        )


@pytest.fixture
def cache_on(settings):
    """Fragments cached for 10 minutes (the test settings turn caching off), from empty."""
    settings.ATELIER_CACHE_TIMEOUT = 600
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def demo_content(_demo_for_class, db):
    """The demo content, for tests on a (non-transactional) database."""


@pytest.fixture
def catalog(home_page):
    """The workshop catalogue."""
    return WorkshopCatalogPageFactory(parent=home_page)


@pytest.fixture
def workshop(catalog):
    """A workshop in the catalogue, without sessions."""
    return WorkshopPageFactory(parent=catalog, title="Les tableaux croisés dynamiques")


@pytest.fixture
def directory(home_page):
    """The trainer directory, where profiles live (``/formateurs/<id>/``)."""
    page = TrainerDirectoryPage(title="Formateurs", slug="formateurs", intro="Qui fait quoi.")
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def agent(db):
    return UserFactory(email="agent@atelier.example", first_name="Marc", last_name="Dubois")


@pytest.fixture
def trainer(db):
    return UserFactory(
        email="formatrice@atelier.example",
        first_name="Nathalie",
        last_name="Girard",
        roles=[TRAINERS],
    )


@pytest.fixture
def team_member(db):
    return UserFactory(
        email="equipe@atelier.example",
        first_name="Claire",
        last_name="Moreau",
        roles=[TRAINING_TEAM],
    )


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@atelier.example", is_superuser=True, is_staff=True)
