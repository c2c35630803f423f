"""Reading an import CSV file into rows: the checks every import makes before a domain looks at a
row (size, encoding, header, row count, a row with too many values), each a clear error."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, Field

from services.core.errors import Invalid, Problem

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000


class ImportProblem(BaseModel):
    """Why one row of an import file was left out."""

    line: int = Field(description="line of the file where the row starts (the header is 1)")
    field: str = Field(description="the column to fix")
    detail: str


@dataclass(frozen=True)
class Columns:
    """The columns of one kind of import file: `kind` names it in errors ("vacancy CSV")."""

    kind: str
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.required, *self.optional)


@dataclass
class Row:
    """One data row of a file: where it starts, what it says, and what is wrong with it.
    An import subclasses it to keep what its own checks find."""

    line: int
    cells: dict[str, str]
    problems: list[Problem] = field(default_factory=list)


R = TypeVar("R", bound=Row)


def bad_file(detail: str) -> Invalid:
    """The whole file is refused: one error on the `file` field."""
    return Invalid(detail, fields={"file": detail})


def split(cell: str) -> list[str]:
    """A list cell's parts: separated by `|`, blanks dropped."""
    return [part.strip() for part in cell.split("|") if part.strip()]


def read(data: bytes, columns: Columns, row_type: type[R]) -> tuple[list[str], list[R]]:
    """The header and data rows of a CSV file (comma or semicolon separated); Invalid for a
    bad file. Blank rows are skipped; a row with more values than columns gets a problem."""
    text = _text(data)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in first else ",")
    try:
        names = _header(next(reader, []), columns)
        return names, list(_rows(reader, names, row_type))
    except csv.Error as exc:
        raise bad_file(f"The file is not valid CSV: {exc}.") from exc


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise bad_file(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it up.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise bad_file("The file is not UTF-8 text; save it as CSV UTF-8.") from exc


def _header(cells: list[str], columns: Columns) -> list[str]:
    """The column names; unnamed columns (a spreadsheet's trailing ones) are ignored."""
    names = [c.strip().lower() for c in cells]
    known = ", ".join(columns.all)
    if missing := [c for c in columns.required if c not in names]:
        raise bad_file(
            f"The file is not a {columns.kind}: the header lacks the required column(s) "
            f"{', '.join(missing)}. Columns: {known}."
        )
    if unknown := [c for c in names if c and c not in columns.all]:
        raise bad_file(f"Unknown column(s) {', '.join(unknown)}. Columns: {known}.")
    if len({c for c in names if c}) != len([c for c in names if c]):
        raise bad_file("A column appears twice in the header.")
    return names


def _rows(reader: Any, names: list[str], row_type: type[R]) -> Iterator[R]:
    end, count = reader.line_num, 0
    for cells in reader:
        # a quoted value may span lines: a row starts on the line after the previous one ended
        start, end = end + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise bad_file(f"The file has more than {MAX_ROWS} rows; split it up.")
        row = row_type(start, {n: c.strip() for n, c in zip(names, cells, strict=False) if n})
        if len(cells) > len(names):
            row.problems.append((("row",), f"has {len(cells)} values for {len(names)} columns"))
        yield row
