"""“J'ai utilisé cette activité” and ratings, as agents use them on an activity's page."""

import datetime

import pytest
from django.utils import timezone

from community.factories import UserFactory
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import ActivityPage, Rating, Reuse
from resources.services import can_rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(home_page):
    library = LibraryPageFactory(parent=home_page)
    return ActivityPageFactory(parent=library, title="World café", slug="world-cafe")


def test_an_agent_records_a_use_and_sees_it_on_the_page(client, activity, agent):
    client.force_login(agent)

    response = client.post(
        "/bibliotheque/world-cafe/utilisation/",
        {"used_on": "2026-11-02", "context": "Séminaire des encadrants"},
        follow=True,
    )

    html = response.content.decode()
    assert "Merci : votre utilisation de cette activité est enregistrée." in html
    assert "Utilisée 1 fois" in html
    assert "Marc Dubois, le 2 novembre 2026 — Séminaire des encadrants" in html
    assert Reuse.objects.get().user == agent


def test_a_use_in_the_future_is_refused_in_french_and_the_input_is_kept(client, activity, agent):
    client.force_login(agent)
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()

    response = client.post(
        "/bibliotheque/world-cafe/utilisation/",
        {"used_on": future, "context": "Groupe du jeudi"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "La date d&#x27;utilisation ne peut pas être dans le futur." in html or (
        "La date d'utilisation ne peut pas être dans le futur." in html
    )
    assert 'value="Groupe du jeudi"' in html
    assert not Reuse.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in_and_nothing_is_recorded(client, activity):
    response = client.post("/bibliotheque/world-cafe/utilisation/", {"used_on": "2026-11-02"})

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion/")
    assert not Reuse.objects.exists()
    page_html = client.get(activity.url).content.decode()
    assert "Connectez-vous pour adapter, utiliser ou noter" in page_html


def test_one_rating_per_person_rating_again_replaces_it(client, activity, agent):
    client.force_login(agent)

    client.post("/bibliotheque/world-cafe/avis/", {"score": "3", "comment": "Bien"})
    response = client.post(
        "/bibliotheque/world-cafe/avis/", {"score": "5", "comment": "Excellent"}, follow=True
    )

    rating = Rating.objects.get()
    assert (rating.score, rating.comment) == (5, "Excellent")
    html = response.content.decode()
    assert "5,0/5 (1 avis)" in html
    assert "Excellent" in html


@pytest.mark.parametrize("score", ["0", "6", "quatre", ""])
def test_an_impossible_score_is_refused_and_changes_nothing(client, activity, agent, score):
    client.force_login(agent)

    response = client.post(
        "/bibliotheque/world-cafe/avis/", {"score": score, "comment": "Mon commentaire"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Votre note" in html
    assert "Mon commentaire" in html
    assert not Rating.objects.exists()


def test_authors_cannot_rate_their_own_activity(client, activity, trainer):
    activity.authors.add(trainer)
    activity.save()
    client.force_login(trainer)

    response = client.post("/bibliotheque/world-cafe/avis/", {"score": "5"})

    assert response.status_code == 400
    assert "dont vous êtes l&#x27;auteur" in response.content.decode() or (
        "dont vous êtes l'auteur" in response.content.decode()
    )
    assert not Rating.objects.exists()


def test_counters_are_exact(activity):
    users = [UserFactory() for _ in range(4)]
    for user in users[:3]:
        Reuse.objects.create(activity=activity, user=user)
    Reuse.objects.create(activity=activity, user=users[0], used_on="2026-10-01")  # another day
    Rating.objects.create(activity=activity, user=users[0], score=4)
    Rating.objects.create(activity=activity, user=users[1], score=5)

    counters = ActivityPage.objects.with_engagement().get(pk=activity.pk)

    assert counters.reuse_count == 4
    assert counters.rating_count == 2
    assert counters.rating_average == 4.5
    assert counters.adaptation_count == 0


def test_page_query_count_does_not_grow_with_uses_and_ratings(
    client, activity, django_assert_max_num_queries
):
    from community.models import User

    def add(n, start):
        users = User.objects.bulk_create(
            User(email=f"agent{start + i}@atelier.example", first_name="Agent", last_name=str(i))
            for i in range(n)
        )
        Reuse.objects.bulk_create(Reuse(activity=activity, user=u, context="Groupe") for u in users)
        Rating.objects.bulk_create(
            Rating(activity=activity, user=u, score=4, comment="Utile") for u in users
        )

    add(10, 0)
    with django_assert_max_num_queries(60) as at_ten:
        client.get(activity.url)
    add(190, 10)
    with django_assert_max_num_queries(len(at_ten.captured_queries)):
        html = client.get(activity.url).content.decode()
    assert "Utilisée 200 fois" in html
    assert "4,0/5 (200 avis)" in html


def test_the_preview_of_an_edited_activity_renders_with_its_unsaved_authors(
    client, activity, trainer, agent, rf
):
    """The admin's preview holds the authors in memory (modelcluster), where filter(pk=…)
    raised KeyError: the page said "Le site a rencontré une erreur"."""
    edited = ActivityPage.objects.get(pk=activity.pk)
    edited.authors.set([trainer])  # in memory, as the edit form's preview leaves it

    request = rf.get(edited.url)
    request.user = agent
    response = edited.serve_preview(request, edited.default_preview_mode)

    assert response.status_code == 200
    assert can_rate(edited, agent) is True
    assert can_rate(edited, trainer) is False
