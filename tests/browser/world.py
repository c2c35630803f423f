"""A small world for the page tests, written through the domain services (as the demo seed is):
two WISEs, two employers, people with skills, consents and needs, vacancies, stored matches,
notifications and one introduction. Names are unique per build, so several modules can build
one in the same session database."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import asyncpg

from services.core import security
from services.core.access.policy import Actor
from services.core.accounts import repository as accounts_repository
from services.core.accounts import service as accounts
from services.core.decisions import service as decisions
from services.core.decisions.models import DecisionIn
from services.core.employees import service as employees
from services.core.employees.models import ConsentIn, Employee, EmployeeIn
from services.core.matching import service as matching
from services.core.notifications import service as notifications
from services.core.notifications.models import Preferences
from services.core.settings import Settings
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyIn
from tests.factories import PASSWORD


@dataclass
class Login:
    """An account to sign in with."""

    email: str
    actor: Actor

    @property
    def account_id(self) -> uuid.UUID:
        """The account's id."""
        return self.actor.account_id


@dataclass
class World:
    """Who and what the page tests work with."""

    tag: str
    wise: uuid.UUID
    other_wise: uuid.UUID
    employer_org: uuid.UUID
    other_employer_org: uuid.UUID
    logins: dict[str, Login] = field(default_factory=dict)
    people: dict[str, uuid.UUID] = field(default_factory=dict)
    vacancies: dict[str, uuid.UUID] = field(default_factory=dict)
    skills: list[str] = field(default_factory=list)
    occupation: str = ""
    names: dict[str, str] = field(default_factory=dict)
    hidden_draft: uuid.UUID | None = None


async def _login(conn: asyncpg.Connection, org: uuid.UUID, role: str, tag: str) -> Login:
    email = f"{role}-{tag}-{uuid.uuid4().hex[:6]}@pages.example"
    account_id = await accounts_repository.insert_account(
        conn, org, email, f"{role.capitalize()} {tag}", role, security.hash_password(PASSWORD)
    )
    row = await accounts_repository.account_by_id(conn, account_id)
    assert row is not None
    actor = accounts.actor_of(row)
    # No email: the world's notifications stay in the feed (no SMTP receiver of another test
    # hears of them).
    await notifications.set_preferences(conn, actor, Preferences(email="off"))
    return Login(email, actor)


async def _occupations(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return list(
        await conn.fetch(
            "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
            "FROM occupation_skill WHERE relation = 'essential' GROUP BY occupation_uri "
            "HAVING count(*) >= 5 ORDER BY occupation_uri LIMIT 2"
        )
    )


async def _person(
    conn: asyncpg.Connection,
    coach: Actor,
    name: str,
    skills: list[str],
    needs: list[str],
    account_id: uuid.UUID | None = None,
    occupations: tuple[str | None, str | None] = (None, None),
) -> Employee:
    body = EmployeeIn(
        name=name,
        ladder_rung=5,
        current_occupation_uri=occupations[0],
        target_occupation_uri=occupations[1],
        hours_min=16,
        hours_max=32,
        account_id=account_id,
        skills=[{"skill_uri": u, "level": 3, "source": "observed"} for u in skills],
        accommodations=needs,
    )
    person = await employees.create(conn, coach, body)
    await employees.give_consent(conn, coach, person, ConsentIn(purpose="matching"))
    return person


async def _vacancy(
    conn: asyncpg.Connection,
    owner: Actor,
    title: str,
    occupation: str,
    skills: list[str],
    kind: str,
) -> uuid.UUID:
    item = VacancyIn(
        title=title,
        description="Werk in een klein team, met vaste taken.",
        occupation_uri=occupation,
        contract_kind=kind,
        hours_min=16,
        hours_max=32,
        skills=[{"skill_uri": u, "relation": "essential"} for u in skills],
        accommodations=["quiet_workspace"],
        language={"language": "nl", "cefr": "A2"},
    )
    vacancy = await vacancies.create(conn, owner, item)
    await vacancies.transition(conn, owner, vacancy, "publish")
    return vacancy.id


@contextlib.asynccontextmanager
async def own(pool: asyncpg.Pool, settings: Settings, tag: str) -> AsyncIterator[World]:
    """A world built for the block; afterwards its vacancies close and its consents end, so no
    later module's worker scores against it."""
    found = await build(pool, settings, tag=tag)
    try:
        yield found
    finally:
        orgs = [found.wise, found.other_wise, found.employer_org, found.other_employer_org]
        await pool.execute(
            "UPDATE vacancy SET status = 'closed' "
            "WHERE status = 'open' AND organisation_id = ANY($1)",
            orgs,
        )
        await pool.execute(
            "UPDATE consent SET withdrawn_at = now() FROM employee e "
            "WHERE e.id = consent.employee_id "
            "AND e.organisation_id = ANY($1) AND consent.withdrawn_at IS NULL",
            orgs,
        )


async def build(pool: asyncpg.Pool, settings: Settings, tag: str | None = None) -> World:
    """Write the world (committed) and score it."""
    tag = tag or uuid.uuid4().hex[:6]
    async with pool.acquire() as conn, conn.transaction():
        orgs = []
        for kind, name in (
            ("wise", f"Werkbedrijf Test {tag}"),
            ("wise", f"Ander Werkbedrijf {tag}"),
            ("employer", f"Bakkerij Test {tag}"),
            ("employer", f"Andere Werkgever {tag}"),
        ):
            orgs.append(
                (await accounts_repository.insert_organisation(conn, kind, {"name": name}))["id"]
            )
        world = World(tag, *orgs)
        for key, org, role in (
            ("admin", world.wise, "admin"),
            ("coach", world.wise, "jobcoach"),
            ("coach_b", world.other_wise, "jobcoach"),
            ("employee", world.wise, "employee"),
            ("employer", world.employer_org, "employer"),
            ("employer_b", world.other_employer_org, "employer"),
        ):
            world.logins[key] = await _login(conn, org, role, tag)
        await _people_and_vacancies(conn, world)
        await _score(conn, settings, world)
        await _followups(conn, world)
        await _progress(conn, world)
    return world


# Noor's follow-up moments at the step-up vacancy, one in each state: recorded, overdue, due
# (within the 14 days before its date) and later; written straight to the table.
FOLLOWUPS = """
INSERT INTO placement_followup (employee_id, vacancy_id, months, due_on, still_working, hours,
                                satisfaction, recorded_at, recorded_by)
SELECT $1, $2, m.months, current_date + m.days, m.working, m.hours, m.satisfaction,
       CASE WHEN m.working IS NOT NULL THEN now() END,
       CASE WHEN m.working IS NOT NULL THEN $3::uuid END
FROM (VALUES (1, -40, true, 24, 4), (3, -5, NULL, NULL, NULL), (6, 10, NULL, NULL, NULL),
             (12, 200, NULL, NULL, NULL))
     AS m (months, days, working, hours, satisfaction)
"""


async def _followups(conn: asyncpg.Connection, world: World) -> None:
    await conn.execute(
        FOLLOWUPS,
        world.people["noor"],
        world.vacancies["step_up"],
        world.logins["coach"].account_id,
    )


# Noor's rungs over a year and more (3, then 4, now her 5) and two notes in her logbook, one by
# her jobcoach and one by the admin; written straight to the tables.
PROGRESS = """
WITH first AS (
    UPDATE ladder_change SET rung = 3, changed_on = current_date - 450
    WHERE employee_id = $1 RETURNING employee_id
), moves AS (
    INSERT INTO ladder_change (employee_id, rung, previous_rung, changed_on, decided_by,
                               decided_role, note)
    SELECT $1, m.rung, m.previous, current_date + m.days, $2, 'jobcoach', m.note
    FROM (VALUES (4, 3, -270, 'Vrijwilligerswerk in de kantine'), (5, 4, -60, NULL))
         AS m (rung, previous, days, note)
)
INSERT INTO logbook_entry (employee_id, happened_on, body, written_by, written_role)
VALUES ($1, current_date - 20, 'Afgesproken: dinsdag en donderdag 4 uur.', $2, 'jobcoach'),
       ($1, current_date - 3, 'Werkt zelfstandig aan de inpaklijn.', $3, 'admin')
"""


async def _progress(conn: asyncpg.Connection, world: World) -> None:
    await conn.execute(
        PROGRESS,
        world.people["noor"],
        world.logins["coach"].account_id,
        world.logins["admin"].account_id,
    )


async def _people_and_vacancies(conn: asyncpg.Connection, world: World) -> None:
    found = await _occupations(conn)
    first, second = found[0], found[-1]
    world.occupation = first["occupation_uri"]
    world.skills = list(first["skills"])[:5]
    coach = world.logins["coach"].actor
    names = {
        "noor": f"Noor Visser {world.tag}",
        "shy": f"Sem Verborgen {world.tag}",
        "daan": f"Daan de Boer {world.tag}",
        "other": f"Olga Anders {world.tag}",
    }
    world.names = names
    employee = world.logins["employee"].account_id
    # Noor can do four of the five things the work asks; she works in it, aims for the other.
    where = (first["occupation_uri"], second["occupation_uri"])
    noor = await _person(
        conn, coach, names["noor"], world.skills[:4], ["quiet_workspace"], employee, where
    )
    share = ConsentIn(purpose="share_with_employer", employer_id=world.employer_org)
    await employees.give_consent(conn, coach, noor, share)
    world.people["noor"] = noor.id
    shy = await _person(conn, coach, names["shy"], world.skills[:4], ["extra_breaks"])
    world.people["shy"] = shy.id
    world.people["daan"] = (await _person(conn, coach, names["daan"], world.skills[:3], [])).id
    other_coach = world.logins["coach_b"].actor
    world.people["other"] = (await _person(conn, other_coach, names["other"], world.skills, [])).id
    employer = world.logins["employer"].actor
    skills = world.skills
    world.vacancies["coach_journey"] = await _vacancy(
        conn,
        employer,
        f"Medewerker bakkerij {world.tag}",
        first["occupation_uri"],
        skills,
        "wise_paid",
    )
    world.vacancies["employer_journey"] = await _vacancy(
        conn,
        employer,
        f"Medewerker winkel {world.tag}",
        first["occupation_uri"],
        skills,
        "wise_paid",
    )
    # A draft of another employer: nobody else may see it.
    item = VacancyIn(
        title=f"Concept {world.tag}",
        occupation_uri=first["occupation_uri"],
        contract_kind="regular",
        hours_min=8,
        hours_max=16,
    )
    other_employer = world.logins["employer_b"].actor
    world.hidden_draft = (await vacancies.create(conn, other_employer, item)).id
    world.vacancies["step_up"] = await _vacancy(
        conn,
        world.logins["admin"].actor,
        f"Vakkracht {world.tag}",
        second["occupation_uri"],
        list(second["skills"])[:5],
        "regular",
    )


async def _score(conn: asyncpg.Connection, settings: Settings, world: World) -> None:
    """Stored matches and their notifications, as the worker would write them; then the coach
    introduces Noor for the employer's journey vacancy."""
    for vacancy_id in world.vacancies.values():
        await matching.rescore_vacancy(conn, vacancy_id)
    await notifications.notify_matches(conn, settings, vacancy_ids=list(world.vacancies.values()))
    introduce = DecisionIn(
        employee_id=world.people["noor"],
        vacancy_id=world.vacancies["employer_journey"],
        decision="introduced",
    )
    await decisions.decide(conn, world.logins["coach"].actor, introduce)
