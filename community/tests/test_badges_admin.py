"""The badges in the admin: only the training team awards by hand (with a reason) and revokes
(with a reason; the award stays); the badge form offers the registered facts and refuses an
incomplete rule, in French, changing nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from community.badges import awards
from community.badges.artwork import wagtail_image
from community.badges.factories import BadgeAwardFactory, BadgeFactory
from community.factories import UserFactory
from community.models import Badge, BadgeAward
from events.badge_facts import FEEDBACK_AVERAGE, SESSIONS_FACILITATED
from events.factories import SessionFactory, WorkshopCatalogPageFactory, WorkshopPageFactory
from events.models import SessionStatus

pytestmark = pytest.mark.django_db

AWARD_ADD = reverse("wagtailsnippets_community_badgeaward:add")
BADGE_ADD = reverse("wagtailsnippets_community_badge:add")


def award_edit(award):
    return reverse("wagtailsnippets_community_badgeaward:edit", args=[award.pk])


@pytest.fixture
def badge(db):
    return BadgeFactory(name="Pilier de la communauté", slug="pilier")


@pytest.fixture
def recipient(db):
    return UserFactory(email="amina.diallo@atelier.example", first_name="Amina")


def award_data(badge, recipient, reason="Anime la communauté des formateurs depuis un an."):
    return {
        "badge": badge.pk,
        "recipient": recipient.pk,
        "reason": reason,
        "evidence_url": "",
    }


# --- Who may award ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "agent", "trainer"])
def test_only_the_training_team_awards(client, role, badge, recipient, request):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for url in (AWARD_ADD, BADGE_ADD):
        assert client.get(url).status_code in (302, 403)
    response = client.post(AWARD_ADD, award_data(badge, recipient))
    assert response.status_code in (302, 403)
    assert not BadgeAward.objects.exists()


@pytest.mark.parametrize("role", ["agent", "trainer"])
def test_agents_and_trainers_cannot_revoke(client, role, badge, recipient, request):
    award = BadgeAwardFactory(badge=badge, recipient=recipient)
    client.force_login(request.getfixturevalue(role))
    response = client.post(award_edit(award), {"revocation_reason": "Non."})
    assert response.status_code in (302, 403)
    award.refresh_from_db()
    assert not award.is_revoked


def test_the_team_awards_by_hand_with_a_reason_and_the_person_is_told(
    client, team_member, badge, recipient, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(team_member)
    assert client.get(AWARD_ADD).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(AWARD_ADD, award_data(badge, recipient))
    assert response.status_code == 302
    award = BadgeAward.objects.get()
    assert (award.badge, award.recipient, award.awarded_by) == (badge, recipient, team_member)
    assert award.reason == "Anime la communauté des formateurs depuis un an."
    assert award.awarded_at is not None
    (message,) = mailoutbox
    assert message.to == [recipient.email]
    assert message.subject == "Vous avez obtenu le badge « Pilier de la communauté »"
    assert "Pourquoi : Anime la communauté des formateurs depuis un an." in message.body
    assert award.assertion_url in message.body
    assert award.image_url in message.body
    assert "/mon-profil/" in message.body


def test_an_award_without_a_reason_is_refused_in_french(client, team_member, badge, recipient):
    client.force_login(team_member)
    response = client.post(AWARD_ADD, award_data(badge, recipient, reason=" "))
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not BadgeAward.objects.exists()


def test_a_badge_held_already_is_refused_even_if_revoked(client, team_member, badge, recipient):
    BadgeAwardFactory(badge=badge, recipient=recipient, revoked_at="2026-11-02T10:00:00+01:00")
    client.force_login(team_member)
    response = client.post(AWARD_ADD, award_data(badge, recipient))
    assert response.status_code == 200
    assert "détient déjà le badge « Pilier de la communauté »" in response.content.decode()
    assert BadgeAward.objects.count() == 1


def test_the_team_revokes_with_a_reason_and_the_award_stays(client, team_member, badge, recipient):
    award = BadgeAwardFactory(badge=badge, recipient=recipient)
    client.force_login(team_member)
    response = client.post(award_edit(award), {"revocation_reason": ""})
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    award.refresh_from_db()
    assert not award.is_revoked

    response = client.post(award_edit(award), {"revocation_reason": "Attribué par erreur."})
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.is_revoked
    assert award.revoked_by == team_member
    assert award.revocation_reason == "Attribué par erreur."
    assert client.get(reverse("badge_assertion", args=[award.uid])).status_code == 410

    response = client.post(award_edit(award), {"revocation_reason": "Encore."})
    assert "Cette attribution est déjà révoquée." in response.content.decode()
    award.refresh_from_db()
    assert award.revocation_reason == "Attribué par erreur."


def test_the_listing_shows_who_awarded_and_the_status(client, team_member, badge, recipient):
    BadgeAwardFactory(badge=badge, recipient=recipient)
    BadgeAwardFactory(badge=badge, awarded_by=team_member, revoked_at="2026-11-02T10:00:00Z")
    client.force_login(team_member)
    html = client.get(reverse("wagtailsnippets_community_badgeaward:list")).content.decode()
    assert "une règle" in html
    assert "Claire Moreau" in html
    assert "révoqué" in html and "valide" in html


# --- The badge form -------------------------------------------------------------------------


def badge_data(**overrides):
    data = {
        "name": "Animateur régulier",
        "slug": "animateur-regulier",
        "kind": "facilitation",
        "description": "A animé cinq séances.",
        "image": wagtail_image("Animateur régulier", "5").pk,
        "criteria": "Animer cinq séances dont l'appel est clos.",
        "rule": SESSIONS_FACILITATED,
        "threshold": "5",
        "minimum_sample": "",
        "active": "on",
    }
    return {**data, **overrides}


def test_the_badge_form_offers_the_registered_facts_by_label(client, team_member):
    client.force_login(team_member)
    html = client.get(BADGE_ADD).content.decode()
    assert f'<option value="{SESSIONS_FACILITATED}">Séances animées (appel clos)</option>' in html
    assert "Note moyenne des avis (sur 5) sur ses séances" in html


def badge_edit(badge):
    return reverse("wagtailsnippets_community_badge:edit", args=[badge.pk])


def facilitated(workshop, person, sessions):
    start = timezone.now() - timedelta(days=7)
    for _ in range(sessions):
        session = SessionFactory(
            event=workshop,
            start=start,
            end=start + timedelta(hours=2),
            status=SessionStatus.DONE,
            roll_call_closed_at=start + timedelta(hours=2),
        )
        session.facilitators.add(person)


def test_a_lowered_threshold_awards_at_once_and_tells_the_person(
    client, team_member, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    """Not at the nightly ``award_badges``: saving the badge evaluates it for everyone."""
    workshop = WorkshopPageFactory(parent=WorkshopCatalogPageFactory(parent=home_page))
    three, two = UserFactory(email="trois@atelier.example"), UserFactory()
    facilitated(workshop, three, 3)
    facilitated(workshop, two, 2)
    badge = BadgeFactory(
        name="Animateur régulier", slug="animateur-regulier", rule=SESSIONS_FACILITATED, threshold=5
    )
    client.force_login(team_member)
    data = badge_data(image=badge.image_id, threshold="3")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(badge_edit(badge), data)
    assert response.status_code == 302
    badge.refresh_from_db()
    assert badge.threshold == 3
    assert [award.recipient for award in BadgeAward.objects.all()] == [three]
    (message,) = mailoutbox
    assert message.to == [three.email]


def test_renaming_a_badge_evaluates_nothing_retuning_it_does(
    client, team_member, home_page, monkeypatch, django_capture_on_commit_callbacks
):
    """Only a change to the rule (fact, threshold, sample, active) evaluates the badge again:
    a new name awards nobody, even someone who meets the rule (the nightly run will)."""
    workshop = WorkshopPageFactory(parent=WorkshopCatalogPageFactory(parent=home_page))
    three = UserFactory()
    facilitated(workshop, three, 3)
    badge = BadgeFactory(rule=SESSIONS_FACILITATED, threshold=3)  # not evaluated: no commit
    runs = []
    real_evaluate = awards.evaluate
    monkeypatch.setattr(awards, "evaluate", lambda **kw: runs.append(kw) or real_evaluate(**kw))
    client.force_login(team_member)

    renamed = badge_data(name="Animatrice régulière", image=badge.image_id, threshold="3")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(badge_edit(badge), renamed)
    assert response.status_code == 302
    badge.refresh_from_db()
    assert badge.name == "Animatrice régulière"
    assert runs == []
    assert not BadgeAward.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(badge_edit(badge), {**renamed, "threshold": "2"})
    assert runs == [{"badge_ids": [badge.pk]}]
    assert [award.recipient for award in BadgeAward.objects.all()] == [three]


def test_the_team_creates_a_badge_with_a_rule(client, team_member):
    client.force_login(team_member)
    response = client.post(BADGE_ADD, badge_data())
    assert response.status_code == 302
    badge = Badge.objects.get()
    assert (badge.rule, badge.threshold) == (SESSIONS_FACILITATED, 5)


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"rule": "events.nothing_like_this"}, "Sélectionnez un choix valide."),
        ({"threshold": ""}, "Une règle automatique a besoin d&#x27;un seuil."),
        (
            {"rule": FEEDBACK_AVERAGE, "threshold": "4.5"},
            "Une moyenne a besoin du nombre de séances qu&#x27;elle doit couvrir.",
        ),
        ({"rule": "", "threshold": "3"}, "Choisissez le fait auquel ce seuil s&#x27;applique."),
    ],
)
def test_an_incomplete_rule_is_refused_in_french(client, team_member, overrides, message):
    client.force_login(team_member)
    response = client.post(BADGE_ADD, badge_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Badge.objects.exists()


def test_the_badges_listing_shows_each_rule_by_its_label(client, team_member):
    BadgeFactory(name="Animateur régulier", rule=SESSIONS_FACILITATED, threshold=5)
    client.force_login(team_member)
    html = client.get(reverse("wagtailsnippets_community_badge:list")).content.decode()
    assert "Animateur régulier" in html
    assert "Séances animées (appel clos)" in html


def test_a_revoked_award_s_page_shows_the_reason_read_only(client, team_member, badge, recipient):
    award = BadgeAwardFactory(
        badge=badge,
        recipient=recipient,
        revoked_at="2026-11-02T10:00:00Z",
        revocation_reason="Attribué par erreur.",
    )
    client.force_login(team_member)
    html = client.get(award_edit(award)).content.decode()
    assert "Attribué par erreur." in html
    assert "disabled" in html
