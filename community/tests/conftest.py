"""Fixtures for the community app's tests (the shared ones are in the root conftest.py)."""

import pytest

from resources.factories import ActivityPageFactory, LibraryPageFactory


@pytest.fixture
def library(home_page):
    """A library with one activity (the cache tests render it)."""
    library = LibraryPageFactory(parent=home_page)
    ActivityPageFactory(parent=library, title="Le photolangage")
    return library
