"""Alembic environment: plain SQL migrations, one upgrade at a time across processes."""

from __future__ import annotations

import psycopg
from alembic import context
from sqlalchemy import create_engine, text

# Any fixed number; it only has to be the same for every process that migrates.
MIGRATION_LOCK = 7_411_280_301


def _online() -> None:
    url = context.config.attributes["database_url"]
    # psycopg takes the same URLs as asyncpg (Unix sockets included) and runs multi-statement
    # SQL files as they are.
    engine = create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(url))
    with engine.connect() as connection:
        connection.execute(text(f"SELECT pg_advisory_lock({MIGRATION_LOCK})"))
        connection.commit()
        try:
            context.configure(
                connection=connection, target_metadata=None, transaction_per_migration=True
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            connection.rollback()
            connection.execute(text(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
            connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `opstap db upgrade`")
_online()
