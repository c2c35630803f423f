"""`opstap dead-letters`: messages given up on, listed and replayed."""

from __future__ import annotations

from typing import Annotated

import asyncpg
import typer

from services.cli import runner
from services.core.settings import Settings

app = typer.Typer(help="Messages given up on after repeated failure.", no_args_is_help=True)


@app.command("list")
def dead_letters_list(
    everything: Annotated[bool, typer.Option("--all", help="Include replayed ones.")] = False,
) -> None:
    """Show dead letters: what failed, how often, and why."""

    async def show(conn: asyncpg.Connection, _: Settings) -> None:
        from services.core.events import repository as events

        found = await events.dead_letters(conn, include_replayed=everything)
        for d in found:
            state = f"replayed {d.replayed_at:%Y-%m-%d %H:%M}" if d.replayed_at else "waiting"
            typer.echo(
                f"{d.id}\t{d.created_at:%Y-%m-%d %H:%M}\t{d.task_name}\t{d.task_id}\t"
                f"{d.attempts} attempts\t{state}\t{d.error}"
            )
        typer.echo(f"{len(found)} dead letters", err=True)

    runner.run_on_database(runner.settings(), show)


@app.command("replay")
def dead_letters_replay(
    ids: Annotated[list[int] | None, typer.Argument(help="Dead letter ids.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Replay every waiting one.")] = False,
) -> None:
    """Try dead letters again from a clean start (after fixing what made them fail)."""
    if not ids and not everything:
        runner.fail("name the dead letters to replay, or give --all")

    async def run(conn: asyncpg.Connection, s: Settings) -> None:
        from services.core.events import repository as events
        from services.worker.app import create_celery
        from services.worker.dead_letters import replay

        celery = create_celery(s)
        chosen = ids or [d.id for d in await events.dead_letters(conn, include_replayed=False)]
        for dead_id in chosen:
            async with conn.transaction():
                typer.echo(f"{dead_id}: {await replay(conn, celery, dead_id)}")

    runner.run_on_database(runner.settings(), run)
