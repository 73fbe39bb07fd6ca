"""Who may write the programme: the training team; trainers and agents propose instead."""

import pytest

from community.factories import UserFactory
from community.roles import AGENTS, TRAINERS, TRAINING_TEAM
from events.factories import EventIndexPageFactory
from events.models import EventPage, ExchangeEventPage, WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "may_write"), [(AGENTS, False), (TRAINERS, False), (TRAINING_TEAM, True)]
)
def test_only_the_training_team_adds_and_publishes_workshops_and_events(
    home_page, catalog, workshop, role, may_write
):
    index = EventIndexPageFactory(parent=home_page)
    user = UserFactory(roles=[role] if role != AGENTS else [])
    assert catalog.permissions_for_user(user).can_add_subpage() is may_write
    assert index.permissions_for_user(user).can_add_subpage() is may_write
    assert workshop.permissions_for_user(user).can_edit() is may_write
    assert workshop.permissions_for_user(user).can_publish() is may_write


def test_each_kind_goes_in_its_own_index_and_the_base_type_is_never_created(home_page, catalog):
    index = EventIndexPageFactory(parent=home_page)
    assert WorkshopPage.can_create_at(catalog) and not WorkshopPage.can_create_at(index)
    assert ExchangeEventPage.can_create_at(index) and not ExchangeEventPage.can_create_at(catalog)
    assert not EventPage.can_create_at(catalog) and not EventPage.can_create_at(index)
