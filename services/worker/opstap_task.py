"""The one decorator every task goes through, and the task class carrying the reliability
defaults (Celery's own settings where Celery has one).

- Late ack and reject on worker loss: a task whose worker dies is delivered again.
- Transient failures (the database or broker briefly away) are retried by Celery
  (`autoretry_for`) with exponential backoff from 2 s, capped at 300 s, full jitter.
- A task that fails for good, or whose same attempt has started `task_max_starts` times (it
  keeps killing its worker), becomes a dead letter instead of being requeued for ever. An
  event (`events.handle`) that keeps failing transiently is left to the outbox: the relay
  sends it again after its lease and gives up after `outbox_max_attempts` sends.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec
from uuid import UUID

import asyncpg
from celery import Task, shared_task
from celery.exceptions import Reject

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


class OpstapTask(Task):
    """Reliability defaults, metrics and dead letters for every task."""

    acks_late = True
    reject_on_worker_lost = True
    ignore_result = True
    autoretry_for = TRANSIENT
    retry_backoff = 2  # seconds before the first retry, doubling
    retry_backoff_max = 300
    retry_jitter = True

    def before_start(self, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """Refuse an attempt that has started too often: it keeps killing its worker. (Retries
        are counted against the settings of the Celery app the task runs in.)"""
        self.request.started_at = time.perf_counter()
        self.max_retries = runtime.settings().task_max_retries
        starts = runtime.count_start(task_id, self.request.retries)
        if starts > runtime.settings().task_max_starts:
            self._done("dead")
            _give_up(
                self.name,
                task_id,
                list(args),
                f"started {starts} times without finishing; it may kill its worker",
                self.request.retries + 1,
            )
            raise Reject("a dead letter", requeue=False)

    def on_success(self, retval: Any, task_id: str, args: Any, kwargs: Any) -> None:
        self._done("ok")

    def on_retry(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        self._done("retry")

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """Out of retries, or not worth one: a dead letter, except an event's transient error
        (the relay sends the event again)."""
        if self.name == EVENT_TASK and isinstance(exc, TRANSIENT):
            log.warning("event %s still failing (%s); the relay sends it again", task_id, exc)
            self._done("failed")
            return
        if not isinstance(exc, TRANSIENT):
            log.error("task %s (%s) failed for good", self.name, task_id, exc_info=exc)
        self._done("dead")
        _give_up(self.name, task_id, list(args), _describe(exc), self.request.retries + 1)

    def _done(self, outcome: str) -> None:
        seconds = time.perf_counter() - getattr(self.request, "started_at", time.perf_counter())
        TASKS.labels(self.name, outcome).inc()
        TASK_DURATION.labels(self.name).observe(seconds)
        log.info(
            "task %s %s in %.1f ms (attempt %d)",
            self.name,
            outcome,
            seconds * 1000,
            self.request.retries + 1,
            extra={"task": self.name, "task_id": self.request.id},
        )


def opstap_task(
    name: str,
) -> Callable[[Callable[Concatenate[asyncpg.Connection, P], Awaitable[Any]]], Task]:
    """Register async `fn(conn, *args)` as Celery task `name`.

    The task owns its transaction: it commits when `fn` returns and rolls back when it raises.
    Tasks take ids and load fresh state, and must be idempotent.
    """

    def register(fn: Callable[Concatenate[asyncpg.Connection, P], Awaitable[Any]]) -> Task:
        @shared_task(name=name, base=OpstapTask)
        @functools.wraps(fn)
        def task(*args: P.args, **kwargs: P.kwargs) -> None:
            async def in_transaction(pool: asyncpg.Pool) -> None:
                async with db.transaction(pool) as conn:
                    await fn(conn, *args, **kwargs)

            runtime.run(in_transaction)

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
