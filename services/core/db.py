"""The asyncpg pool, transactions at the edge, and clear errors when the database is away."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import asyncpg

from services.core.errors import Unavailable


def describe_url(url: str) -> str:
    """A database URL without its password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host:
        query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
        host = query.get("host", "local socket")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.username or ''}@{host}{port}{parts.path}"


async def _init_connection(conn: asyncpg.Connection) -> None:
    for type_name in ("json", "jsonb"):
        await conn.set_type_codec(
            type_name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
        )


async def connect(url: str) -> asyncpg.Connection:
    """One connection outside the pool (for LISTEN, COPY-heavy imports and migrations)."""
    try:
        conn = await asyncpg.connect(url, timeout=10)
    except (OSError, asyncpg.PostgresError, TimeoutError, ValueError) as exc:
        raise Unavailable(_connect_failure(url, exc)) from exc
    await _init_connection(conn)
    return conn


async def create_pool(url: str, *, min_size: int = 1, max_size: int = 10) -> asyncpg.Pool:
    """A connection pool; raises Unavailable with one clear sentence when it cannot connect."""
    try:
        pool = await asyncpg.create_pool(
            url, min_size=min_size, max_size=max_size, init=_init_connection, timeout=10
        )
    except (OSError, asyncpg.PostgresError, TimeoutError, ValueError) as exc:
        raise Unavailable(_connect_failure(url, exc)) from exc
    assert pool is not None
    return pool


def _connect_failure(url: str, exc: BaseException) -> str:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"cannot connect to the database {describe_url(url)}: {reason}. Check DATABASE_URL."


@contextlib.asynccontextmanager
async def transaction(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    """A connection in a transaction that commits when the block ends and rolls back on error."""
    async with pool.acquire() as conn, conn.transaction():
        yield conn


def with_database(url: str, name: str) -> str:
    """The same server URL, pointing at database `name` (Unix-socket URLs included)."""
    base, _, query = url.partition("?")
    base = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
    return f"{base}/{name}" + (f"?{query}" if query else "")


@contextlib.asynccontextmanager
async def temporary_database(server_url: str, prefix: str = "opstap_tmp") -> AsyncIterator[str]:
    """A new, empty database on the server of `server_url`, dropped afterwards (tests, benches)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = await connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield with_database(server_url, name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def record_to_dict(record: asyncpg.Record | None) -> dict[str, Any] | None:
    """A row as a plain dict (None stays None)."""
    return dict(record) if record is not None else None
