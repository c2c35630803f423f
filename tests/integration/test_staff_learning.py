"""Curricula for three audiences: a staff member's own DigComp self-assessment and learning plan
(per role; employees refused), a WISE's staff picture with small groups withheld, and modules for
jobcoaches and managers never offered to a person."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import i18n, security
from services.core.accounts import repository as accounts
from services.core.clock import today
from services.core.next_steps import repository as next_steps
from tests import factories
from tests.browser.http import page_client, sign_in, submit
from tests.factories import User

OWN, PLAN = "/api/v1/me/digcomp", "/api/v1/me/learning-plan"


@dataclass
class World:
    """WISE A (admin, coach, person with a login), WISE B's coach, an employer; modules by code."""

    users: dict[str, User]
    modules: dict[str, str]
    employee_id: str


@pytest.fixture(scope="module")
async def world(app: object, pool: asyncpg.Pool) -> AsyncIterator[World]:
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
            "person": (wise, "employee"),
            "coach_b": (other, "jobcoach"),
            "employer": (employer, "employer"),
        }
        users = {k: await factories.user(pool, http, org, r) for k, (org, r) in roles.items()}
        person = await factories.employee(
            http, users["coach"], name="Ada", account_id=str(users["person"].account_id)
        )
        rows = await pool.fetch("SELECT code, id FROM training_module")
        yield World(users, {r["code"]: str(r["id"]) for r in rows}, person["id"])


async def _clean(pool: asyncpg.Pool, world: World) -> None:
    ids = [u.account_id for u in world.users.values()]
    await pool.execute("DELETE FROM staff_digcomp WHERE account_id = ANY($1::uuid[])", ids)
    await pool.execute("DELETE FROM staff_learning_plan WHERE account_id = ANY($1::uuid[])", ids)


async def test_staff_keep_their_own_digcomp_and_an_employee_is_refused(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    await _clean(pool, world)
    coach = world.users["coach"].headers
    empty = (await client.get(OWN, headers=coach)).json()
    assert empty["assessed"] == 0 and len(empty["competences"]) == 21
    assert all(c["level"] is None for c in empty["competences"])
    assert empty["competences"][3]["name_nl"] == "Communiceren met digitale middelen"
    body = {"levels": [{"competence_id": "2.1", "level": 4}, {"competence_id": "4.2", "level": 0}]}
    stored = await factories.ok(await client.put(OWN, headers=coach, json=body))
    levels = {c["competence_id"]: c["level"] for c in stored["competences"]}
    assert stored["assessed"] == 2 and levels["2.1"] == 4 and levels["4.2"] == 0
    assert levels["1.1"] is None
    assert {c["assessed_on"] for c in stored["competences"] if c["level"] is not None} == {
        today().isoformat()
    }
    # A second PUT is the whole assessment: 4.2 left out is no longer assessed.
    body = {"levels": [{"competence_id": "2.1", "level": 5}], "assessed_on": "2026-01-05"}
    again = await factories.ok(await client.put(OWN, headers=coach, json=body))
    assert again["assessed"] == 1 and again["competences"][3]["level"] == 5
    for role in ("admin", "employer"):
        assert (await client.get(OWN, headers=world.users[role].headers)).status_code == 200
    # Another account's levels are not the employer's or admin's to see.
    other = (await client.get(OWN, headers=world.users["admin"].headers)).json()
    assert other["assessed"] == 0
    person = world.users["person"].headers
    module = {"module_id": world.modules["dig-computer-start"]}
    for method, path, body in (
        ("GET", OWN, None),
        ("PUT", OWN, {"levels": []}),
        ("GET", PLAN, None),
        ("POST", PLAN, module),
    ):
        answer = await client.request(method, path, headers=person, json=body)
        assert answer.status_code == 403 and "own profile" in answer.json()["detail"], answer.text
    assert (await client.get(OWN)).status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"levels": [{"competence_id": "6.1", "level": 2}]}, "competence_id"),
        ({"levels": [{"competence_id": "1.1", "level": 9}]}, "level"),
        ({"levels": [{"competence_id": "1.1", "level": -1}]}, "level"),
        ({"levels": [{"competence_id": "1.1", "level": 2}] * 2}, "levels"),
        ({"levels": [], "assessed_on": "2999-01-01"}, "assessed_on"),
        ({"levels": [], "assessed_on": "gisteren"}, "assessed_on"),
        ({"levels": [], "colour": "blue"}, "colour"),
        ({}, "levels"),
    ],
)
async def test_a_bad_self_assessment_is_a_422_naming_the_field(
    client: httpx.AsyncClient, world: World, body: dict[str, Any], field: str
) -> None:
    answer = await client.put(OWN, headers=world.users["coach"].headers, json=body)
    assert answer.status_code == 422, answer.text
    assert any(field in key for key in answer.json()["fields"]), answer.json()


async def test_a_coach_adds_marks_and_removes_modules_of_their_own_audience(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    await _clean(pool, world)
    coach, m = world.users["coach"].headers, world.modules
    added = await factories.ok(
        await client.post(PLAN, headers=coach, json={"module_id": m["coach-privacy-apps"]})
    )
    assert added["audience"] == "jobcoach" and added["theme"] == "digital"
    assert added["added_on"] == today().isoformat() and added["completed_on"] is None
    twice = await client.post(PLAN, headers=coach, json={"module_id": m["coach-privacy-apps"]})
    assert twice.status_code == 409
    item = f"{PLAN}/{m['coach-privacy-apps']}"
    done = await factories.ok(
        await client.patch(item, headers=coach, json={"completed_on": today().isoformat()})
    )
    assert done["completed_on"] == today().isoformat()
    for bad in ((today() + timedelta(days=1)).isoformat(), "2000-01-01", "soon"):
        answer = await client.patch(item, headers=coach, json={"completed_on": bad})
        assert answer.status_code == 422 and "completed_on" in answer.json()["fields"]
    assert (await client.patch(item, headers=coach, json={})).status_code == 422
    opened = await factories.ok(
        await client.patch(item, headers=coach, json={"completed_on": None})
    )
    assert opened["completed_on"] is None
    plan = (await client.get(PLAN, headers=coach)).json()
    assert [i["code"] for i in plan["items"]] == ["coach-privacy-apps"]
    # Another account's plan item is not found; neither is a module off the plan.
    admin = world.users["admin"].headers
    assert (await client.patch(item, headers=admin, json={"completed_on": None})).status_code == 404
    assert (await client.delete(item, headers=world.users["person"].headers)).status_code == 403
    assert (await client.delete(item, headers=coach)).status_code == 204
    assert (await client.delete(item, headers=coach)).status_code == 404


@pytest.mark.parametrize(
    ("role", "code", "expected"),
    [
        ("coach", "manager-digital-change", 422),
        ("coach", "dig-computer-start", 422),
        ("coach", "coach-digcomp-growth", 201),
        ("employer", "coach-digcomp-growth", 422),
        ("employer", "manager-digital-change", 201),
        ("admin", "manager-digital-change", 201),
        ("admin", "coach-digcomp-growth", 201),
    ],
)
async def test_a_plan_takes_only_modules_for_the_role(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World, role: str, code: str, expected: int
) -> None:
    await _clean(pool, world)
    headers = world.users[role].headers
    answer = await client.post(PLAN, headers=headers, json={"module_id": world.modules[code]})
    assert answer.status_code == expected, answer.text
    if expected == 422:
        assert "audience" in answer.json()["fields"]["module_id"]


@pytest.mark.parametrize(
    "body", [{"module_id": "not-a-uuid"}, {"module_id": str(uuid.uuid4())}, {}, {"x": 1}]
)
async def test_a_bad_plan_item_is_a_422(
    client: httpx.AsyncClient, world: World, body: dict[str, Any]
) -> None:
    answer = await client.post(PLAN, headers=world.users["coach"].headers, json=body)
    assert answer.status_code == 422 and answer.json()["fields"], answer.text


async def test_suggestions_raise_own_levels_for_the_role_digital_first(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    await _clean(pool, world)
    coach = world.users["coach"].headers
    plan = (await client.get(PLAN, headers=coach)).json()
    assert plan["audiences"] == ["jobcoach"] and plan["items"] == []
    suggested = plan["suggestions"]
    assert suggested and {s["audience"] for s in suggested} == {"jobcoach"}
    themes = [s["theme"] for s in suggested]
    assert themes == sorted(themes, key=lambda t: t != "digital") and themes[0] == "digital"
    assert all(r["own_level"] == 0 and r["module_level"] >= 1 for r in suggested[0]["raises"])
    # At the top level everywhere, nothing is left to raise.
    top = {"levels": [{"competence_id": f"{a}.{c}", "level": 8} for a, c in _ids()]}
    await factories.ok(await client.put(OWN, headers=coach, json=top))
    assert (await client.get(PLAN, headers=coach)).json()["suggestions"] == []
    admin = (await client.get(PLAN, headers=world.users["admin"].headers)).json()
    assert admin["audiences"] == ["manager", "jobcoach"]
    assert {s["audience"] for s in admin["suggestions"]} <= {"manager", "jobcoach"}


def _ids() -> list[tuple[int, int]]:
    return [(a, c) for a, n in ((1, 3), (2, 6), (3, 4), (4, 4), (5, 4)) for c in range(1, n + 1)]


async def _staff(pool: asyncpg.Pool, organisation: uuid.UUID, levels: list[int]) -> None:
    """Staff accounts of the organisation with these levels for every competence of area 1 and
    for 2.1; 2.2 only for the first three."""
    for i, level in enumerate(levels):
        async with pool.acquire() as conn:
            account_id = await accounts.insert_account(
                conn,
                organisation,
                f"staff-{uuid.uuid4().hex[:8]}@example.org",
                f"Staff {i}",
                "jobcoach" if i % 2 else "admin",
                security.hash_password("not used here at all"),
            )
            competences = ["1.1", "1.2", "1.3", "2.1"] + (["2.2"] if i < 3 else [])
            await conn.executemany(
                "INSERT INTO staff_digcomp VALUES ($1, $2, $3, current_date)",
                [(account_id, c, level) for c in competences],
            )


async def test_the_staff_picture_counts_bands_and_withholds_small_groups(
    client: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    wise = await factories.organisation(pool)
    # 14 staff: level 0 x2, 2 x6, 3 x1, 6 x5 (the admin who reads it has no levels).
    await _staff(pool, wise, [0, 0] + [2] * 6 + [3] + [6] * 5)
    transport = httpx.ASGITransport(app=client._transport.app)  # type: ignore[attr-defined]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        admin = await factories.user(pool, http, wise, "admin")
        coach = await factories.user(pool, http, wise, "jobcoach")
    path = f"/api/v1/organisations/{wise}/staff-digcomp"
    found = await factories.ok(await client.get(path, headers=admin.headers))
    assert (found["staff"], found["assessed"], found["min_group"]) == (16, 14, 5)

    def row(rows: list[dict[str, Any]], key: str) -> tuple[Any, list[Any]]:
        r = next(r for r in rows if r["id"] == key)
        return r["assessed"], [(b["band"], b["staff"], b["withheld"]) for b in r["bands"]]

    # 0: 2 and 3-4: 1 are small; the sum 3 leaves (1,2) or (2,1): withheld as fewer than 5.
    assert row(found["competences"], "1.1") == (
        14,
        [
            ("none", None, "fewer_than_5"),
            ("foundation", 6, None),
            ("intermediate", None, "fewer_than_5"),
            ("advanced", 5, None),
        ],
    )
    assert row(found["areas"], "1") == row(found["competences"], "1.1")
    # 2.2: three people, all at level 0 or 2: the whole row is withheld.
    total, bands = row(found["competences"], "2.2")
    assert total is None and {b[2] for b in bands} == {"fewer_than_5"}
    # Nobody assessed 3.1: zeros name no one.
    assert row(found["competences"], "3.1") == (
        0,
        [("none", 0, None), ("foundation", 0, None), ("intermediate", 0, None),
         ("advanced", 0, None)],
    )  # fmt: skip
    # A lone small band could be worked out from the total: the smallest other band goes too.
    await pool.execute(
        "UPDATE staff_digcomp d SET level = 2 FROM account a WHERE a.id = d.account_id "
        "AND a.organisation_id = $1 AND d.competence_id = '1.1' AND d.level = 0",
        wise,
    )
    found = await factories.ok(await client.get(path, headers=coach.headers))
    assert row(found["competences"], "1.1") == (
        14,
        [
            ("none", 0, None),
            ("foundation", 8, None),
            ("intermediate", None, "protected"),
            ("advanced", None, "protected"),
        ],
    )


async def test_only_the_wises_own_admins_and_coaches_see_its_staff_picture(
    client: httpx.AsyncClient, world: World
) -> None:
    wise = world.users["admin"].organisation_id
    expected = {"admin": 200, "coach": 200, "person": 403, "employer": 404, "coach_b": 404}
    for key, status in expected.items():
        answer = await client.get(
            f"/api/v1/organisations/{wise}/staff-digcomp", headers=world.users[key].headers
        )
        assert answer.status_code == status, (key, answer.text)
    employer = world.users["employer"]
    own = f"/api/v1/organisations/{employer.organisation_id}/staff-digcomp"
    assert (await client.get(own, headers=employer.headers)).status_code == 403


async def test_employees_are_never_offered_modules_for_staff(
    client: httpx.AsyncClient, conn: asyncpg.Connection, world: World
) -> None:
    person = world.users["person"].headers
    listed = await factories.ok(
        await client.get(
            "/api/v1/training/modules", headers=person, params={"audience": "jobcoach"}
        )
    )
    assert listed["total"] > 0 and {m["audience"] for m in listed["items"]} == {"employee"}
    coach = world.users["coach"].headers
    staff = await factories.ok(
        await client.get(
            "/api/v1/training/modules", headers=coach, params={"audience": "manager", "limit": 50}
        )
    )
    assert staff["total"] >= 7 and {m["audience"] for m in staff["items"]} == {"manager"}
    assert {m["theme"] for m in staff["items"]} >= {"digital", "communication", "creativity"}
    # Training plans: the skills that staff modules' competences map to find employee modules only.
    skills = [r["skill_uri"] for r in await conn.fetch("SELECT skill_uri FROM digcomp_competence")]
    assert skills
    offered = await next_steps.modules_for(conn, skills)
    codes = {r["code"] for r in offered}
    assert codes and not codes & {c for c in world.modules if c.startswith(("coach-", "manager-"))}
    assert "dig-coach-digital" not in codes
    # Recording one for a person is refused, naming the module.
    answer = await client.post(
        f"/api/v1/employees/{world.employee_id}/training-records",
        headers=coach,
        json={"module_id": world.modules["coach-privacy-apps"], "completed_on": "2026-01-02"},
    )
    assert answer.status_code == 422 and "jobcoach" in answer.json()["fields"]["module_id"]


async def test_a_coach_keeps_levels_and_plan_on_the_account_page(
    app: object, pool: asyncpg.Pool, world: World
) -> None:
    await _clean(pool, world)
    async with page_client(app) as http:
        assert (await sign_in(http, world.users["coach"].email)).status_code == 303
        page = await http.get("/account")
        assert page.status_code == 200 and 'href="/account"' in page.text
        assert page.text.count("<fieldset") == 5 and page.text.count('name="level_') == 21
        assert "Communiceren met digitale middelen" in page.text
        saved = await submit(http, "/account", "/account/digcomp", {"level_2.1": "4"})
        assert saved.status_code == 303
        levels = (await http.get("/account")).text
        assert 'value="4" selected' in levels
        wrong = await submit(http, "/account", "/account/digcomp", {"level_2.1": "9"})
        assert wrong.status_code == 422 and "0 tot en met 8" in wrong.text
        module = world.modules["coach-safe-communication"]
        added = await submit(http, "/account", "/account/plan", {"module_id": module})
        assert added.status_code == 303
        done = await submit(http, "/account", f"/account/plan/{module}/done", {})
        assert done.status_code == 303
        assert f"Afgerond op {i18n.format_date(today(), 'nl')}" in (await http.get("/account")).text
        # The staff picture: WISE A has fewer than 5 assessed staff, so every count is withheld.
        assert "minder dan 5" in (await http.get("/account")).text
        gone = await submit(http, "/account", f"/account/plan/{module}/remove", {})
        assert gone.status_code == 303
    async with page_client(app) as http:
        assert (await sign_in(http, world.users["person"].email)).status_code == 303
        assert (await http.get("/account")).status_code == 403


async def test_a_staff_member_downloads_their_own_data_and_nobody_elses(
    app: object, client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    await _clean(pool, world)
    coach, m = world.users["coach"], world.modules
    await factories.ok(
        await client.put(
            OWN, headers=coach.headers, json={"levels": [{"competence_id": "2.1", "level": 3}]}
        )
    )
    await factories.ok(
        await client.post(PLAN, headers=coach.headers, json={"module_id": m["coach-privacy-apps"]})
    )
    data = await factories.ok(await client.get("/api/v1/me/export", headers=coach.headers))
    assert data["account"]["id"] == str(coach.account_id)
    assert data["account"]["email"] == coach.email
    assert "password_hash" not in data["account"] and "token_version" not in data["account"]
    assert [c["level"] for c in data["digcomp"]["competences"] if c["competence_id"] == "2.1"] == [
        3
    ]
    assert [i["code"] for i in data["learning_plan"]] == ["coach-privacy-apps"]
    # Another staff member's export holds none of it; an employee's data is their own export.
    other = await factories.ok(
        await client.get("/api/v1/me/export", headers=world.users["admin"].headers)
    )
    assert other["account"]["id"] == str(world.users["admin"].account_id)
    assert other["learning_plan"] == [] and other["digcomp"]["assessed"] == 0
    person = await client.get("/api/v1/me/export", headers=world.users["person"].headers)
    assert person.status_code == 403

    async with page_client(app) as http:
        assert (await sign_in(http, coach.email)).status_code == 303
        page = await http.get("/account")
        assert 'href="/account/data"' in page.text
        download = await http.get("/account/data")
        assert download.status_code == 200
        assert "attachment" in download.headers["content-disposition"]
        assert download.json()["account"]["id"] == str(coach.account_id)
