"""The “Photos de profil” collection, under the root: profile photos go there, and the image
chooser hides it from everyone but the training team (``community.profile_photos``). Photos
already uploaded move into it and lose the person's name from their title."""

from django.db import migrations

NAME = "Photos de profil"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised path, 4 per level
STEP = 4


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    if Collection.objects.filter(name=NAME).exists():
        return
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return  # no Wagtail tree yet: the code creates the collection when first needed
    last = (
        Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
    )
    number = int(last.path[-STEP:], len(ALPHABET)) + 1 if last else 1
    collection = Collection.objects.create(
        name=NAME, path=root.path + _step(number), depth=2, numchild=0
    )
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])

    # Photos uploaded before: into the collection, and titled without the person's name.
    Profile = apps.get_model("community", "Profile")
    Image = apps.get_model("wagtailimages", "Image")
    for profile in Profile.objects.exclude(photo=None).select_related("photo"):
        if profile.photo.uploaded_by_user_id == profile.user_id:
            Image.objects.filter(pk=profile.photo_id).update(
                collection=collection, title=f"Photo de profil {profile.pk}"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0006_award_recipient_identity"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_collection, migrations.RunPython.noop)]
