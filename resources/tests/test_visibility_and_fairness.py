"""What the review found: nothing private leaks through the library's counters and trees,
licences and credits hold down a chain of adaptations, and nobody games the counters."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from community.factories import UserFactory
from community.roles import TRAINERS, TRAINING_TEAM
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import ActivityPage, Rating, Reuse
from resources.services import adapt_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def restrict_to_team(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=TRAINING_TEAM))


def published_adaptation(original, title, licence=None):
    adaptation = adapt_activity(original, UserFactory(roles=[TRAINERS]))
    adaptation.title = title
    if licence:
        adaptation.licence = licence
    adaptation.save_revision().publish()
    return ActivityPage.objects.get(pk=adaptation.pk)


def test_a_restricted_original_is_neither_linked_nor_in_the_tree(client, library, agent):
    original = ActivityPageFactory(parent=library, title="Bingo réservé à l'équipe")
    adaptation = published_adaptation(original, "Bingo pour tous")
    published_adaptation(adaptation, "Bingo pour tous, version courte")
    restrict_to_team(original)
    client.force_login(agent)

    html = client.get(adaptation.url).content.decode()

    assert f'href="{original.url}"' not in html
    assert 'id="adaptations"' in html and "Bingo réservé" not in html.split('id="adaptations"')[1]
    assert "Bingo pour tous, version courte" in html  # its own visible descendant stays


def test_a_restricted_adaptation_is_not_counted(client, library):
    original = ActivityPageFactory(parent=library, title="Débat mouvant", slug="debat")
    published_adaptation(original, "Débat mouvant public")
    restrict_to_team(published_adaptation(original, "Débat mouvant confidentiel"))

    html = client.get(original.url).content.decode()
    listing = client.get("/bibliotheque/").content.decode()

    assert "1 adaptation" in html and "2 adaptations" not in html
    assert "confidentiel" not in html
    assert "2 adaptations" not in listing


def test_the_licence_rule_holds_after_the_original_is_deleted(library):
    original = ActivityPageFactory(parent=library, licence="cc_by_sa")
    adaptation = adapt_activity(original, UserFactory(roles=[TRAINERS]))
    original.delete()
    adaptation.refresh_from_db()
    assert adaptation.adapted_from is None

    adaptation.licence = "cc0"
    with pytest.raises(ValidationError) as error:
        adaptation.full_clean()
    assert "CC BY-SA 4.0" in " ".join(error.value.message_dict["licence"])


def test_an_adaptation_of_an_adaptation_still_credits_the_first_authors(library):
    first_author = UserFactory(first_name="Amina", last_name="Diallo")
    original = ActivityPageFactory(parent=library, title="Photolangage")
    original.authors.add(first_author)
    original.save()
    middle = published_adaptation(original, "Photolangage pour managers")

    last = adapt_activity(middle, UserFactory(roles=[TRAINERS]))

    assert "Photolangage pour managers" in last.source_attribution
    assert "Amina Diallo" in last.source_attribution


def test_a_very_long_title_can_still_be_adapted(library):
    original = ActivityPageFactory(parent=library, title="Un titre très long " * 13)

    adaptation = adapt_activity(original, UserFactory(roles=[TRAINERS]))

    assert len(adaptation.title) <= 255
    assert adaptation.title.endswith("(adaptation)")


def test_the_adaptation_keeps_only_the_adapters_revision(library):
    author = UserFactory()
    original = ActivityPageFactory(parent=library)
    original.authors.add(author)
    original.save()
    adapter = UserFactory(roles=[TRAINERS])

    adaptation = adapt_activity(original, adapter)

    (revision,) = adaptation.revisions.all()
    assert revision.user == adapter
    assert list(revision.as_object().authors.all()) == [adapter]


def test_the_owner_cannot_rate_their_page_even_without_being_an_author(client, library):
    owner = UserFactory(roles=[TRAINERS])
    activity = ActivityPageFactory(parent=library, owner=owner, slug="mon-activite")
    client.force_login(owner)

    page_html = client.get(activity.url).content.decode()
    response = client.post(activity.url + "avis/", {"score": "5"})

    assert "Enregistrer mon avis" not in page_html
    assert response.status_code == 400
    assert not Rating.objects.exists()


def test_the_same_use_cannot_be_recorded_twice_the_same_day(client, library, agent):
    activity = ActivityPageFactory(parent=library, slug="world-cafe")
    client.force_login(agent)

    client.post(activity.url + "utilisation/", {"used_on": "2026-11-02"})
    response = client.post(activity.url + "utilisation/", {"used_on": "2026-11-02"})

    assert response.status_code == 400
    assert "déjà indiqué une utilisation" in response.content.decode()
    assert Reuse.objects.count() == 1


def test_anonymous_visitors_do_not_see_who_used_or_rated(client, library):
    activity = ActivityPageFactory(parent=library, slug="quiz")
    user = UserFactory(first_name="Fatima", last_name="Haddad")
    Reuse.objects.create(activity=activity, user=user, used_on="2026-11-02")
    Rating.objects.create(activity=activity, user=user, score=4, comment="Utile")

    html = client.get(activity.url).content.decode()

    assert "Fatima Haddad" not in html
    assert "Le 2 novembre 2026" in html
    assert "Utile" in html
