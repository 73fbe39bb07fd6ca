"""Backups: what `manage.py backup` writes, `manage.py restore` puts back into an empty
database, identical; a damaged or foreign file, or a database with content, changes nothing."""

import io
import json
import re
import shutil
import tarfile

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page

from community.backups import BackupError
from community.backups.operations import make_backup, restore_backup
from community.factories import UserFactory
from community.roles import TRAINERS
from events.factories import (
    RegistrationFactory,
    SessionFactory,
    WorkshopCatalogPageFactory,
    WorkshopPageFactory,
)
from events.models import Registration
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import ActivityPage

pytestmark = pytest.mark.django_db

User = get_user_model()
PHOTO_BYTES_COLOUR = "#1f5fa8"
DOCUMENT_BYTES = b"%PDF-1.4\n% Trame de plan d'action\n%%EOF\n"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """A restore recreates the content types under new ids, rolled back after the test: the
    caches that hold ids must not outlive it."""
    yield
    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def content(home_page, media_root):
    """A little of everything: pages with revisions, an image used as a profile photo, a
    document, accounts in groups, a registration."""
    library = LibraryPageFactory(parent=home_page)
    activity = ActivityPageFactory(parent=library, title="Le brise-glace des prénoms")
    activity.save_revision().publish()
    activity.title = "Le brise-glace des prénoms, version courte"
    activity.save_revision()  # a draft on top of the published page
    image = wagtail_factories.ImageFactory(
        title="Portrait", file__color=PHOTO_BYTES_COLOUR, file__filename="portrait.png"
    )
    document = wagtail_factories.DocumentFactory(
        title="Trame", file__data=DOCUMENT_BYTES, file__filename="trame.pdf"
    )
    trainer = UserFactory(email="formatrice@atelier.example", roles=[TRAINERS])
    trainer.profile.photo = image
    trainer.profile.save()
    catalog = WorkshopCatalogPageFactory(parent=home_page)
    session = SessionFactory(event=WorkshopPageFactory(parent=catalog, title="Animer en visio"))
    agent = UserFactory(email="agent@atelier.example")
    RegistrationFactory(session=session, user=agent)
    return {"activity": activity, "image": image, "document": document}


def snapshot():
    """What must come back identical, read from the database."""
    return {
        "tree": list(
            Page.objects.order_by("path").values_list(
                "pk",
                "path",
                "depth",
                "numchild",
                "url_path",
                "title",
                "live",
                "content_type__model",
            )
        ),
        "users": list(
            User.objects.order_by("email").values_list("pk", "email", "password", "is_superuser")
        ),
        "memberships": sorted(
            User.groups.through.objects.values_list("user__email", "group__name")
        ),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list(
                "group__name", "permission__content_type__app_label", "permission__codename"
            )
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page__url_path", "permission__codename"
            )
        ),
        "registrations": list(
            Registration.objects.values_list("pk", "user__email", "session__event__title", "status")
        ),
        "photos": list(User.objects.order_by("email").values_list("email", "profile__photo")),
    }


def erase_everything(media_root):
    """An empty database and no media, as on a new server."""
    if connection.vendor == "postgresql":
        connection.check_constraints()  # PostgreSQL truncates no table with pending checks
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)


def rewritten(source, destination, change):
    """A copy of the archive at ``source`` whose members ``change(name, bytes)`` rewrote."""
    with tarfile.open(source, "r:gz") as tar_in, tarfile.open(destination, "w:gz") as tar_out:
        for member in tar_in:
            data = tar_in.extractfile(member).read() if member.isfile() else b""
            for name, new_data in change(member.name, data):
                info = tarfile.TarInfo(name)
                info.size = len(new_data)
                tar_out.addfile(info, io.BytesIO(new_data))
    return destination


def test_a_backup_restored_into_an_empty_database_brings_everything_back(content, tmp_path):
    image, document = content["image"], content["document"]
    photo_bytes = image.file.read()
    before = snapshot()

    archive, manifest = make_backup(tmp_path / "backups")

    assert re.fullmatch(r"atelier-backup-\d{8}-\d{6}\.tar\.gz", archive.name)
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        stored = json.load(tar.extractfile("manifest.json"))
    assert names[:2] == ["manifest.json", "database.jsonl"]
    assert f"media/{image.file.name}" in names and f"media/{document.file.name}" in names
    assert stored == manifest
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["counts"]["events.registration"] == 1
    assert manifest["media"]["files"] == 2
    assert "auth.permission" not in manifest["database"]["counts"]

    erase_everything(tmp_path / "media")
    assert not User.objects.exists() and not Page.objects.exists()

    report = restore_backup(archive)

    assert report.counts == manifest["database"]["counts"]
    assert snapshot() == before
    activity = Page.objects.get(pk=content["activity"].pk).specific
    assert isinstance(activity, ActivityPage)
    assert activity.title == "Le brise-glace des prénoms"
    assert activity.revisions.count() == 2
    assert activity.get_latest_revision_as_object().title.endswith("version courte")
    assert activity.has_unpublished_changes
    assert User.objects.get(email="formatrice@atelier.example").check_password("atelier-demo")
    restored_image = get_image_model().objects.get(pk=image.pk)
    with restored_image.file.open("rb") as stream:
        assert stream.read() == photo_bytes
    with get_document_model().objects.get(pk=document.pk).file.open("rb") as stream:
        assert stream.read() == DOCUMENT_BYTES
    assert [page.pk for page in ActivityPage.objects.live().search("prénoms")] == [activity.pk]


def test_the_restore_command_prints_a_french_summary(content, tmp_path):
    archive, _manifest = make_backup(tmp_path / "backups")
    erase_everything(tmp_path / "media")
    out = io.StringIO()

    call_command("restore", str(archive), stdout=out)

    text = out.getvalue()
    assert "restaurée" in text
    assert "inscriptions : 1 (sauvegarde : 1)" in text
    assert "2 fichiers de médias restaurés" in text


def test_a_database_with_content_is_kept_unless_forced(content, tmp_path):
    archive, manifest = make_backup(tmp_path / "backups")
    UserFactory(email="nouvelle@atelier.example")

    with pytest.raises(BackupError, match="contient déjà du contenu.*--force"):
        restore_backup(archive)
    assert User.objects.filter(email="nouvelle@atelier.example").exists()

    report = restore_backup(archive, force=True)

    assert not User.objects.filter(email="nouvelle@atelier.example").exists()
    assert report.counts == manifest["database"]["counts"]


def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(content, tmp_path):
    before = snapshot()
    junk = tmp_path / "notes.tar.gz"
    junk.write_bytes(b"ceci n'est pas une archive")

    with pytest.raises(BackupError, match="n'est pas une sauvegarde Atelier lisible"):
        restore_backup(junk, force=True)
    with pytest.raises(BackupError, match="introuvable"):
        restore_backup(tmp_path / "absent.tar.gz", force=True)

    assert snapshot() == before


def test_a_truncated_or_tampered_backup_is_refused_and_nothing_changes(content, tmp_path):
    archive, _manifest = make_backup(tmp_path / "backups")
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    tampered = rewritten(
        archive,
        tmp_path / "tampered.tar.gz",
        lambda name, data: [(name, data.replace(b"agent@", b"pirate@"))],
    )
    escaping = rewritten(
        archive,
        tmp_path / "escaping.tar.gz",
        lambda name, data: [(name, data), ("media/../../evil.txt", b"x")],
    )
    before = snapshot()

    with pytest.raises(BackupError, match="n'est pas une sauvegarde Atelier lisible"):
        restore_backup(truncated, force=True)
    with pytest.raises(BackupError, match="endommagé"):
        restore_backup(tampered, force=True)
    with pytest.raises(BackupError, match="entrée inattendue"):
        restore_backup(escaping, force=True)

    assert snapshot() == before
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_backup_from_a_newer_version_is_refused(content, tmp_path):
    archive, _manifest = make_backup(tmp_path / "backups")

    def newer(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["database"]["migrations"].append("events.9999_from_the_future")
            data = json.dumps(manifest).encode()
        return [(name, data)]

    with pytest.raises(BackupError, match="version plus récente.*9999_from_the_future"):
        restore_backup(rewritten(archive, tmp_path / "newer.tar.gz", newer), force=True)
    assert User.objects.filter(email="agent@atelier.example").exists()
