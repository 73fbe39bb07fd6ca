"""A training path as a trainee reads it: ordered steps, modalities, total duration."""

import pytest

from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import TrainingPathPage
from resources.models.paths import format_duration_range, format_minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def add_path(library, steps, title="Bien accueillir le public", **kwargs):
    path = TrainingPathPage(
        title=title,
        audience="Nouveaux agents d'accueil",
        level="discovery",
        steps=steps,
        **kwargs,
    )
    library.add_child(instance=path)
    path.save_revision().publish()
    return TrainingPathPage.objects.get(pk=path.pk)


def activity_step(activity, modality="face_to_face", note=""):
    return ("activity", {"activity": activity, "modality": modality, "note": note})


def text_step(title, modality, duration=None, text="<p>Consignes</p>"):
    return ("text", {"title": title, "modality": modality, "duration": duration, "text": text})


def test_durations_read_in_hours_and_minutes():
    assert format_minutes(45) == "45 min"
    assert format_minutes(120) == "2 h"
    assert format_minutes(210) == "3 h 30"
    assert format_minutes(65) == "1 h 05"
    assert format_duration_range(210, 255) == "3 h 30 à 4 h 15"
    assert format_duration_range(90, 90) == "1 h 30"


def test_path_page_shows_ordered_steps_total_duration_and_modalities_mix(client, library):
    welcome = ActivityPageFactory(
        parent=library,
        title="Le jeu de l'accueil difficile",
        summary="Des cartes-situations pour s'entraîner.",
        duration_min=60,
        duration_max=90,
    )
    bingo = ActivityPageFactory(
        parent=library, title="Le bingo des collègues", duration_min=15, duration_max=30
    )
    path = add_path(
        library,
        [
            text_step("Les bases de l'accueil", "self_paced", 30, "<p>Un module en ligne.</p>"),
            activity_step(bingo, note="Pour ouvrir la journée."),
            activity_step(welcome),
            text_step("Classe virtuelle de lancement", "remote", 45),
            text_step("Observation en binôme", "practice", 60),
            text_step("Atelier de synthèse", "face_to_face", None),
        ],
    )

    html = client.get(path.url).content.decode()

    # 30 + (15–30) + (60–90) + 45 + 60 = 210–255 minutes
    assert "3 h 30 à 4 h 15" in html
    assert (
        "Parcours mixte : 2 étapes à distance, 3 étapes en présentiel, 1 mise en pratique" in html
    )
    assert "La durée totale ne compte pas les étapes sans durée définie." in html
    for label in ("E-learning", "Présentiel", "À distance", "Pratique en situation"):
        assert label in html
    assert f'<a href="{bingo.url}">Le bingo des collègues</a>' in html
    assert "(60–90 min)" in html
    assert "Des cartes-situations pour s&#x27;entraîner." in html
    assert "Pour ouvrir la journée." in html
    assert "<p>Un module en ligne.</p>" in html
    assert "(45 min)" in html and "(1 h)" in html
    order = [
        html.index(title)
        for title in (
            "Les bases de l&#x27;accueil",
            "Le bingo des collègues",
            "Le jeu de l&#x27;accueil difficile",
            "Classe virtuelle de lancement",
            "Observation en binôme",
        )
    ]
    assert order == sorted(order)


def test_a_single_modality_path_is_not_called_mixed(library):
    activity = ActivityPageFactory(parent=library)
    path = add_path(library, [activity_step(activity), activity_step(activity)])

    assert path.modality_summary == "Parcours : 2 étapes en présentiel"
    assert path.total_duration == (30, 60, True)


def test_unpublished_or_deleted_activity_shows_unavailable_without_leaking(client, library):
    draft = ActivityPageFactory(parent=library, title="Brouillon secret", live=False)
    deleted = ActivityPageFactory(parent=library, title="Activité supprimée")
    kept = ActivityPageFactory(
        parent=library, title="Activité publiée", duration_min=10, duration_max=20
    )
    path = add_path(
        library,
        [
            activity_step(draft, note="Note de l'étape brouillon"),
            activity_step(deleted),
            activity_step(kept),
        ],
    )
    deleted.delete()

    response = client.get(path.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Activité indisponible") == 2
    assert "Brouillon secret" not in html
    assert "Activité supprimée" not in html
    assert "Activité publiée" in html
    assert "Note de l&#x27;étape brouillon" in html
    # Only the published activity counts in the total, and the page says so.
    assert "10–20 min" in html
    assert "La durée totale ne compte pas les étapes sans durée définie." in html


def test_private_activity_is_unavailable_too(client, library):
    from wagtail.models import PageViewRestriction

    private = ActivityPageFactory(parent=library, title="Réservée aux connectés")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    path = add_path(library, [activity_step(private)])

    html = client.get(path.url).content.decode()

    assert "Activité indisponible" in html
    assert "Réservée aux connectés" not in html


@pytest.mark.parametrize("count", [3, 30])
def test_path_query_count_does_not_grow_with_steps(
    client, library, count, django_assert_max_num_queries
):
    activities = [ActivityPageFactory(parent=library, title=f"Activité {n}") for n in range(count)]
    steps = [
        activity_step(activity)
        if n % 3
        else text_step(f"Étape libre {n}", "practice", 30, "<p>Pratique</p>")
        for n, activity in enumerate(activities)
    ]
    path = add_path(library, steps)

    with django_assert_max_num_queries(16) as queries:
        response = client.get(path.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Activité 1</a>" in html and "Étape libre 0" in html
    print(f"{count} steps: {len(queries.captured_queries)} queries")
