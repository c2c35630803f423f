"""Schema migrations (Alembic, SQL files in services/core/migrations)."""

from __future__ import annotations

from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic config for the bundled migrations and this database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(slug)s")
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the schema up to `revision` (safe to run from several processes at once)."""
    command.upgrade(alembic_config(database_url), revision)


def head_revision() -> str:
    """The newest migration in the code."""
    heads = ScriptDirectory.from_config(alembic_config("")).get_heads()
    return ",".join(sorted(heads))


async def current_revision(conn: asyncpg.Connection) -> str | None:
    """The migration the database is at, or None when it was never migrated."""
    try:
        rows = await conn.fetch("SELECT version_num FROM alembic_version")
    except asyncpg.UndefinedTableError:
        return None
    return ",".join(sorted(r["version_num"] for r in rows)) or None
