"""One event loop and one asyncpg pool per worker process, for async task code."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import asyncpg
import redis
from celery import current_app
from celery.signals import worker_process_init, worker_process_shutdown

from services.core import db
from services.core.settings import Settings, get_settings

T = TypeVar("T")

_loop: asyncio.AbstractEventLoop | None = None
_pool: asyncpg.Pool | None = None
_redis: redis.Redis | None = None
STARTS_PREFIX = "opstap:task-starts:"
STARTS_TTL_SECONDS = 7 * 24 * 3600


def settings() -> Settings:
    """The settings of the Celery app the tasks run in (see app.create_celery)."""
    bound = current_app.conf.get("opstap_settings")
    return bound if isinstance(bound, Settings) else get_settings()


def _event_loop() -> asyncio.AbstractEventLoop:
    global _loop
    if _loop is None or _loop.is_closed():
        _loop = asyncio.new_event_loop()
    return _loop


async def _get_pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        url = settings().database_url
        if not url:
            raise RuntimeError("DATABASE_URL must be set for tasks")
        _pool = await db.create_pool(url, min_size=1, max_size=2)
    return _pool


def count_start(task_id: str, retry: int) -> int:
    """How often this attempt of this task has started (this time included).

    More than one start of the same attempt means a worker died running it. Counting needs
    Redis; when it cannot be reached the start counts as the first.
    """
    global _redis
    try:
        if _redis is None:
            url = settings().redis_url
            assert url, "REDIS_URL must be set for tasks"
            _redis = redis.Redis.from_url(url, socket_timeout=5)
        key = f"{STARTS_PREFIX}{task_id}:{retry}"
        with _redis.pipeline() as pipe:
            pipe.incr(key)
            pipe.expire(key, STARTS_TTL_SECONDS)
            count, _ = pipe.execute()
        return int(count)
    except redis.RedisError:
        return 1


def run(work: Callable[[asyncpg.Pool], Awaitable[T]]) -> T:
    """Run async `work` with this process's pool, on this process's loop."""
    loop = _event_loop()
    return loop.run_until_complete(_run(work))


async def _run(work: Callable[[asyncpg.Pool], Awaitable[T]]) -> T:
    return await work(await _get_pool())


@worker_process_init.connect
def _fresh_after_fork(**_: Any) -> None:
    # A forked child must never use the parent's sockets.
    global _loop, _pool, _redis
    _loop, _pool, _redis = None, None, None


@worker_process_shutdown.connect
def _close(**_: Any) -> None:
    global _pool
    if _pool is not None and _loop is not None and not _loop.is_closed():
        _loop.run_until_complete(_pool.close())
        _pool = None
