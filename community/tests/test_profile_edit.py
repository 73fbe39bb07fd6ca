"""“Mon profil”: one's own profile only; a photo must be a real image of a sensible size,
else a French error and nothing changes; a script in the bio stays text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.images import get_image_model

from community.factories import UserFactory
from community.models import ContactPreference, Profile, Visibility
from community.tests.test_profile_page import png_bytes
from resources.factories import ThemeFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()


def form_data(**overrides):
    data = {
        "display_name": "Nath G.",
        "bio": "J'anime des ateliers tableur.",
        "skills": "Excel, Prise de parole",
        "contact_preference": ContactPreference.MESSAGE,
        "visibility": Visibility.AGENTS,
        "available_to_facilitate": "on",
        "service": "Direction des systèmes d'information",
        "job_title": "Assistante bureautique",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/mon-profil/")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_the_account_menu_links_to_my_profile(client, home_page, agent):
    client.force_login(agent)
    html = client.get("/").content.decode()
    assert 'href="/mon-profil/"' in html
    assert "Mon profil" in html


def test_a_person_edits_their_profile_and_photo(client, trainer):
    theme = ThemeFactory(name="Outils bureautiques")
    client.force_login(trainer)
    assert "Qui je suis" in client.get("/mon-profil/").content.decode()

    response = client.post(
        "/mon-profil/",
        {
            **form_data(themes=[theme.pk]),
            "photo_upload": SimpleUploadedFile("moi.png", png_bytes(), "image/png"),
        },
        follow=True,
    )

    assert "Votre profil est enregistré." in response.content.decode()
    profile = Profile.objects.get(user=trainer)
    trainer.refresh_from_db()
    assert profile.display_name == "Nath G."
    assert profile.bio == "J'anime des ateliers tableur."
    assert sorted(tag.name for tag in profile.skills.all()) == ["Excel", "Prise de parole"]
    assert list(profile.themes.all()) == [theme]
    assert profile.available_to_facilitate
    assert trainer.service == "Direction des systèmes d'information"
    assert trainer.job_title == "Assistante bureautique"
    assert profile.photo.uploaded_by_user == trainer
    assert profile.photo.width == 8

    # Replacing the photo deletes the old one; removing it leaves none.
    old = profile.photo
    client.post(
        "/mon-profil/",
        {**form_data(), "photo_upload": SimpleUploadedFile("b.png", png_bytes(colour="red"))},
    )
    assert not Image.objects.filter(pk=old.pk).exists()
    client.post("/mon-profil/", {**form_data(), "remove_photo": "on"})
    assert Profile.objects.get(user=trainer).photo is None
    assert not Image.objects.filter(uploaded_by_user=trainer).exists()


def _unchanged(trainer, response, message):
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html.replace("&#x27;", "'")
    assert 'role="alert"' in html
    assert "Mon nouveau nom" in html  # what was typed is kept
    profile = Profile.objects.get(user=trainer)
    trainer.refresh_from_db()
    assert profile.display_name == ""
    assert profile.photo is None
    assert trainer.job_title == ""
    assert not Image.objects.exists()


def test_a_file_that_is_not_an_image_changes_nothing(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/mon-profil/",
        {
            **form_data(display_name="Mon nouveau nom"),
            "photo_upload": SimpleUploadedFile("photo.png", b"MZ\x90\x00 pas une image"),
        },
    )
    _unchanged(trainer, response, "Ce fichier n'est pas une image, ou il est endommagé.")


def test_a_pdf_renamed_is_refused_too(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/mon-profil/",
        {
            **form_data(display_name="Mon nouveau nom"),
            "photo_upload": SimpleUploadedFile("photo.jpg", b"%PDF-1.4 un document"),
        },
    )
    _unchanged(trainer, response, "Ce fichier n'est pas une image")


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
def test_an_oversized_photo_changes_nothing(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/mon-profil/",
        {
            **form_data(display_name="Mon nouveau nom"),
            "photo_upload": SimpleUploadedFile("grande.png", png_bytes(size=(400, 400))),
        },
    )
    _unchanged(trainer, response, "Cette photo est trop lourde")


def test_a_bio_longer_than_1000_characters_is_refused(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/mon-profil/", form_data(display_name="Mon nouveau nom", bio="a" * 1001)
    )
    _unchanged(trainer, response, "au plus 1000 caractères")


@pytest.mark.usefixtures("directory")
def test_a_script_in_the_bio_is_stored_as_text_and_shown_escaped(client, trainer):
    client.force_login(trainer)
    script = "<script>alert('x')</script>"
    client.post("/mon-profil/", form_data(bio=script))

    assert Profile.objects.get(user=trainer).bio == script
    html = client.get(f"/formateurs/{trainer.profile.pk}/").content.decode()
    assert script not in html
    assert "&lt;script&gt;" in html


def test_nobody_can_change_another_persons_profile(client, trainer, agent):
    """There is no URL taking someone's id for editing: whatever is posted changes only the
    poster's own profile."""
    client.force_login(agent)
    client.post(
        "/mon-profil/",
        {**form_data(display_name="Piraté"), "user": trainer.pk, "profile": trainer.profile.pk},
    )
    assert Profile.objects.get(user=trainer).display_name == ""
    assert Profile.objects.get(user=agent).display_name == "Piraté"
    other = UserFactory()
    assert client.post(f"/mon-profil/{other.profile.pk}/", form_data()).status_code == 404
