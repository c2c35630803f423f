"""`opstap db`: the database schema."""

from __future__ import annotations

import asyncio

import typer

from services.cli import runner

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def db_upgrade() -> None:
    """Apply all pending migrations."""
    from services.core.bootstrap import migrate

    settings = runner.settings()
    runner.guard(lambda: runner.with_services(settings, lambda s: asyncio.run(migrate(s))))
    typer.echo("database schema is up to date")


@app.command("current")
def db_current() -> None:
    """Show the migration the database is at and the newest one in the code."""
    from services.core.bootstrap import schema_status

    settings = runner.settings()
    current, head = runner.guard(
        lambda: runner.with_services(settings, lambda s: asyncio.run(schema_status(s)))
    )
    typer.echo(f"database: {current or 'not migrated'}\ncode:     {head}")
