"""Retention: what is past its period goes (with all derived from it), the rest stays.

The service takes the clock as a parameter: rows are written with timestamps in the past, in a
transaction that is rolled back, and the service runs at the database's `now`.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from datetime import datetime
from typing import Any

import asyncpg
import pytest

from services.core.privacy import erasure
from services.core.retention import service as retention
from services.core.retention.models import Periods, Removed
from services.core.settings import Settings
from services.worker.app import create_celery

PERIODS = Periods()  # the defaults: 24 months, 12 months, 180/365 days, 24 months
BIG_BATCH = 100_000
OLD = "25 months"  # past every default period
RECENT = "1 month"  # within every default period


async def run(conn: asyncpg.Connection, batch_size: int = BIG_BATCH) -> Removed:
    return await retention.enforce(
        conn, now=await now(conn), periods=PERIODS, batch_size=batch_size
    )


async def now(conn: asyncpg.Connection) -> datetime:
    value: datetime = await conn.fetchval("SELECT now()")
    return value


async def organisation(conn: asyncpg.Connection) -> uuid.UUID:
    org_id: uuid.UUID = await conn.fetchval(
        "INSERT INTO organisation (kind, name) VALUES ('wise', $1) RETURNING id",
        f"wise {uuid.uuid4().hex[:6]}",
    )
    return org_id


async def person(
    conn: asyncpg.Connection, org: uuid.UUID, *, age: str = OLD, with_account: bool = True
) -> dict[str, Any]:
    """A person (and their own account) last touched `age` ago."""
    account_id = None
    if with_account:
        account_id = await conn.fetchval(
            """INSERT INTO account (organisation_id, email, name, role, created_at, updated_at)
               VALUES ($1, $2, 'Person', 'employee', now() - $3::text::interval,
                       now() - $3::text::interval) RETURNING id""",
            org,
            f"p-{uuid.uuid4().hex[:8]}@example.org",
            age,
        )
    employee_id = await conn.fetchval(
        """INSERT INTO employee (organisation_id, account_id, name, ladder_rung, created_at,
                                 updated_at)
           VALUES ($1, $2, 'Person', 3, now() - $3::text::interval, now() - $3::text::interval)
           RETURNING id""",
        org,
        account_id,
        age,
    )
    return {"employee_id": employee_id, "account_id": account_id}


async def vacancy(
    conn: asyncpg.Connection, org: uuid.UUID, *, status: str = "open", age: str = RECENT
) -> uuid.UUID:
    vacancy_id: uuid.UUID = await conn.fetchval(
        """INSERT INTO vacancy (organisation_id, title, occupation_uri, contract_kind,
                                ladder_rung, hours_min, hours_max, status, created_at, updated_at)
           VALUES ($1, 'Job', 'http://example.org/occupation', 'regular', 3, 10, 20, $2,
                   now() - $3::text::interval, now() - $3::text::interval) RETURNING id""",
        org,
        status,
        age,
    )
    return vacancy_id


async def exists(conn: asyncpg.Connection, table: str, column: str, value: object) -> bool:
    found: bool = await conn.fetchval(
        f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = $1)", value
    )
    return found


async def derive_everything(
    conn: asyncpg.Connection, who: dict[str, Any], vacancy_id: uuid.UUID, age: str = OLD
) -> None:
    """Rows of every kind derived from a person, all written `age` ago."""
    e, a = who["employee_id"], who["account_id"]
    module_id = await conn.fetchval("SELECT id FROM training_module LIMIT 1")
    await conn.execute(
        """
        WITH s AS (INSERT INTO employee_skill (employee_id, skill_uri, level, source)
                   VALUES ($1, 'http://example.org/skill', 2, 'self')),
             l AS (INSERT INTO employee_language (employee_id, language, cefr)
                   VALUES ($1, 'nl', 'B1')),
             acc AS (INSERT INTO employee_accommodation (employee_id, accommodation_code)
                     VALUES ($1, 'part_time')),
             c AS (INSERT INTO consent (employee_id, purpose, given_at)
                   VALUES ($1, 'matching', now() - $4::text::interval)),
             m AS (INSERT INTO match (vacancy_id, employee_id, score, explanation,
                                      model_version, computed_at)
                   VALUES ($3, $1, 70, '{}', 'test', now() - $4::text::interval)),
             n AS (INSERT INTO notification (account_id, kind, dedupe_key, employee_id,
                                             created_at)
                   VALUES ($2, 'match_found', gen_random_uuid()::text, $1,
                           now() - $4::text::interval)),
             t AS (INSERT INTO refresh_token (account_id, token_hash, created_at, expires_at)
                   VALUES ($2, gen_random_uuid()::text, now() - $4::text::interval,
                           now() - $4::text::interval + interval '30 days')),
             r AS (INSERT INTO training_record (employee_id, module_id, completed_on,
                                                created_at)
                   VALUES ($1, $5, (now() - $4::text::interval)::date, now() - $4::text::interval)),
             o AS (INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id,
                                             processed_at)
                   VALUES ('employee.profile_updated', 'employee', $1::text, NULL)),
             sl AS (INSERT INTO suggestion_log (shown_at, audience, context, employee_id,
                                                vacancy_id, score, model_version)
                    VALUES (now() - $4::text::interval, 'jobcoach', 'test', $1, $3, 70, 'test')
                    RETURNING id)
        INSERT INTO placement_decision (employee_id, vacancy_id, decision, suggestion_id,
                                        decided_role, decided_at)
        SELECT $1, $3, 'introduced', id, 'jobcoach', now() - $4::text::interval FROM sl
        """,
        e,
        a,
        vacancy_id,
        age,
        module_id,
    )


PERSON_TABLES = (
    "employee_skill",
    "employee_language",
    "employee_accommodation",
    "consent",
    "match",
    "notification",
    "training_record",
    "suggestion_log",
    "placement_decision",
)


async def test_an_inactive_person_goes_with_all_derived_and_leaves_a_tombstone(
    conn: asyncpg.Connection,
) -> None:
    org = await organisation(conn)
    vacancy_id = await vacancy(conn, org)
    who = await person(conn, org)
    await derive_everything(conn, who, vacancy_id)
    await conn.execute(
        """INSERT INTO audit_log (actor_role, employee_id, action, fields, purpose)
           VALUES ('jobcoach', $1, 'read', '{name}', 'test')""",
        who["employee_id"],
    )
    clock = await now(conn)

    removed = await run(conn)

    e = who["employee_id"]
    assert removed.people >= 1
    assert not await exists(conn, "employee", "id", e)
    assert not await exists(conn, "account", "id", who["account_id"])
    assert not await exists(conn, "refresh_token", "account_id", who["account_id"])
    for table in PERSON_TABLES:
        assert not await exists(conn, table, "employee_id", e), table
    left = await conn.fetch("SELECT event_type FROM outbox_event WHERE aggregate_id = $1", str(e))
    assert [r["event_type"] for r in left] == ["employee.erased"]  # no payload about them
    tombstone = await conn.fetchrow(
        "SELECT * FROM erasure_tombstone WHERE organisation_id = $1", org
    )
    assert tombstone is not None
    assert (tombstone["reason"], tombstone["ladder_rung"]) == ("retention", 3)
    assert tombstone["erased_at"] == clock
    # Erasure is the same for retention as on request: the reads of the person go too.
    assert not await exists(conn, "audit_log", "employee_id", e)
    assert await exists(conn, "vacancy", "id", vacancy_id)


# Each kind of activity within the period keeps a person who is otherwise idle.
ACTIVITY = {
    "profile updated": "UPDATE employee SET updated_at = now() - $2::text::interval WHERE id = $1",
    "signed in": """INSERT INTO refresh_token (account_id, token_hash, created_at, expires_at)
                    SELECT account_id, gen_random_uuid()::text, now() - $2::text::interval, now()
                    FROM employee WHERE id = $1""",
    "signed in to the pages": """UPDATE account SET last_sign_in_at = now() - $2::text::interval
                                  WHERE id = (SELECT account_id FROM employee WHERE id = $1)""",
    "used an api key": """INSERT INTO api_key (account_id, name, prefix, key_hash, last_used_at,
                                             expires_at)
                          SELECT account_id, 'k', 'opk', gen_random_uuid()::text,
                                 now() - $2::text::interval, now() FROM employee WHERE id = $1""",
    "consent given": """INSERT INTO consent (employee_id, purpose, given_at)
                        VALUES ($1, 'matching', now() - $2::text::interval)""",
    "training recorded": """INSERT INTO training_record (employee_id, module_id, completed_on,
                                                         created_at)
                            SELECT $1, id, current_date, now() - $2::text::interval
                            FROM training_module LIMIT 1""",
    "skill assessed": """INSERT INTO employee_skill (employee_id, skill_uri, level, source,
                                                    assessed_on)
                         VALUES ($1, 'http://example.org/s', 2, 'observed',
                                 (now() - $2::text::interval)::date)""",
    "placement decision": """INSERT INTO placement_decision (employee_id, vacancy_id, decision,
                                                             decided_role, decided_at)
                             SELECT $1, id, 'introduced', 'jobcoach', now() - $2::text::interval
                             FROM vacancy WHERE organisation_id = (
                                 SELECT organisation_id FROM employee WHERE id = $1)""",
}


@pytest.mark.parametrize("activity", sorted(ACTIVITY))
async def test_recent_activity_keeps_a_person(conn: asyncpg.Connection, activity: str) -> None:
    org = await organisation(conn)
    await vacancy(conn, org)
    recent, lapsed = await person(conn, org), await person(conn, org)
    await conn.execute(ACTIVITY[activity], recent["employee_id"], RECENT)
    await conn.execute(ACTIVITY[activity], lapsed["employee_id"], OLD)

    await run(conn)

    assert await exists(conn, "employee", "id", recent["employee_id"])
    assert not await exists(conn, "employee", "id", lapsed["employee_id"])


async def test_work_of_the_machine_is_not_activity(conn: asyncpg.Connection) -> None:
    org = await organisation(conn)
    vacancy_id = await vacancy(conn, org)
    who = await person(conn, org)
    await derive_everything(conn, who, vacancy_id, age=OLD)
    await conn.execute(
        "UPDATE match SET computed_at = now() WHERE employee_id = $1", who["employee_id"]
    )
    await conn.execute(
        "UPDATE notification SET created_at = now() WHERE employee_id = $1", who["employee_id"]
    )

    await run(conn)

    assert not await exists(conn, "employee", "id", who["employee_id"])


async def test_a_person_without_an_account_and_a_fresh_one_are_told_apart(
    conn: asyncpg.Connection,
) -> None:
    org = await organisation(conn)
    idle = await person(conn, org, with_account=False)
    fresh = await person(conn, org, age="0 days")

    await run(conn)

    assert not await exists(conn, "employee", "id", idle["employee_id"])
    assert await exists(conn, "employee", "id", fresh["employee_id"])
    assert await exists(conn, "account", "id", fresh["account_id"])


async def test_a_coach_of_an_erased_person_keeps_their_account(conn: asyncpg.Connection) -> None:
    org = await organisation(conn)
    coach = await conn.fetchval(
        """INSERT INTO account (organisation_id, email, name, role)
           VALUES ($1, $2, 'Coach', 'jobcoach') RETURNING id""",
        org,
        f"c-{uuid.uuid4().hex[:8]}@example.org",
    )
    who = await person(conn, org)
    await conn.execute(
        "UPDATE employee SET jobcoach_id = $2 WHERE id = $1", who["employee_id"], coach
    )

    await run(conn)

    assert not await exists(conn, "employee", "id", who["employee_id"])
    assert await exists(conn, "account", "id", coach)


async def test_closed_vacancies_go_after_their_period_open_ones_stay(
    conn: asyncpg.Connection,
) -> None:
    org = await organisation(conn)
    old_closed = await vacancy(conn, org, status="closed", age="13 months")
    old_filled = await vacancy(conn, org, status="filled", age="13 months")
    new_closed = await vacancy(conn, org, status="closed", age="11 months")
    old_open = await vacancy(conn, org, status="open", age="13 months")
    who = await person(conn, org, age="0 days")
    await conn.execute(
        """INSERT INTO match (vacancy_id, employee_id, score, explanation, model_version)
           VALUES ($1, $2, 50, '{}', 'test')""",
        old_closed,
        who["employee_id"],
    )

    removed = await run(conn)

    assert removed.vacancies >= 2
    assert not await exists(conn, "vacancy", "id", old_closed)
    assert not await exists(conn, "vacancy", "id", old_filled)
    assert not await exists(conn, "match", "vacancy_id", old_closed)
    assert await exists(conn, "vacancy", "id", new_closed)
    assert await exists(conn, "vacancy", "id", old_open)
    assert await exists(conn, "employee", "id", who["employee_id"])


async def test_notifications_go_read_after_180_days_unread_after_365(
    conn: asyncpg.Connection,
) -> None:
    org = await organisation(conn)
    who = await person(conn, org, age="0 days")
    ages = {"read_old": ("181 days", True), "read_new": ("179 days", True)}
    ages |= {"unread_mid": ("200 days", False), "unread_old": ("366 days", False)}
    ids = {}
    for name, (age, read) in ages.items():
        ids[name] = await conn.fetchval(
            """INSERT INTO notification (account_id, kind, dedupe_key, created_at, read_at)
               VALUES ($1, 'match_found', $2, now() - $3::text::interval,
                       CASE WHEN $4 THEN now() - $3::text::interval END) RETURNING id""",
            who["account_id"],
            name,
            age,
            read,
        )

    await run(conn)

    kept = {name for name, i in ids.items() if await exists(conn, "notification", "id", i)}
    assert kept == {"read_new", "unread_mid"}


async def test_audit_rows_and_suggestions_go_after_24_months(conn: asyncpg.Connection) -> None:
    org = await organisation(conn)
    who = await person(conn, org, age="0 days")
    e = who["employee_id"]
    for age in ("25 months", "23 months"):
        await conn.execute(
            """INSERT INTO audit_log (at, actor_role, employee_id, action, fields, purpose)
               VALUES (now() - $2::text::interval, 'jobcoach', $1, $2, '{}', 'test')""",
            e,
            age,
        )
        await conn.execute(
            """INSERT INTO suggestion_log (shown_at, audience, context, employee_id,
                                           model_version)
               VALUES (now() - $2::text::interval, 'jobcoach', $2, $1, 'test')""",
            e,
            age,
        )

    await run(conn)

    audit = await conn.fetch("SELECT action FROM audit_log WHERE employee_id = $1", e)
    shown = await conn.fetch("SELECT context FROM suggestion_log WHERE employee_id = $1", e)
    assert [r[0] for r in audit] == ["23 months"]
    assert [r[0] for r in shown] == ["23 months"]


async def test_each_run_takes_one_batch_per_kind(conn: asyncpg.Connection) -> None:
    org = await organisation(conn)
    who = await person(conn, org, age="0 days")
    await conn.execute(
        """INSERT INTO audit_log (at, actor_role, employee_id, action, fields, purpose)
           SELECT now() - interval '30 months', 'jobcoach', $1, 'read', '{}', 'test'
           FROM generate_series(1, 3)""",
        who["employee_id"],
    )
    before = await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE at < now() - interval '24 months'"
    )

    first = await run(conn, batch_size=2)

    assert first.audit_rows == 2
    assert first.any_batch_full(2)
    left = await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE at < now() - interval '24 months'"
    )
    assert left == before - 2


async def test_every_foreign_key_to_a_person_cascades_or_is_cleared(
    conn: asyncpg.Connection,
) -> None:
    """Erasure relies on ON DELETE CASCADE for what hangs off employee(id): a new table with a
    plain reference would make it fail (or, with SET NULL, keep data about the person)."""
    rows = await conn.fetch(
        """SELECT conrelid::regclass::text AS source, confdeltype::text AS confdeltype
           FROM pg_constraint
           WHERE contype = 'f' AND confrelid = 'employee'::regclass"""
    )
    assert rows
    assert {r["source"]: r["confdeltype"] for r in rows if r["confdeltype"] != "c"} == {}


async def test_the_task_enforces_retention_in_a_real_worker(
    pool: asyncpg.Pool,
    worker_settings: Settings,
    celery_worker: subprocess.Popen[bytes],
) -> None:
    async with pool.acquire() as conn:
        org = await organisation(conn)
        who = await person(conn, org)
        fresh = await person(conn, org, age="0 days")
    try:
        create_celery(worker_settings).send_task("maintenance.retention")
        deadline = time.monotonic() + 60
        async with pool.acquire() as conn:
            while await exists(conn, "employee", "id", who["employee_id"]):
                assert time.monotonic() < deadline, "the worker did not erase the person"
                assert celery_worker.poll() is None
                await asyncio.sleep(0.3)
            assert await exists(conn, "employee", "id", fresh["employee_id"])
            assert await exists(conn, "erasure_tombstone", "organisation_id", org)
    finally:
        async with pool.acquire() as conn:
            await erasure.erase_people(
                conn, [fresh["employee_id"]], reason="request", at=await now(conn)
            )
            await conn.execute("DELETE FROM erasure_tombstone WHERE organisation_id = $1", org)
            await conn.execute("DELETE FROM organisation WHERE id = $1", org)
