"""An activity's page carries its schema.org LearningResource description (JSON-LD)."""

import json
import re

import pytest

from community.factories import UserFactory
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.templatetags.structured_data import iso_duration

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def structured_data(client, page):
    html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    [script] = JSONLD.findall(head)
    return json.loads(script), html


def test_iso_durations():
    assert iso_duration(45) == "PT45M"
    assert iso_duration(60) == "PT1H"
    assert iso_duration(90) == "PT1H30M"


def test_activity_is_described_as_a_learning_resource(client, library):
    author = UserFactory(first_name="Amina", last_name="Diallo")
    activity = ActivityPageFactory(
        parent=library,
        title="Le débat mouvant",
        summary="Chacun se place dans la salle selon son accord.",
        duration_min=20,
        duration_max=45,
        level="intermediate",
        kind="facilitation_method",
        licence="cc_by",
    )
    activity.authors.add(author)
    activity.save_revision().publish()
    activity.refresh_from_db()

    data, _html = structured_data(client, activity)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Le débat mouvant"
    assert data["description"] == "Chacun se place dans la salle selon son accord."
    assert data["url"] == "http://localhost/bibliotheque/le-debat-mouvant/"
    assert data["timeRequired"] == "PT45M"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/deed.fr"
    assert data["inLanguage"] == "fr"
    assert data["educationalLevel"] == "Intermédiaire"
    assert data["learningResourceType"] == "Méthode d'animation"
    assert data["author"] == [{"@type": "Person", "name": "Amina Diallo"}]
    assert data["dateModified"] == activity.last_published_at.isoformat()
    assert "isBasedOn" not in data


def test_internal_use_has_no_licence_url(client, library):
    activity = ActivityPageFactory(parent=library, licence="internal")

    data, _html = structured_data(client, activity)

    assert "license" not in data


def test_adaptation_is_based_on_its_published_original(client, library):
    original = ActivityPageFactory(parent=library, title="Le bingo des collègues")
    adaptation = ActivityPageFactory(parent=library, title="Le bingo des services")
    adaptation.adapted_from = original
    adaptation.source_attribution = "« Le bingo des collègues » par Amina Diallo, CC BY-SA 4.0"
    adaptation.save()

    data, _html = structured_data(client, adaptation)

    assert data["isBasedOn"] == {
        "@type": "LearningResource",
        "name": "Le bingo des collègues",
        "url": "http://localhost/bibliotheque/le-bingo-des-collegues/",
    }
    assert data["creditText"] == "« Le bingo des collègues » par Amina Diallo, CC BY-SA 4.0"


def test_unpublished_original_is_neither_named_nor_linked(client, library):
    original = ActivityPageFactory(parent=library, title="Original en brouillon", live=False)
    adaptation = ActivityPageFactory(parent=library)
    adaptation.adapted_from = original
    adaptation.save()

    data, html = structured_data(client, adaptation)

    assert "isBasedOn" not in data
    assert "Original en brouillon" not in html


def test_a_title_cannot_break_out_of_the_script(client, library):
    title = 'Fin </script><script>alert("x")</script> <!-- & co'
    activity = ActivityPageFactory(parent=library, title=title, slug="piege")

    data, html = structured_data(client, activity)

    assert data["name"] == title  # the JSON still reads back exactly
    head = html.split("</head>")[0]
    assert head.count("<script") == 1
    assert "<script>alert" not in head
    assert "\\u003C/script\\u003E" in head
