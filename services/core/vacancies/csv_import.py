"""Bulk import of vacancies from a CSV file, row by row with the API's own checks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from pydantic import ValidationError

from services.core import csv_rows
from services.core.access.policy import Actor, can_manage_vacancies
from services.core.csv_rows import MAX_BYTES, MAX_ROWS, ImportProblem
from services.core.errors import Loc, problems_of
from services.core.vacancies import service
from services.core.vacancies.models import ImportResult, VacancyIn

__all__ = ["MAX_BYTES", "MAX_ROWS", "Row", "check", "import_csv", "read_rows", "report"]

REQUIRED = ("title", "occupation_uri", "contract_kind", "hours_min", "hours_max")
COLUMNS = csv_rows.Columns(
    "vacancy CSV",
    REQUIRED,
    (
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
    ),
)
_LISTS = ("skills_essential", "skills_optional", "accommodations", "language", "language_cefr")
_PLAIN = frozenset(COLUMNS.all) - {*_LISTS, "status"}


@dataclass
class Row(csv_rows.Row):
    """A vacancy row, with what the checks found: its status, skills and accommodation codes
    (to name the one a problem is about) and the valid VacancyIn."""

    status: str = "draft"
    skills: list[dict[str, Any]] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    item: VacancyIn | None = None


def read_rows(data: bytes) -> list[Row]:
    """The data rows of a CSV file (comma or semicolon separated); Invalid for a bad file."""
    return csv_rows.read(data, COLUMNS, Row)[1]


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
    row.codes = data["accommodations"] = csv_rows.split(row.cells.get("accommodations", ""))
    language, cefr = row.cells.get("language"), row.cells.get("language_cefr")
    if language or cefr:
        data["language"] = {"language": language or None, "cefr": (cefr or "").upper() or None}
    return data


def check(row: Row) -> None:
    """Validate a row with VacancyIn; sets `item` or adds problems."""
    row.status = (row.cells.get("status") or "draft").lower()
    if row.status not in ("draft", "open"):
        row.problems.append((("status",), "must be draft or open"))
    try:
        item = VacancyIn.model_validate(_fields(row))
    except ValidationError as exc:
        row.problems += problems_of(exc)
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
    return head if head in COLUMNS.all else "row"


def _detail(row: Row, loc: Loc, message: str) -> str:
    """The message, led by the skill URI or accommodation code it is about."""
    if len(loc) > 1 and isinstance(loc[1], int):
        if loc[0] == "skills":
            return f"{row.skills[loc[1]]['skill_uri']}: {message}"
        if loc[0] == "accommodations":
            return f"{row.codes[loc[1]]}: {message}"
    return message


def report(row: Row) -> list[ImportProblem]:
    return [
        ImportProblem(line=row.line, field=_column(row, loc), detail=_detail(row, loc, message))
        for loc, message in row.problems
    ]


async def import_csv(conn: asyncpg.Connection, actor: Actor, data: bytes) -> ImportResult:
    """Import the valid rows as vacancies of the actor's organisation; report the others."""
    can_manage_vacancies(actor)
    rows = read_rows(data)
    for row in rows:
        if not row.problems:
            check(row)
    valid = [row for row in rows if row.item is not None]
    found = await service.reference_problems(conn, [r.item for r in valid if r.item])
    for row, problems in zip(valid, found, strict=True):
        if problems:
            row.problems, row.item = problems, None
    new = [(uuid.uuid4(), row.status, row.item) for row in rows if row.item is not None]
    await service.create_many(conn, actor, new)
    errors = [problem for row in rows for problem in report(row)]
    return ImportResult(imported=len(new), errors=errors, ids=[vid for vid, _, _ in new])
