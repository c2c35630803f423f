"""Integration modules share the session database (one per xdist worker, and `--dist loadfile`
keeps a module on one worker): each leaves nothing that scores."""

from __future__ import annotations

import ipaddress
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import datetime

import asyncpg
import pytest
import redis

from services.core.notifications import targets
from services.core.settings import Settings
from tests.conftest import process_env
from tests.faults import Crew, forget_queue
from tests.receivers import SmtpReceiver


@pytest.fixture(autouse=True, scope="module")
async def _module_leaves_nothing_to_match(pool: asyncpg.Pool) -> AsyncIterator[None]:
    """After a module, close its open vacancies and withdraw its consents to matching, so a
    later module's worker never scores (or notifies) against what this one left behind."""
    yield
    await pool.execute("UPDATE vacancy SET status = 'closed' WHERE status = 'open'")
    await pool.execute(
        "UPDATE consent SET withdrawn_at = now() "
        "WHERE purpose = 'matching' AND withdrawn_at IS NULL"
    )


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A resolver the test controls (name -> address), in place of the project's `resolve`."""
    answers: dict[str, str] = {}

    def resolve(host: str, port: int) -> list[targets.IPAddress]:
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(answers[host])]

    monkeypatch.setattr(targets, "resolve", resolve)
    return answers


# The fault drills' own processes and events (test_pipeline_faults.py, test_recompute.py).


@pytest.fixture
async def since(pool: asyncpg.Pool) -> AsyncIterator[datetime]:
    """The database time the drill began; events that were due before it wait a day."""
    parked = [
        r["id"]
        for r in await pool.fetch(
            "UPDATE outbox_event SET available_at = available_at + interval '1 day' "
            "WHERE processed_at IS NULL AND dead_at IS NULL AND available_at <= clock_timestamp() "
            "RETURNING id"
        )
    ]
    began: datetime = await pool.fetchval("SELECT clock_timestamp()")
    yield began
    await pool.execute(
        "UPDATE outbox_event SET available_at = available_at - interval '1 day' "
        "WHERE id = ANY($1::uuid[])",
        parked,
    )


@pytest.fixture
def drill_settings(worker_settings: Settings) -> Settings:
    """The session's settings with a queue of the drill's own."""
    return worker_settings.model_copy(update={"queue": f"opstap-drill-{uuid.uuid4().hex[:8]}"})


@pytest.fixture
def crew(
    drill_settings: Settings, smtp_receiver: SmtpReceiver, redis_client: redis.Redis
) -> Iterator[Crew]:
    """The drill's own processes (emailing the test SMTP server), all stopped afterwards."""
    env = process_env(
        drill_settings,
        OPSTAP_SMTP_HOST=smtp_receiver.host,
        OPSTAP_SMTP_PORT=str(smtp_receiver.port),
        OPSTAP_LOG_LEVEL="WARNING",
    )
    team = Crew(env)
    try:
        yield team
    finally:
        team.stop_all()
        forget_queue(redis_client, drill_settings.queue)
