"""Bulk import of vacancies from a CSV file, row by row with the API's own checks."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from pydantic import ValidationError

from services.core.access.policy import Actor, can_manage_vacancies
from services.core.errors import Invalid
from services.core.vacancies import service
from services.core.vacancies.models import ImportProblem, ImportResult, VacancyIn
from services.core.vacancies.service import Loc, Problem

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
REQUIRED = ("title", "occupation_uri", "contract_kind", "hours_min", "hours_max")
COLUMNS = (
    *REQUIRED,
    "description",
    "postcode",
    "latitude",
    "longitude",
    "skills_essential",
    "skills_optional",
    "accommodations",
    "language",
    "language_cefr",
    "places",
    "closing_date",
    "status",
)
_LISTS = ("skills_essential", "skills_optional", "accommodations", "language", "language_cefr")
_PLAIN = frozenset(COLUMNS) - {*_LISTS, "status"}


@dataclass
class Row:
    """One data row of the file: where it starts, what it says, and what is wrong with it."""

    line: int
    cells: dict[str, str]
    status: str = "draft"
    skills: list[dict[str, Any]] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    item: VacancyIn | None = None
    problems: list[Problem] = field(default_factory=list)


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise _bad_file(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it up.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _bad_file("The file is not UTF-8 text; save it as CSV UTF-8.") from exc


def _bad_file(detail: str) -> Invalid:
    return Invalid(detail, fields={"file": detail})


def _header(cells: list[str]) -> list[str]:
    """The column names; unnamed columns (a spreadsheet's trailing ones) are ignored."""
    names = [c.strip().lower() for c in cells]
    if missing := [c for c in REQUIRED if c not in names]:
        raise _bad_file(
            "The file is not a vacancy CSV: the header lacks the required column(s) "
            f"{', '.join(missing)}. Columns: {', '.join(COLUMNS)}."
        )
    if unknown := [c for c in names if c and c not in COLUMNS]:
        raise _bad_file(f"Unknown column(s) {', '.join(unknown)}. Columns: {', '.join(COLUMNS)}.")
    if len({c for c in names if c}) != len([c for c in names if c]):
        raise _bad_file("A column appears twice in the header.")
    return names


def read_rows(data: bytes) -> Iterator[Row]:
    """The data rows of a CSV file (comma or semicolon separated); Invalid for a bad file."""
    text = _text(data)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in first else ",")
    try:
        names = _header(next(reader, []))
        end, count = reader.line_num, 0
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > MAX_ROWS:
                raise _bad_file(f"The file has more than {MAX_ROWS} rows; split it up.")
            row = Row(start, {n: c.strip() for n, c in zip(names, cells, strict=False) if n})
            if len(cells) > len(names):
                row.problems.append((("row",), f"has {len(cells)} values for {len(names)} columns"))
            yield row
    except csv.Error as exc:
        raise _bad_file(f"The file is not valid CSV: {exc}.") from exc


def _skills(row: Row) -> list[dict[str, Any]]:
    found = []
    for relation in ("essential", "optional"):
        for part in row.cells.get(f"skills_{relation}", "").split("|"):
            uri, _, level = part.strip().rpartition(":")
            if not (uri and level.isdigit()):
                uri, level = part.strip(), "1"
            if uri:
                found.append({"skill_uri": uri, "relation": relation, "min_level": level})
    return found


def _fields(row: Row) -> dict[str, Any]:
    """The row as VacancyIn's input: empty cells left out, lists split on `|`."""
    data: dict[str, Any] = {k: v for k, v in row.cells.items() if k in _PLAIN and v}
    row.skills = _skills(row)
    data["skills"] = row.skills
    codes = row.cells.get("accommodations", "").split("|")
    row.codes = data["accommodations"] = [c.strip() for c in codes if c.strip()]
    language, cefr = row.cells.get("language"), row.cells.get("language_cefr")
    if language or cefr:
        data["language"] = {"language": language or None, "cefr": (cefr or "").upper() or None}
    return data


def _check(row: Row) -> None:
    """Validate a row with VacancyIn; sets `item` or adds problems."""
    row.status = (row.cells.get("status") or "draft").lower()
    if row.status not in ("draft", "open"):
        row.problems.append((("status",), "must be draft or open"))
    try:
        item = VacancyIn.model_validate(_fields(row))
    except ValidationError as exc:
        row.problems += service.problems_of(exc)
        return
    if row.status == "open":
        row.problems += service.closing_problems(item.closing_date)
    if not row.problems:
        row.item = item


def _column(row: Row, loc: Loc) -> str:
    """The CSV column a VacancyIn location comes from."""
    head = str(loc[0]) if loc else "row"
    if head == "skills" and len(loc) > 1 and isinstance(loc[1], int):
        return f"skills_{row.skills[loc[1]]['relation']}"
    if head == "skills":  # a skill listed twice: name the column of its second mention
        seen: set[str] = set()
        for skill in row.skills:
            if skill["skill_uri"] in seen:
                return f"skills_{skill['relation']}"
            seen.add(skill["skill_uri"])
    if head == "language":
        return "language_cefr" if loc[1:2] == ("cefr",) else "language"
    return head if head in COLUMNS else "row"


def _detail(row: Row, loc: Loc, message: str) -> str:
    """The message, led by the skill URI or accommodation code it is about."""
    if len(loc) > 1 and isinstance(loc[1], int):
        if loc[0] == "skills":
            return f"{row.skills[loc[1]]['skill_uri']}: {message}"
        if loc[0] == "accommodations":
            return f"{row.codes[loc[1]]}: {message}"
    return message


def _report(row: Row) -> list[ImportProblem]:
    return [
        ImportProblem(line=row.line, field=_column(row, loc), detail=_detail(row, loc, message))
        for loc, message in row.problems
    ]


async def import_csv(conn: asyncpg.Connection, actor: Actor, data: bytes) -> ImportResult:
    """Import the valid rows as vacancies of the actor's organisation; report the others."""
    can_manage_vacancies(actor)
    rows = list(read_rows(data))
    for row in rows:
        if not row.problems:
            _check(row)
    valid = [row for row in rows if row.item is not None]
    found = await service.reference_problems(conn, [r.item for r in valid if r.item])
    for row, problems in zip(valid, found, strict=True):
        if problems:
            row.problems, row.item = problems, None
    new = [(uuid.uuid4(), row.status, row.item) for row in rows if row.item is not None]
    await service.create_many(conn, actor, new)
    errors = [problem for row in rows for problem in _report(row)]
    return ImportResult(imported=len(new), errors=errors, ids=[vid for vid, _, _ in new])
