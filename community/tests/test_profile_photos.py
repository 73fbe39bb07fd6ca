"""Profile photos are personal data: stored without metadata nor the person's name, in their
own collection that trainers cannot pick from, and refused when they have too many pixels."""

import importlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.factories import UserFactory
from community.models import ContactPreference, Profile, Visibility
from community.profile_photos import COLLECTION_NAME
from community.roles import TRAINERS
from community.tests.test_profile_page import make_image, png_bytes

pytestmark = pytest.mark.django_db

Image = get_image_model()
GPS_IFD, ORIENTATION, ARTIST = 0x8825, 0x0112, 0x013B


def jpeg_with_metadata(size=(2000, 1500)):
    """A photo as a phone takes it: GPS position, author, and taken sideways (orientation 6:
    to be turned 90° clockwise to stand upright)."""
    exif = PILImage.Exif()
    exif[ORIENTATION] = 6
    exif[ARTIST] = "Nathalie Girard"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)})
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "navy").save(buffer, "JPEG", exif=exif, comment=b"Nathalie")
    return buffer.getvalue()


def post_photo(client, content, name="nathalie-girard.jpg"):
    return client.post(
        "/mon-profil/",
        {
            "display_name": "Mon nouveau nom",
            "contact_preference": ContactPreference.MESSAGE,
            "visibility": Visibility.AGENTS,
            "photo_upload": SimpleUploadedFile(name, content, "image/jpeg"),
        },
    )


def test_the_migration_created_the_collection_under_the_root():
    collection = Collection.objects.get(name=COLLECTION_NAME)
    assert collection.get_parent() == Collection.get_first_root_node()


def test_the_migration_moves_photos_uploaded_before_and_drops_the_name_from_their_title(
    trainer, agent
):
    from django.apps import apps

    migration = importlib.import_module("community.migrations.0007_profile_photos_collection")
    Collection.objects.filter(name=COLLECTION_NAME).delete()
    photo = make_image("Photo de profil — Nathalie Girard")
    photo.uploaded_by_user = trainer
    photo.save()
    trainer.profile.photo = photo
    trainer.profile.save()
    chosen = make_image("Logo du service")  # picked from the library: not theirs, left alone
    agent.profile.photo = chosen
    agent.profile.save()

    migration.create_collection(apps, None)

    photo.refresh_from_db()
    chosen.refresh_from_db()
    collection = Collection.objects.get(name=COLLECTION_NAME)
    assert collection.get_parent() == Collection.get_first_root_node()
    assert (photo.collection, photo.title) == (collection, f"Photo de profil {trainer.profile.pk}")
    assert (chosen.collection.name, chosen.title) == ("Root", "Logo du service")
    assert Collection.get_first_root_node().get_children().count() == 1
    assert not any(Collection.find_problems())  # the materialised path is sound


def test_a_photo_is_stripped_of_its_metadata_downscaled_and_named_after_no_one(client, trainer):
    client.force_login(trainer)
    post_photo(client, jpeg_with_metadata())

    profile = Profile.objects.get(user=trainer)
    photo = profile.photo
    assert photo.collection.name == COLLECTION_NAME
    assert photo.title == f"Photo de profil {profile.pk}"
    assert "Nathalie" not in photo.title and "Girard" not in photo.title
    assert "girard" not in photo.file.name.lower()
    # Upright (the orientation was applied) and at most 1024 px on the long side.
    assert (photo.width, photo.height) == (768, 1024)
    with photo.open_file() as file:
        content = file.read()
    assert b"Nathalie" not in content  # neither the EXIF author nor the JPEG comment
    with PILImage.open(io.BytesIO(content)) as saved:
        assert saved.size == (768, 1024)
        assert not saved.getexif()
        assert "exif" not in saved.info and "comment" not in saved.info


def test_the_collection_is_created_when_a_database_lacks_it(client, trainer):
    Collection.objects.filter(name=COLLECTION_NAME).delete()
    client.force_login(trainer)
    post_photo(client, png_bytes(), name="moi.png")

    photo = Profile.objects.get(user=trainer).photo
    assert photo.collection.name == COLLECTION_NAME
    assert photo.collection.get_parent() == Collection.get_first_root_node()


@override_settings(ATELIER_PROFILE_PHOTO_MAX_PIXELS=1000)
def test_a_photo_with_too_many_pixels_changes_nothing(client, trainer):
    client.force_login(trainer)
    response = post_photo(client, png_bytes(size=(40, 30)), name="immense.png")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette photo a trop de pixels (1" in html and "200) : le maximum est 1" in html
    assert 'role="alert"' in html
    assert "Mon nouveau nom" in html
    profile = Profile.objects.get(user=trainer)
    assert profile.display_name == "" and profile.photo is None
    assert not Image.objects.exists()


def chooser(client):
    return client.get("/admin/images/chooser/results/").content.decode()


def test_only_the_training_team_can_pick_profile_photos_in_the_image_chooser(
    client, trainer, team_member
):
    client.force_login(trainer)
    post_photo(client, png_bytes(), name="moi.png")
    title = Profile.objects.get(user=trainer).photo.title
    make_image("Affiche de l'atelier tableur")

    client.force_login(UserFactory(roles=[TRAINERS]))
    html = chooser(client)
    assert "Affiche de l" in html
    assert title not in html

    client.force_login(team_member)
    html = chooser(client)
    assert "Affiche de l" in html
    assert title in html
