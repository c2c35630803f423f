"""The taxonomy import into a real PostgreSQL: counts, labels, skipped rows, idempotence."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from services.core import db
from services.core.errors import Invalid
from services.core.taxonomy import importer
from tests.esco_folders import (
    OCC_CLEANER,
    OCC_DIRECTOR,
    SKILL_PRODUCTS,
    SKILL_STAFF,
    write_tiny_esco,
)

TINY_COUNTS = {
    "isco_group": 8,
    "occupation": 2,
    "skill": 4,
    "skill_group": 2,
    "taxonomy_broader": 10,
    "occupation_skill": 4,
    "skill_relation": 1,
    "skill_collection": 2,
    # ISCO 8 en + 1 nl, occupations 7 en + 2 nl, skills 5 en + 3 nl, skill groups 3 en + 1 nl
    "taxonomy_label": 30,
    "digcomp_competence": 0,  # no DigComp folder beside the tiny one
}
WITHDRAWN_OCCUPATION = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"


@pytest.fixture
async def empty(empty_database: str) -> AsyncIterator[asyncpg.Connection]:
    """A connection to a new database that has the schema and nothing else."""
    conn = await db.connect(empty_database)
    yield conn
    await conn.close()


async def run_import(conn: asyncpg.Connection, folder: Path) -> importer.ImportReport:
    """Import `folder` in its own transaction, as bootstrap does."""
    async with conn.transaction():
        return await importer.import_folder(conn, folder)


async def labels(conn: asyncpg.Connection, uri: str, lang: str) -> set[tuple[str, str]]:
    """(label kind, label) of one concept in one language."""
    rows = await conn.fetch(
        "SELECT label_kind, label FROM taxonomy_label WHERE concept_uri = $1 AND lang = $2",
        uri,
        lang,
    )
    return {(row["label_kind"], row["label"]) for row in rows}


async def test_a_tiny_folder_imports_with_counts_labels_and_skipped_rows(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    folder = write_tiny_esco(tmp_path / "esco")
    report = await run_import(empty, folder)
    assert report.counts == TINY_COUNTS
    assert all(change.inserted == TINY_COUNTS[table] for table, change in report.changes.items())
    assert len(report.skipped) == 10
    assert ("occupationSkillRelations.csv", 6) in [(row.file, row.line) for row in report.skipped]
    assert await labels(empty, OCC_CLEANER, "en") == {
        ("preferred", "office cleaner"),
        ("alt", "cleaner"),
        ("alt", "office cleaning operative"),
        ("hidden", "janitor"),
    }
    assert await labels(empty, OCC_DIRECTOR, "nl") == {
        ("preferred", "inspiciënt"),
        ("alt", "toneelmeester"),
    }
    assert await labels(empty, SKILL_STAFF, "nl") == {
        ("preferred", "muziekpersoneel beheren"),
        ("alt", "muzikanten aansturen"),
    }
    director = await empty.fetchrow("SELECT * FROM occupation WHERE uri = $1", OCC_DIRECTOR)
    assert (director["isco_code"], director["skill_level"], director["label_nl"]) == (
        "2654",
        4,
        "inspiciënt",
    )
    assert "occupation_skill" in report.summary()


async def test_the_import_is_logged_with_its_fingerprint(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    folder = write_tiny_esco(tmp_path / "esco")
    assert await importer.last_fingerprint(empty) is None
    report = await run_import(empty, folder)
    assert await importer.last_fingerprint(empty) == importer.fingerprint(folder)
    logged = await empty.fetchrow("SELECT * FROM taxonomy_import WHERE id = $1", report.import_id)
    assert logged["source"] == str(folder)
    assert logged["counts"] == TINY_COUNTS
    assert logged["changes"]["occupation"] == {"inserted": 2, "updated": 0, "deleted": 0}
    assert logged["skipped"][0] == {
        "file": "occupations_en.csv",
        "line": 7,
        "reason": "expected 14 fields, found 3",
    }
    assert logged["finished_at"] >= logged["started_at"]


async def test_importing_the_same_folder_twice_changes_nothing(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    folder = write_tiny_esco(tmp_path / "esco")
    first = await run_import(empty, folder)
    second = await run_import(empty, folder)
    assert second.counts == first.counts
    assert second.changed == 0
    assert second.skipped == first.skipped


async def test_a_different_folder_replaces_the_content(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    await run_import(empty, write_tiny_esco(tmp_path / "first"))
    report = await run_import(empty, write_tiny_esco(tmp_path / "second", second=True))
    changes = {table: (c.inserted, c.updated, c.deleted) for table, c in report.changes.items()}
    assert changes["occupation"] == (0, 1, 1)
    assert changes["skill"] == (0, 0, 1)
    assert changes["occupation_skill"] == (0, 1, 2)
    assert changes["skill_relation"] == (0, 0, 1)
    assert changes["taxonomy_broader"] == (0, 0, 1)
    assert changes["taxonomy_label"] == (1, 0, 6)
    assert changes["isco_group"] == (0, 0, 0)
    gone = await empty.fetchval(
        "SELECT count(*) FROM taxonomy_label WHERE concept_uri = ANY($1::text[])",
        [OCC_CLEANER, SKILL_PRODUCTS],
    )
    assert gone == 0
    assert await empty.fetchval("SELECT label_en FROM occupation WHERE uri = $1", OCC_DIRECTOR) == (
        "stage director"
    )
    assert report.counts["occupation"] == 1
    assert report.counts["occupation_skill"] == 2


async def test_a_missing_file_fails_before_anything_is_written(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    folder = write_tiny_esco(tmp_path / "esco")
    (folder / "occupations_en.csv").unlink()
    with pytest.raises(Invalid, match=r"occupations_en\.csv is missing from"):
        await run_import(empty, folder)
    assert await empty.fetchval("SELECT count(*) FROM taxonomy_import") == 0


async def test_the_import_needs_the_callers_transaction(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    with pytest.raises(RuntimeError, match="inside a transaction"):
        await importer.import_folder(empty, write_tiny_esco(tmp_path / "esco"))


@pytest.mark.esco
async def test_the_full_reference_set_imports_and_reimports_without_changes(
    empty: asyncpg.Connection, esco_dir: Path | None
) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    first = await run_import(empty, esco_dir)
    assert first.counts["occupation"] == 3007
    assert first.counts["skill"] == 13896
    assert first.counts["occupation_skill"] == 123788
    assert first.counts["isco_group"] == 619
    relations = [row for row in first.skipped if row.file == "occupationSkillRelations.csv"]
    assert len(relations) == 67
    assert all(WITHDRAWN_OCCUPATION in row.reason for row in relations)
    second = await run_import(empty, esco_dir)
    assert second.counts == first.counts
    assert second.changed == 0
    assert second.elapsed < 60


@pytest.mark.esco
async def test_the_session_database_holds_the_reference_set(
    conn: asyncpg.Connection, esco_dir: Path | None
) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    nl_labels = await conn.fetchval(
        "SELECT count(*) FROM taxonomy_label WHERE concept_kind = 'occupation' AND lang = 'nl'"
    )
    assert nl_labels > 3007
    assert await importer.last_fingerprint(conn) == importer.fingerprint(esco_dir)
    assert await conn.fetchval("SELECT count(*) FROM occupation_skill") == 123788
