"""A person's page in the trainer directory: who sees it, what it shows, the contact form,
and a number of queries that does not grow with awards, sessions or publications."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.factories import UserFactory
from community.models import (
    Badge,
    BadgeAward,
    BadgeKind,
    ContactPreference,
    Profile,
    Visibility,
)
from community.roles import TRAINERS
from events.factories import RegistrationFactory, SessionFactory, WorkshopPageFactory
from events.models import Attendance, FeedbackAnswer, SessionStatus, UsefulSkills
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import Reuse

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------------------------------
# Helpers shared with the other profile tests (imported there); the directory fixture is in
# the root conftest.


def profile_path(profile):
    return f"/formateurs/{profile.pk}/"


def png_bytes(size=(8, 8), colour="navy"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="Image"):
    from django.core.files.base import ContentFile

    image = get_image_model()(
        title=title,
        file=ContentFile(png_bytes(), name="image.png"),
        collection=Collection.get_first_root_node(),
    )
    image.save()
    return image


def award_badges(user, count, image=None):
    image = image or make_image("Badge")
    for index in range(count):
        badge = Badge.objects.create(
            name=f"Badge {user.pk}-{index}",
            slug=f"badge-{user.pk}-{index}",
            description="Pour l'engagement.",
            image=image,
            criteria="Avoir animé.",
            kind=BadgeKind.FACILITATION,
        )
        BadgeAward.objects.create(badge=badge, recipient=user, awarded_at=timezone.now())


# ---------------------------------------------------------------------------------------------
# Who sees what


def test_anonymous_visitors_are_sent_to_sign_in(client, directory, trainer):
    response = client.get(profile_path(trainer.profile))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_an_agent_sees_a_visible_profile_without_its_e_mail_address(client, directory, agent):
    person = UserFactory(
        first_name="Amina",
        last_name="Diallo",
        email="amina.diallo@atelier.example",
        service="Direction de l'action sociale",
        job_title="Travailleuse sociale",
    )
    profile = person.profile
    profile.bio = "J'anime des ateliers.\nSur l'accueil."
    profile.available_to_facilitate = True
    profile.save()
    profile.skills.add("Prise de parole")
    profile.save()
    client.force_login(agent)

    html = client.get(profile_path(profile)).content.decode()

    assert "Amina Diallo" in html
    assert "Travailleuse sociale" in html
    assert "Direction de l&#x27;action sociale" in html
    assert "<p>J&#x27;anime des ateliers.<br>Sur l&#x27;accueil.</p>" in html
    assert "Prise de parole" in html
    assert "Disponible pour animer" in html
    assert "amina.diallo@atelier.example" not in html


def test_a_team_only_profile_is_hidden_from_agents_and_shown_to_the_team(
    client, directory, agent, team_member
):
    hidden = UserFactory(first_name="Julien", last_name="Roux").profile
    hidden.visibility = Visibility.TEAM
    hidden.save()

    client.force_login(agent)
    assert client.get(profile_path(hidden)).status_code == 404
    client.force_login(team_member)
    assert client.get(profile_path(hidden)).status_code == 200
    client.force_login(hidden.user)
    assert client.get(profile_path(hidden)).status_code == 200


def test_a_deleted_account_has_no_profile_page(client, directory, team_member):
    gone = UserFactory(is_active=False)
    gone.deleted_at = timezone.now()
    gone.save()
    client.force_login(team_member)
    assert client.get(profile_path(gone.profile)).status_code == 404
    assert client.get("/formateurs/999999/").status_code == 404


def test_a_bio_with_a_script_is_shown_as_text(client, directory, agent, trainer):
    trainer.profile.bio = "<script>alert('x')</script>"
    trainer.profile.save()
    client.force_login(agent)

    html = client.get(profile_path(trainer.profile)).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


# ---------------------------------------------------------------------------------------------
# Sections of the other apps


def _feedback(session, ratings):
    for rating in ratings:
        FeedbackAnswer.objects.create(
            session=session,
            rating=rating,
            useful_skills=UsefulSkills.YES,
            answered_on=timezone.localdate(),
        )


@pytest.fixture
def busy_trainer(home_page, trainer):
    """Published two activities (one adapted and reused by colleagues), facilitated a 3-hour
    session this year with five answers, learned in another session."""
    library = LibraryPageFactory(parent=home_page)
    colleague = UserFactory(first_name="Thomas", last_name="Martin")
    first = ActivityPageFactory(parent=library, title="Le bâton de parole")
    first.authors.set([trainer])
    first.save_revision().publish()
    second = ActivityPageFactory(parent=library, title="Météo du jour")
    second.authors.set([trainer])
    second.save_revision().publish()
    adaptation = ActivityPageFactory(parent=library, title="Le bâton de parole à distance")
    adaptation.adapted_from = first
    adaptation.authors.set([colleague])
    adaptation.save_revision().publish()
    Reuse.objects.create(activity=first, user=colleague, context="Atelier du 3 mars")

    now = timezone.now()
    start = now.replace(month=1, day=15, hour=9, minute=0) if now.month > 1 else now
    start = min(start, now - timedelta(days=1))
    workshop = WorkshopPageFactory(parent=home_page, title="Animer une réunion")
    done = SessionFactory(
        event=workshop,
        start=start,
        end=start + timedelta(hours=3),
        status=SessionStatus.DONE,
        roll_call_closed_at=start + timedelta(hours=3),
    )
    done.facilitators.set([trainer])
    _feedback(done, [5, 4, 5, 4, 5])
    learned = SessionFactory(
        event=WorkshopPageFactory(parent=home_page), start=now - timedelta(days=2)
    )
    RegistrationFactory(session=learned, user=trainer, attendance=Attendance.PRESENT)
    return trainer


def test_the_page_shows_publications_adaptations_reuses_and_sessions(
    client, directory, agent, busy_trainer
):
    client.force_login(agent)

    html = client.get(profile_path(busy_trainer.profile)).content.decode()

    assert "2 activités publiées" in html
    assert "Le bâton de parole" in html and "Météo du jour" in html
    assert "1 adaptation par des collègues" in html
    assert "Le bâton de parole à distance" in html
    assert "1 réutilisation par des collègues" in html
    assert "Séances animées" in html
    assert f"Heures animées en {timezone.localtime().year}" in html
    assert "3 h sur 90 h" in html


def test_reuses_name_colleagues_by_their_public_name_never_their_address(
    client, directory, agent, busy_trainer
):
    from community.privacy import anonymise

    activity = busy_trainer.authored_activities.get(title="Météo du jour")
    nameless = UserFactory(first_name="", last_name="", email="sans-nom@atelier.example")
    nameless.profile.display_name = "Jo la formatrice"
    nameless.profile.save()
    gone = UserFactory(first_name="Paul", last_name="Parti")
    for user in (nameless, gone):
        Reuse.objects.create(activity=activity, user=user)
    anonymise(gone)
    client.force_login(agent)

    html = client.get(profile_path(busy_trainer.profile)).content.decode()

    assert "3 réutilisations par des collègues" in html
    assert "— Jo la formatrice," in html
    assert "sans-nom@atelier.example" not in html
    assert "— Thomas Martin," in html
    assert "— Ancien agent," in html
    assert "@invalid" not in html


def test_feedback_averages_only_for_the_person_and_the_team(
    client, directory, agent, team_member, busy_trainer
):
    client.force_login(agent)
    html = client.get(profile_path(busy_trainer.profile)).content.decode()
    assert "Satisfaction" not in html
    assert "4,6 / 5" not in html

    for viewer in (busy_trainer, team_member):
        client.force_login(viewer)
        html = client.get(profile_path(busy_trainer.profile)).content.decode()
        assert "Satisfaction" in html
        assert "4,6 / 5" in html


def test_badges_link_to_their_open_badges_assertion_and_image(client, directory, agent, trainer):
    award_badges(trainer, 1)
    award = BadgeAward.objects.get(recipient=trainer)
    client.force_login(agent)

    html = client.get(profile_path(trainer.profile)).content.decode()

    assert award.badge.name in html
    assert award.assertion_url in html
    assert award.image_url in html
    assert "Vérifier (Open Badges)" in html

    award.revoked_at = timezone.now()
    award.save()
    html = client.get(profile_path(trainer.profile)).content.decode()
    assert award.badge.name not in html
    assert "Pas encore de badge." in html


# ---------------------------------------------------------------------------------------------
# Contact


def test_the_contact_form_e_mails_the_person_without_showing_their_address(
    client, directory, agent, trainer, django_capture_on_commit_callbacks
):
    client.force_login(agent)
    page = client.get(profile_path(trainer.profile)).content.decode()
    assert "Contacter Nathalie Girard" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            profile_path(trainer.profile) + "contacter/",
            {"message": "Bonjour, pourriez-vous animer un atelier tableur ?"},
            follow=True,
        )

    html = response.content.decode()
    assert "Votre message a été envoyé à Nathalie Girard" in html
    assert "formatrice@atelier.example" not in html
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["formatrice@atelier.example"]
    assert "pourriez-vous animer un atelier tableur" in sent.body
    assert "agent@atelier.example" in sent.body  # so that they can answer


def test_an_apostrophe_in_the_senders_name_is_not_escaped_in_the_subject(
    client, directory, agent, trainer, django_capture_on_commit_callbacks
):
    agent.profile.display_name = "Marc D'Arc"
    agent.profile.save()
    client.force_login(agent)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(profile_path(trainer.profile) + "contacter/", {"message": "Bonjour à vous"})

    assert mail.outbox[0].subject == "Marc D'Arc vous écrit via Atelier"


def test_an_empty_message_is_refused_in_french(client, directory, agent, trainer):
    client.force_login(agent)
    response = client.post(profile_path(trainer.profile) + "contacter/", {"message": ""})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("preference", "shown"),
    [
        (
            ContactPreference.TEAM,
            "préfère être contacté·e par l'intermédiaire de l'équipe formation",
        ),
        (ContactPreference.NONE, None),
    ],
)
def test_no_contact_form_unless_the_person_accepts_messages(
    client, directory, agent, trainer, preference, shown
):
    trainer.profile.contact_preference = preference
    trainer.profile.save()
    client.force_login(agent)

    html = client.get(profile_path(trainer.profile)).content.decode()

    assert "Contacter Nathalie" not in html
    if shown:
        assert shown in html.replace("&#x27;", "'")
    response = client.post(
        profile_path(trainer.profile) + "contacter/", {"message": "Bonjour à vous"}
    )
    assert response.status_code == 404
    assert not mail.outbox


# ---------------------------------------------------------------------------------------------
# Queries


def _fill(user, home_page, library, count):
    """``count`` publications, facilitated sessions, learned sessions and awards."""
    now = timezone.now()
    workshop = WorkshopPageFactory(parent=home_page)
    for _index in range(count):
        activity = ActivityPageFactory(parent=library)
        activity.authors.set([user])
        activity.save_revision().publish()
        Reuse.objects.create(activity=activity, user=UserFactory())
        session = SessionFactory(
            event=workshop,
            start=now - timedelta(days=3),
            end=now - timedelta(days=3) + timedelta(hours=1),
            status=SessionStatus.DONE,
        )
        session.facilitators.set([user])
        RegistrationFactory(
            session=SessionFactory(event=workshop), user=user, attendance=Attendance.PRESENT
        )
    award_badges(user, count)


def test_queries_do_not_grow_with_awards_sessions_and_publications(
    client, directory, home_page, team_member
):
    library = LibraryPageFactory(parent=home_page)
    few, many = UserFactory(roles=[TRAINERS]), UserFactory(roles=[TRAINERS])
    _fill(few, home_page, library, 2)
    _fill(many, home_page, library, 20)
    client.force_login(team_member)
    counts = []
    for person in (few, many):
        client.get(profile_path(person.profile))  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get(profile_path(person.profile))
        assert response.status_code == 200
        counts.append(len(queries))
    print(f"queries: {counts}")  # reported in the README
    assert counts[0] == counts[1], counts


def test_profiles_exist_for_every_account():
    assert Profile.objects.filter(user=UserFactory()).exists()


def test_themes_are_listed(client, directory, agent, trainer):
    trainer.profile.themes.add(ThemeFactory(name="Management"))
    client.force_login(agent)
    assert "Management" in client.get(profile_path(trainer.profile)).content.decode()
