"""``manage.py import_catalogue FILE``: activities, workshops and sessions from CSV or XLSX.

Checks every row first and writes nothing when one is invalid, unless ``--skip-invalid``
(then the valid rows are imported and the command still exits with an error status).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cockpit.catalogue_import import import_catalogue
from cockpit.catalogue_import.report import summary_lines

LONG_FILE_ROWS = 1000  # from this many rows, progress shows even when not on a terminal


class ProgressBar:
    """A bar redrawn in place on a terminal; elsewhere (a log) one line per tenth."""

    WIDTH = 30

    def __init__(self, stream, interactive):
        self.stream, self.interactive = stream, interactive
        self.last_tenth = -1

    def __call__(self, done, total):
        if self.interactive:
            filled = self.WIDTH * done // total
            self.stream.write(
                "\r"
                + _("Import: [%(bar)s] %(done)s/%(total)s rows")
                % {"bar": "#" * filled + "." * (self.WIDTH - filled), "done": done, "total": total},
                ending="\n" if done == total else "",
            )
            self.stream.flush()
            return
        tenth = 10 * done // total
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(_("Import: %(done)s/%(total)s rows") % {"done": done, "total": total})
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import activities, workshops and sessions from a CSV (UTF-8 or Windows-1252) or XLSX file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or XLSX file (see docs/import/format-catalogue.md)")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows, report the others, and exit with an error status.",
        )
        parser.add_argument(
            "--draft", action="store_true", help="Keep the pages as drafts instead of publishing."
        )

    def handle(self, *args, file, skip_invalid, draft, verbosity, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            message = _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            raise CommandError(message) from error
        result = import_catalogue(
            data,
            path.name,
            publish=not draft,
            skip_invalid=skip_invalid,
            progress=self._progress(data, verbosity),
        )
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.imported:
            raise CommandError(
                ngettext(
                    "%(count)s error: nothing was imported.",
                    "%(count)s errors: nothing was imported.",
                    len(result.errors),
                )
                % {"count": len(result.errors)}
            )
        for line in summary_lines(result.summary):
            self.stdout.write(line)
        if result.invalid_rows:
            raise CommandError(
                ngettext(
                    "%(count)s invalid row was not imported.",
                    "%(count)s invalid rows were not imported.",
                    result.invalid_rows,
                )
                % {"count": result.invalid_rows}
            )

    def _progress(self, data, verbosity):
        if verbosity < 1:
            return None
        interactive = hasattr(self.stderr, "isatty") and self.stderr.isatty()
        if not interactive and data.count(b"\n") < LONG_FILE_ROWS:
            return None
        return ProgressBar(self.stderr, interactive)
