"""Fixtures of the events' tests: a catalogue with a workshop, and sessions of it."""

import pytest

from events.factories import WorkshopCatalogPageFactory, WorkshopPageFactory


@pytest.fixture
def catalog(home_page):
    return WorkshopCatalogPageFactory(parent=home_page)


@pytest.fixture
def workshop(catalog):
    return WorkshopPageFactory(parent=catalog, title="Les tableaux croisés dynamiques")
