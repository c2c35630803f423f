"""`opstap match`: matching people and vacancies."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg
import typer

from services.cli import runner
from services.core.settings import Settings

if TYPE_CHECKING:  # the matcher's modules load when a command runs, not for --help
    from services.core.matching.recompute import Progress

app = typer.Typer(help="Matching people and vacancies.", no_args_is_help=True)
QUIET_HINT_SECONDS = 60.0


@app.command("recompute")
def match_recompute(
    here: bool = typer.Option(
        False, "--here", help="Run every shard in this process, without workers."
    ),
    shard_people: int = typer.Option(
        25_000, "--shard-people", min=1, help="People in one shard of the work."
    ),
    wait: bool = typer.Option(
        True, "--wait/--no-wait", help="Show progress until the run ends, or only start it."
    ),
    announce: bool = typer.Option(
        True,
        "--announce/--no-announce",
        help="With --here: tell people of the new notable matches (the workers always do); "
        "without, each is told at the next change of its person or vacancy.",
    ),
) -> None:
    """Score everyone against every open vacancy again, store the best matches each way, and
    announce the notable ones nobody has heard of yet.

    The work is split into shards of people that the Celery workers run side by side (more
    worker processes or machines on the same broker finish sooner); --here runs them in this
    process."""

    async def recompute(conn: asyncpg.Connection, s: Settings) -> None:
        from services.core.matching import recompute

        if here:
            async with conn.transaction():
                found = await recompute.run_here(
                    conn, shard_people=shard_people, threads=s.matcher_threads
                )
                told = await recompute.announce(conn, s) if announce else 0
            _report(found, told)
            return
        async with conn.transaction():
            recompute_id = await recompute.start(conn, shard_people=shard_people)
        typer.echo(f"recompute {recompute_id} started; the workers run its shards")
        if wait:
            await _follow(conn, recompute_id)

    runner.run_on_database(runner.settings(), recompute)


@app.command("status")
def match_status() -> None:
    """How far the latest full recompute is."""

    async def status(conn: asyncpg.Connection, s: Settings) -> None:
        from services.core.matching import recompute

        found = await recompute.progress(conn)
        if found is None:
            typer.echo("no recompute has run yet")
            return
        typer.echo(_line(found))

    runner.run_on_database(runner.settings(), status)


async def _follow(conn: asyncpg.Connection, recompute_id: UUID) -> None:
    """Print each change of the run's progress until it ends; exit 1 when it failed."""
    from services.core.matching import recompute

    last, moved = "", time.monotonic()
    while True:
        found = await recompute.progress(conn, recompute_id)
        assert found is not None
        line = _line(found)
        if line != last:
            typer.echo(line)
            last, moved = line, time.monotonic()
        elif time.monotonic() - moved > QUIET_HINT_SECONDS:
            typer.echo("no progress for a minute: are `opstap worker` and `opstap relay` running?")
            moved = time.monotonic()
        if found.status == "failed":
            raise typer.Exit(1)
        if found.status == "done":
            return
        await asyncio.sleep(0.5)


def _line(found: Progress) -> str:
    from services.core.matching.recompute import seconds

    took = f"{seconds(found):.1f} s"
    if found.status == "done":
        return (
            f"recompute {found.id} done: {found.matches} matches stored in {took} "
            f"(model {found.model_version})"
        )
    if found.status == "failed":
        return f"recompute {found.id} failed after {took}: {found.reason}"
    return f"recompute {found.id}: scored {found.scored}/{found.shards} shards ({took})"


def _report(found: Progress, told: int) -> None:
    typer.echo(f"{_line(found)}; {told} new notifications")
