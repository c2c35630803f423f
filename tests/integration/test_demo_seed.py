"""The demo world: believable, complete, written once, and its sign-ins work."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date

import asyncpg
import httpx
import pytest

from services.api.app import create_app
from services.core import bootstrap, db
from services.core.demo import seed, staff_learning
from services.core.demo.plan import DEMO_LOGINS, DEMO_PASSWORD
from services.core.settings import Settings


@pytest.fixture(scope="module")
async def demo_url(service_urls: tuple[str, str], settings: Settings) -> AsyncIterator[str]:
    """A database of its own with the taxonomy and the demo world."""
    async with db.temporary_database(service_urls[0], "opstap_test") as url:
        own = settings.model_copy(update={"database_url": url})
        await bootstrap.migrate(own)
        await bootstrap.import_taxonomy(own, own.taxonomy_dir)
        conn = await db.connect(url)
        async with conn.transaction():
            assert await seed.seed(conn, date.today())
        await conn.close()
        yield url


@pytest.fixture(scope="module")
async def matched_demo_url(demo_url: str, settings: Settings) -> str:
    """The demo database after what `make demo` does next: catalogue, transitions, matches."""
    from services.core.matching import recompute
    from services.core.transitions import service as transitions

    await bootstrap.seed_catalogue(settings.model_copy(update={"database_url": demo_url}))
    conn = await db.connect(demo_url)
    try:
        async with conn.transaction():
            await transitions.build(conn)
            await recompute.run_here(conn)
    finally:
        await conn.close()
    return demo_url


async def test_the_demo_world_has_the_promised_size(demo_url: str) -> None:
    conn = await asyncpg.connect(demo_url)
    try:
        kinds = dict(await conn.fetch("SELECT kind, count(*) FROM organisation GROUP BY kind"))
        assert kinds == {"wise": 3, "employer": 10}
        roles = dict(await conn.fetch("SELECT role, count(*) FROM account GROUP BY role"))
        coaches = 6 + len(staff_learning.COLLEAGUES)  # the first WISE's werkbegeleiders
        assert roles["jobcoach"] == coaches and roles["employer"] == 10 and roles["admin"] == 3
        rungs = {r["ladder_rung"] for r in await conn.fetch("SELECT ladder_rung FROM employee")}
        assert await conn.fetchval("SELECT count(*) FROM employee") == 60
        assert rungs <= {3, 4, 5} and len(rungs) == 3
        caseloads = await conn.fetch("SELECT count(*) AS n FROM employee GROUP BY jobcoach_id")
        assert len(caseloads) == 6 and max(r["n"] for r in caseloads) <= 20  # IPS: <= 20
        no_skills = await conn.fetchval(
            "SELECT count(*) FROM employee e WHERE NOT EXISTS "
            "(SELECT 1 FROM employee_skill s WHERE s.employee_id = e.id)"
        )
        assert no_skills == 0
        assert await conn.fetchval("SELECT count(*) FROM vacancy WHERE NOT carved") == 40
        contract_kinds = await conn.fetchval("SELECT count(DISTINCT contract_kind) FROM vacancy")
        assert contract_kinds == 7
        assert await conn.fetchval("SELECT count(*) FROM vacancy WHERE status = 'open'") >= 30
        assert await conn.fetchval("SELECT count(*) FROM consent WHERE purpose = 'matching'") >= 50
    finally:
        await conn.close()


async def test_seeding_twice_changes_nothing(demo_url: str) -> None:
    conn = await db.connect(demo_url)
    try:
        async with conn.transaction():
            assert not await seed.seed(conn, date.today())
        assert await conn.fetchval("SELECT count(*) FROM employee") == 60
    finally:
        await conn.close()


async def test_every_demo_sign_in_works(demo_url: str, settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"database_url": demo_url}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as http:
            for role, email, organisation in DEMO_LOGINS:
                token = await http.post(
                    "/api/v1/auth/token", data={"username": email, "password": DEMO_PASSWORD}
                )
                assert token.status_code == 200, (email, token.text)
                headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
                me = (await http.get("/api/v1/auth/me", headers=headers)).json()
                assert me["role"] == role
                org = (await http.get("/api/v1/organisations/me", headers=headers)).json()
                assert org["name"] == organisation
            coach_view = await http.get("/api/v1/employees", headers=headers)
            assert coach_view.status_code == 200


async def test_every_demo_employee_has_work_that_fits_a_step_and_a_plan(
    demo_url: str, matched_demo_url: str, settings: Settings
) -> None:
    """Issue 7's promise for the demo: for everyone on rungs 3 to 5, vacancies that fit now,
    at least one stepping stone and a training plan, each with its explanation."""
    from services.core.next_steps import service as next_steps

    own = settings.model_copy(update={"database_url": demo_url})
    conn = await db.connect(matched_demo_url)
    try:
        people = await conn.fetch(
            "SELECT id FROM employee WHERE ladder_rung BETWEEN 3 AND 5 ORDER BY id"
        )
        assert len(people) == 60
        short = []
        for person in people:
            steps = await next_steps.next_steps(conn, own, person["id"])
            stones = [*steps.stepping_stones.vacancies, *steps.stepping_stones.occupations]
            plan = steps.training_plan
            explained = all(s.why.nl and s.why.en for s in [*steps.fits_now, *stones])
            if not (steps.fits_now and stones and plan and plan.why.nl and explained):
                short.append(str(person["id"]))
        assert short == []
    finally:
        await conn.close()


async def test_the_demo_praktijkverklaring_raised_a_match_and_one_agreement_runs(
    matched_demo_url: str,
) -> None:
    """Issue 19: the demo employee's learning agreement ended in a praktijkverklaring whose
    certified skills raise a match (computed as /me/learning shows it); another person of the
    first WISE is halfway through one."""
    from services.core.learning import opens
    from services.core.learning import repository as learning

    conn = await db.connect(matched_demo_url)
    try:
        person = await conn.fetchval(
            "SELECT e.id FROM employee e JOIN account a ON a.id = e.account_id WHERE a.email = $1",
            next(email for role, email, _ in DEMO_LOGINS if role == "employee"),
        )
        [done] = await learning.agreements(conn, person)
        assert (done.status, done.result) == ("completed", "praktijkverklaring")
        assert {w.status for w in done.work_processes} == {"shown", "started"}
        certified = await conn.fetchval(
            "SELECT count(*) FROM employee_skill WHERE employee_id = $1 AND source = 'certified' "
            "AND assessed_on = $2",
            person,
            done.result_on,
        )
        assert certified > 0
        found = await opens.what_it_opens(conn, done)
        assert found is not None and found.rises and found.rises[0].after > found.rises[0].before
        statuses = await conn.fetch("SELECT status FROM learning_agreement ORDER BY status")
        assert [r["status"] for r in statuses] == ["active", "completed"]
    finally:
        await conn.close()


async def test_the_demo_placement_is_logged_from_suggestion_to_hire(
    matched_demo_url: str, settings: Settings
) -> None:
    """Issue 8: the decision log shows one demo placement's whole history, through the API."""
    own = settings.model_copy(update={"database_url": matched_demo_url})
    assert await bootstrap.seed_demo_story(own)
    conn = await db.connect(matched_demo_url)
    try:
        placed = await conn.fetchrow(
            "SELECT d.employee_id, d.vacancy_id, a.email AS coach FROM placement_decision d "
            "JOIN employee e ON e.id = d.employee_id JOIN account a ON a.id = e.jobcoach_id "
            "WHERE d.decision = 'hired'"
        )
    finally:
        await conn.close()
    app = create_app(own)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as http:
            token = await http.post(
                "/api/v1/auth/token", data={"username": placed["coach"], "password": DEMO_PASSWORD}
            )
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            log = await http.get(
                f"/api/v1/employees/{placed['employee_id']}/decision-log", headers=headers
            )
    assert log.status_code == 200, log.text
    story = [e for e in log.json()["items"] if e["vacancy_id"] == str(placed["vacancy_id"])]
    steps = [(e["kind"], e["decision"] or e["context"], e["role"]) for e in story]
    assert steps == [
        ("suggestion", "employee_matches", "jobcoach"),
        ("suggestion", "vacancy_matches", "employer"),
        ("decision", "introduced", "jobcoach"),
        ("decision", "trial_placement", "employer"),
        ("decision", "hired", "employer"),
    ]
    shown = story[0]
    assert shown["score"] > 0 and shown["model_version"] and shown["explanation"]["matched"]
    assert all(e["actor_name"] and e["at"] for e in story)
    # Each decision answers the suggestion, with the score and model it was made with.
    assert {e["score"] for e in story[2:]} == {shown["score"]}


def test_the_bias_report_prints_its_figures_on_the_demo_data(
    matched_demo_url: str, settings: Settings
) -> None:
    """`opstap bias report` on the demo world: a row per group, rates and ratios."""
    env = os.environ | {"DATABASE_URL": matched_demo_url, "REDIS_URL": str(settings.redis_url)}
    out = subprocess.run(
        [sys.executable, "-m", "services", "bias", "report"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    rows = [line.split() for line in out.splitlines() if line.startswith(("accommodation", "age"))]
    groups = {(r[0], r[1]) for r in rows}
    assert {("accommodation_needs", "with"), ("accommodation_needs", "without")} <= groups
    assert any(g[0] == "age_band" and g[1] != "unknown" for g in groups)
    people = {(r[0], r[1]): r[2] for r in rows}
    assert (
        int(people["accommodation_needs", "with"]) + int(people["accommodation_needs", "without"])
        == 60
    )


async def test_the_demo_employee_exports_their_data_and_an_admin_erases_it(
    matched_demo_url: str, settings: Settings
) -> None:
    """Issue 8, end to end through the API for the demo employee (runs last: it erases them)."""
    logins = {role: email for role, email, _ in DEMO_LOGINS}
    app = create_app(settings.model_copy(update={"database_url": matched_demo_url}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as http:

            async def sign_in(role: str) -> dict[str, str]:
                form = {"username": logins[role], "password": DEMO_PASSWORD}
                token = (await http.post("/api/v1/auth/token", data=form)).json()
                return {"Authorization": f"Bearer {token['access_token']}"}

            person, admin = await sign_in("employee"), await sign_in("admin")
            own = (await http.get("/api/v1/employees", headers=person)).json()["items"]
            assert len(own) == 1  # an employee sees their own record only
            url = f"/api/v1/employees/{own[0]['id']}"
            export = await http.get(f"{url}/export", headers=person)
            assert export.status_code == 200, export.text
            data = export.json()
            assert data["profile"]["name"] and data["skills"] and data["matches"]
            assert data["account"]["email"] == logins["employee"]
            assert "password_hash" not in data["account"]
            assert {c["purpose"] for c in data["consents"]} >= {"matching"}
            assert data["audit"]  # the export itself is a read that was recorded
            assert (await http.delete(url, headers=person)).status_code == 403
            assert (await http.delete(url, headers=admin)).status_code == 204
            for path in ("", "/export", "/matches", "/next-steps", "/consents"):
                assert (await http.get(f"{url}{path}", headers=admin)).status_code == 404, path
            # Their own login went with them.
            form = {"username": logins["employee"], "password": DEMO_PASSWORD}
            assert (await http.post("/api/v1/auth/token", data=form)).status_code == 401


async def test_the_demo_coach_has_a_learning_plan_and_the_staff_picture_withholds(
    demo_url: str,
) -> None:
    from services.core.staff_learning import service as staff

    conn = await asyncpg.connect(demo_url)
    try:
        coach = dict(DEMO_LOGINS_BY_ROLE)["jobcoach"]
        plan = await conn.fetch(
            "SELECT m.code, p.completed_on FROM staff_learning_plan p "
            "JOIN training_module m ON m.id = p.module_id JOIN account a ON a.id = p.account_id "
            "WHERE a.email = $1 ORDER BY m.code",
            coach,
        )
        assert [(r["code"], r["completed_on"] is not None) for r in plan] == [
            ("coach-digcomp-growth", False),
            ("coach-privacy-apps", True),
        ]
        wise = await conn.fetchval("SELECT organisation_id FROM account WHERE email = $1", coach)
        picture = await staff.staff_picture(conn, wise)
        assert (picture.staff, picture.assessed) == (10, 10)
        area = {b.band: (b.staff, b.withheld) for b in picture.areas[0].bands}
        assert area == {
            "none": (None, "fewer_than_5"),
            "foundation": (5, None),
            "intermediate": (None, "fewer_than_5"),
            "advanced": (None, "fewer_than_5"),
        }
    finally:
        await conn.close()


DEMO_LOGINS_BY_ROLE = [(role, email) for role, email, _ in DEMO_LOGINS]


async def test_the_demo_employer_has_an_open_carved_job_that_more_people_fit(
    demo_url: str, settings: Settings
) -> None:
    employer = next(email for role, email, _ in DEMO_LOGINS if role == "employer")
    conn = await db.connect(demo_url)
    try:
        row = await conn.fetchrow(
            "SELECT v.id, v.status FROM vacancy v JOIN account a "
            "ON a.organisation_id = v.organisation_id WHERE v.carved AND a.email = $1",
            employer,
        )
    finally:
        await conn.close()
    assert row is not None and row["status"] == "open"
    app = create_app(settings.model_copy(update={"database_url": demo_url}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as http:
            token = await http.post(
                "/api/v1/auth/token",
                data={"username": employer, "password": DEMO_PASSWORD},
            )
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            found = await http.get(f"/api/v1/vacancies/{row['id']}", headers=headers)
            vacancy = found.json()
            assert vacancy["carved"] and vacancy["left_out"]
            body = {
                "occupation_uri": vacancy["occupation_uri"],
                "kept": [s["skill_uri"] for s in vacancy["skills"]],
                "hours_min": vacancy["hours_min"],
                "hours_max": vacancy["hours_max"],
            }
            counted = await http.post("/api/v1/carving/preview", json=body, headers=headers)
            assert counted.status_code == 200, counted.text
            preview = counted.json()
            assert preview["carved"] is not None and preview["carved"] >= 5, preview
            assert preview["full"] is None or preview["carved"] > preview["full"], preview
