"""The backup archive: a .tar.gz holding manifest.json, database.jsonl and media/…

It is written under a temporary name and renamed once complete, so an archive with the final
name is never half written; it is read back in full (checksums, expected entries only) before
a restore touches anything.
"""

import hashlib
import io
import json
import os
import tarfile
import time
import zlib
from pathlib import Path, PurePosixPath

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

FORMAT = "atelier-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DUMP = "database.jsonl"
MEDIA = "media"


class BackupError(CommandError):
    """A backup that cannot be made or restored; the message is for the person running it."""


def archive_name(moment):
    return f"atelier-backup-{moment:%Y%m%d-%H%M%S}.tar.gz"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(media_root):
    """(path, path inside the archive) of every regular file under MEDIA_ROOT, sorted; links
    are left out (they may point anywhere)."""
    root = Path(media_root)
    if not root.is_dir():
        return []
    found = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                relative = path.relative_to(root).as_posix()
                found.append((path, f"{MEDIA}/{relative}"))
    return found


def write_archive(destination, manifest, dump_path, media):
    """Write the archive at ``destination`` from the manifest, the dump and ``media`` (as
    returned by :func:`media_files`)."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    try:
        with tarfile.open(partial, "w:gz") as tar:
            content = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(content)
            info.mtime = int(time.time())
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(content))
            tar.add(dump_path, arcname=DUMP, recursive=False)
            for path, name in media:
                tar.add(path, arcname=name, recursive=False)
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)


def _unreadable(path, error):
    return BackupError(
        _("%(file)s is not a readable Atelier backup (%(error)s).") % {"file": path, "error": error}
    )


def _allowed(member):
    name = PurePosixPath(member.name)
    if name.is_absolute() or ".." in name.parts:
        return False
    if member.name in (MANIFEST, DUMP):
        return member.isfile()
    return name.parts[0] == MEDIA and (member.isfile() or member.isdir())


def extract_archive(path, into):
    """Extract the archive at ``path`` into the directory ``into`` and return its manifest,
    once everything in it has been checked."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("Backup file %(file)s not found.") % {"file": path})
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if not _allowed(member):
                    raise BackupError(
                        _("%(file)s holds an unexpected entry (%(name)s): not an Atelier backup.")
                        % {"file": path, "name": member.name}
                    )
                tar.extract(member, into, filter="data")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise _unreadable(path, error) from error

    into = Path(into)
    if not (into / MANIFEST).is_file() or not (into / DUMP).is_file():
        raise BackupError(
            _("%(file)s is not an Atelier backup: its manifest or database dump is missing.")
            % {"file": path}
        )
    try:
        manifest = json.loads((into / MANIFEST).read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise _unreadable(path, error) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("%(file)s is not an Atelier backup.") % {"file": path})
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "%(file)s is in backup format %(version)s; this version of Atelier reads "
                "format %(supported)s."
            )
            % {"file": path, "version": manifest.get("format_version"), "supported": FORMAT_VERSION}
        )
    if sha256(into / DUMP) != manifest.get("database", {}).get("sha256"):
        raise BackupError(
            _("The database dump in %(file)s is damaged (its checksum does not match).")
            % {"file": path}
        )
    found = len(media_files(into / MEDIA))
    expected = manifest.get("media", {}).get("files")
    if found != expected:
        raise BackupError(
            _("%(file)s is incomplete: %(found)s media files instead of %(expected)s.")
            % {"file": path, "found": found, "expected": expected}
        )
    return manifest
