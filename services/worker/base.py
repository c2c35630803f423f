"""The one decorator every task goes through, carrying the reliability defaults.

- Late ack and reject on worker loss: a task whose worker dies is delivered again.
- Transient failures (the database or broker briefly away) are retried with jittered backoff.
- A task that fails for good, or whose same attempt has started `task_max_starts` times (it
  keeps killing its worker), becomes a dead letter instead of being requeued for ever. An
  event (`events.handle`) that keeps failing transiently is left to the outbox: the relay
  sends it again after its lease and gives up after `outbox_max_attempts` sends.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec
from uuid import UUID

import asyncpg
from celery import Task, shared_task

from services.core import db
from services.core.errors import Unavailable
from services.core.events import repository as events
from services.core.metrics import DEAD_LETTERS, TASK_DURATION, TASKS
from services.worker import runtime

log = logging.getLogger(__name__)
P = ParamSpec("P")
EVENT_TASK = "events.handle"

# Errors worth another try: the database or broker was briefly away.
TRANSIENT = (
    OSError,
    TimeoutError,
    Unavailable,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.SerializationError,
    asyncpg.exceptions.DeadlockDetectedError,
    asyncpg.exceptions.TooManyConnectionsError,
)


def backoff(retry: int) -> float:
    """Seconds before retry number `retry` (1, 2, ...): doubling from 2 s, capped, jittered."""
    return min(300.0, 2.0**retry) * random.uniform(0.5, 1.0)


def opstap_task(
    name: str,
) -> Callable[[Callable[Concatenate[asyncpg.Connection, P], Awaitable[Any]]], Task]:
    """Register async `fn(conn, *args)` as Celery task `name`.

    The task owns its transaction: it commits when `fn` returns and rolls back when it raises.
    Tasks take ids and load fresh state, and must be idempotent.
    """

    def register(fn: Callable[Concatenate[asyncpg.Connection, P], Awaitable[Any]]) -> Task:
        @shared_task(
            name=name, bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True
        )
        @functools.wraps(fn)
        def task(self: Task, *args: P.args, **kwargs: P.kwargs) -> None:
            settings = runtime.settings()
            retry, task_id = self.request.retries, str(self.request.id)
            started = time.perf_counter()
            outcome = "ok"

            async def in_transaction(pool: asyncpg.Pool) -> None:
                async with db.transaction(pool) as conn:
                    await fn(conn, *args, **kwargs)

            try:
                starts = runtime.count_start(task_id, retry)
                if starts > settings.task_max_starts:
                    outcome = "dead"
                    _give_up(
                        name,
                        task_id,
                        list(args),
                        f"started {starts} times without finishing; it may kill its worker",
                        retry + 1,
                    )
                    return
                runtime.run(in_transaction)
            except TRANSIENT as exc:
                if retry < settings.task_max_retries:
                    outcome = "retry"
                    raise self.retry(exc=exc, countdown=backoff(retry + 1)) from exc
                outcome = "failed"
                if name == EVENT_TASK:
                    log.warning(
                        "event %s still failing (%s); the relay sends it again", task_id, exc
                    )
                    return
                outcome = "dead"
                _give_up(name, task_id, list(args), _describe(exc), retry + 1)
            except Exception as exc:
                outcome = "dead"
                log.exception("task %s (%s) failed for good", name, task_id)
                _give_up(name, task_id, list(args), _describe(exc), retry + 1)
            finally:
                seconds = time.perf_counter() - started
                TASKS.labels(name, outcome).inc()
                TASK_DURATION.labels(name).observe(seconds)
                log.info(
                    "task %s %s in %.1f ms (attempt %d)",
                    name,
                    outcome,
                    seconds * 1000,
                    retry + 1,
                    extra={"task": name, "task_id": task_id},
                )

        return task

    return register


def _describe(exc: BaseException) -> str:
    """The error's kind and message (messages name ids, never personal data)."""
    return f"{type(exc).__name__}: {exc}"


def _give_up(name: str, task_id: str, args: list[Any], error: str, attempts: int) -> None:
    """Keep the message as a dead letter (and stop the relay resending its event)."""
    DEAD_LETTERS.labels(name).inc()
    log.error("task %s (%s) is now a dead letter: %s", name, task_id, error)

    async def record(pool: asyncpg.Pool) -> None:
        async with db.transaction(pool) as conn:
            await events.record_dead_letter(conn, name, task_id, args, error, attempts)
            if name == EVENT_TASK:
                await events.mark_dead(conn, UUID(task_id))

    runtime.run(record)
