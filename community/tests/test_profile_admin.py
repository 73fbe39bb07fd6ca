"""The training team's read-only list of profiles in the admin, with search and filters."""

import pytest

from community.factories import UserFactory
from community.models import Visibility

pytestmark = pytest.mark.django_db

URL = "/admin/community/profiles/"


@pytest.fixture
def people(db):
    amina = UserFactory(first_name="Amina", last_name="Diallo", service="Action sociale")
    amina.profile.available_to_facilitate = True
    amina.profile.save()
    julien = UserFactory(first_name="Julien", last_name="Roux", service="Espace public")
    julien.profile.visibility = Visibility.TEAM
    julien.profile.save()
    return amina, julien


def test_the_team_lists_searches_and_filters_profiles(client, team_member, people):
    client.force_login(team_member)

    html = client.get(URL).content.decode()
    assert "Amina Diallo" in html and "Julien Roux" in html

    html = client.get(URL, {"q": "Diallo"}).content.decode()
    assert "Amina Diallo" in html and "Julien Roux" not in html

    html = client.get(URL, {"visibility": Visibility.TEAM}).content.decode()
    assert "Julien Roux" in html and "Amina Diallo" not in html

    html = client.get(URL, {"available_to_facilitate": "true"}).content.decode()
    assert "Amina Diallo" in html and "Julien Roux" not in html

    amina = people[0]
    assert client.get(f"{URL}inspect/{amina.profile.pk}/").status_code == 200


def test_nobody_edits_or_deletes_a_profile_in_the_admin(client, team_member, superuser, people):
    amina = people[0]
    for user in (team_member, superuser):
        client.force_login(user)
        for url in (f"{URL}edit/{amina.profile.pk}/", f"{URL}delete/{amina.profile.pk}/"):
            response = client.post(url, {"display_name": "Changé"})
            assert response.status_code in (302, 403), url
    amina.profile.refresh_from_db()
    assert amina.profile.display_name == ""


def test_trainers_and_agents_have_no_access(client, trainer, agent, people):
    for user in (trainer, agent):
        client.force_login(user)
        response = client.get(URL)
        assert response.status_code in (302, 403)
        assert "Amina Diallo" not in response.content.decode()
