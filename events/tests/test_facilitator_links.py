"""A workshop's facilitators link to their profiles, only where the visitor may open them."""

import pytest

from community.factories import UserFactory
from community.models import Profile, Visibility
from community.tests.pages import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitators(workshop, directory):
    open_ = UserFactory(first_name="Inès", last_name="Ouvert")
    hidden = UserFactory(first_name="Hugo", last_name="Discret")
    Profile.objects.filter(user=hidden).update(visibility=Visibility.TEAM)
    workshop.facilitators.add(open_, hidden)
    workshop.save_revision().publish()
    return open_, hidden


def profile_href(user):
    return f'href="/formateurs/{Profile.objects.get(user=user).pk}/"'


def test_an_agent_follows_the_link_of_a_visible_profile_only(client, workshop, facilitators, agent):
    open_, hidden = facilitators
    client.force_login(agent)

    page = text_of(client.get(workshop.url))

    assert f"{profile_href(open_)}>Inès Ouvert</a>" in page
    assert "Hugo Discret" in page and profile_href(hidden) not in page
    assert client.get(f"/formateurs/{Profile.objects.get(user=open_).pk}/").status_code == 200


def test_the_training_team_gets_every_link(client, workshop, facilitators, team_member):
    client.force_login(team_member)

    page = text_of(client.get(workshop.url))

    assert all(profile_href(person) in page for person in facilitators)


def test_an_anonymous_visitor_sees_names_without_links(client, workshop, facilitators):
    page = text_of(client.get(workshop.url))

    assert "Inès Ouvert" in page and "Hugo Discret" in page
    assert "/formateurs/" not in page.split("<main")[1].split("</main>")[0]
