"""Practice-based learning with a ROC: qualifications imported from CSV, learning agreements
written by the person's coach and the WISE's admins, read by the person (never an employer),
and a result that certifies the skills of the work processes shown and raises a match."""

from __future__ import annotations

import csv
import uuid
from datetime import timedelta
from pathlib import Path

import asyncpg
import httpx
import pytest

from services.core.clock import today
from services.core.learning.catalogue import QUALIFICATIONS
from services.core.matching import service as matching
from tests import factories
from tests.factories import Scene, ok

HEADER = (
    "crebo,qualification_nl,qualification_en,mbo_level,work_process,work_process_nl,"
    "work_process_en,skill_uri,level\n"
)
STARTER = Path("services/core/taxonomy/starter")
ESCO_SKILL = "http://data.europa.eu/esco/skill/"


def _crebo() -> str:
    return f"9{uuid.uuid4().int % 10_000:04d}"


async def _import(client: httpx.AsyncClient, s: Scene, text: str) -> httpx.Response:
    files = {"file": ("q.csv", HEADER + text, "text/csv")}
    return await client.post("/api/v1/qualifications/import", headers=s.admin.headers, files=files)


async def _qualification(client: httpx.AsyncClient, s: Scene, skills: list[str]) -> dict:
    """A qualification with two work processes: W1 covers `skills` at level 3, W2 the first."""
    crebo = _crebo()
    rows = "".join(
        f"{crebo},Medewerker test,Test worker,2,B1-K1-W1,Doet het werk,Does the work,{u},3\n"
        for u in skills
    )
    rows += f"{crebo},Medewerker test,Test worker,2,B1-K1-W2,Ruimt op,Tidies up,{skills[0]},1\n"
    result = await ok(await _import(client, s, rows))
    assert result["errors"] == [] and result["qualifications"] == 1, result
    found: dict = await ok(
        await client.get(f"/api/v1/qualifications/{crebo}", headers=s.person.headers)
    )
    return found


def _url(s: Scene, *rest: str) -> str:
    return "/".join([f"/api/v1/employees/{s.employee_id}/learning-agreements", *rest])


def _agreement_body(crebo: str, **more: str) -> dict:
    start = (today() - timedelta(days=200)).isoformat()
    end = (today() + timedelta(days=100)).isoformat()
    return {
        "crebo": crebo,
        "college": "ROC van Amsterdam",
        "company": "Werkbedrijf Test",
        "trainer_name": "Jan de Vries",
        "starts_on": start,
        "ends_on": end,
    } | more


async def _agreement(client: httpx.AsyncClient, s: Scene, crebo: str) -> dict:
    made = await client.post(_url(s), headers=s.coach.headers, json=_agreement_body(crebo))
    assert made.status_code == 201, made.text
    found: dict = made.json()
    return found


async def _progress(
    client: httpx.AsyncClient, s: Scene, agreement: dict, process: dict, status: str
) -> dict:
    url = _url(s, agreement["id"], "progress", process["id"])
    body = {"status": status, "assessed_on": today().isoformat(), "note": "Goed gedaan"}
    found: dict = await ok(await client.put(url, headers=s.coach.headers, json=body))
    return found


async def _other_skill(pool: asyncpg.Pool, s: Scene) -> str:
    uri: str = await pool.fetchval(
        "SELECT uri FROM skill WHERE uri <> ALL($1::text[]) ORDER BY uri LIMIT 1", s.skills
    )
    return uri


async def test_the_result_certifies_the_shown_work_processes_and_the_match_rises(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    new_skill = await _other_skill(pool, s)
    vacancy = await factories.publish(
        client, s, "Leerwerkplek", skills=factories.essential([*s.skills, new_skill])
    )
    qualification = await _qualification(client, s, [new_skill])
    w1, w2 = qualification["work_processes"]
    agreement = await _agreement(client, s, qualification["crebo"])
    await _progress(client, s, agreement, w1, "shown")
    found = await _progress(client, s, agreement, w2, "started")
    assert [w["status"] for w in found["work_processes"]] == ["shown", "started"]

    async def score() -> float:
        async with pool.acquire() as conn, conn.transaction():
            await matching.rescore_employee(conn, s.employee_id)  # what the worker does
            value: float = await conn.fetchval(
                "SELECT score FROM match WHERE employee_id = $1 AND vacancy_id = $2",
                s.employee_id,
                vacancy,
            )
        return value

    before = await score()
    body = {"result": "praktijkverklaring", "result_on": today().isoformat()}
    result_url = _url(s, agreement["id"], "result")
    done = await ok(await client.post(result_url, headers=s.coach.headers, json=body))
    assert done["status"] == "completed" and done["result"] == "praktijkverklaring"
    assert done["certified_skills"] == [new_skill]
    row = await pool.fetchrow(
        "SELECT level, source FROM employee_skill WHERE employee_id = $1 AND skill_uri = $2",
        s.employee_id,
        new_skill,
    )
    assert (row["level"], row["source"]) == (3, "certified")
    event = await pool.fetchval(
        "SELECT payload FROM outbox_event WHERE event_type = 'employee.profile_updated' "
        "AND aggregate_id = $1 AND payload ? 'learning_agreement_id'",
        str(s.employee_id),
    )
    assert event["certified_skills"] == [new_skill] and event["fields"] == ["skills"]
    assert await score() > before
    again = await client.post(
        _url(s, agreement["id"], "result"), headers=s.coach.headers, json=body
    )
    assert again.status_code == 409, again.text
    stopping = {"status": "stopped"}
    stop = await client.patch(_url(s, agreement["id"]), headers=s.coach.headers, json=stopping)
    assert stop.status_code == 409


async def test_a_result_needs_a_work_process_shown_and_an_agreement_can_be_stopped(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    qualification = await _qualification(client, s, s.skills[:2])
    agreement = await _agreement(client, s, qualification["crebo"])
    url = _url(s, agreement["id"], "result")
    body = {"result": "mbo_certificaat", "result_on": today().isoformat()}
    refused = await client.post(url, headers=s.coach.headers, json=body)
    assert refused.status_code == 422 and "result" in refused.json()["fields"], refused.text
    twice = await client.post(
        _url(s), headers=s.coach.headers, json=_agreement_body(qualification["crebo"])
    )
    assert twice.status_code == 409 and "crebo" in twice.json()["fields"]
    stopped = await ok(
        await client.patch(
            _url(s, agreement["id"]), headers=s.admin.headers, json={"status": "stopped"}
        )
    )
    assert stopped["status"] == "stopped" and stopped["result"] is None
    process = qualification["work_processes"][0]["id"]
    late = await client.put(
        _url(s, agreement["id"], "progress", process),
        headers=s.coach.headers,
        json={"status": "shown", "assessed_on": today().isoformat()},
    )
    assert late.status_code == 409


@pytest.mark.parametrize(
    ("field", "body"),
    [
        ("crebo", {"crebo": "12"}),
        ("crebo", {"crebo": "00000"}),
        ("college", {"college": ""}),
        ("company", {"company": "x" * 201}),
        ("trainer_name", {"trainer_name": "  "}),
        ("starts_on", {"starts_on": "gisteren"}),
        ("ends_on", {"ends_on": "2000-01-01"}),
    ],
)
async def test_a_bad_agreement_field_is_422_naming_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient, field: str, body: dict
) -> None:
    s = await factories.scene(pool, client)
    sent = _agreement_body("99101") | body
    answer = await client.post(_url(s), headers=s.coach.headers, json=sent)
    assert answer.status_code == 422, answer.text
    fields = answer.json()["fields"]
    assert any(k == field or k.endswith("." + field) for k in fields), fields


async def test_bad_progress_and_result_days_are_422_naming_the_field(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    agreement = await _agreement(client, s, "99101")
    process = agreement["work_processes"][0]["work_process_id"]
    url = _url(s, agreement["id"], "progress", process)
    tomorrow = (today() + timedelta(days=1)).isoformat()
    for body, field in (
        ({"status": "done", "assessed_on": today().isoformat()}, "status"),
        ({"status": "shown", "assessed_on": tomorrow}, "assessed_on"),
        ({"status": "shown", "assessed_on": "2000-01-01"}, "assessed_on"),
        ({"status": "shown", "assessed_on": today().isoformat(), "note": "x" * 2001}, "note"),
    ):
        answer = await client.put(url, headers=s.coach.headers, json=body)
        assert answer.status_code == 422, answer.text
        assert any(k.endswith(field) for k in answer.json()["fields"]), answer.text
    unknown = _url(s, agreement["id"], "progress", str(uuid.uuid4()))
    body = {"status": "shown", "assessed_on": today().isoformat()}
    assert (await client.put(unknown, headers=s.coach.headers, json=body)).status_code == 404
    result = _url(s, agreement["id"], "result")
    for body, field in (
        ({"result": "diploma", "result_on": today().isoformat()}, "result"),
        ({"result": "praktijkverklaring", "result_on": tomorrow}, "result_on"),
    ):
        answer = await client.post(result, headers=s.coach.headers, json=body)
        assert answer.status_code == 422, answer.text
        assert any(k.endswith(field) for k in answer.json()["fields"]), answer.text


async def test_the_person_reads_their_own_agreements_and_an_employer_never_does(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    agreement = await _agreement(client, s, "99101")
    own = await ok(await client.get(_url(s), headers=s.person.headers))
    assert [a["id"] for a in own] == [agreement["id"]]
    assert own[0]["qualification_nl"] and own[0]["work_processes"]
    write = await client.post(_url(s), headers=s.person.headers, json=_agreement_body("99102"))
    assert write.status_code == 403
    await factories.consent(
        client, s.coach, s.employee_id, "share_with_employer", employer_id=s.employer_org
    )
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 403
    one = await client.get(_url(s, agreement["id"]), headers=s.employer.headers)
    assert one.status_code == 403
    await ok(await client.get(_url(s), headers=s.coach.headers))
    audited = await pool.fetch(
        "SELECT actor_role, fields FROM audit_log WHERE employee_id = $1 "
        "AND purpose = 'read_learning'",
        s.employee_id,
    )
    assert [(r["actor_role"], list(r["fields"])) for r in audited] == [("jobcoach", ["learning"])]


async def test_another_coach_of_the_wise_neither_sees_nor_writes(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    colleague = await factories.user(pool, client, s.admin.organisation_id, "jobcoach")
    answer = await client.post(_url(s), headers=colleague.headers, json=_agreement_body("99101"))
    assert answer.status_code == 404  # another caseload: the person is not there for them


async def test_the_import_reports_each_bad_line_and_keeps_the_good_ones(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    crebo, skill = _crebo(), s.skills[0]
    rows = (
        f"{crebo},Test,Test,2,B1-K1-W1,Werk,Work,{skill},2\n"
        f"{crebo},Test,Test,2,B1-K1-W1,Werk,Work,urn:unknown:skill,2\n"
        f"{crebo},Anders,Test,2,B1-K1-W2,Werk,Work,{skill},2\n"
        f"{crebo},Test,Test,2,b1-k1,Werk,Work,{skill},2\n"
        f"{crebo},Test,Test,9,B1-K1-W3,Werk,Work,{skill},2\n"
        f"123,Test,Test,2,B1-K1-W1,Werk,Work,{skill},2\n"
        f"{crebo},Test,Test,2,B1-K1-W1,Werk,Work,{skill},5\n"
    )
    result = await ok(await _import(client, s, rows))
    assert result["imported"] == 1 and result["qualifications"] == 1
    problems = {(e["line"], e["field"]) for e in result["errors"]}
    assert problems == {
        (3, "skill_uri"),
        (4, "qualification_nl"),
        (5, "work_process"),
        (6, "mbo_level"),
        (7, "crebo"),
        (8, "level"),
    }, result["errors"]
    found = await ok(
        await client.get(f"/api/v1/qualifications/{crebo}", headers=s.employer.headers)
    )
    assert [w["code"] for w in found["work_processes"]] == ["B1-K1-W1"]
    assert [k["skill_uri"] for k in found["work_processes"][0]["skills"]] == [skill]
    listed = await ok(
        await client.get(f"/api/v1/qualifications?q={crebo}", headers=s.person.headers)
    )
    assert [q["crebo"] for q in listed["items"]] == [crebo]
    assert (await _import(client, s, "")).json()["imported"] == 0
    bad = await client.post(
        "/api/v1/qualifications/import",
        headers=s.admin.headers,
        files={"file": ("q.csv", "crebo,title\n1,2\n", "text/csv")},
    )
    assert bad.status_code == 422 and "file" in bad.json()["fields"]
    coach = await client.post(
        "/api/v1/qualifications/import",
        headers=s.coach.headers,
        files={"file": ("q.csv", HEADER, "text/csv")},
    )
    assert coach.status_code == 403
    none = await client.get("/api/v1/qualifications/99999", headers=s.person.headers)
    assert none.status_code == 404


async def test_export_holds_the_agreements_and_erasure_removes_them(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    agreement = await _agreement(client, s, "99101")
    process = agreement["work_processes"][0]
    await _progress(client, s, agreement, {"id": process["work_process_id"]}, "started")
    data = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/export", headers=s.person.headers)
    )
    [exported] = data["learning_agreements"]
    assert exported["id"] == agreement["id"] and exported["college"] == "ROC van Amsterdam"
    assert [p["work_process_code"] for p in exported["progress"]] == [process["code"]]
    gone = await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers)
    assert gone.status_code == 204
    for table, column in (("learning_agreement", "id"), ("learning_progress", "agreement_id")):
        left = await pool.fetchval(
            f"SELECT count(*) FROM {table} WHERE {column} = $1", uuid.UUID(agreement["id"])
        )
        assert left == 0


def _skill_uris(folder: Path) -> set[str]:
    csv.field_size_limit(2**31 - 1)
    with (folder / "skills_en.csv").open(newline="", encoding="utf-8") as f:
        return {row["conceptUri"] for row in csv.DictReader(f)}


def test_the_starter_qualifications_name_skills_of_both_taxonomies() -> None:
    lines = QUALIFICATIONS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "EXAMPLES, NOT SBB DATA" in "\n".join(lines[:6])
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    starter = _skill_uris(STARTER)
    by_process: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        by_process.setdefault((row["crebo"], row["work_process"]), []).append(row["skill_uri"])
    assert len({r["crebo"] for r in rows}) == 4 and len(by_process) == 16
    for key, uris in by_process.items():
        own = [u for u in uris if not u.startswith(ESCO_SKILL)]
        assert own and set(own) <= starter, (key, set(own) - starter)
        assert any(u.startswith(ESCO_SKILL) for u in uris), key


@pytest.mark.esco
def test_the_starter_qualifications_esco_uris_are_esco_skills(esco_dir: Path | None) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    known = _skill_uris(esco_dir)
    lines = QUALIFICATIONS.read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    missing = {r["skill_uri"] for r in rows if r["skill_uri"].startswith(ESCO_SKILL)} - known
    assert not missing


async def test_the_seed_wrote_the_starter_qualifications(pool: asyncpg.Pool) -> None:
    found = await pool.fetch(
        "SELECT q.crebo, count(DISTINCT w.id) AS processes, count(s.skill_uri) AS skills "
        "FROM qualification q JOIN work_process w ON w.crebo = q.crebo "
        "JOIN work_process_skill s ON s.work_process_id = w.id "
        "WHERE q.crebo IN ('99101', '99102', '99103', '99104') GROUP BY q.crebo"
    )
    assert len(found) == 4 and all(r["processes"] == 4 for r in found)
    unknown = await pool.fetchval(
        "SELECT count(*) FROM work_process_skill s WHERE NOT EXISTS "
        "(SELECT 1 FROM skill k WHERE k.uri = s.skill_uri)"
    )
    assert unknown == 0
