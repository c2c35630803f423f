"""Reading an import CSV (core/csv_rows.py), without HTTP or a database."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest

from services.core import csv_rows
from services.core.csv_rows import Columns, Row, bad_file, read, split
from services.core.errors import Invalid

PETS = Columns("pet CSV", ("name", "kind"), ("age", "notes"))


def _read(text: str) -> tuple[list[str], list[Row]]:
    return read(text.encode(), PETS, Row)


def _refusal(data: bytes) -> str:
    with pytest.raises(Invalid) as caught:
        read(data, PETS, Row)
    assert caught.value.fields == {"file": caught.value.detail}
    return caught.value.detail


def test_comma_and_semicolon_files_read_the_same() -> None:
    comma = _read("name,kind,age\nBram,cat,3\n")
    semicolon = _read("name;kind;age\nBram;cat;3\n")
    assert comma[0] == semicolon[0] == ["name", "kind", "age"]
    assert [r.cells for r in comma[1]] == [r.cells for r in semicolon[1]]
    assert comma[1][0].cells == {"name": "Bram", "kind": "cat", "age": "3"}


def test_header_is_trimmed_and_lower_cased_and_a_byte_order_mark_is_dropped() -> None:
    names, rows = read("\ufeff Name ,KIND\n Bram , cat \n".encode(), PETS, Row)
    assert names == ["name", "kind"]
    assert rows[0].cells == {"name": "Bram", "kind": "cat"}


def test_unnamed_trailing_columns_of_a_spreadsheet_are_ignored() -> None:
    names, rows = _read("name,kind,,\nBram,cat,,\n")
    assert names == ["name", "kind", "", ""]
    assert rows[0].cells == {"name": "Bram", "kind": "cat"} and rows[0].problems == []


def test_line_numbers_count_the_header_blank_rows_and_quoted_line_breaks() -> None:
    _, rows = _read('name,kind,notes\nBram,cat,\n\n , \nMies,dog,"two\nlines"\nTom,cat,\n')
    assert [(r.line, r.cells["name"]) for r in rows] == [(2, "Bram"), (5, "Mies"), (7, "Tom")]
    assert rows[1].cells["notes"] == "two\nlines"


def test_a_row_with_more_values_than_columns_is_kept_with_a_problem() -> None:
    _, rows = _read("name,kind\nBram,cat,extra\nMies,dog\n")
    assert rows[0].problems == [(("row",), "has 3 values for 2 columns")]
    assert rows[0].cells == {"name": "Bram", "kind": "cat"}
    assert rows[1].problems == []


def test_a_short_row_leaves_the_missing_cells_out() -> None:
    _, rows = _read("name,kind,age\nBram\n")
    assert rows[0].cells == {"name": "Bram"} and rows[0].problems == []


def test_a_header_without_a_required_column_names_the_kind_and_what_is_missing() -> None:
    assert _refusal(b"name,age\nBram,3\n") == (
        "The file is not a pet CSV: the header lacks the required column(s) kind. "
        "Columns: name, kind, age, notes."
    )


def test_an_unknown_column_is_refused_with_the_columns_there_are() -> None:
    assert _refusal(b"name,kind,colour\n") == (
        "Unknown column(s) colour. Columns: name, kind, age, notes."
    )


def test_a_column_twice_is_refused() -> None:
    assert _refusal(b"name,kind,Name\n") == "A column appears twice in the header."


def test_an_empty_file_lacks_every_required_column() -> None:
    assert "lacks the required column(s) name, kind." in _refusal(b"")


def test_a_file_that_is_not_utf8_is_refused() -> None:
    refusal = _refusal("name,kind\nBjörn,cat\n".encode("latin-1"))
    assert refusal == "The file is not UTF-8 text; save it as CSV UTF-8."


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    data = b"name,kind\n" + b"x" * csv_rows.MAX_BYTES
    assert _refusal(data) == "The file is larger than 5 MB; split it up."


def test_the_row_limit_counts_data_rows_only() -> None:
    rows = "".join(f"pet{i},cat\n\n" for i in range(csv_rows.MAX_ROWS))
    assert len(_read("name,kind\n" + rows)[1]) == csv_rows.MAX_ROWS
    refusal = _refusal(("name,kind\n" + rows + "one,more\n").encode())
    assert refusal == "The file has more than 2000 rows; split it up."


@pytest.fixture
def field_limit() -> Iterator[int]:
    """A small csv field limit for one test (the taxonomy reader raises it process-wide)."""
    before = csv.field_size_limit(100)
    yield 100
    csv.field_size_limit(before)


def test_what_the_csv_module_cannot_read_is_not_valid_csv(field_limit: int) -> None:
    refusal = _refusal(b'name,kind\n"' + b"x" * (field_limit + 1) + b'",cat\n')
    assert refusal == "The file is not valid CSV: field larger than field limit (100)."


def test_rows_are_made_of_the_type_asked_for() -> None:
    class PetRow(Row):
        pass

    _, rows = read(b"name,kind\nBram,cat\n", PETS, PetRow)
    assert type(rows[0]) is PetRow


@pytest.mark.parametrize(
    ("cell", "parts"),
    [("", []), ("a", ["a"]), (" a | b ", ["a", "b"]), ("a||b|", ["a", "b"]), ("|", [])],
)
def test_a_list_cell_splits_on_bars_and_drops_blanks(cell: str, parts: list[str]) -> None:
    assert split(cell) == parts


def test_a_refused_file_names_the_file_field() -> None:
    error = bad_file("No.")
    assert error.status == 422 and error.fields == {"file": "No."}
