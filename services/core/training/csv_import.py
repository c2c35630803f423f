"""Bulk import of training modules from a CSV file, upserted by code, row by row with the API's
own checks; the starter catalogue is read with the same parser."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg
from pydantic import ValidationError

from services.core import csv_rows
from services.core.access.policy import Actor
from services.core.csv_rows import MAX_BYTES, MAX_ROWS, ImportProblem
from services.core.errors import Loc, problems_of
from services.core.training import repository, service
from services.core.training.models import INPUT_FIELDS, ModuleImportResult, ModuleIn

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "Row",
    "check",
    "fields_of",
    "import_csv",
    "read_file",
    "report",
    "upsert",
]

REQUIRED = ("code", "title_nl", "title_en", "provider_kind", "level", "hours")
COLUMNS = csv_rows.Columns(
    "training module CSV",
    REQUIRED,
    ("skills", "competences", "description_nl", "description_en", "audience", "theme"),
)
# Columns a file may leave out: a module it changes keeps their stored value (a new one gets
# the default), so files written before a column existed still import as they did.
KEPT_WHEN_ABSENT = ("description_nl", "description_en", "audience", "theme")
_LISTS = ("skills", "competences")


@dataclass
class Row(csv_rows.Row):
    """A module row, with its competence cells (to name the one a problem is about) and the
    valid ModuleIn."""

    competences: list[str] = field(default_factory=list)
    item: ModuleIn | None = None


def read_file(data: bytes) -> tuple[list[str], list[Row]]:
    """The header and data rows of a CSV file (comma or semicolon separated); Invalid for a
    bad file."""
    return csv_rows.read(data, COLUMNS, Row)


def fields_of(row: Row) -> dict[str, Any]:
    """The row as ModuleIn's input: empty cells left out, lists split on `|`."""
    data: dict[str, Any] = {k: v for k, v in row.cells.items() if k not in _LISTS and v}
    data["skills"] = csv_rows.split(row.cells.get("skills", ""))
    row.competences = csv_rows.split(row.cells.get("competences", ""))
    data["competences"] = []
    for part in row.competences:
        competence_id, _, level = part.partition(":")
        data["competences"].append({"competence_id": competence_id.strip(), "level": level.strip()})
    return data


def check(row: Row, data: dict[str, Any]) -> None:
    """Validate a row's fields with ModuleIn; sets `item` or adds problems."""
    try:
        row.item = ModuleIn.model_validate(data)
    except ValidationError as exc:
        row.problems += problems_of(exc)


def _detail(row: Row, loc: Loc, message: str) -> str:
    """The message, led by the competence it is about."""
    if loc[:1] == ("competences",) and len(loc) > 1 and isinstance(loc[1], int):
        return f"{row.competences[loc[1]]}: {message} (write id:level, e.g. 1.1:2)"
    return message


def report(row: Row) -> list[ImportProblem]:
    """The row's problems, each naming the column to fix."""
    return [
        ImportProblem(
            line=row.line,
            field=str(loc[0]) if loc and str(loc[0]) in COLUMNS.all else "row",
            detail=_detail(row, loc, message),
        )
        for loc, message in row.problems
    ]


def _twice(rows: Sequence[Row]) -> None:
    """A code may appear once in a file: later rows with it are left out."""
    first: dict[str, int] = {}
    for row in rows:
        if row.item is not None and row.item.code in first:
            row.problems.append(
                (("code",), f"appears earlier in the file (line {first[row.item.code]})")
            )
            row.item = None
        elif row.item is not None:
            first[row.item.code] = row.line


async def upsert(
    conn: asyncpg.Connection, items: Sequence[ModuleIn], columns: Sequence[str]
) -> tuple[dict[str, UUID], int, int]:
    """Create or overwrite modules by code; (ids by code, created, updated). A description,
    audience or theme column the file lacks keeps the stored value; an unchanged module is not
    written at all."""
    existing = await repository.by_codes(conn, [i.code for i in items])
    kept = [c for c in KEPT_WHEN_ABSENT if c not in columns]
    changed: list[ModuleIn] = []
    for item in items:
        old = existing.get(item.code)
        if old is not None:
            item = item.model_copy(update={c: getattr(old, c) for c in kept})
            if _normal(item.model_dump()) == _normal(old.model_dump(include=INPUT_FIELDS)):
                continue
        changed.append(item)
    ids = {code: module.id for code, module in existing.items()}
    ids |= await repository.upsert_many(conn, changed)
    created = sum(1 for i in changed if i.code not in existing)
    return ids, created, len(changed) - created


def _normal(values: dict[str, Any]) -> dict[str, Any]:
    """A module's input fields with its lists in a fixed order, to compare."""
    competences = sorted(values["competences"], key=lambda c: str(c["competence_id"]))
    return values | {"skills": sorted(values["skills"]), "competences": competences}


async def import_csv(conn: asyncpg.Connection, actor: Actor, data: bytes) -> ModuleImportResult:
    """Create or update (by code) the modules of the valid rows; report the others."""
    service.can_maintain_catalogue(actor)
    columns, rows = read_file(data)
    for row in rows:
        if not row.problems:
            check(row, fields_of(row))
    _twice(rows)
    valid = [row for row in rows if row.item is not None]
    found = await service.reference_problems(conn, [r.item for r in valid if r.item])
    for row, problems in zip(valid, found, strict=True):
        if problems:
            row.problems, row.item = problems, None
    items = [row.item for row in rows if row.item is not None]
    ids, created, updated = await upsert(conn, items, columns)
    return ModuleImportResult(
        imported=len(items),
        created=created,
        updated=updated,
        errors=[problem for row in rows for problem in report(row)],
        ids=[ids[item.code] for item in items],
    )
