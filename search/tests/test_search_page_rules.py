"""Rules of the search page found in review: facet counts within a facet, what the spelling
suggestions may reveal, whose searches the team's report counts, where needs and pins show."""

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from community.factories import TrainingNeedFactory, UserFactory
from community.models import Visibility
from resources.factories import ActivityPageFactory, ThemeFactory
from resources.models import Modality
from search.models import UnansweredQuery

pytestmark = pytest.mark.django_db
URL = "/recherche/"


def search(client, **params):
    response = client.get(URL, {"format": "json", **params})
    assert response.status_code == 200
    return response.json()


def facet(data, name):
    return {
        o["value"]: o["count"] for f in data["facets"] if f["name"] == name for o in f["options"]
    }


@pytest.mark.parametrize("odd_id", ["²", "³", "١٢", "0x1"])
def test_a_non_ascii_digit_in_an_id_facet_is_ignored(client, sections, odd_id):
    ActivityPageFactory(parent=sections.library, title="Cartographie des risques")

    data = search(client, q="cartographie", theme=odd_id, series=odd_id)

    assert data["count"] == 1


def test_ticking_one_modality_still_offers_the_others_with_their_counts(client, sections):
    for n, modality in enumerate([Modality.FACE_TO_FACE, Modality.FACE_TO_FACE, Modality.REMOTE]):
        ActivityPageFactory(parent=sections.library, title=f"Compostage {n}", modality=modality)

    data = search(client, q="compostage", modality=Modality.REMOTE)

    assert data["count"] == 1
    # Within a facet the options add up: ticking "en présentiel" too would add 2.
    assert facet(data, "modality") == {Modality.FACE_TO_FACE: 2, Modality.REMOTE: 1}


def test_a_theme_facet_counts_with_the_other_facets_but_not_its_own(client, sections):
    waste, water = ThemeFactory(name="Déchets"), ThemeFactory(name="Eau")
    ActivityPageFactory(
        parent=sections.library, title="Jardin partagé A", themes=[waste], modality="remote"
    )
    ActivityPageFactory(parent=sections.library, title="Jardin partagé B", themes=[water])

    data = search(client, q="jardin", theme=waste.pk, modality="remote")

    assert data["count"] == 1
    assert facet(data, "theme") == {waste.pk: 1}  # the water one is not remote
    assert facet(data, "modality") == {"remote": 1}


def test_suggestions_never_come_from_a_hidden_profile_or_a_restricted_page(client, sections, agent):
    hidden = UserFactory(first_name="Ines", last_name="Dupuis").profile
    hidden.visibility = Visibility.TEAM
    hidden.save()
    hidden.skills.add("licenciementcollectif")
    hidden.save()
    secret = ActivityPageFactory(parent=sections.library, title="Ordonnancement confidentiel")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    client.force_login(agent)

    assert search(client, q="licenciementcolectif")["suggestion"] == ""
    assert search(client, q="ordonancement")["suggestion"] == ""


def test_a_restriction_added_later_withdraws_the_word_at_once(client, sections):
    page = ActivityPageFactory(parent=sections.library, title="Méthanisation expliquée")
    assert search(client, q="methanisatoin")["suggestion"] == "methanisation"

    PageViewRestriction.objects.create(page=page, restriction_type="login")

    assert search(client, q="methanisatoin")["suggestion"] == ""


def test_only_signed_in_agents_on_the_page_feed_the_team_s_reports(client, sections, agent):
    client.get(URL, {"q": "zythologie"})  # anonymous visitor
    search(client, q="zythologie")  # a script reading the JSON
    assert not UnansweredQuery.objects.exists()
    assert not Query.objects.filter(query_string="zythologie").exists()

    client.force_login(agent)
    client.get(URL, {"q": "zythologie"})

    assert UnansweredQuery.objects.get().hits == 1


def test_needs_are_not_found_while_the_needs_board_is_not_visible(client, sections):
    TrainingNeedFactory(title="Apprendre la permaculture")
    assert [r["type"] for r in search(client, q="permaculture")["results"]] == ["need"]

    sections.board.unpublish()

    assert search(client, q="permaculture")["count"] == 0


def test_the_team_s_pin_answers_the_plain_query_not_a_narrowed_one(client, sections):
    pinned = ActivityPageFactory(parent=sections.library, title="Guide du télétravail")
    ActivityPageFactory(parent=sections.library, title="Télétravail : les outils")
    SearchPromotion.objects.create(query=Query.get("télétravail"), page=pinned, sort_order=0)

    plain = search(client, q="télétravail")
    narrowed = search(client, q="télétravail", type="activity")

    assert plain["results"][0]["promoted"] is True
    assert not any(result["promoted"] for result in narrowed["results"])


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only (pg_trgm)")
def test_on_postgresql_a_typo_no_title_holds_is_caught_by_trigram_similarity(client, sections):
    ActivityPageFactory(
        parent=sections.library,
        title="Affiches et flyers",
        summary="Imprimer soi-même : la sérigraphie expliquée aux débutants.",
    )

    data = search(client, q="serigrafie")  # in no title: no spelling suggestion to try

    assert data["suggestion"] == ""
    assert data["fuzzy"] is True
    assert [r["title"] for r in data["results"]] == ["Affiches et flyers"]


def test_a_cached_search_sees_a_page_published_a_moment_later_and_not_a_withdrawn_one(
    client, sections
):
    first = ActivityPageFactory(parent=sections.library, title="Vermicompostage au bureau")
    assert search(client, q="vermicompostage")["count"] == 1  # the matches are now cached

    second = ActivityPageFactory(parent=sections.library, title="Vermicompostage en cantine")
    second.save_revision().publish()  # as the team publishes: a new index generation

    assert search(client, q="vermicompostage")["count"] == 2
    first.unpublish()
    assert [r["title"] for r in search(client, q="vermicompostage")["results"]] == [
        "Vermicompostage en cantine"
    ]
