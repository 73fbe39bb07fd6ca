"""Reading a file: encodings, separators, line numbers as the spreadsheet shows them."""

import io

import pytest
from openpyxl import Workbook

from cockpit.catalogue_import import import_catalogue
from cockpit.catalogue_import.reading import UnreadableFile, decode, normalise, read_table
from cockpit.tests.test_import_command import SAMPLE


def test_headers_are_compared_without_case_accents_or_punctuation():
    assert normalise(" Durée-min ") == "duree_min"
    assert normalise("Mots clés") == "mots_cles"
    assert normalise("Un truc² en +") == "un_truc2_en"


@pytest.mark.parametrize(
    "data",
    [
        "Thème;Déroulé\n".encode(),
        "\ufeffThème;Déroulé\n".encode(),
        "Thème;Déroulé\n".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
def test_utf8_with_or_without_bom_and_windows_1252_decode_alike(data):
    assert decode(data) == "Thème;Déroulé\n"


@pytest.mark.parametrize(
    "data",
    ["type;titre".encode("utf-16"), b"\x00\x01\x02", b"type;\x81\x8d"],
    ids=["utf-16", "binary", "undefined in windows-1252"],
)
def test_other_encodings_are_refused(data):
    with pytest.raises(UnreadableFile):
        decode(data)


def test_the_separator_is_sniffed_on_the_header():
    semicolons = read_table(b"type;titre\nactivite;Bingo, le retour\n")
    commas = read_table(b'type,titre\nactivite,"Bingo; le retour"\n')

    assert semicolons.rows == [(2, {"type": "activite", "titre": "Bingo, le retour"})]
    assert commas.rows == [(2, {"type": "activite", "titre": "Bingo; le retour"})]


def test_line_numbers_are_the_spreadsheets_rows_even_with_multi_line_cells():
    table = read_table(b'type;deroule\nactivite;"Un\n\nDeux"\n\n;\nsession;x\n')

    assert [line for line, _values in table.rows] == [2, 5]  # rows 3 and 4 are empty


def test_an_empty_file_is_refused():
    with pytest.raises(UnreadableFile):
        read_table(b"")


def test_xlsx_cells_keep_dates_and_lose_the_decimal_of_whole_numbers():
    workbook = Workbook()
    workbook.active.append(["Type", "Capacité", "Lieu"])
    workbook.active.append(["session", 12.0, None])
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = read_table(buffer.getvalue(), "catalogue.xlsx")

    assert table.columns == ["type", "capacite", "lieu"]
    assert table.labels["capacite"] == "Capacité"
    assert table.rows == [(2, {"type": "session", "capacite": "12", "lieu": ""})]


def test_a_row_longer_than_the_header_is_an_error(db):
    content = "type;atelier;debut;fin;capacite\nsession;A;01/02/2027 10:00;01/02/2027 11:00;8;9\n"

    result = import_catalogue(content.encode())

    assert not result.imported
    assert [str(error) for error in result.errors][0].startswith("Ligne 2 : cette ligne a plus")


class TestOnTheDemoContent:
    def test_the_sample_file_imports_as_is(self, demo_content):
        result = import_catalogue(SAMPLE.read_bytes(), SAMPLE.name)

        assert result.errors == []
        assert result.summary.created_total + result.summary.updated_total == 8
