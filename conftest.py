"""Fixtures shared by every app's tests."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from community.factories import HomePageFactory, UserFactory
from community.roles import TRAINERS, TRAINING_TEAM
from community.sites import install_home_page

pytest_plugins = ["community.tests.browser"]


@pytest.fixture
def home_page(db):
    """A bare home page at the root of the default site."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    install_home_page(home)
    return home


@pytest.fixture
def demo_content(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


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
