"""Import a folder in the ESCO v1.1.1 CSV layout: COPY into staging tables, then set-based SQL.

The import makes the taxonomy tables equal to the folder: new rows are inserted, changed rows
updated and rows that are gone deleted, all inside the caller's transaction. The DigComp 2.2
competences come along from their own file (see digcomp.competences_file); without one the
taxonomy is imported without them, and the summary says so.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import asyncpg

from services.core.taxonomy import digcomp, import_queries, models, reader
from services.core.taxonomy.models import SkippedRow
from services.core.taxonomy.reader import Progress

__all__ = [
    "ImportReport",
    "SkippedRow",
    "TableChanges",
    "echo_progress",
    "fingerprint",
    "import_folder",
    "last_fingerprint",
]

SUMMARY_SKIPPED_SHOWN = 10


class _Table(NamedTuple):
    name: str
    columns: tuple[str, ...]
    upsert: str
    delete: str


# The columns of each imported table's staging rows, as reader.py makes them.
ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "isco_group": models.IscoGroupRow._fields,
    "occupation": models.OccupationRow._fields,
    "skill": models.SkillRow._fields,
    "skill_group": models.SkillGroupRow._fields,
    "taxonomy_broader": models.BroaderRow._fields,
    "occupation_skill": models.OccupationSkillRow._fields,
    "skill_relation": models.SkillRelationRow._fields,
    "skill_collection": models.CollectionRow._fields,
    "taxonomy_label": models.LabelRow._fields,
    "digcomp_competence": models.DigcompRow._fields,
}

# Parents before children (import_queries.IMPORTED_TABLES): upserts run in this order, deletes
# in the reverse order, so a deleted parent never cascades and every deleted row is counted
# where it was deleted.
TABLES = tuple(
    _Table(name, ROW_COLUMNS[name], import_queries.UPSERTS[name], import_queries.DELETES[name])
    for name in import_queries.IMPORTED_TABLES
)


@dataclass(frozen=True)
class TableChanges:
    """Rows one import inserted, updated and deleted in one table."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def total(self) -> int:
        """All rows written."""
        return self.inserted + self.updated + self.deleted


@dataclass
class ImportReport:
    """What one import read, changed and skipped."""

    source: str
    version: str
    counts: dict[str, int]
    changes: dict[str, TableChanges]
    skipped: list[SkippedRow]
    elapsed: float
    import_id: int | None = None
    digcomp: str | None = None  # the DigComp competences file read, None when there was none
    dutch_skills: bool = True  # whether the folder had skills_nl.csv (official Dutch labels)

    @property
    def changed(self) -> int:
        """Rows written over all tables."""
        return sum(change.total for change in self.changes.values())

    def summary(self) -> str:
        """A few lines for a person: counts, changes, skipped rows and time taken."""
        counts = ", ".join(f"{table} {count}" for table, count in self.counts.items())
        changes = ", ".join(
            f"{table} +{c.inserted} ~{c.updated} -{c.deleted}"
            for table, c in self.changes.items()
            if c.total
        )
        lines = [
            f"taxonomy imported from {self.source} in {self.elapsed:.1f} s",
            f"  rows: {counts}",
            f"  changes (+inserted ~updated -deleted): {changes or 'none'}",
            f"  DigComp: {self._digcomp()}",
            f"  Dutch skill labels: {self._dutch()}",
            f"  skipped rows: {len(self.skipped)}",
        ]
        lines += [
            f"    {row.file} line {row.line}: {row.reason}"
            for row in self.skipped[:SUMMARY_SKIPPED_SHOWN]
        ]
        if len(self.skipped) > SUMMARY_SKIPPED_SHOWN:
            lines.append(f"    ... and {len(self.skipped) - SUMMARY_SKIPPED_SHOWN} more")
        return "\n".join(lines)

    def _dutch(self) -> str:
        if self.dutch_skills:
            return f"from {reader.SKILLS_NL.name}"
        return (
            f"none ({reader.SKILLS_NL.name} is not in the folder): skills are searched in Dutch "
            "through the curated vocabulary and the multilingual model, and shown in English; "
            "add the official ESCO Dutch skills file to the folder to show Dutch labels"
        )

    def _digcomp(self) -> str:
        if self.digcomp is None:
            return (
                f"no {digcomp.COMPETENCES_FILE} found; imported without DigComp competences "
                f"(put it in a folder named {digcomp.FOLDER_NAME!r} beside the taxonomy folder, "
                "or set OPSTAP_DIGCOMP_DIR)"
            )
        count = self.counts.get("digcomp_competence", 0)
        return f"{count} competences from {self.digcomp}"


def fingerprint(folder: Path, digcomp_dir: Path | None = None) -> str:
    """sha256 over the names and contents of the CSV files the importer reads.

    With a DigComp competences file, that file and our Dutch DigComp names count too, so adding
    the file, or changing a translation, makes the next import run.
    """
    digest = hashlib.sha256()
    competences = digcomp.competences_file(folder, digcomp_dir)
    for path in [*reader.check_folder(folder), *([competences] if competences else [])]:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        digest.update(b"\0")
    if competences is not None:
        digest.update(digcomp.translations_key())
    return digest.hexdigest()


async def last_fingerprint(conn: asyncpg.Connection) -> str | None:
    """The version (fingerprint) of the newest finished import, None before the first."""
    version: str | None = await conn.fetchval(import_queries.SELECT_LAST_FINGERPRINT)
    return version


def echo_progress(step: str, done: int, total: int) -> None:
    """Show one progress step on stderr."""
    amount = f"{done} rows" if done >= total else f"{done}/{total} rows"
    print(f"{step} ... {amount}", file=sys.stderr, flush=True)


async def import_folder(
    conn: asyncpg.Connection,
    folder: Path,
    *,
    digcomp_dir: Path | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Make the taxonomy tables equal to `folder`, inside the caller's transaction.

    DigComp comes from `digcomp_dir` when given (see digcomp.digcomp_folder), else from the
    default beside `folder`; pass the same `digcomp_dir` to `fingerprint`.
    """
    # jsonb parameters are encoded by the codec services.core.db installs on every connection.
    if not conn.is_in_transaction():
        # The staging tables are ON COMMIT DROP: outside a transaction they vanish at once.
        raise RuntimeError("import_folder must run inside a transaction")
    started_at, clock = datetime.now(UTC), time.perf_counter()
    version = fingerprint(folder, digcomp_dir)
    competences = digcomp.competences_file(folder, digcomp_dir)
    taxonomy = reader.read_folder(folder, progress, competences.parent if competences else None)
    await conn.execute(import_queries.LOCK_IMPORT)
    await conn.execute(import_queries.CREATE_STAGING_TABLES)
    await _stage(conn, taxonomy, progress)
    changes = await _apply(conn, progress)
    await conn.execute(import_queries.DROP_STAGING_TABLES)
    await conn.execute(import_queries.ANALYZE_TAXONOMY)
    await conn.execute(import_queries.FLUSH_LABEL_INDEX)
    counts = dict(await conn.fetchrow(import_queries.COUNT_TABLES))
    report = ImportReport(
        str(folder),
        version,
        counts,
        changes,
        taxonomy.skipped,
        time.perf_counter() - clock,
        digcomp=str(competences) if competences else None,
        dutch_skills=(folder / reader.SKILLS_NL.name).is_file(),
    )
    report.import_id = await conn.fetchval(
        import_queries.INSERT_IMPORT,
        report.source,
        version,
        started_at,
        counts,
        {table: asdict(change) for table, change in changes.items()},
        [row._asdict() for row in taxonomy.skipped],
    )
    return report


async def _stage(
    conn: asyncpg.Connection, taxonomy: models.Taxonomy, progress: Progress | None
) -> None:
    """COPY every table's rows into its staging table."""
    for table in TABLES:
        rows = taxonomy.rows(table.name)
        await conn.copy_records_to_table(f"stage_{table.name}", records=rows, columns=table.columns)
        if progress:
            progress(f"staging {table.name}", len(rows), len(rows))
    await conn.execute(import_queries.ANALYZE_STAGING_TABLES)


async def _apply(conn: asyncpg.Connection, progress: Progress | None) -> dict[str, TableChanges]:
    """Delete what is gone (children first), then upsert (parents first); count each change."""
    deleted: dict[str, int] = {}
    for table in reversed(TABLES):
        deleted[table.name] = await conn.fetchval(table.delete)
    if progress:
        progress("deleting rows that are gone", sum(deleted.values()), sum(deleted.values()))
    changes: dict[str, TableChanges] = {}
    for table in TABLES:
        written = await conn.fetchrow(table.upsert)
        changes[table.name] = TableChanges(
            written["inserted"], written["updated"], deleted[table.name]
        )
        if progress:
            change = changes[table.name]
            progress(f"writing {table.name}", change.total, change.total)
    return changes
