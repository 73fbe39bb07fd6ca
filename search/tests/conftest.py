"""Fixtures shared by the search tests."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache

from community.factories import NeedsBoardPageFactory
from community.models import TrainerDirectoryPage
from events.factories import WorkshopCatalogPageFactory
from resources.factories import LibraryPageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The vocabulary and Wagtail's site paths live in the cache; factories publish no page."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sections(home_page):
    """The pages results link to: the library, the workshops, the directory, the needs board."""
    directory = TrainerDirectoryPage(title="Formateurs", slug="formateurs", intro="Qui fait quoi.")
    home_page.add_child(instance=directory)
    return SimpleNamespace(
        home=home_page,
        library=LibraryPageFactory(parent=home_page),
        catalog=WorkshopCatalogPageFactory(parent=home_page),
        directory=directory,
        board=NeedsBoardPageFactory(parent=home_page),
    )
