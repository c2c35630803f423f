"""How a command runs: its settings, the (configured or embedded) servers, one database
connection, and expected failures as one clear line."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg
import typer

from services.core.errors import OpstapError
from services.core.logging import configure_logging
from services.core.settings import Settings, get_settings

T = TypeVar("T")


def settings() -> Settings:
    """The settings, with logging configured by them."""
    loaded = get_settings()
    configure_logging(loaded.log_level, loaded.log_format)
    return loaded


def fail(message: str, code: int = 2) -> None:
    """Print `message` as the command's one error line and exit with `code`."""
    typer.secho(f"opstap: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def with_services(settings: Settings, work: Callable[[Settings], T]) -> T:
    """Run `work` against the configured services, or embedded ones started for it."""
    from services.core.embedded import not_installed, running_services

    if problem := not_installed(settings.database_url, settings.redis_url):
        fail(problem)
    with running_services(settings.database_url, settings.redis_url, settings.data_dir) as urls:
        bound = settings.model_copy(
            update={"database_url": urls.database_url, "redis_url": urls.redis_url}
        )
        os.environ.update(urls.as_env())
        return work(bound)


async def on_connection(
    settings: Settings, work: Callable[[asyncpg.Connection], Awaitable[T]]
) -> T:
    """Run `work` on one connection to the settings' database, closed afterwards."""
    from services.core import db

    assert settings.database_url
    conn = await db.connect(settings.database_url)
    try:
        return await work(conn)
    finally:
        await conn.close()


def run_on_database(
    settings: Settings, work: Callable[[asyncpg.Connection, Settings], Awaitable[T]]
) -> T:
    """Run `work(conn, settings)` against the configured (or embedded) database."""
    return guard(
        lambda: with_services(
            settings, lambda s: asyncio.run(on_connection(s, lambda conn: work(conn, s)))
        )
    )


def guard(work: Callable[[], T]) -> T:
    """Turn expected failures into one clear line and exit code 2."""
    try:
        return work()
    except OpstapError as exc:
        fail(exc.detail)
    except (asyncpg.UndefinedTableError, asyncpg.UndefinedColumnError):
        fail("the database has no Opstap schema, or an old one: run `opstap db upgrade` first")
    raise AssertionError("unreachable")
