"""DigComp in a real PostgreSQL: imported with the taxonomy, and a person's digital profile."""

from __future__ import annotations

import csv
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from services.core import bootstrap, db
from services.core.accounts import repository as accounts
from services.core.employees import repository as employees
from services.core.employees.models import SkillIn
from services.core.settings import Settings
from services.core.taxonomy import digcomp, importer
from tests.esco_folders import SKILL_STAFF, write_tiny_esco
from tests.unit.test_digcomp import IDS, write_digcomp

GONE = "http://data.europa.eu/esco/skill/gone"


@pytest.fixture
async def empty(empty_database: str) -> AsyncIterator[asyncpg.Connection]:
    """A connection to a new database that has the schema and nothing else."""
    conn = await db.connect(empty_database)
    yield conn
    await conn.close()


async def run_import(conn: asyncpg.Connection, folder: Path) -> importer.ImportReport:
    """Import `folder` (with its default DigComp file) in its own transaction."""
    async with conn.transaction():
        return await importer.import_folder(conn, folder)


async def stored(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT * FROM digcomp_competence ORDER BY area_id, id")


async def test_the_starter_taxonomy_brings_21_competences_with_dutch_names(
    empty: asyncpg.Connection, starter_dir: Path
) -> None:
    report = await run_import(empty, starter_dir)
    assert report.counts["digcomp_competence"] == 21
    assert report.digcomp == str(starter_dir / digcomp.COMPETENCES_FILE)
    assert "DigComp: 21 competences from" in report.summary()
    rows = await stored(empty)
    assert [row["id"] for row in rows] == IDS
    for row in rows:
        assert row["name_nl"] == digcomp.COMPETENCES[row["id"]].nl
        assert row["area_nl"] == digcomp.AREAS[row["area_id"]].nl
    in_skills = await empty.fetchval(
        "SELECT count(*) FROM digcomp_competence c JOIN skill s ON s.uri = c.skill_uri"
    )
    assert in_skills == 21
    again = await run_import(empty, starter_dir)
    assert again.changed == 0


async def test_esco_without_a_digcomp_file_is_imported_without_it_and_says_so(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    report = await run_import(empty, write_tiny_esco(tmp_path / "esco"))
    assert report.counts["digcomp_competence"] == 0
    assert report.digcomp is None
    assert "imported without DigComp competences" in report.summary()
    assert not [row for row in report.skipped if row.file == digcomp.COMPETENCES_FILE]


async def test_a_digcomp_folder_beside_esco_is_imported_and_replaced_on_the_next_import(
    empty: asyncpg.Connection, tmp_path: Path
) -> None:
    esco = write_tiny_esco(tmp_path / "esco")
    write_digcomp(tmp_path / "digcomp", [("4.2", "4", SKILL_STAFF), ("4.1", "4", GONE)])
    report = await run_import(empty, esco)
    assert [(row["id"], row["skill_uri"], row["name_nl"]) for row in await stored(empty)] == [
        ("4.2", SKILL_STAFF, "Persoonsgegevens en privacy beschermen")
    ]
    [skipped] = [row for row in report.skipped if row.file == digcomp.COMPETENCES_FILE]
    assert (skipped.line, GONE in skipped.reason) == (3, True)
    logged = await empty.fetchval(
        "SELECT skipped FROM taxonomy_import WHERE id = $1", report.import_id
    )
    assert skipped._asdict() in logged

    write_digcomp(tmp_path / "digcomp", [("2.1", "2", SKILL_STAFF)])
    report = await run_import(empty, esco)
    assert [row["id"] for row in await stored(empty)] == ["2.1"]
    change = report.changes["digcomp_competence"]
    assert (change.inserted, change.updated, change.deleted) == (1, 0, 1)


async def test_adding_a_digcomp_file_makes_the_skipped_import_run_again(
    empty_database: str, tmp_path: Path
) -> None:
    settings = Settings(database_url=empty_database)
    esco = write_tiny_esco(tmp_path / "esco")
    assert await bootstrap.import_taxonomy(settings, esco) is not None
    assert await bootstrap.import_taxonomy(settings, esco) is None  # unchanged: skipped
    write_digcomp(tmp_path / "digcomp", [("4.2", "4", SKILL_STAFF)])
    report = await bootstrap.import_taxonomy(settings, esco)
    assert report is not None and report.counts["digcomp_competence"] == 1


@pytest.mark.esco
async def test_full_esco_holds_the_21_competences_of_the_reference_file(
    conn: asyncpg.Connection, esco_dir: Path | None
) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    reference = esco_dir.parent / "digcomp" / digcomp.COMPETENCES_FILE
    if not reference.is_file():
        pytest.skip(f"no DigComp file beside {esco_dir}")
    with reference.open(newline="", encoding="utf-8") as handle:
        expected = [(row["competence_id"], row["esco_uri"]) for row in csv.DictReader(handle)]
    assert [(row["id"], row["skill_uri"]) for row in await stored(conn)] == expected
    assert all(row["name_nl"] for row in await stored(conn))


async def test_competences_lists_all_21_in_order_with_names(conn: asyncpg.Connection) -> None:
    found = await digcomp.competences(conn)
    assert [c.id for c in found] == IDS
    assert found[13].name == digcomp.Names("Protecting devices", "Apparaten beschermen")
    assert found[13].area == digcomp.AREAS[4]


async def person(conn: asyncpg.Connection, levels: dict[str, int]) -> uuid.UUID:
    """A new employee with these skills (URI -> level 1-4)."""
    org = await accounts.insert_organisation(conn, "wise", {"name": f"WISE {uuid.uuid4().hex[:6]}"})
    employee_id = await employees.insert(conn, org["id"], {"name": "Sam", "ladder_rung": 4})
    skills = [SkillIn(skill_uri=uri, level=level) for uri, level in levels.items()]
    await employees.replace_skills(conn, employee_id, skills)
    return employee_id


async def test_a_profile_shows_levels_per_area_beside_what_is_asked(
    conn: asyncpg.Connection,
) -> None:
    skill = {c.id: c.skill_uri for c in await digcomp.competences(conn)}
    # Skills outside DigComp and unlinked to it count neither way.
    other = await conn.fetchval("""
        SELECT s.uri FROM skill s
        WHERE NOT EXISTS (SELECT FROM digcomp_competence c WHERE c.skill_uri = s.uri)
          AND NOT EXISTS (
              SELECT FROM skill_relation r JOIN digcomp_competence c
                  ON c.skill_uri IN (r.skill_uri, r.related_skill_uri)
              WHERE s.uri IN (r.skill_uri, r.related_skill_uri))
        ORDER BY s.uri LIMIT 1
    """)
    employee_id = await person(conn, {skill["1.1"]: 2, skill["4.1"]: 4, skill["4.3"]: 1, other: 3})
    # ESCO and the starter link neither 4.3's nor 5.1's skill to another skill.
    found = await digcomp.profile(conn, employee_id, [skill["4.3"], skill["5.1"], other])

    assert found.employee_id == employee_id
    assert [area.name.nl for area in found.areas] == [n.nl for n in digcomp.AREAS.values()]
    assert [area.level for area in found.areas] == [3, 0, 0, 5, 0]
    have = {area.area_id: [(c.competence.id, c.level) for c in area.have] for area in found.areas}
    assert have == {1: [("1.1", 3)], 2: [], 3: [], 4: [("4.1", 5), ("4.3", 2)], 5: []}
    asked = {area.area_id: [c.competence.id for c in area.asked] for area in found.areas}
    assert asked == {1: [], 2: [], 3: [], 4: ["4.3"], 5: ["5.1"]}
    missing = {area.area_id: [c.competence.id for c in area.missing] for area in found.areas}
    assert missing == {1: [], 2: [], 3: [], 4: [], 5: ["5.1"]}
    safety = found.areas[3]
    assert [c.skill_level for c in safety.competences] == [4, None, 1, None]
    assert safety.competences[2].asked_by == (skill["4.3"],)


async def test_a_related_skill_asks_for_the_competence_either_way(
    conn: asyncpg.Connection,
) -> None:
    pairs = await conn.fetch("""
        SELECT DISTINCT ON (way) way, c.id, r.uri
        FROM digcomp_competence c
        JOIN LATERAL (
            SELECT 'related' AS way, related_skill_uri AS uri
            FROM skill_relation WHERE skill_uri = c.skill_uri
            UNION ALL
            SELECT 'original', skill_uri FROM skill_relation WHERE related_skill_uri = c.skill_uri
        ) AS r ON true
        ORDER BY way, c.id, r.uri
    """)
    assert {pair["way"] for pair in pairs} == {"related", "original"}
    employee_id = await person(conn, {})
    for pair in pairs:
        found = await digcomp.profile(conn, employee_id, [pair["uri"]])
        [status] = [
            c for area in found.areas for c in area.competences if c.competence.id == pair["id"]
        ]
        assert status.asked_by == (pair["uri"],), pair
        assert status in found.areas[int(pair["id"][0]) - 1].missing


async def test_someone_without_skills_has_every_area_at_level_zero(
    conn: asyncpg.Connection,
) -> None:
    found = await digcomp.profile(conn, uuid.uuid4())
    assert [area.level for area in found.areas] == [0, 0, 0, 0, 0]
    assert [len(area.competences) for area in found.areas] == [3, 6, 4, 4, 4]
    assert not any(area.have or area.asked for area in found.areas)


async def test_without_digcomp_the_five_areas_are_still_there(empty: asyncpg.Connection) -> None:
    found = await digcomp.profile(empty, uuid.uuid4(), ["urn:opstap:skill:anything"])
    assert [(area.area_id, area.name) for area in found.areas] == list(digcomp.AREAS.items())
    assert all(area.competences == () and area.level == 0 for area in found.areas)
