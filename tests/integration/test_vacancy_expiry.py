"""A vacancy whose closing day has passed is closed by the hourly job, like a manual close: its
event reaches the worker, which drops its matches. Drafts and vacancies still open today stay."""

from __future__ import annotations

import asyncio
import subprocess
import time
from datetime import timedelta
from uuid import UUID

import asyncpg
import httpx

from services.core import db
from services.core.clock import today
from services.core.matching import service as matching
from services.core.settings import Settings
from services.core.vacancies import service as vacancies
from services.worker.app import create_celery
from services.worker.relay import relay_batch
from tests import factories


async def _status(pool: asyncpg.Pool, vacancy_id: UUID) -> str:
    return str(await pool.fetchval("SELECT status FROM vacancy WHERE id = $1", vacancy_id))


async def _closing(pool: asyncpg.Pool, vacancy_id: UUID, days_from_today: int) -> None:
    # The API refuses a closing day in the past for an open vacancy: time passing is set here.
    day = today() + timedelta(days=days_from_today)
    await pool.execute("UPDATE vacancy SET closing_date = $2 WHERE id = $1", vacancy_id, day)


async def test_only_open_vacancies_past_their_closing_day_close_once_with_an_event(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    expired = await factories.publish(client, s, "Gisteren gesloten")
    last_day = await factories.publish(client, s, "Vandaag de laatste dag")
    no_date = await factories.publish(client, s, "Zonder sluitingsdatum")
    draft = await factories.draft(client, s, "Concept")
    await _closing(pool, expired, -1)
    await _closing(pool, last_day, 0)
    await _closing(pool, draft, -3)

    async with db.transaction(pool) as conn:
        assert await vacancies.close_expired(conn, today()) >= 1
    assert [await _status(pool, v) for v in (expired, last_day, no_date, draft)] == [
        "closed",
        "open",
        "open",
        "draft",
    ]
    events = await pool.fetch(
        "SELECT payload FROM outbox_event WHERE event_type = 'vacancy.closed' "
        "AND aggregate_id = $1",
        str(expired),
    )
    assert [dict(e["payload"]) for e in events] == [{"from": "open", "expired": True}]

    async with db.transaction(pool) as conn:  # the next hour: nothing more to close
        await vacancies.close_expired(conn, today())
    assert (
        await pool.fetchval(
            "SELECT count(*) FROM outbox_event WHERE event_type = 'vacancy.closed' "
            "AND aggregate_id = $1",
            str(expired),
        )
        == 1
    )


async def test_the_job_in_a_real_worker_closes_it_and_its_matches_go(
    pool: asyncpg.Pool,
    client: httpx.AsyncClient,
    worker_settings: Settings,
    celery_worker: subprocess.Popen[bytes],
) -> None:
    s = await factories.scene(pool, client)
    vacancy_id = await factories.publish(client, s, "Verlopen vacature")
    async with db.transaction(pool) as conn:
        assert await matching.rescore_vacancy(conn, vacancy_id) >= 1
    await _closing(pool, vacancy_id, -1)

    celery = create_celery(worker_settings)
    celery.send_task("vacancies.close_expired")
    deadline = time.monotonic() + 60
    while await _status(pool, vacancy_id) != "closed":
        assert time.monotonic() < deadline, "the worker did not close the vacancy"
        assert celery_worker.poll() is None
        await asyncio.sleep(0.3)

    while await relay_batch(pool, celery, worker_settings) > 0:  # its event, to the worker
        pass
    deadline = time.monotonic() + 60
    while await pool.fetchval("SELECT count(*) FROM match WHERE vacancy_id = $1", vacancy_id):
        assert time.monotonic() < deadline, "the closed vacancy kept its matches"
        assert celery_worker.poll() is None
        await asyncio.sleep(0.3)
