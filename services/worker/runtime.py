"""One event loop and one asyncpg pool per worker process, for async task code."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import asyncpg
from celery import current_app
from celery.signals import worker_process_init, worker_process_shutdown

from services.core import db
from services.core.settings import Settings, get_settings

T = TypeVar("T")

_loop: asyncio.AbstractEventLoop | None = None
_pool: asyncpg.Pool | None = None


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


def run(work: Callable[[asyncpg.Pool], Awaitable[T]]) -> T:
    """Run async `work` with this process's pool, on this process's loop."""
    loop = _event_loop()
    return loop.run_until_complete(_run(work))


async def _run(work: Callable[[asyncpg.Pool], Awaitable[T]]) -> T:
    return await work(await _get_pool())


@worker_process_init.connect
def _fresh_after_fork(**_: Any) -> None:
    # A forked child must never use the parent's sockets.
    global _loop, _pool
    _loop, _pool = None, None


@worker_process_shutdown.connect
def _close(**_: Any) -> None:
    global _pool
    if _pool is not None and _loop is not None and not _loop.is_closed():
        _loop.run_until_complete(_pool.close())
        _pool = None
