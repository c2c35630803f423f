"""Write the demo world through the domain services (so it passes the same checks as the API)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from services.core import security
from services.core.access.policy import Actor, Role
from services.core.accounts import repository as accounts
from services.core.accounts.service import actor_of
from services.core.decisions import service as decisions
from services.core.decisions.models import DecisionIn
from services.core.demo import capacity, history, queries, staff_learning
from services.core.demo import carving as carving_demo
from services.core.demo import learning as learning_demo
from services.core.demo.plan import (
    DEMO_PASSWORD,
    ISCO_POOL,
    WISE_KINDS,
    WISES,
    Plan,
    Taxonomy,
    make_plan,
)
from services.core.employees import repository as employee_records
from services.core.employees import service as employees
from services.core.employees.models import ConsentIn, EmployeeIn
from services.core.matching import service as matching
from services.core.taxonomy import repository as taxonomy
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyIn


async def already_seeded(conn: asyncpg.Connection) -> bool:
    """Whether the demo world is there (its first WISE exists)."""
    return await accounts.organisation_id_by_name(conn, WISES[0][0]) is not None


async def load_taxonomy(conn: asyncpg.Connection) -> Taxonomy:
    """The occupations the plan draws from, with their skills."""
    rows = await taxonomy.occupations_with_skills(conn, ISCO_POOL, min_essential=5)
    if len(rows) < 5:
        raise RuntimeError("the taxonomy has too few WISE occupations for the demo data")
    return Taxonomy(
        occupations=[r["uri"] for r in rows],
        essential={r["uri"]: list(r["essential"]) for r in rows},
        optional={r["uri"]: list(r["optional"]) for r in rows},
    )


async def _account(
    conn: asyncpg.Connection, org: dict[str, Any], email: str, name: str, role: Role
) -> Actor:
    account_id = await accounts.insert_account(
        conn, org["id"], email, name, role.value, security.hash_password(DEMO_PASSWORD)
    )
    return Actor(account_id, org["id"], org["kind"], role, name)


@dataclass
class World:
    """Who acts in the demo: per WISE its admin and coaches; per employer its account."""

    wise_admins: list[Actor]
    coaches: list[list[Actor]]
    employers: list[Actor]


async def _organisations(conn: asyncpg.Connection, plan: Plan) -> World:
    world = World([], [], [])
    for wise in plan.wises:
        org = await accounts.insert_organisation(
            conn, "wise", {"name": wise["name"], "description": wise["description"]}
        )
        domain = f"{wise['slug']}.example"
        world.wise_admins.append(
            await _account(conn, org, f"admin@{domain}", f"Beheer {wise['name']}", Role.ADMIN)
        )
        world.coaches.append(
            [
                await _account(conn, org, f"{slug}@{domain}", name, Role.JOBCOACH)
                for name, slug in wise["coaches"]
            ]
        )
    for employer in plan.employers:
        org = await accounts.insert_organisation(conn, "employer", {"name": employer["name"]})
        world.employers.append(
            await _account(
                conn,
                org,
                f"werkgever@{employer['slug']}.example",
                f"HR {employer['name']}",
                Role.EMPLOYER,
            )
        )
    return world


async def seed(conn: asyncpg.Connection, today: date) -> bool:
    """Write the demo world once (inside the caller's transaction); False when it was there.

    The sign-ins it makes are listed in plan.DEMO_LOGINS (tests sign in with each).
    """
    if await already_seeded(conn):
        return False
    plan = make_plan(await load_taxonomy(conn), today)
    world = await _organisations(conn, plan)
    await _people(conn, plan, world)
    await _vacancies(conn, plan, world)
    await history.write(conn, today)
    await capacity.write(conn, today)
    await carving_demo.write(conn)
    await staff_learning.write(conn, today)
    await learning_demo.write(conn, today)
    return True


async def _people(conn: asyncpg.Connection, plan: Plan, world: World) -> None:
    """60 employees, 10 per jobcoach; all consent to matching, some share with an employer.

    The first person of the first WISE gets a login of their own.
    """
    for i, person in enumerate(plan.employees):
        wise, coach = i % len(world.coaches), world.coaches[i % len(world.coaches)][(i // 3) % 2]
        account_id = None
        if i == 0:
            admin = world.wise_admins[wise]
            account_id = await accounts.insert_account(
                conn,
                admin.organisation_id,
                f"werknemer@{plan.wises[0]['slug']}.example",
                person["name"],
                Role.EMPLOYEE.value,
                security.hash_password(DEMO_PASSWORD),
            )
        body = EmployeeIn(**person, jobcoach_id=coach.account_id, account_id=account_id)
        employee = await employees.create(conn, coach, body)
        await employees.give_consent(conn, coach, employee, ConsentIn(purpose="matching"))
        if i % 6 == 0:
            employer = world.employers[(i // 6) % len(world.employers)]
            await employees.give_consent(
                conn,
                coach,
                employee,
                ConsentIn(purpose="share_with_employer", employer_id=employer.organisation_id),
            )


async def _vacancies(conn: asyncpg.Connection, plan: Plan, world: World) -> None:
    """40 vacancies: WISE placements at the WISEs, jobs at the employers; most of them open."""
    labels = await taxonomy.occupation_labels(conn, [v["occupation_uri"] for v in plan.vacancies])
    for i, item in enumerate(plan.vacancies):
        wise_kind = item["contract_kind"] in WISE_KINDS
        owner = (
            world.wise_admins[i % len(world.wise_admins)]
            if wise_kind
            else world.employers[i % len(world.employers)]
        )
        data = dict(
            item,
            title=labels.get(item["occupation_uri"], "Medewerker").capitalize(),
            language={"language": item["language"], "cefr": item["language_cefr"]},
        )
        del data["language_cefr"]
        vacancy = await vacancies.create(conn, owner, VacancyIn(**data))
        if i % 10 != 3:  # a few stay drafts (a second rung-5 vacancy of some occupations)
            await vacancies.transition(conn, owner, vacancy, "publish")


async def placement_story(conn: asyncpg.Connection) -> bool:
    """One placement from suggestion to hire, as people would make it through the API: the
    jobcoach sees the match, the person agrees to share their profile, the coach introduces
    them, the employer sees the candidate, takes them on trial and hires them. Needs the stored
    matches (run after the first recompute); False when there is no match to tell it with."""
    wise = await accounts.organisation_id_by_name(conn, WISES[0][0])
    pair = await conn.fetchrow(queries.SELECT_STORY_PAIR, wise)
    if pair is None:
        return False
    person, vacancy = pair["employee_id"], pair["vacancy_id"]
    coach = await _actor(conn, pair["jobcoach_id"])
    employer = await _actor(conn, pair["employer_account_id"])
    await matching.for_employee(conn, coach, person, limit=10, offset=0)  # the coach sees it
    if not await conn.fetchval(queries.SHARES_WITH, person, employer.organisation_id):
        record = await employee_records.get(conn, person)
        assert record is not None
        consent = ConsentIn(purpose="share_with_employer", employer_id=employer.organisation_id)
        await employees.give_consent(conn, coach, record, consent)
    await matching.for_vacancy(conn, employer, vacancy, limit=10, offset=0)  # and the employer
    for actor, decision in (
        (coach, "introduced"),
        (employer, "trial_placement"),
        (employer, "hired"),
    ):
        body = DecisionIn(employee_id=person, vacancy_id=vacancy, decision=decision)
        await decisions.decide(conn, actor, body)
    return True


async def _actor(conn: asyncpg.Connection, account_id: Any) -> Actor:
    row = await accounts.account_by_id(conn, account_id)
    assert row is not None
    return actor_of(row)
