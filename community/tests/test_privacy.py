"""A person's rights: download their data as JSON, delete their account (anonymised at once,
seats handed to the waiting list, contributions kept under “Ancien agent”)."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from community.factories import TrainingNeedFactory, UserFactory
from community.models import ContactPreference, NeedVote, Profile, User, Visibility
from community.tests.test_profile_page import award_badges, png_bytes
from events.factories import RegistrationFactory, SessionFactory, WorkshopPageFactory
from events.models import RegistrationStatus
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import Rating, Reuse

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_trainer(home_page, trainer):
    """Wrote an activity, used and rated another, holds a seat in a full session with someone
    waiting, a badge, a need and a vote, a photo and a filled profile."""
    library = LibraryPageFactory(parent=home_page)
    mine = ActivityPageFactory(parent=library, title="Le bâton de parole")
    mine.authors.set([trainer])
    mine.save_revision().publish()
    other = ActivityPageFactory(parent=library, title="Météo du jour")
    other.save_revision().publish()
    Reuse.objects.create(activity=other, user=trainer, context="Atelier du 3 mars")
    Rating.objects.create(activity=other, user=trainer, score=4, comment="Efficace.")
    workshop = WorkshopPageFactory(parent=home_page, title="Tableur débutant")
    workshop.save_revision().publish()
    session = SessionFactory(event=workshop, capacity=1, start=timezone.now() + timedelta(days=5))
    RegistrationFactory(session=session, user=trainer)
    trainer.waiting = UserFactory(first_name="Hugo", last_name="Bernard")
    RegistrationFactory(session=session, user=trainer.waiting, status=RegistrationStatus.WAITLISTED)
    award_badges(trainer, 1)
    need = TrainingNeedFactory(title="Apprendre à faciliter à distance", author=trainer)
    NeedVote.objects.create(need=TrainingNeedFactory(title="Le tableur avancé"), voter=trainer)
    profile = trainer.profile
    profile.display_name = "Nath"
    profile.bio = "Formatrice bureautique."
    profile.skills.add("Excel")
    profile.available_to_facilitate = True
    profile.save()
    trainer.job_title = "Assistante bureautique"
    trainer.save()
    trainer.need = need
    return trainer


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in ("/mon-profil/mes-donnees/", "/mon-profil/supprimer/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")


def test_download_my_data(client, active_trainer):
    client.force_login(active_trainer)
    client.post(
        "/mon-profil/",
        {
            "display_name": "Nath",
            "bio": "Formatrice bureautique.",
            "skills": "Excel",
            "contact_preference": ContactPreference.MESSAGE,
            "visibility": Visibility.AGENTS,
            "photo_upload": SimpleUploadedFile("moi.png", png_bytes()),
        },
    )

    response = client.get("/mon-profil/mes-donnees/")

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="atelier-mes-donnees')
    data = json.loads(response.content)
    assert data["account"]["email"] == "formatrice@atelier.example"
    assert data["account"]["first_name"] == "Nathalie"
    assert data["profile"]["display_name"] == "Nath"
    assert data["profile"]["skills"] == ["Excel"]
    assert data["profile"]["photo"]
    assert data["library"]["activities_authored"][0]["title"] == "Le bâton de parole"
    assert data["library"]["reuses"][0]["context"] == "Atelier du 3 mars"
    assert data["library"]["ratings"][0] == {
        **data["library"]["ratings"][0],
        "activity": "Météo du jour",
        "score": 4,
        "comment": "Efficace.",
    }
    assert data["events"]["registrations"][0]["event"] == "Tableur débutant"
    assert data["events"]["registrations"][0]["status"] == "confirmed"
    assert data["badges"][0]["badge"].startswith("Badge ")
    assert data["needs"]["posted"][0]["title"] == "Apprendre à faciliter à distance"
    assert data["needs"]["votes"][0]["need"] == "Le tableur avancé"


def test_another_persons_data_is_never_in_the_download(client, active_trainer, agent):
    client.force_login(agent)
    body = client.get("/mon-profil/mes-donnees/").content.decode()
    assert "agent@atelier.example" in body
    assert "formatrice@atelier.example" not in body
    assert "Le bâton de parole" not in body


def test_deletion_asks_for_an_explicit_confirmation(client, active_trainer):
    client.force_login(active_trainer)
    page = client.get("/mon-profil/supprimer/").content.decode()
    assert "Supprimer définitivement mon compte" in page

    response = client.post("/mon-profil/supprimer/", {})

    assert response.status_code == 400
    assert (
        "Cochez la case pour confirmer la suppression de votre compte." in response.content.decode()
    )
    active_trainer.refresh_from_db()
    assert active_trainer.is_active and active_trainer.deleted_at is None
    assert active_trainer.email == "formatrice@atelier.example"


@pytest.mark.usefixtures("directory")
def test_deletion_anonymises_at_once_and_keeps_contributions(
    client, active_trainer, django_capture_on_commit_callbacks
):
    client.force_login(active_trainer)
    client.post(
        "/mon-profil/",
        {
            "display_name": "Nath",
            "contact_preference": ContactPreference.MESSAGE,
            "visibility": Visibility.AGENTS,
            "photo_upload": SimpleUploadedFile("moi.png", png_bytes()),
        },
    )
    photo = Profile.objects.get(user=active_trainer).photo
    assert photo is not None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mon-profil/supprimer/", {"confirm": "on"}, follow=True)

    assert "Votre compte est supprimé." in response.content.decode()
    user = User.objects.get(pk=active_trainer.pk)
    assert user.first_name == "Ancien agent" and user.last_name == ""
    assert str(user) == "Ancien agent"
    assert user.email.endswith("@invalid") and "formatrice" not in user.email
    assert len(user.email.split("@")[0]) >= 32
    assert not user.has_usable_password()
    assert not user.is_active and user.deleted_at is not None
    assert user.service == "" and user.job_title == ""
    assert not user.groups.exists()
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "" and profile.bio == ""
    assert profile.visibility == Visibility.TEAM
    assert profile.contact_preference == ContactPreference.NONE
    assert not profile.available_to_facilitate
    assert not profile.skills.exists()
    assert profile.photo is None
    assert not get_image_model().objects.filter(pk=photo.pk).exists()

    # Signed out, and cannot come back.
    assert client.get("/mon-profil/").status_code == 302
    assert not client.login(username="formatrice@atelier.example", password="atelier-demo")

    # The seat went to the person waiting, who was told.
    registrations = {r.user.first_name: r.status for r in user.registrations.model.objects.all()}
    assert registrations == {
        "Ancien agent": RegistrationStatus.CANCELLED,
        "Hugo": RegistrationStatus.CONFIRMED,
    }
    assert [message.to for message in mail.outbox] == [[active_trainer.waiting.email]]
    assert "Tableur débutant" in mail.outbox[0].body

    # Contributions stay, now by “Ancien agent”; the profile page is gone.
    assert list(user.authored_activities.values_list("title", flat=True)) == ["Le bâton de parole"]
    assert Reuse.objects.filter(user=user).exists()
    assert NeedVote.objects.filter(voter=user).exists()
    assert str(Reuse.objects.get(user=user).user) == "Ancien agent"
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/formateurs/{profile.pk}/").status_code == 404


def test_deletion_takes_the_person_off_upcoming_sessions_and_deletes_their_admin_avatar(
    client, home_page, trainer, django_capture_on_commit_callbacks
):
    workshop = WorkshopPageFactory(parent=home_page, title="Tableur débutant")
    workshop.facilitators.set([trainer])
    workshop.save_revision().publish()
    now = timezone.now()
    upcoming = SessionFactory(event=workshop, start=now + timedelta(days=5))
    past = SessionFactory(
        event=workshop, start=now - timedelta(days=5), end=now - timedelta(days=5, hours=-2)
    )
    for session in (upcoming, past):
        session.facilitators.set([trainer, UserFactory(first_name="Co", last_name="Animateur")])
    admin_profile = UserProfile.get_for_user(trainer)
    admin_profile.avatar = SimpleUploadedFile("nathalie.png", png_bytes())
    admin_profile.save()
    avatar = admin_profile.avatar.name
    assert default_storage.exists(avatar)
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mon-profil/supprimer/", {"confirm": "on"})

    assert [user.first_name for user in upcoming.facilitators.all()] == ["Co"]
    assert sorted(user.first_name for user in past.facilitators.all()) == ["Ancien agent", "Co"]
    workshop.refresh_from_db()
    assert list(workshop.facilitators.all()) == [trainer]  # page content, left as it is
    assert not mail.outbox  # nobody is told by e-mail
    assert UserProfile.objects.get(user=trainer).avatar.name == ""
    assert not default_storage.exists(avatar)


def test_an_administrator_cannot_delete_their_account_from_the_site(client, superuser):
    client.force_login(superuser)
    response = client.post("/mon-profil/supprimer/", {"confirm": "on"})
    assert response.status_code == 400
    assert "Un compte administrateur ne peut pas être supprimé" in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.is_active and superuser.deleted_at is None
