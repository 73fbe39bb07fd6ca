"""The library's read-only API (Wagtail API v2): published pages only, never a draft."""

import pytest
from wagtail.models import PageViewRestriction

from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import TrainingPathPage

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def add_path(library, title, steps, live=True):
    path = TrainingPathPage(
        title=title, audience="Nouveaux agents d'accueil", level="discovery", steps=steps
    )
    library.add_child(instance=path)
    if live:
        path.save_revision().publish()
    else:
        path.unpublish()
    return path


def titles(response):
    return {item["title"] for item in response.json()["items"]}


def test_api_lists_published_activities_and_paths_only(client, library):
    activity = ActivityPageFactory(parent=library, title="Le débat mouvant")
    ActivityPageFactory(parent=library, title="Activité en brouillon", live=False)
    private = ActivityPageFactory(parent=library, title="Activité privée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    step = ("activity", {"activity": activity, "modality": "face_to_face", "note": ""})
    add_path(library, "Parcours publié", [step])
    add_path(library, "Parcours en brouillon", [step], live=False)

    response = client.get(API)

    assert response.status_code == 200
    assert titles(response) == {"Bibliothèque", "Le débat mouvant", "Parcours publié"}
    activities = client.get(API, {"type": "resources.ActivityPage"})
    assert titles(activities) == {"Le débat mouvant"}
    drafts = client.get(API, {"search": "brouillon"})
    assert titles(drafts) == set()


def test_draft_detail_is_not_found(client, library):
    draft = ActivityPageFactory(parent=library, title="Activité en brouillon", live=False)
    path = add_path(library, "Parcours en brouillon", [], live=False)

    assert client.get(f"{API}{draft.pk}/").status_code == 404
    assert client.get(f"{API}{path.pk}/").status_code == 404


def test_path_detail_exposes_its_fields_and_hides_unpublished_activities(client, library):
    theme = ThemeFactory(name="Accueil du public")
    published = ActivityPageFactory(
        parent=library, title="Le jeu de l'accueil difficile", duration_min=60, duration_max=90
    )
    draft = ActivityPageFactory(parent=library, title="Brouillon secret", live=False)
    path = add_path(
        library,
        "Bien accueillir le public",
        [
            ("activity", {"activity": published, "modality": "face_to_face", "note": "En salle"}),
            ("activity", {"activity": draft, "modality": "remote", "note": ""}),
            (
                "text",
                {
                    "title": "Observation en binôme",
                    "modality": "practice",
                    "duration": 120,
                    "text": "<p>Observer un collègue.</p>",
                },
            ),
        ],
    )
    path.themes.add(theme)
    path.save_revision().publish()

    response = client.get(f"{API}{path.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "resources.TrainingPathPage"
    assert data["audience"] == "Nouveaux agents d'accueil"
    assert data["level"] == "discovery"
    assert data["themes"] == ["Accueil du public"]
    assert data["duration"] == {"min": 180, "max": 210, "complete": False}
    assert data["steps"] == [
        {
            "type": "activity",
            "modality": "face_to_face",
            "activity": {
                "id": published.pk,
                "title": "Le jeu de l'accueil difficile",
                "duration_min": 60,
                "duration_max": 90,
            },
            "note": "En salle",
        },
        {"type": "activity", "modality": "remote", "activity": None, "note": ""},
        {
            "type": "text",
            "modality": "practice",
            "title": "Observation en binôme",
            "duration": 120,
            "text": "<p>Observer un collègue.</p>",
        },
    ]
    assert "Brouillon secret" not in response.content.decode()


def test_paths_listing_gives_their_fields_on_request(client, library):
    activity = ActivityPageFactory(parent=library)
    add_path(
        library,
        "Parcours publié",
        [("activity", {"activity": activity, "modality": "face_to_face", "note": ""})],
    )

    response = client.get(
        API, {"type": "resources.TrainingPathPage", "fields": "audience,level,steps"}
    )

    [item] = response.json()["items"]
    assert item["audience"] == "Nouveaux agents d'accueil"
    assert item["steps"][0]["activity"]["id"] == activity.pk


def test_activity_detail(client, library):
    activity = ActivityPageFactory(parent=library, title="Le débat mouvant")

    data = client.get(f"{API}{activity.pk}/").json()

    assert data["title"] == "Le débat mouvant"
    assert data["meta"]["type"] == "resources.ActivityPage"
    assert data["meta"]["html_url"].endswith("/bibliotheque/le-debat-mouvant/")


def test_api_is_read_only(client, library, superuser):
    activity = ActivityPageFactory(parent=library)
    client.force_login(superuser)

    assert client.post(API, {"title": "Nouvelle"}).status_code == 405
    assert client.put(f"{API}{activity.pk}/", {"title": "Modifiée"}).status_code == 405
    assert client.patch(f"{API}{activity.pk}/", {"title": "Modifiée"}).status_code == 405
    assert client.delete(f"{API}{activity.pk}/").status_code == 405
    assert ActivityPageFactory._meta.model.objects.filter(pk=activity.pk).exists()


def test_activity_fields_and_adaptation_link_without_leaking_a_draft_original(client, library):
    theme = ThemeFactory(name="Management", slug="management")
    original = ActivityPageFactory(parent=library, title="Brouillon secret", live=False)
    activity = ActivityPageFactory(
        parent=library,
        title="Débat mouvant",
        duration_min=20,
        duration_max=40,
        modality="face_to_face",
        licence="cc_by_sa",
        themes=[theme],
    )
    activity.adapted_from = original
    activity.save()

    data = client.get(f"{API}{activity.pk}/").json()

    assert (data["duration_min"], data["duration_max"]) == (20, 40)
    assert data["modality"] == "face_to_face"
    assert data["licence"] == "cc_by_sa"
    assert data["themes"] == ["Management"]
    assert data["adapted_from_id"] == original.pk
    assert "Brouillon secret" not in str(data)
    assert "authors" not in data
