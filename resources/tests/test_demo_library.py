"""The demo library feels like a real one: enough activities, of every sort, with a community."""

from collections import Counter

import pytest

from resources.models import ActivityPage, Kind, Level, Modality, Rating, Reuse, TrainingPathPage

pytestmark = pytest.mark.django_db


def test_demo_library_has_activities_of_every_sort_with_uses_ratings_and_paths(demo_content):
    originals = ActivityPage.objects.live().filter(adapted_from__isnull=True)

    assert originals.count() >= 40
    kinds = Counter(originals.values_list("kind", flat=True))
    assert set(kinds) == set(Kind.values)
    assert set(originals.values_list("modality", flat=True)) == set(Modality.values)
    assert set(originals.values_list("level", flat=True)) == set(Level.values)
    titles = set(originals.values_list("title", flat=True))
    assert "Analyse SWOT d'un projet de service" in titles
    assert "Modèle de plan d'action" in titles
    assert ActivityPage.objects.live().filter(adapted_from__isnull=False).count() >= 3
    assert Reuse.objects.count() >= 50
    assert Rating.objects.count() >= 40
    assert TrainingPathPage.objects.live().count() >= 4
    assert all(activity.authors.exists() for activity in originals)
