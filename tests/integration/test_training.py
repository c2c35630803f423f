"""Training: the module catalogue (CRUD, validation, admin-only writes, CSV import, the starter
catalogue) and recording a completed module, which certifies skills and emits an event."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from services.core.access.policy import Actor, Role
from services.core.accounts import repository as accounts
from services.core.employees import repository as employees
from services.core.errors import Conflict
from services.core.settings import STARTER_TAXONOMY_DIR
from services.core.training import service
from services.core.training.catalogue import CATALOGUE, seed_catalogue
from services.core.training.models import DIGCOMP_COMPETENCES, ModuleFilter, TrainingRecordIn
from tests import factories
from tests.factories import User

API = "/api/v1/training/modules"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
STARTER_SKILL = "urn:opstap:skill:"


@dataclass
class World:
    """A WISE with an admin and two coaches, another WISE's coach, an employer, and skills."""

    users: dict[str, User]
    skills: list[str]


@pytest.fixture(scope="module")
async def world(app: object, pool: asyncpg.Pool) -> AsyncIterator[World]:
    """Built once per module: signing in is slow (argon2), modules and people are cheap."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        wise, other, employer = (
            await factories.organisation(pool),
            await factories.organisation(pool),
            await factories.organisation(pool, "employer"),
        )
        roles = {
            "admin": (wise, "admin"),
            "coach": (wise, "jobcoach"),
            "colleague": (wise, "jobcoach"),
            "person": (wise, "employee"),
            "coach_b": (other, "jobcoach"),
            "admin_b": (other, "admin"),
            "employer": (employer, "employer"),
        }
        users = {k: await factories.user(pool, http, org, role) for k, (org, role) in roles.items()}
        skills = [r["uri"] for r in await pool.fetch("SELECT uri FROM skill ORDER BY uri LIMIT 6")]
        yield World(users, skills)


def _body(world: World, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": f"test-{uuid.uuid4().hex[:10]}",
        "title_nl": "Heftruck rijden",
        "title_en": "Driving a forklift",
        "provider_kind": "course",
        "level": 2,
        "hours": 24,
        "description_nl": "Je rijdt veilig met de heftruck.",
        "description_en": "Drive a forklift safely.",
        "skills": [world.skills[1], world.skills[0]],
        "competences": [{"competence_id": "5.1", "level": 2}, {"competence_id": "2.1", "level": 1}],
    }
    return body | changes


async def _module(client: httpx.AsyncClient, world: World, **changes: Any) -> dict[str, Any]:
    created = await client.post(
        API, json=_body(world, **changes), headers=world.users["admin"].headers
    )
    assert created.status_code == 201, created.text
    module: dict[str, Any] = created.json()
    return module


async def _counts(pool: asyncpg.Pool) -> tuple[int, ...]:
    """Rows of every training table, and training events."""
    row = await pool.fetchrow(
        """
        SELECT (SELECT count(*) FROM training_module), (SELECT count(*) FROM training_module_skill),
               (SELECT count(*) FROM training_module_competence),
               (SELECT count(*) FROM training_record),
               (SELECT count(*) FROM outbox_event WHERE event_type = 'training.completed')
        """
    )
    return tuple(row)


async def test_admin_adds_a_module_that_everyone_signed_in_reads(
    client: httpx.AsyncClient, world: World
) -> None:
    body = _body(world)
    module = await _module(client, world, **body)
    assert {k: module[k] for k in body if k not in ("skills", "competences")} == {
        k: v for k, v in body.items() if k not in ("skills", "competences")
    }
    assert module["skills"] == sorted(body["skills"])
    assert module["competences"] == [
        {"competence_id": "2.1", "level": 1},
        {"competence_id": "5.1", "level": 2},
    ]
    assert module["active"] is True
    for reader in ("coach", "person", "employer", "coach_b"):
        read = await client.get(f"{API}/{module['id']}", headers=world.users[reader].headers)
        assert read.status_code == 200 and read.json() == module, reader
    assert (await client.get(f"{API}/{module['id']}")).status_code == 401
    missing = await client.get(f"{API}/{uuid.uuid4()}", headers=world.users["coach"].headers)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


async def test_only_admins_change_the_catalogue(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    module = await _module(client, world)
    before = await _counts(pool)
    for role in ("coach", "person", "employer"):
        headers = world.users[role].headers
        attempts = [
            await client.post(API, json=_body(world), headers=headers),
            await client.patch(f"{API}/{module['id']}", json={"hours": 1}, headers=headers),
            await client.post(f"{API}/{module['id']}/deactivate", headers=headers),
            await client.post(
                f"{API}/import",
                files={"file": ("t.csv", b"code,title_nl,title_en,provider_kind,level,hours\n")},
                headers=headers,
            ),
        ]
        assert [r.status_code for r in attempts] == [403] * 4, role
        assert attempts[0].json()["error"] == "forbidden"
    assert await _counts(pool) == before
    read = await client.get(f"{API}/{module['id']}", headers=world.users["admin"].headers)
    assert read.json() == module  # nothing changed


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"skills": ["urn:opstap:skill:no-such-skill"]}, "skills"),
        ({"skills": [], "competences": []}, "skills"),
        ({"competences": [{"competence_id": "6.1", "level": 2}]}, "competences.0.competence_id"),
        ({"competences": [{"competence_id": "1.1", "level": 9}]}, "competences.0.level"),
        ({"code": "Bad Code"}, "code"),
        ({"provider_kind": "school"}, "provider_kind"),
        ({"level": 5}, "level"),
        ({"hours": 0}, "hours"),
        ({"title_nl": "  "}, "title_nl"),
        ({"unknown": 1}, "unknown"),
    ],
)
async def test_an_invalid_module_is_refused_naming_the_field_and_nothing_is_written(
    client: httpx.AsyncClient,
    pool: asyncpg.Pool,
    world: World,
    changes: dict[str, Any],
    field: str,
) -> None:
    before = await _counts(pool)
    answer = await client.post(
        API, json=_body(world, **changes), headers=world.users["admin"].headers
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "invalid"
    assert field in answer.json()["fields"], answer.json()
    assert await _counts(pool) == before


async def test_unknown_skills_are_named_and_a_skill_counts_once(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = world.users["admin"].headers
    unknown = "urn:opstap:skill:no-such-skill"
    answer = await client.post(
        API, json=_body(world, skills=[world.skills[0], unknown]), headers=headers
    )
    assert answer.status_code == 422
    assert unknown in answer.json()["fields"]["skills"]
    assert world.skills[0] not in answer.json()["fields"]["skills"]
    twice = _body(world, skills=[world.skills[0], world.skills[0]])
    assert (await client.post(API, json=twice, headers=headers)).json()["fields"]["skills"]
    only_competences = await client.post(API, json=_body(world, skills=[]), headers=headers)
    assert only_competences.status_code == 201 and only_competences.json()["skills"] == []


async def test_a_code_is_taken_once(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    module = await _module(client, world)
    before = await _counts(pool)
    again = await client.post(
        API, json=_body(world, code=module["code"]), headers=world.users["admin"].headers
    )
    assert again.status_code == 409 and again.json()["fields"] == {"code": "taken"}
    assert await _counts(pool) == before


async def test_patch_changes_the_given_fields_checked_as_a_whole(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = world.users["admin"].headers
    module, other = await _module(client, world), await _module(client, world)
    url = f"{API}/{module['id']}"
    changed = await client.patch(
        url, json={"title_en": "Forklift", "skills": [world.skills[2]]}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    after = changed.json()
    assert after["title_en"] == "Forklift" and after["skills"] == [world.skills[2]]
    assert after["title_nl"] == module["title_nl"] and after["competences"] == module["competences"]
    assert after["updated_at"] > module["updated_at"]
    refused = [
        (await client.patch(url, json={"skills": ["urn:x:none"]}, headers=headers), "skills"),
        (
            await client.patch(url, json={"skills": [], "competences": []}, headers=headers),
            "skills",
        ),
        (await client.patch(url, json={"title_nl": None}, headers=headers), "title_nl"),
        (await client.patch(url, json={"level": 0}, headers=headers), "level"),
    ]
    for answer, field in refused:
        assert answer.status_code == 422 and field in answer.json()["fields"], answer.text
    taken = await client.patch(url, json={"code": other["code"]}, headers=headers)
    assert taken.status_code == 409 and taken.json()["fields"] == {"code": "taken"}
    assert (await client.get(url, headers=headers)).json() == after
    same = await client.patch(url, json={"hours": after["hours"]}, headers=headers)
    assert same.status_code == 200 and same.json() == after  # no change, not even updated_at


async def test_a_deactivated_module_leaves_the_list_and_can_come_back(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = world.users["admin"].headers
    marker = uuid.uuid4().hex[:8]
    module = await _module(client, world, title_nl=f"Module {marker}")
    url, listing = f"{API}/{module['id']}", {"q": marker}

    async def listed(**params: Any) -> list[str]:
        answer = await client.get(API, params=listing | params, headers=headers)
        return [m["id"] for m in answer.json()["items"]]

    assert await listed() == [module["id"]]
    off = await client.post(f"{url}/deactivate", headers=headers)
    assert off.status_code == 200 and off.json()["active"] is False
    assert await listed() == []
    assert await listed(include_inactive="true") == [module["id"]]
    assert (await client.get(url, headers=world.users["coach"].headers)).json()["active"] is False
    twice = await client.post(f"{url}/deactivate", headers=headers)
    assert twice.status_code == 422 and twice.json()["fields"] == {"active": "inactive"}
    on = await client.post(f"{url}/reactivate", headers=headers)
    assert on.status_code == 200 and on.json()["active"] is True
    assert await listed() == [module["id"]]


async def test_the_list_filters_on_skill_competence_kind_and_title_and_pages(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = world.users["coach"].headers
    marker = uuid.uuid4().hex[:8]
    a = await _module(
        client, world, title_nl=f"A {marker}", hours=8, provider_kind="digital_skills",
        skills=[world.skills[3]], competences=[{"competence_id": "4.2", "level": 2}],
    )  # fmt: skip
    b = await _module(
        client, world, title_en=f"B {marker}", hours=80, provider_kind="practice_certificate",
        skills=[world.skills[4]], competences=[],
    )  # fmt: skip
    c = await _module(
        client, world, title_nl=f"C {marker}", hours=40, provider_kind="on_the_job",
        skills=[world.skills[3], world.skills[4]], competences=[],
    )  # fmt: skip

    async def ids(**params: Any) -> list[str]:
        answer = await client.get(API, params={"q": marker} | params, headers=headers)
        assert answer.status_code == 200, answer.text
        return [m["id"] for m in answer.json()["items"]]

    assert sorted(await ids()) == sorted([a["id"], b["id"], c["id"]])  # either title matches
    assert await ids(skill_uri=world.skills[3], sort="hours") == [a["id"], c["id"]]
    assert await ids(competence_id="4.2") == [a["id"]]
    assert await ids(provider_kind="practice_certificate") == [b["id"]]
    assert await ids(sort="-hours") == [b["id"], c["id"], a["id"]]
    page = await client.get(
        API, params={"q": marker, "sort": "hours", "limit": 2, "offset": 2}, headers=headers
    )
    assert page.json()["total"] == 3 and [m["id"] for m in page.json()["items"]] == [b["id"]]
    bad = await client.get(API, params={"competence_id": "9"}, headers=headers)
    assert bad.status_code == 422 and "competence_id" in bad.json()["fields"]


async def test_a_skill_filter_also_finds_modules_through_their_digcomp_competences(
    conn: asyncpg.Connection,
) -> None:
    skill = await conn.fetchval("SELECT uri FROM skill ORDER BY uri DESC LIMIT 1")
    await conn.execute(
        "INSERT INTO digcomp_competence VALUES ('3.4', 3, 'a', 'a', 'n', 'n', $1) "
        "ON CONFLICT (id) DO UPDATE SET skill_uri = excluded.skill_uri",
        skill,
    )
    module_id = await conn.fetchval(
        "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
        "VALUES ('test-programming', 'P', 'P', 'course', 1, 4) RETURNING id"
    )
    await conn.execute("INSERT INTO training_module_competence VALUES ($1, '3.4', 2)", module_id)
    page = await service.list_modules(conn, ModuleFilter(skill_uri=skill, limit=100))
    assert module_id in [m.id for m in page.items]
    await conn.execute("DELETE FROM digcomp_competence WHERE id = '3.4'")
    page = await service.list_modules(conn, ModuleFilter(skill_uri=skill, limit=100))
    assert module_id not in [m.id for m in page.items]


def _csv(rows: list[dict[str, str]], header: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def _upload(client: httpx.AsyncClient, user: User, data: bytes) -> httpx.Response:
    return await client.post(
        f"{API}/import", files={"file": ("modules.csv", data, "text/csv")}, headers=user.headers
    )


async def test_csv_import_upserts_by_code_and_reports_bad_rows(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    admin = world.users["admin"]
    existing = await _module(client, world, description_nl="Blijft staan.")
    new_code, bad_code = f"test-{uuid.uuid4().hex[:8]}", f"test-{uuid.uuid4().hex[:8]}"
    good = {
        "code": new_code, "title_nl": "Nieuw", "title_en": "New", "provider_kind": "on_the_job",
        "level": "1", "hours": "40", "skills": f"{world.skills[0]}|{world.skills[1]}",
        "competences": "1.1:2|4.2:3",
    }  # fmt: skip
    rows = [
        good,  # line 2
        good | {"code": existing["code"], "title_en": "Renamed", "competences": ""},  # 3
        good | {"code": bad_code, "skills": "urn:opstap:skill:nope"},  # 4
        good | {"code": bad_code, "competences": "7.1:2"},  # 5
        good | {"code": bad_code, "competences": "1.1"},  # 6
        good | {"code": bad_code, "level": "9"},  # 7
        good | {"code": bad_code, "title_nl": ""},  # 8
        good | {"title_en": "Twice"},  # 9: the code of line 2 again
    ]
    header = list(good)
    answer = await _upload(client, admin, _csv(rows, header))
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert (result["imported"], result["created"], result["updated"]) == (2, 1, 1)
    assert [(e["line"], e["field"]) for e in result["errors"]] == [
        (4, "skills"),
        (5, "competences"),
        (6, "competences"),
        (7, "level"),
        (8, "title_nl"),
        (9, "code"),
    ]
    assert "urn:opstap:skill:nope" in result["errors"][0]["detail"]
    assert result["errors"][1]["detail"].startswith("7.1:")
    assert result["ids"][1] == existing["id"]
    created = (await client.get(f"{API}/{result['ids'][0]}", headers=admin.headers)).json()
    assert created["code"] == new_code and created["title_en"] == "New"
    assert created["skills"] == sorted(world.skills[:2])
    assert created["competences"] == [
        {"competence_id": "1.1", "level": 2},
        {"competence_id": "4.2", "level": 3},
    ]
    updated = (await client.get(f"{API}/{existing['id']}", headers=admin.headers)).json()
    assert updated["title_en"] == "Renamed" and updated["competences"] == []
    assert updated["description_nl"] == "Blijft staan."  # no description column: kept
    assert (
        await pool.fetchval("SELECT count(*) FROM training_module WHERE code = $1", bad_code) == 0
    )
    again = (await _upload(client, admin, _csv(rows, header))).json()
    assert (again["imported"], again["created"], again["updated"]) == (2, 0, 0)
    unchanged = (await client.get(f"{API}/{existing['id']}", headers=admin.headers)).json()
    assert unchanged == updated


async def test_a_file_that_is_no_module_csv_imports_nothing(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    before = await _counts(pool)
    for data in (b"code,title\nx,y\n", b"\xff\xfe not text", b"code,title_nl,title_en,"
                 b"provider_kind,level,hours,colour\n"):  # fmt: skip
        answer = await _upload(client, world.users["admin"], data)
        assert answer.status_code == 422 and "file" in answer.json()["fields"], answer.text
    assert await _counts(pool) == before


def _catalogue() -> list[dict[str, str]]:
    with CATALOGUE.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _skill_uris(folder: Path) -> set[str]:
    with (folder / "skills_en.csv").open(newline="", encoding="utf-8") as f:
        return {row["conceptUri"] for row in csv.DictReader(f)}


def test_the_catalogue_teaches_skills_of_both_taxonomies() -> None:
    rows = _catalogue()
    assert 30 <= len(rows) <= 45
    starter = _skill_uris(STARTER_TAXONOMY_DIR)
    for row in rows:
        uris = row["skills"].split("|")
        own = [u for u in uris if u.startswith(STARTER_SKILL)]
        assert own and set(own) <= starter, (row["code"], set(own) - starter)
        assert any(u.startswith(ESCO_SKILL) for u in uris), row["code"]
        assert set(uris) == {u for u in uris if u.startswith((STARTER_SKILL, ESCO_SKILL))}
        assert row["title_nl"] and row["title_en"] and row["title_nl"] != row["title_en"]
    assert {r["provider_kind"] for r in rows} == {
        "practice_certificate",
        "digital_skills",
        "on_the_job",
        "course",
    }


@pytest.mark.esco
def test_the_catalogue_esco_skills_exist_in_esco(esco_dir: Path | None) -> None:
    if esco_dir is None:
        pytest.skip("set OPSTAP_ESCO_DIR to the ESCO folder")
    esco = _skill_uris(esco_dir)
    missing = [
        (row["code"], uri)
        for row in _catalogue()
        for uri in row["skills"].split("|")
        if uri.startswith(ESCO_SKILL) and uri not in esco
    ]
    assert missing == []


async def _snapshot(conn: asyncpg.Connection, codes: list[str]) -> list[tuple[Any, ...]]:
    rows = await conn.fetch(
        """
        SELECT m.code, m.title_nl, m.level, m.hours, m.active, m.updated_at,
               (SELECT array_agg(s.skill_uri ORDER BY s.skill_uri)
                FROM training_module_skill s WHERE s.module_id = m.id) AS skills,
               (SELECT array_agg(c.competence_id || ':' || c.level ORDER BY c.competence_id)
                FROM training_module_competence c WHERE c.module_id = m.id) AS competences
        FROM training_module m WHERE m.code = ANY($1::text[]) ORDER BY m.code
        """,
        codes,
    )
    return [tuple(r) for r in rows]


async def test_the_starter_catalogue_covers_digcomp_and_seeding_twice_changes_nothing(
    conn: asyncpg.Connection,
) -> None:
    codes = [row["code"] for row in _catalogue()]
    # A clean slate inside this rolled-back transaction, whatever seeded the session database.
    await conn.execute(
        "DELETE FROM training_record WHERE module_id IN "
        "(SELECT id FROM training_module WHERE code = ANY($1::text[]))",
        codes,
    )
    await conn.execute("DELETE FROM training_module WHERE code = ANY($1::text[])", codes)
    assert await seed_catalogue(conn) == len(codes)
    competences = await conn.fetch(
        "SELECT c.competence_id, c.level FROM training_module_competence c "
        "JOIN training_module m ON m.id = c.module_id WHERE m.code = ANY($1::text[])",
        codes,
    )
    assert {r["competence_id"] for r in competences} == set(DIGCOMP_COMPETENCES)
    levels = [r["level"] for r in competences]
    assert all(1 <= lv <= 8 for lv in levels) and sum(lv <= 4 for lv in levels) >= 0.9 * len(levels)
    teaching = await conn.fetchval(
        "SELECT count(DISTINCT m.id) FROM training_module m "
        "JOIN training_module_skill s ON s.module_id = m.id JOIN skill k ON k.uri = s.skill_uri "
        "WHERE m.code = ANY($1::text[])",
        codes,
    )
    assert teaching == len(codes)  # every module teaches skills of the loaded taxonomy
    stray = await conn.fetchval(
        "SELECT count(*) FROM training_module_skill s JOIN training_module m ON m.id = s.module_id "
        "WHERE m.code = ANY($1::text[])"
        " AND NOT EXISTS (SELECT 1 FROM skill k WHERE k.uri = s.skill_uri)",
        codes,
    )
    assert stray == 0  # the other taxonomy's URIs were left out
    # now() stands still in a transaction: date the rows back, so a rewrite would show.
    await conn.execute(
        "UPDATE training_module SET updated_at = '2020-01-01' WHERE code = ANY($1::text[])", codes
    )
    before = await _snapshot(conn, codes)
    assert await seed_catalogue(conn) == 0
    assert await _snapshot(conn, codes) == before
    await conn.execute(
        "UPDATE training_module SET active = false, title_nl = 'Weg' WHERE code = $1", codes[0]
    )
    assert await seed_catalogue(conn) == 1
    row = await conn.fetchrow(
        "SELECT title_nl, active FROM training_module WHERE code = $1", codes[0]
    )
    assert row["title_nl"] == _catalogue()[0]["title_nl"] and row["active"] is False


async def _person(
    client: httpx.AsyncClient, coach: User, skills: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    return await factories.employee(
        client, coach, name="Sam de Vries", skills=skills or [], **extra
    )


def _records(person: dict[str, Any]) -> str:
    return f"/api/v1/employees/{person['id']}/training-records"


async def test_a_completion_certifies_the_skills_and_emits_training_completed(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    s = world.skills
    coach = world.users["coach"]
    person = await _person(
        client,
        coach,
        [
            {"skill_uri": s[0], "level": 1, "source": "self"},
            {"skill_uri": s[1], "level": 4, "source": "observed", "assessed_on": "2024-05-01"},
            {"skill_uri": s[5], "level": 3, "source": "self"},
        ],
    )
    module = await _module(client, world, level=2, skills=[s[0], s[1], s[2]], competences=[])
    done_on = (date.today() - timedelta(days=3)).isoformat()
    answer = await client.post(
        _records(person), json={"module_id": module["id"], "completed_on": done_on},
        headers=coach.headers,
    )  # fmt: skip
    assert answer.status_code == 201, answer.text
    record = answer.json()
    assert record["certified_skills"] == sorted([s[0], s[1], s[2]])
    assert (record["module_id"], record["title_nl"], record["completed_on"]) == (
        module["id"], module["title_nl"], done_on,
    )  # fmt: skip
    assert record["recorded_by"] == str(coach.account_id)
    profile = await client.get(f"/api/v1/employees/{person['id']}", headers=coach.headers)
    skills = {x["skill_uri"]: x for x in profile.json()["skills"]}
    assert skills[s[0]] == {
        "skill_uri": s[0], "level": 2, "source": "certified", "assessed_on": done_on
    }  # fmt: skip
    assert (skills[s[1]]["level"], skills[s[1]]["source"]) == (4, "certified")  # never lowered
    assert (skills[s[2]]["level"], skills[s[2]]["source"]) == (2, "certified")  # added
    assert (skills[s[5]]["level"], skills[s[5]]["source"]) == (3, "self")  # not taught: as it was
    events = await pool.fetch(
        "SELECT payload FROM outbox_event WHERE event_type = 'training.completed' "
        "AND aggregate_type = 'employee' AND aggregate_id = $1",
        person["id"],
    )
    assert [e["payload"]["module_id"] for e in events] == [module["id"]]
    listed = await client.get(_records(person), headers=world.users["admin"].headers)
    assert listed.status_code == 200
    assert listed.json() == [{k: v for k, v in record.items() if k != "certified_skills"}]


async def test_a_module_counts_once_and_a_bad_record_writes_nothing(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach"]
    person = await _person(client, coach, [{"skill_uri": world.skills[0], "level": 1}])
    module = await _module(client, world)
    inactive = await _module(client, world)
    off = await client.post(
        f"{API}/{inactive['id']}/deactivate", headers=world.users["admin"].headers
    )
    assert off.status_code == 200
    first = {"module_id": module["id"], "completed_on": date.today().isoformat()}
    assert (
        await client.post(_records(person), json=first, headers=coach.headers)
    ).status_code == 201
    profile_before = (
        await client.get(f"/api/v1/employees/{person['id']}", headers=coach.headers)
    ).json()
    before = await _counts(pool)
    # Two days on: tomorrow in Amsterdam may be today where the test runs.
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    refused = [
        (first, 409, "module_id"),
        (first | {"completed_on": "2020-01-01"}, 409, "module_id"),
        ({"module_id": str(uuid.uuid4()), "completed_on": "2020-01-01"}, 422, "module_id"),
        ({"module_id": inactive["id"], "completed_on": "2020-01-01"}, 422, "module_id"),
        ({"module_id": module["id"], "completed_on": tomorrow}, 422, "completed_on"),
        ({"module_id": module["id"]}, 422, "completed_on"),
    ]
    for body, status, field in refused:
        answer = await client.post(_records(person), json=body, headers=coach.headers)
        assert answer.status_code == status and field in answer.json()["fields"], answer.text
    assert (
        "once"
        in (await client.post(_records(person), json=first, headers=coach.headers)).json()["detail"]
    )
    assert await _counts(pool) == before
    profile = (await client.get(f"/api/v1/employees/{person['id']}", headers=coach.headers)).json()
    assert profile["skills"] == profile_before["skills"]


async def test_recording_follows_the_consent_rules(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    users = world.users
    person = await _person(client, users["coach"], account_id=str(users["person"].account_id))
    share = {
        "purpose": "share_with_employer",
        "employer_id": str(users["employer"].organisation_id),
    }
    shared = await client.post(
        f"/api/v1/employees/{person['id']}/consents", json=share, headers=users["coach"].headers
    )
    assert shared.status_code == 201
    modules = [await _module(client, world) for _ in range(3)]
    before = await _counts(pool)
    outcomes = {}
    for role in ("coach_b", "admin_b", "colleague", "employer"):
        body = {"module_id": modules[0]["id"], "completed_on": "2024-01-01"}
        post = await client.post(_records(person), json=body, headers=users[role].headers)
        get = await client.get(_records(person), headers=users[role].headers)
        outcomes[role] = (post.status_code, get.status_code)
    assert outcomes == {
        "coach_b": (404, 404),  # another WISE's coach: the person does not exist for them
        "admin_b": (404, 404),
        "colleague": (404, 404),  # same WISE, not their caseload
        "employer": (403, 403),  # sees the shared profile, not the training
    }
    assert await _counts(pool) == before
    for role, module in zip(("person", "coach", "admin"), modules, strict=True):
        body = {"module_id": module["id"], "completed_on": "2024-01-01"}
        post = await client.post(_records(person), json=body, headers=users[role].headers)
        assert post.status_code == 201, (role, post.text)
    listed = await client.get(_records(person), headers=users["person"].headers)
    assert sorted(r["module_id"] for r in listed.json()) == sorted(m["id"] for m in modules)


async def _actor_and_person(conn: asyncpg.Connection) -> tuple[Actor, Any]:
    org = (await accounts.insert_organisation(conn, "wise", {"name": "Training test WISE"}))["id"]
    account = await accounts.insert_account(
        conn, org, f"a-{uuid.uuid4().hex[:8]}@example.org", "Admin", "admin", "x"
    )
    employee_id = await employees.insert(conn, org, {"name": "Kim", "ladder_rung": 3})
    person = await employees.get(conn, employee_id)
    return Actor(account, org, "wise", Role.ADMIN, "Admin"), person


async def test_the_skills_of_taught_digcomp_competences_are_certified_too(
    conn: asyncpg.Connection,
) -> None:
    actor, person = await _actor_and_person(conn)
    mapped, direct = [
        r["uri"] for r in await conn.fetch("SELECT uri FROM skill ORDER BY uri DESC LIMIT 2")
    ]
    await conn.execute(
        "INSERT INTO digcomp_competence VALUES ('4.2', 4, 'a', 'a', 'n', 'n', $1) "
        "ON CONFLICT (id) DO UPDATE SET skill_uri = excluded.skill_uri",
        mapped,
    )
    # A competence whose skill the loaded taxonomy lacks is left out, not written.
    await conn.execute(
        "INSERT INTO digcomp_competence VALUES ('4.1', 4, 'a', 'a', 'n', 'n', 'urn:x:absent') "
        "ON CONFLICT (id) DO UPDATE SET skill_uri = excluded.skill_uri"
    )
    module_id = await conn.fetchval(
        "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
        "VALUES ('test-privacy', 'Privacy', 'Privacy', 'digital_skills', 3, 4) RETURNING id"
    )
    await conn.execute(
        "INSERT INTO training_module_competence VALUES ($1, '4.2', 3), ($1, '4.1', 2)", module_id
    )
    await conn.execute("INSERT INTO training_module_skill VALUES ($1, $2)", module_id, direct)
    body = TrainingRecordIn(module_id=module_id, completed_on=date(2025, 3, 1))
    done = await service.record_completion(conn, actor, person, body)
    assert done.certified_skills == sorted([mapped, direct])
    rows = await conn.fetch(
        "SELECT skill_uri, level, source FROM employee_skill WHERE employee_id = $1", person.id
    )
    assert {tuple(r) for r in rows} == {(mapped, 3, "certified"), (direct, 3, "certified")}
    with pytest.raises(Conflict):
        await service.record_completion(conn, actor, person, body)


async def test_an_empty_digcomp_table_certifies_nothing_and_fails_nothing(
    conn: asyncpg.Connection,
) -> None:
    actor, person = await _actor_and_person(conn)
    await conn.execute("DELETE FROM digcomp_competence")
    module_id = await conn.fetchval(
        "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
        "VALUES ('test-mail', 'Mail', 'Mail', 'digital_skills', 1, 4) RETURNING id"
    )
    await conn.execute("INSERT INTO training_module_competence VALUES ($1, '2.1', 2)", module_id)
    body = TrainingRecordIn(module_id=module_id, completed_on=date(2025, 3, 1))
    done = await service.record_completion(conn, actor, person, body)
    assert done.certified_skills == []
    assert (
        await conn.fetchval(
            "SELECT count(*) FROM outbox_event WHERE event_type = 'training.completed' "
            "AND aggregate_id = $1",
            str(person.id),
        )
        == 1
    )
