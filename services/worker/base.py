"""The one decorator every task goes through, carrying the reliability defaults."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec

import asyncpg
from celery import Task, shared_task

from services.core import db
from services.core.errors import Unavailable
from services.worker import runtime

log = logging.getLogger(__name__)
P = ParamSpec("P")

# Errors worth another try: the database or broker was briefly away.
TRANSIENT = (
    OSError,
    Unavailable,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.SerializationError,
    asyncpg.exceptions.DeadlockDetectedError,
)


def opstap_task(
    name: str, *, max_retries: int = 5
) -> Callable[[Callable[Concatenate[asyncpg.Connection, P], Awaitable[Any]]], Task]:
    """Register async `fn(conn, *args)` as Celery task `name`.

    The task owns its transaction: it commits when `fn` returns and rolls back when it raises.
    Late ack, reject on worker loss, no result, bounded retries with jittered backoff. Tasks
    take ids and load fresh state, and must be idempotent.
    """

    def register(fn: Callable[Concatenate[asyncpg.Connection, P], Awaitable[Any]]) -> Task:
        @shared_task(
            name=name,
            bind=True,
            acks_late=True,
            reject_on_worker_lost=True,
            ignore_result=True,
            autoretry_for=TRANSIENT,
            max_retries=max_retries,
            retry_backoff=2,
            retry_backoff_max=300,
            retry_jitter=True,
        )
        @functools.wraps(fn)
        def task(self: Task, *args: P.args, **kwargs: P.kwargs) -> None:
            started = time.perf_counter()

            async def in_transaction(pool: asyncpg.Pool) -> None:
                async with db.transaction(pool) as conn:
                    await fn(conn, *args, **kwargs)

            try:
                runtime.run(in_transaction)
            finally:
                log.info(
                    "task %s done in %.1f ms (attempt %d)",
                    name,
                    (time.perf_counter() - started) * 1000,
                    self.request.retries + 1,
                    extra={"task": name, "task_id": self.request.id},
                )

        return task

    return register
