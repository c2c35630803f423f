"""Bulk import of training modules from a CSV file, upserted by code, row by row with the API's
own checks; the starter catalogue is read with the same parser."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg
from pydantic import ValidationError

from services.core.access.policy import Actor
from services.core.errors import Invalid
from services.core.training import repository, service
from services.core.training.models import INPUT_FIELDS, ModuleImportResult, ModuleIn
from services.core.training.service import Loc, Problem
from services.core.vacancies.models import ImportProblem

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
REQUIRED = ("code", "title_nl", "title_en", "provider_kind", "level", "hours")
COLUMNS = (*REQUIRED, "skills", "competences", "description_nl", "description_en")
_LISTS = ("skills", "competences")


@dataclass
class Row:
    """One data row of the file: where it starts, what it says, and what is wrong with it."""

    line: int
    cells: dict[str, str]
    competences: list[str] = field(default_factory=list)
    item: ModuleIn | None = None
    problems: list[Problem] = field(default_factory=list)


def _bad_file(detail: str) -> Invalid:
    return Invalid(detail, fields={"file": detail})


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise _bad_file(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it up.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _bad_file("The file is not UTF-8 text; save it as CSV UTF-8.") from exc


def _header(cells: list[str]) -> list[str]:
    """The column names; unnamed columns (a spreadsheet's trailing ones) are ignored."""
    names = [c.strip().lower() for c in cells]
    if missing := [c for c in REQUIRED if c not in names]:
        raise _bad_file(
            "The file is not a training module CSV: the header lacks the required column(s) "
            f"{', '.join(missing)}. Columns: {', '.join(COLUMNS)}."
        )
    if unknown := [c for c in names if c and c not in COLUMNS]:
        raise _bad_file(f"Unknown column(s) {', '.join(unknown)}. Columns: {', '.join(COLUMNS)}.")
    if len({c for c in names if c}) != len([c for c in names if c]):
        raise _bad_file("A column appears twice in the header.")
    return names


def read_file(data: bytes) -> tuple[list[str], list[Row]]:
    """The header and data rows of a CSV file (comma or semicolon separated); Invalid for a
    bad file."""
    text = _text(data)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in first else ",")
    try:
        names = _header(next(reader, []))
        return names, list(_rows(reader, names))
    except csv.Error as exc:
        raise _bad_file(f"The file is not valid CSV: {exc}.") from exc


def _rows(reader: Any, names: list[str]) -> Iterator[Row]:
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


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def fields_of(row: Row) -> dict[str, Any]:
    """The row as ModuleIn's input: empty cells left out, lists split on `|`."""
    data: dict[str, Any] = {k: v for k, v in row.cells.items() if k not in _LISTS and v}
    data["skills"] = _split(row.cells.get("skills", ""))
    row.competences = _split(row.cells.get("competences", ""))
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
        row.problems += service.problems_of(exc)


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
            field=str(loc[0]) if loc and str(loc[0]) in COLUMNS else "row",
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
    """Create or overwrite modules by code; (ids by code, created, updated). A description
    column the file lacks keeps the stored text; an unchanged module is not written at all."""
    existing = await repository.by_codes(conn, [i.code for i in items])
    kept = [c for c in ("description_nl", "description_en") if c not in columns]
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
