"""Backing up and restoring the whole site (database and media), as the two management
commands and the tests call them."""

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import archive, database

# The tables the summary names, in this order; every other table is compared too.
MAIN_TABLES = {
    "community.user": gettext_lazy("user accounts"),
    "auth.group": gettext_lazy("user groups"),
    "wagtailcore.page": gettext_lazy("site pages"),
    "wagtailcore.revision": gettext_lazy("page revisions"),
    "wagtailimages.image": gettext_lazy("uploaded images"),
    "wagtaildocs.document": gettext_lazy("uploaded documents"),
    "events.session": gettext_lazy("training sessions"),
    "events.registration": gettext_lazy("session registrations"),
}


def _atelier_version():
    try:
        return metadata.version("atelier")
    except metadata.PackageNotFoundError:
        return "?"


def make_backup(directory, using=DEFAULT_DB_ALIAS):
    """Write a backup archive in ``directory``; return its path and manifest."""
    directory = Path(directory)
    if not directory.exists():
        directory.mkdir(parents=True, mode=0o700)
    moment = timezone.localtime()
    destination = directory / archive.archive_name(moment)
    with tempfile.TemporaryDirectory() as scratch:
        dump_path = Path(scratch) / archive.DUMP
        counts = database.dump(dump_path, using)
        media = archive.media_files(settings.MEDIA_ROOT)
        manifest = {
            "format": archive.FORMAT,
            "format_version": archive.FORMAT_VERSION,
            "created_at": moment.isoformat(),
            "versions": {
                "atelier": _atelier_version(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
            },
            "database": {
                "vendor": connections[using].vendor,
                "sha256": archive.sha256(dump_path),
                "counts": counts,
                "migrations": database.applied_migrations(using),
            },
            "media": {
                "files": len(media),
                "bytes": sum(path.stat().st_size for path, _name in media),
            },
        }
        archive.write_archive(destination, manifest, dump_path, media)
    # It holds password hashes and personal data: readable by its owner only.
    os.chmod(destination, 0o600)
    return destination, manifest


@dataclass
class RestoreReport:
    manifest: dict
    counts: dict
    media_files: int
    notes: list = field(default_factory=list)

    def main_tables(self):
        """(what, restored, in the backup) for the tables the summary names."""
        expected = self.manifest["database"]["counts"]
        return [
            (str(what), self.counts.get(label, 0), expected.get(label, 0))
            for label, what in MAIN_TABLES.items()
            if label in expected
        ]


def _check_migrations(manifest, using):
    if database.pending_migrations(using):
        raise archive.BackupError(
            _(
                "The database is not up to date with the code: apply its migrations first "
                "(make migrate), then restore."
            )
        )
    saved = set(manifest["database"].get("migrations", []))
    unknown = sorted(saved - database.known_migrations(using))
    if unknown:
        raise archive.BackupError(
            _(
                "This backup comes from a more recent version of Atelier (unknown migrations: "
                "%(migrations)s); update the code first."
            )
            % {"migrations": ", ".join(unknown[:5]) + ("…" if len(unknown) > 5 else "")}
        )
    newer = sorted(set(database.applied_migrations(using)) - saved)
    if newer:
        return [
            _(
                "The backup predates %(count)s migrations of this version: fields added since "
                "then take their default values."
            )
            % {"count": len(newer)}
        ]
    return []


def _restore_media(source, media_root):
    """Copy the archive's media files into MEDIA_ROOT, replacing files of the same name;
    other files already there are left alone."""
    source = Path(source)
    copied = 0
    for path, name in archive.media_files(source):
        target = Path(media_root) / Path(name).relative_to(archive.MEDIA)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        copied += 1
    return copied


def restore_backup(path, force=False, using=DEFAULT_DB_ALIAS):
    """Restore the archive at ``path`` into this database and MEDIA_ROOT.

    Everything is checked before anything changes: the archive (readable, complete, from a
    known format), the database's migrations, and that it is empty unless ``force``.
    """
    with tempfile.TemporaryDirectory() as scratch:
        manifest = archive.extract_archive(path, scratch)
        notes = _check_migrations(manifest, using)
        existing = database.content_summary(using)
        if existing and not force:
            raise archive.BackupError(
                _(
                    "The database already holds content (%(content)s). Restoring erases it: "
                    "run the restore again with --force to replace it."
                )
                % {"content": ", ".join(f"{number} {what}" for what, number in existing.items())}
            )
        restored = database.load(
            Path(scratch) / archive.DUMP, manifest["database"]["counts"], using
        )
        media = _restore_media(Path(scratch) / archive.MEDIA, settings.MEDIA_ROOT)
    database.rebuild_search_index()
    if manifest["database"].get("vendor") != connections[using].vendor:
        notes.append(
            _("The backup was made on %(source)s and restored on %(target)s.")
            % {"source": manifest["database"].get("vendor"), "target": connections[using].vendor}
        )
    return RestoreReport(manifest=manifest, counts=restored, media_files=media, notes=notes)
