"""Liveness, readiness and metrics."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import asyncpg
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.core import migrate
from services.core.events import repository as events
from services.core.events.models import OutboxLag
from services.core.metrics import (
    OUTBOX_DEAD,
    OUTBOX_OLDEST_SECONDS,
    OUTBOX_UNPROCESSED,
    OUTBOX_UNPUBLISHED,
)

router = APIRouter(tags=["system"])
CHECK_TIMEOUT = 3.0


@router.get("/health", summary="The process is alive")
async def health() -> dict[str, str]:
    """Alive: answers as long as the process runs."""
    return {"status": "ok"}


@router.get("/ready", summary="Database, Redis, schema and matcher are ready; outbox lag")
async def ready(request: Request) -> JSONResponse:
    """200 when the database and Redis answer, the schema is current and the matcher is built
    (or could not be: it is then built on first use), else 503."""
    checks: dict[str, str] = {}
    outbox: dict[str, Any] | None = None
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            async with request.app.state.pool.acquire() as conn:
                current = await migrate.current_revision(conn)
                lag = await _outbox_lag(conn)
        checks["database"] = "ok"
        head = request.app.state.head_revision
        checks["migrations"] = "ok" if current == head else f"at {current}, code needs {head}"
        outbox = {
            "unpublished": lag.unpublished,
            "unprocessed": lag.unprocessed,
            "dead": lag.dead,
            "oldest_seconds": round(lag.oldest_seconds, 3),
        }
    except Exception as exc:  # any failure to reach it means not ready
        checks["database"] = f"unreachable: {type(exc).__name__}"
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            await request.app.state.redis.ping()
        checks["redis"] = "ok"
    except Exception as exc:
        checks["redis"] = f"unreachable: {type(exc).__name__}"
    # The matcher builds as the API starts (13.7 s on full ESCO): no traffic until it is there.
    checks["matcher"] = getattr(request.app.state, "matcher", "ok")
    is_ready = all(v == "ok" for k, v in checks.items() if k != "matcher") and (
        checks["matcher"] != "warming"
    )
    body = {"status": "ready" if is_ready else "not_ready", "checks": checks, "outbox": outbox}
    return JSONResponse(body, status_code=200 if is_ready else 503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(request: Request) -> Response:
    """Counters and histograms in the Prometheus text format."""
    with contextlib.suppress(Exception):  # the lag gauges keep their last value
        async with asyncio.timeout(CHECK_TIMEOUT), request.app.state.pool.acquire() as conn:
            await _outbox_lag(conn)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def _outbox_lag(conn: asyncpg.Connection) -> OutboxLag:
    """The outbox lag, also set on the Prometheus gauges."""
    lag = await events.lag(conn)
    OUTBOX_UNPUBLISHED.set(lag.unpublished)
    OUTBOX_UNPROCESSED.set(lag.unprocessed)
    OUTBOX_OLDEST_SECONDS.set(lag.oldest_seconds)
    OUTBOX_DEAD.set(lag.dead)
    return lag
