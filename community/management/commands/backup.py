"""`manage.py backup`: the database and the media files in one archive under backups/."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from community.backups.operations import make_backup


class Command(BaseCommand):
    help = "Back up the database and the media files into backups/atelier-backup-….tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            default=str(settings.BASE_DIR / "backups"),
            help="Where to write the archive (default: backups/ in the project).",
        )

    def handle(self, *args, **options):
        path, manifest = make_backup(options["directory"])
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written: %(path)s (%(records)s database records, %(files)s media "
                    "files, %(size)s)."
                )
                % {
                    "path": path,
                    "records": sum(manifest["database"]["counts"].values()),
                    "files": manifest["media"]["files"],
                    "size": filesizeformat(path.stat().st_size),
                }
            )
        )
