"""Import of mbo qualifications from a CSV file: one row per work process and skill, checked row
by row; the starter file (qualifications.csv) is read with the same parser."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

import asyncpg
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from services.core import csv_rows
from services.core.access.policy import Actor
from services.core.csv_rows import ImportProblem
from services.core.errors import problems_of
from services.core.learning import repository, service
from services.core.learning.models import (
    CREBO_PATTERN,
    WORK_PROCESS_PATTERN,
    QualificationImportResult,
)
from services.core.taxonomy.repository import unknown_skill_uris

COLUMNS = csv_rows.Columns(
    "qualification CSV",
    (
        "crebo",
        "qualification_nl",
        "qualification_en",
        "mbo_level",
        "work_process",
        "work_process_nl",
        "work_process_en",
        "skill_uri",
    ),
    ("level",),
)
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class QualificationRow(BaseModel):
    """One row: a skill of a work process of a qualification."""

    model_config = ConfigDict(extra="forbid")

    crebo: str = Field(pattern=CREBO_PATTERN)
    qualification_nl: Text
    qualification_en: Text
    mbo_level: int = Field(ge=1, le=4)
    work_process: str = Field(pattern=WORK_PROCESS_PATTERN)
    work_process_nl: LongText
    work_process_en: LongText
    skill_uri: str = Field(min_length=1, max_length=500)
    level: int = Field(2, ge=1, le=4)


@dataclass
class Row(csv_rows.Row):
    """A row and, when its fields are valid, what it says."""

    item: QualificationRow | None = None


def read_file(data: bytes) -> list[Row]:
    """The data rows of a file; lines starting with `#` before the header are comments (the
    starter file says there what its data is), and line numbers count them."""
    lines = data.split(b"\n")
    skipped = 0
    while skipped < len(lines) and lines[skipped].lstrip(b"\xef\xbb\xbf").startswith(b"#"):
        skipped += 1
    _, rows = csv_rows.read(b"\n".join(lines[skipped:]), COLUMNS, Row)
    for row in rows:
        row.line += skipped
        if not row.problems:
            cells = {k: v for k, v in row.cells.items() if v}
            try:
                row.item = QualificationRow.model_validate(cells)
            except ValidationError as exc:
                row.problems += problems_of(exc)
    _agree(rows)
    return rows


def _agree(rows: Sequence[Row]) -> None:
    """A qualification's and a work process's titles are the same on each of its rows, and a
    skill appears once per work process: later rows that differ are left out."""
    first: dict[tuple[str, ...], tuple[int, tuple[object, ...]]] = {}
    for row in rows:
        item = row.item
        if item is None:
            continue
        checks = (
            (("qualification_nl",), (item.crebo,), (item.qualification_nl,
             item.qualification_en, item.mbo_level), "the qualification's title or level"),
            (("work_process_nl",), (item.crebo, item.work_process),
             (item.work_process_nl, item.work_process_en), "the work process's title"),
        )  # fmt: skip
        for field, key, values, what in checks:
            seen = first.setdefault(key, (row.line, values))
            if seen[1] != values:
                row.problems.append((field, f"{what} differs from line {seen[0]}"))
        skill_key = (item.crebo, item.work_process, item.skill_uri)
        seen_skill = first.setdefault(skill_key, (row.line, ()))
        if seen_skill[0] != row.line:
            row.problems.append((("skill_uri",), f"appears earlier (line {seen_skill[0]})"))
        if row.problems:
            row.item = None


def report(row: Row) -> list[ImportProblem]:
    """The row's problems, each naming the column to fix."""
    return [
        ImportProblem(
            line=row.line,
            field=str(loc[0]) if loc and str(loc[0]) in COLUMNS.all else "row",
            detail=message,
        )
        for loc, message in row.problems
    ]


async def store(conn: asyncpg.Connection, items: Sequence[QualificationRow]) -> tuple[int, int]:
    """Write the rows' qualifications, work processes and skills; (qualifications, work
    processes) written."""
    quals = {i.crebo: (i.crebo, i.qualification_nl, i.qualification_en, i.mbo_level) for i in items}
    processes = {
        (i.crebo, i.work_process): (i.crebo, i.work_process, i.work_process_nl, i.work_process_en)
        for i in items
    }
    skills = [(i.crebo, i.work_process, i.skill_uri, i.level) for i in items]
    await repository.upsert(conn, list(quals.values()), list(processes.values()), skills)
    return len(quals), len(processes)


async def import_csv(
    conn: asyncpg.Connection, actor: Actor, data: bytes
) -> QualificationImportResult:
    """Create or update the qualifications of the valid rows; report the others (a skill URI
    the taxonomy lacks among them)."""
    service.can_maintain_qualifications(actor)
    rows = read_file(data)
    unknown = set(await unknown_skill_uris(conn, list({r.item.skill_uri for r in rows if r.item})))
    for row in rows:
        if row.item is not None and row.item.skill_uri in unknown:
            row.problems.append((("skill_uri",), "not a skill of the taxonomy in use"))
            row.item = None
    items = [row.item for row in rows if row.item is not None]
    qualifications, processes = await store(conn, items)
    return QualificationImportResult(
        imported=len(items),
        qualifications=qualifications,
        work_processes=processes,
        errors=[problem for row in rows for problem in report(row)],
    )
