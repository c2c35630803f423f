"""Request-scoped dependencies: the request owns its transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import asyncpg
from fastapi import Depends, File, Request, UploadFile

from services.core import csv_rows
from services.core.settings import Settings


async def get_conn(request: Request) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection in a transaction: committed when the route returns, else rolled back."""
    pool: asyncpg.Pool = request.app.state.pool
    async with pool.acquire() as conn, conn.transaction():
        yield conn


def client_address(request: Request) -> str | None:
    """The caller's network address: the peer of the connection. Behind a proxy uvicorn puts
    the X-Forwarded-For address here, but only from the proxies FORWARDED_ALLOW_IPS trusts
    (by default 127.0.0.1); a header from anyone else is ignored."""
    return request.client.host if request.client else None


async def read_csv(file: UploadFile) -> bytes:
    """An uploaded import file, up to one byte more than csv_rows takes (so that it refuses a
    larger one rather than reading part of it)."""
    return await file.read(csv_rows.MAX_BYTES + 1)


def get_settings(request: Request) -> Settings:
    """The settings the app was made with."""
    settings: Settings = request.app.state.settings
    return settings


# scope="function": the transaction commits before the response is sent, so a client never
# hears "done" for a write that then fails to commit (FastAPI's default runs the exit after).
Conn = Annotated[asyncpg.Connection, Depends(get_conn, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings)]
ClientAddress = Annotated[str | None, Depends(client_address)]
_LIMITS = f"at most {csv_rows.MAX_BYTES // 2**20} MB and {csv_rows.MAX_ROWS:,} rows"
CsvFile = Annotated[UploadFile, File(description=f"UTF-8 CSV, {_LIMITS}.")]
