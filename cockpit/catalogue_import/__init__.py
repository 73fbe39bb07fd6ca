"""The catalogue import: activities, workshops and sessions from a CSV or XLSX file.

One entry point for the command and the admin screen, so both read, check and write alike:
read the file, check every row, and write only when the file is valid (or, when asked, the
valid rows only). See docs/import/format-catalogue.md for the format.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cockpit.catalogue_import.reading import UnreadableFile, read_table
from cockpit.catalogue_import.rows import ACTIVITY, WORKSHOP, RowError, check_table
from cockpit.catalogue_import.writing import Summary, write_rows
from events.models import WorkshopCatalogPage
from resources.models import LibraryPage

__all__ = ["ImportResult", "RowError", "Summary", "import_catalogue"]


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    invalid_rows: int = 0
    rows: int = 0  # rows read (empty ones left out)
    summary: Summary | None = None  # None: nothing was written

    @property
    def imported(self):
        return self.summary is not None


def _missing_parents(rows):
    errors = []
    kinds = {row.kind for row in rows}
    if ACTIVITY in kinds and not LibraryPage.objects.exists():
        errors.append(RowError(None, "", _("The site has no library page to put activities in.")))
    if WORKSHOP in kinds and not WorkshopCatalogPage.objects.exists():
        errors.append(
            RowError(None, "", _("The site has no workshop catalogue to put workshops in."))
        )
    return errors


def import_catalogue(
    data, filename="", *, publish=True, skip_invalid=False, user=None, progress=None
):
    """Read, check, then write. Nothing is written when the file has an error, unless
    ``skip_invalid``: then the valid rows are written and the others reported. Errors in the
    file as a whole (encoding, header, no parent page) always stop everything."""
    try:
        table = read_table(data, filename)
    except UnreadableFile as unreadable:
        return ImportResult(errors=[RowError(None, "", str(unreadable))])
    checked = check_table(table)
    result = ImportResult(
        errors=checked.errors, invalid_rows=len(checked.invalid_lines), rows=len(table.rows)
    )
    blocking = _missing_parents(checked.rows)
    if blocking:
        result.errors = blocking + result.errors
        return result
    if checked.blocking or (checked.errors and not skip_invalid):
        return result
    result.summary = write_rows(checked.rows, publish=publish, user=user, progress=progress)
    result.summary.skipped = result.invalid_rows
    return result
