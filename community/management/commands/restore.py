"""`manage.py restore FILE`: put back the database and the media files of a backup archive."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from community.backups.operations import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into a migrated, empty database "
        "(--force replaces the current content)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The atelier-backup-….tar.gz file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Erase the database's current content before restoring.",
        )

    def handle(self, *args, **options):
        report = restore_backup(options["archive"], force=options["force"])
        manifest = report.manifest
        self.stdout.write(
            self.style.SUCCESS(
                _("Backup of %(date)s restored (%(vendor)s, Atelier %(version)s).")
                % {
                    "date": manifest["created_at"],
                    "vendor": manifest["database"]["vendor"],
                    "version": manifest["versions"]["atelier"],
                }
            )
        )
        for what, restored, saved in report.main_tables():
            self.stdout.write(
                _("  %(what)s: %(restored)s (backup: %(saved)s)")
                % {"what": what, "restored": restored, "saved": saved}
            )
        self.stdout.write(
            _("All %(tables)s tables match the backup; %(files)s media files restored.")
            % {"tables": len(report.counts), "files": report.media_files}
        )
        for note in report.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(_("Search index rebuilt. Everyone has to sign in again."))
