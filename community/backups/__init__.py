"""Backups of the whole site: the database as a portable Django dump plus the media files, in
one .tar.gz with a manifest (see the README's "Sauvegardes / Backups" section).

The dump is Django's own serialisation (dumpdata/loaddata) rather than pg_dump or a copy of
the SQLite file: the same archive restores on SQLite and on PostgreSQL (so it also moves a
site from one to the other), it needs no database client matching the server's version, and
every primary key is kept, so the page tree, revisions and generic references come back as
they were.
"""

from .archive import BackupError

__all__ = ["BackupError"]
