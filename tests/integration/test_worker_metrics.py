"""A worker serves its task metrics, counted across its forked processes."""

from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg
import httpx

from services.core.settings import Settings
from services.worker.app import create_celery
from tests.conftest import free_port, process_env, start, stop


async def test_a_worker_counts_its_tasks_on_its_metrics_port(
    pool: asyncpg.Pool, worker_settings: Settings
) -> None:
    port, queue = free_port(), f"metrics-{uuid.uuid4().hex[:8]}"
    own = worker_settings.model_copy(update={"queue": queue})
    worker = start(
        ["worker", "--concurrency", "2"],
        process_env(own, OPSTAP_WORKER_METRICS_PORT=str(port)),
    )
    try:
        event_id = await pool.fetchval(
            "INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id) "
            "VALUES ('probe.metrics', 'probe', 'm') RETURNING id"
        )
        celery = create_celery(own)
        for _ in range(3):  # one run and two redeliveries that change nothing
            celery.send_task("events.handle", args=[str(event_id)], task_id=str(event_id))
        deadline, text = time.monotonic() + 60, ""
        async with httpx.AsyncClient(timeout=2) as http:
            while time.monotonic() < deadline:
                try:
                    text = (await http.get(f"http://127.0.0.1:{port}/metrics")).text
                except httpx.HTTPError:
                    text = ""
                if 'opstap_tasks_total{outcome="ok",task="events.handle"} 3.0' in text:
                    break
                await asyncio.sleep(0.3)
        assert 'opstap_tasks_total{outcome="ok",task="events.handle"} 3.0' in text, text[-2000:]
        assert 'opstap_task_duration_seconds_count{task="events.handle"} 3.0' in text
        assert (
            await pool.fetchval(
                "SELECT count(*) FROM processed_event WHERE event_id = $1", event_id
            )
            == 0
        )  # no handler for this probe type: nothing to record, nothing doubled
    finally:
        stop(worker)
