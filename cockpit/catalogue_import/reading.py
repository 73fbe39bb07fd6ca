"""From an uploaded file's bytes to rows of text: what a French office spreadsheet exports.

CSV comes as UTF-8 (with or without BOM) or Windows-1252, separated by ``;`` or ``,``; XLSX is
read with openpyxl in read-only mode. Line numbers are the spreadsheet's row numbers (the
header is line 1), so that an error points at the row a person sees in their spreadsheet,
even when a cell holds several lines.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

XLSX_SIGNATURE = b"PK\x03\x04"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters no text export contains: their presence means the bytes are not text.
_CONTROL = {chr(code) for code in range(32)} - {"\t", "\n", "\r"}


class UnreadableFile(Exception):
    """The file as a whole cannot be read: wrong format or encoding, no header."""


@dataclass
class Table:
    """The header's column names (normalised) and each non-empty row by its line number."""

    columns: list
    labels: dict  # normalised name → the header as written in the file
    rows: list = field(default_factory=list)  # (line, {column: value})


def normalise(text):
    """Lower case, no accents, words joined by ``_``: “Durée min” → ``duree_min``."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return "_".join(re.sub(r"[^a-z0-9.]+", " ", text.lower()).split())


def decode(data):
    """The text of a CSV export: UTF-8 when it is valid UTF-8, else Windows-1252."""
    if data.startswith(UTF16_BOMS) or b"\x00" in data:
        raise UnreadableFile(
            _(
                "The file is not a text export in UTF-8 or Windows-1252 (it looks like UTF-16 "
                "or a binary file). Save it from your spreadsheet as “CSV UTF-8” or as XLSX."
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
    if text is None or any(character in _CONTROL for character in text):
        raise UnreadableFile(
            _(
                "The file's encoding is neither UTF-8 nor Windows-1252, or it is not a text file. "
                "Save it from your spreadsheet as “CSV UTF-8” or as XLSX."
            )
        )
    return text


def sniff_delimiter(text):
    """``;`` or ``,``: whichever the header line holds more of (a French export uses ``;``)."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") >= header.count(",") else ","


def _cell_text(value):
    """A spreadsheet cell as text; dates stay dates, whole numbers lose their “.0”."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_records(data):
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        yield from reader
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file is malformed near line %(line)s: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error


def _xlsx_records(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(_("The XLSX file cannot be opened: is it really an XLSX?")) from error
    try:
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        workbook.close()


def read_table(data, filename=""):
    """The file's header and rows. XLSX is recognised by its content, not only its name."""
    is_xlsx = data.startswith(XLSX_SIGNATURE) or filename.lower().endswith(".xlsx")
    records = _xlsx_records(data) if is_xlsx else _csv_records(data)
    header = None
    table = None
    for line, record in enumerate(records, start=1):
        if header is None:
            header = [str(cell).strip() for cell in record]
            columns = [normalise(name) for name in header]
            table = Table(
                columns=columns,
                labels=dict(zip(columns, header, strict=True)),
            )
            continue
        values = [cell.strip() if isinstance(cell, str) else cell for cell in record]
        if not any(value != "" for value in values):
            continue  # an empty line, as spreadsheets leave at the end
        row = {
            column: values[position] if position < len(values) else ""
            for position, column in enumerate(table.columns)
            if column
        }
        if len(values) > len(table.columns) and any(v != "" for v in values[len(columns) :]):
            row[None] = values[len(columns) :]  # cells beyond the header: reported as an error
        table.rows.append((line, row))
    if table is None or not any(table.columns):
        raise UnreadableFile(_("The file is empty: its first line must name the columns."))
    return table
