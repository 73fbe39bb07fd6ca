"""Profile photos: a person's face is personal data. Each upload is re-encoded without its
metadata (EXIF, GPS position), downscaled, titled without the person's name and kept in a
collection of its own that only the training team can pick images from."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.roles import is_training_team

COLLECTION_NAME = "Photos de profil"  # data shown in the admin, so French (migration 0007)
TITLE = "Photo de profil"
LONG_SIDE = 1024  # pixels: far more than the 240 px the profile page shows
_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def collection():
    """The photos' collection, created under the root if a database lacks it."""
    found = Collection.objects.filter(name=COLLECTION_NAME).first()
    return found or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def reencoded(upload):
    """The image alone, upright and at most ``LONG_SIDE`` px: only the pixels are copied into
    a new file, so no metadata of the original survives. Returns a ``ContentFile`` whose
    name says nothing about the person."""
    upload.seek(0)
    with PILImage.open(upload) as original:
        image_format = original.format if original.format in _FORMATS else "PNG"
        original.draft(original.mode, (LONG_SIDE, LONG_SIDE))  # JPEG: decode at a lower scale
        image = ImageOps.exif_transpose(original)
    # Comments, XMP, text chunks… go; transparency is part of the picture.
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    image.thumbnail((LONG_SIDE, LONG_SIDE))
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    options = {"quality": 85} if image_format in ("JPEG", "WEBP") else {}
    image.save(buffer, image_format, **options)
    return ContentFile(buffer.getvalue(), name=f"photo-profil.{_FORMATS[image_format]}")


def new_photo(profile, upload):
    """Save ``upload`` (already checked by the form) as the Wagtail image of ``profile``."""
    image = get_image_model()(
        title=f"{TITLE} {profile.pk}",
        file=reencoded(upload),
        uploaded_by_user=profile.user,
        collection=collection(),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def delete_if_theirs(photo, user):
    """Delete ``photo`` if ``user`` uploaded it (Wagtail removes its file and renditions with
    it); an image picked from the library stays."""
    if photo is not None and photo.uploaded_by_user_id == user.pk:
        photo.delete()


def hide_from_chooser(images, request):
    """The ``construct_image_chooser_queryset`` hook: a colleague's face is not an
    illustration, so only the training team sees these photos in the image chooser."""
    if is_training_team(request.user):
        return images
    return images.exclude(collection__name=COLLECTION_NAME)
