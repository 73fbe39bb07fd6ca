"""The training team answers needs in the admin: a list with vote counts, filters and search,
and an edit screen for status, answering page, note and visibility. Nobody else gets in."""

import pytest
from django.utils import timezone

from community import needs
from community.factories import TrainingNeedFactory, UserFactory
from community.models import NeedStatus
from resources.factories import LibraryPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/community/trainingneed/"


def edit_url(need):
    return f"{LIST_URL}edit/{need.pk}/"


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Management", slug="management")


@pytest.fixture
def need(theme):
    return TrainingNeedFactory(
        title="Manager une équipe à distance",
        theme=theme,
        voters=[UserFactory() for _ in range(3)],
    )


def test_the_team_lists_needs_with_their_votes(client, team_member, need, theme):
    TrainingNeedFactory(title="Besoin masqué", theme=theme, hidden=True)
    TrainingNeedFactory(title="Rédiger en FALC", status=NeedStatus.SCHEDULED)
    client.force_login(team_member)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Manager une équipe à distance" in html and "Besoin masqué" in html
    rows = {row.title: row.vote_count for row in response.context["object_list"]}
    assert rows["Manager une équipe à distance"] == 3

    filtered = client.get(LIST_URL, {"status": NeedStatus.SCHEDULED})
    assert [row.title for row in filtered.context["object_list"]] == ["Rédiger en FALC"]
    hidden = client.get(LIST_URL, {"hidden": "true"})
    assert [row.title for row in hidden.context["object_list"]] == ["Besoin masqué"]
    found = client.get(LIST_URL, {"q": "distance"})
    assert [row.title for row in found.context["object_list"]] == ["Manager une équipe à distance"]


def test_the_team_answers_a_need(client, team_member, need, home_page):
    client.force_login(team_member)
    page = client.get(edit_url(need))
    assert page.status_code == 200
    path = LibraryPageFactory(parent=home_page)  # any page: the chooser narrows the types
    response = client.post(
        edit_url(need),
        {
            "status": NeedStatus.SCHEDULED,
            "answered_by": path.pk,
            "team_note": "Un atelier est programmé en mars.",
            "hidden": "",
            "title": "Changé en douce",  # read only: ignored
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    need.refresh_from_db()
    assert need.status == NeedStatus.SCHEDULED
    assert need.answered_by_id == path.pk
    assert need.team_note == "Un atelier est programmé en mars."
    assert need.title == "Manager une équipe à distance"


@pytest.mark.parametrize("role", ["agent", "trainer"])
def test_agents_and_trainers_cannot_open_it(client, request, need, role):
    client.force_login(request.getfixturevalue(role))
    for url in (LIST_URL, edit_url(need)):
        assert client.get(url).status_code in (302, 403)
    response = client.post(edit_url(need), {"status": NeedStatus.CLOSED, "hidden": "on"})
    assert response.status_code in (302, 403)
    need.refresh_from_db()
    assert need.status == NeedStatus.OPEN and not need.hidden


def test_the_team_cannot_add_or_delete_needs(client, team_member, need):
    """Needs come from agents on the site; the team answers or hides them."""
    client.force_login(team_member)
    assert client.get(f"{LIST_URL}add/").status_code in (302, 403)
    assert client.post(f"{LIST_URL}delete/{need.pk}/").status_code in (302, 403)
    assert need.__class__.objects.filter(pk=need.pk).exists()


@pytest.fixture
def adopted(need, trainer, home_page):
    """Adopted by a trainer, whose proposal (here any page) is in the team's review."""
    need.adopted_by, need.adopted_at = trainer, timezone.now()
    need.proposal = LibraryPageFactory(parent=home_page, title="Manager à distance, l'atelier")
    need.status = NeedStatus.STUDYING
    need.save()
    return need


def test_the_team_releases_an_adoption_whose_proposal_it_declined(
    client, team_member, adopted, trainer
):
    client.force_login(team_member)
    assert "Libérer l&#x27;adoption" in client.get(edit_url(adopted)).content.decode()
    proposal = adopted.proposal
    data = {"status": NeedStatus.OPEN, "answered_by": "", "team_note": "", "hidden": ""}
    response = client.post(edit_url(adopted), {**data, "release_adoption": "on"})
    assert response.status_code == 302, response.context["form"].errors
    adopted.refresh_from_db()
    assert (adopted.adopted_by, adopted.adopted_at, adopted.proposal) == (None, None, None)
    assert adopted.status == NeedStatus.OPEN
    assert needs.adoption_refusal(adopted, trainer) is None  # free to adopt again
    assert proposal.__class__.objects.filter(pk=proposal.pk).exists()  # left as it is


def test_saving_without_the_box_keeps_the_adoption(client, team_member, adopted, trainer):
    client.force_login(team_member)
    data = {"status": NeedStatus.STUDYING, "answered_by": "", "team_note": "Vu.", "hidden": ""}
    assert client.post(edit_url(adopted), data).status_code == 302
    adopted.refresh_from_db()
    assert adopted.adopted_by == trainer and adopted.proposal_id is not None


def test_a_need_nobody_adopted_has_no_release_box(client, team_member, need):
    client.force_login(team_member)
    assert "Libérer l&#x27;adoption" not in client.get(edit_url(need)).content.decode()


def test_deleting_the_proposal_page_frees_the_need(client, superuser, adopted, trainer):
    client.force_login(superuser)
    page = adopted.proposal
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not page.__class__.objects.filter(pk=page.pk).exists()
    adopted.refresh_from_db()
    assert (adopted.adopted_by, adopted.adopted_at, adopted.proposal) == (None, None, None)
    assert needs.adoption_refusal(adopted, trainer) is None
