"""Adapting an activity: a draft copy for the adapter, attribution kept, licences respected."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from community.factories import UserFactory
from community.roles import TRAINERS
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import ActivityPage
from resources.services import adapt_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


@pytest.fixture
def original(library):
    author = UserFactory(first_name="Amina", last_name="Diallo")
    activity = ActivityPageFactory(
        parent=library,
        title="Photolangage",
        slug="photolangage",
        licence="cc_by_sa",
        themes=[ThemeFactory(name="Pédagogie", slug="pedagogie")],
        steps=[("step", {"title": "Choisir une photo", "duration": 5, "instructions": "<p>x</p>"})],
    )
    activity.authors.add(author)
    activity.save_revision().publish()
    return ActivityPage.objects.get(pk=activity.pk)


def test_trainer_adapts_an_activity_from_its_page(client, original):
    trainer = UserFactory(first_name="Julien", last_name="Roux", roles=[TRAINERS])
    client.force_login(trainer)

    response = client.post(original.url + "adapter/")

    adaptation = ActivityPage.objects.get(adapted_from=original)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/pages/{adaptation.id}/edit/"
    assert not adaptation.live
    assert adaptation.owner == trainer
    assert list(adaptation.authors.all()) == [trainer]
    assert adaptation.title == "Photolangage (adaptation)"
    assert adaptation.licence == "cc_by_sa"
    assert [t.slug for t in adaptation.themes.all()] == ["pedagogie"]
    assert adaptation.steps[0].value["title"] == "Choisir une photo"
    assert "« Photolangage » par Amina Diallo, CC BY-SA 4.0" in adaptation.source_attribution
    assert adaptation.permissions_for_user(trainer).can_edit()
    # The original is untouched and the draft is not public.
    assert original.title == "Photolangage" and original.live
    assert client.get(adaptation.url).status_code == 404 if adaptation.url else True


def test_adapting_twice_gives_two_drafts_with_distinct_addresses(original):
    trainer = UserFactory(roles=[TRAINERS])

    first = adapt_activity(original, trainer)
    second = adapt_activity(original, trainer)

    assert first.slug != second.slug
    assert ActivityPage.objects.filter(adapted_from=original).count() == 2


def test_an_agent_who_is_not_a_trainer_cannot_adapt(client, original):
    agent = UserFactory()
    client.force_login(agent)

    page_html = client.get(original.url).content.decode()
    response = client.post(original.url + "adapter/", follow=True)

    assert "Adapter cette activité" not in page_html
    assert "Seuls les formateurs et l&#x27;équipe formation" in response.content.decode() or (
        "Seuls les formateurs et l'équipe formation" in response.content.decode()
    )
    assert not ActivityPage.objects.filter(adapted_from=original).exists()
    with pytest.raises(PermissionDenied):
        adapt_activity(original, agent)


def test_anonymous_visitor_is_sent_to_sign_in(client, original):
    response = client.post(original.url + "adapter/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion/?next=")
    assert not ActivityPage.objects.filter(adapted_from=original).exists()


@pytest.mark.parametrize(
    ("original_licence", "chosen", "allowed"),
    [
        ("cc_by_sa", "cc_by", False),
        ("cc_by_sa", "cc0", False),
        ("cc_by_sa", "internal", False),
        ("cc_by_sa", "cc_by_sa", True),
        ("cc_by", "cc0", False),
        ("cc_by", "cc_by_sa", True),
        ("cc_by", "internal", True),
        ("cc0", "cc_by", True),
        ("internal", "internal", True),
        ("internal", "cc_by", False),
    ],
)
def test_licence_of_an_adaptation_must_be_compatible(library, original_licence, chosen, allowed):
    source = ActivityPageFactory(parent=library, licence=original_licence)
    adaptation = adapt_activity(source, UserFactory(roles=[TRAINERS]))
    adaptation.licence = chosen

    if allowed:
        adaptation.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            adaptation.full_clean()
        assert "ne peut pas être publiée sous" in " ".join(error.value.message_dict["licence"])


def test_original_shows_its_adaptations_and_the_adaptation_credits_the_original(client, original):
    adaptation = adapt_activity(original, UserFactory(roles=[TRAINERS]))
    adaptation.title = "Photolangage pour managers"
    adaptation.save_revision().publish()

    original_html = client.get(original.url).content.decode()
    adaptation_html = client.get(adaptation.url).content.decode()

    assert "1 adaptation" in original_html
    assert f'href="{adaptation.url}">Photolangage pour managers</a>' in original_html
    assert "Adaptée de" in adaptation_html
    assert f'<a href="{original.url}">« Photolangage » par Amina Diallo' in adaptation_html
    assert "Arbre des adaptations" in adaptation_html


def test_the_adapter_cannot_remove_the_attribution_in_the_admin(client, original):
    trainer = UserFactory(roles=[TRAINERS])
    adaptation = adapt_activity(original, trainer)
    client.force_login(trainer)

    form_html = client.get(f"/admin/pages/{adaptation.id}/edit/").content.decode()

    assert client.get(f"/admin/pages/{adaptation.id}/edit/").status_code == 200
    assert 'name="adapted_from"' not in form_html
    assert 'name="source_attribution"' not in form_html


def test_activity_page_query_count_does_not_grow_with_its_family(
    client, original, django_assert_max_num_queries
):
    def add_adaptations(n):
        for _ in range(n):
            adaptation = adapt_activity(original, UserFactory(roles=[TRAINERS]))
            adaptation.save_revision().publish()

    add_adaptations(2)
    with django_assert_max_num_queries(60) as small:
        client.get(original.url)
    add_adaptations(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get(original.url).content.decode()
    assert "12 adaptations" in html
