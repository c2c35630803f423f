"""Build committed organisations, accounts, people and vacancies for tests, and sign them in."""

from __future__ import annotations

import contextlib
import math
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx

from services.core import security
from services.core.accounts import repository

PASSWORD = "correct horse battery staple"


@dataclass
class User:
    """A signed-in account for a test: ids, credentials and auth headers."""

    account_id: uuid.UUID
    organisation_id: uuid.UUID
    email: str
    role: str
    headers: dict[str, str] = field(default_factory=dict)


async def organisation(
    pool: asyncpg.Pool, kind: str = "wise", name: str | None = None
) -> uuid.UUID:
    """A new committed organisation."""
    async with pool.acquire() as conn:
        row = await repository.insert_organisation(
            conn, kind, {"name": name or f"{kind} {uuid.uuid4().hex[:6]}"}
        )
    org_id: uuid.UUID = row["id"]
    return org_id


async def user(
    pool: asyncpg.Pool, client: httpx.AsyncClient, organisation_id: uuid.UUID, role: str
) -> User:
    """A new committed account, signed in through the API."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.org"
    async with pool.acquire() as conn:
        account_id = await repository.insert_account(
            conn, organisation_id, email, f"Test {role}", role, security.hash_password(PASSWORD)
        )
    found = User(account_id, organisation_id, email, role)
    found.headers = await sign_in(client, email)
    return found


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> dict[str, str]:
    """Authorization headers for the account."""
    response = await client.post(
        "/api/v1/auth/token", data={"username": email, "password": password}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def ok(response: httpx.Response) -> Any:
    """The JSON of a successful answer (None when it has no body)."""
    assert response.status_code in (200, 201, 204), response.text
    return response.json() if response.content else None


@dataclass
class Scene:
    """A WISE (admin, jobcoach, one person with a login who consents to matching) and an
    employer; five essential skills of one occupation, all of which the person has."""

    admin: User
    coach: User
    person: User
    employer: User
    employer_org: uuid.UUID
    employee_id: uuid.UUID
    occupation: str
    skills: list[str]


async def scene(pool: asyncpg.Pool, http: httpx.AsyncClient) -> Scene:
    """Organisations and accounts committed directly; the person made through the API."""
    wise = await organisation(pool)
    employer_org = await organisation(pool, "employer")
    admin = await user(pool, http, wise, "admin")
    coach = await user(pool, http, wise, "jobcoach")
    person = await user(pool, http, wise, "employee")
    employer = await user(pool, http, employer_org, "employer")
    row = await pool.fetchrow(
        "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
        "FROM occupation_skill WHERE relation = 'essential' GROUP BY occupation_uri "
        "HAVING count(*) >= 5 ORDER BY occupation_uri DESC LIMIT 1"
    )
    skills = list(row["skills"])[:5]
    found = await employee(
        http,
        coach,
        name="Noor Visser",
        ladder_rung=5,
        hours_min=16,
        hours_max=32,
        account_id=str(person.account_id),
        skills=observed(skills),
    )
    await consent(http, coach, found["id"])
    return Scene(
        admin,
        coach,
        person,
        employer,
        employer_org,
        uuid.UUID(found["id"]),
        row["occupation_uri"],
        skills,
    )


async def draft(http: httpx.AsyncClient, s: Scene, title: str, **fields: Any) -> uuid.UUID:
    """A draft vacancy of the scene's employer that fits its person (fields override); its id."""
    made = await vacancy(http, s.employer, s.occupation, **_fitting(s, title, fields))
    return uuid.UUID(made["id"])


async def publish(http: httpx.AsyncClient, s: Scene, title: str, **fields: Any) -> uuid.UUID:
    """The same vacancy, published (its vacancy.published event is in the outbox); its id."""
    fits = _fitting(s, title, fields)
    made = await vacancy(http, s.employer, s.occupation, published=True, **fits)
    return uuid.UUID(made["id"])


def _fitting(s: Scene, title: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": title,
        "contract_kind": "wise_paid",
        "hours_min": 20,
        "hours_max": 24,
        "skills": essential(s.skills),
    } | fields


def observed(skill_uris: list[str], level: int = 3) -> list[dict[str, Any]]:
    """Skills for an employee body, each observed at `level`."""
    return [{"skill_uri": u, "level": level, "source": "observed"} for u in skill_uris]


def essential(skill_uris: list[str]) -> list[dict[str, Any]]:
    """Skills for a vacancy body, each essential."""
    return [{"skill_uri": u, "relation": "essential"} for u in skill_uris]


async def employee(http: httpx.AsyncClient, user: User, **fields: Any) -> dict[str, Any]:
    """A person created through the API by `user` (a jobcoach or admin); fields override the
    body. The API's answer."""
    body = {"name": f"Person {uuid.uuid4().hex[:6]}", "ladder_rung": 4} | fields
    created: dict[str, Any] = await ok(
        await http.post("/api/v1/employees", headers=user.headers, json=body)
    )
    return created


async def consent(
    http: httpx.AsyncClient, user: User, employee_id: object, purpose: str = "matching", **more: Any
) -> dict[str, Any]:
    """A consent given through the API (`more`: employer_id, vacancy_id for sharing)."""
    given: dict[str, Any] = await ok(
        await http.post(
            f"/api/v1/employees/{employee_id}/consents",
            headers=user.headers,
            json={"purpose": purpose} | {k: str(v) for k, v in more.items()},
        )
    )
    return given


async def vacancy(
    http: httpx.AsyncClient, user: User, occupation: str, *, published: bool = False, **fields: Any
) -> dict[str, Any]:
    """A vacancy of `occupation` created through the API by `user` (an employer or a WISE
    admin); fields override the body. Published (open, its vacancy.published event in the
    outbox) when `published`. The API's last answer."""
    body = {
        "title": f"Vacancy {uuid.uuid4().hex[:6]}",
        "occupation_uri": occupation,
        "contract_kind": "regular",
        "hours_min": 8,
        "hours_max": 24,
    } | fields
    made: dict[str, Any] = await ok(
        await http.post("/api/v1/vacancies", headers=user.headers, json=body)
    )
    if published:
        made = await ok(
            await http.post(f"/api/v1/vacancies/{made['id']}/publish", headers=user.headers)
        )
    return made


VACANCY_ROW = {
    "title": "Vacature",
    "contract_kind": "regular",
    "ladder_rung": 4,
    "hours_min": 8,
    "hours_max": 24,
    "status": "draft",
}


async def vacancy_row(
    db: asyncpg.Pool | asyncpg.Connection, org: uuid.UUID, occupation: str, **columns: Any
) -> uuid.UUID:
    """A vacancy written straight to the table (no event, no skills), in the caller's
    transaction when given a connection; `columns` override the defaults. Its id."""
    values = {"organisation_id": org, "occupation_uri": occupation} | VACANCY_ROW | columns
    names = ", ".join(values)
    places = ", ".join(f"${i}" for i in range(1, len(values) + 1))
    vacancy_id: uuid.UUID = await db.fetchval(
        f"INSERT INTO vacancy ({names}) VALUES ({places}) RETURNING id", *values.values()
    )
    return vacancy_id


async def skill_row(
    db: asyncpg.Pool | asyncpg.Connection,
    employee_id: uuid.UUID,
    skill_uri: str,
    *,
    level: int = 3,
    source: str = "observed",
) -> None:
    """A skill written straight to a person's record (no event); a skill they already have
    stays as it is."""
    await db.execute(
        "INSERT INTO employee_skill (employee_id, skill_uri, level, source) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        employee_id,
        skill_uri,
        level,
        source,
    )


def splitting_threshold(scores: Sequence[float], configured: float) -> float:
    """A threshold for "fits" with some of `scores` at or over it and some under: `configured`
    when it does that, else the middle of the lowest and the highest (a world's scores differ
    between the starter taxonomy and full ESCO)."""
    low, high = min(scores), max(scores)
    assert low < high, f"the scores {sorted(scores)} cannot be told apart by a threshold"
    if low < configured <= high:
        return configured
    middle = (low + high) / 2
    whole = float(math.ceil(middle))  # a whole number, as the pages show it, where one fits
    return whole if low < whole <= high else middle


@contextlib.contextmanager
def fits_from(app: Any, bar: float) -> Iterator[None]:
    """The app's one threshold for "fits" (notify_min_score) at `bar` within the block."""
    before = app.state.settings
    app.state.settings = before.model_copy(update={"notify_min_score": bar})
    try:
        yield
    finally:
        app.state.settings = before
