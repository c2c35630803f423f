"""`opstap transitions`: building and showing the moves between occupations."""

from __future__ import annotations

from typing import Annotated

import asyncpg
import typer

from services.cli import runner
from services.core.settings import Settings

app = typer.Typer(help="Moves between occupations.", no_args_is_help=True)


@app.command("build")
def transitions_build(
    if_stale: Annotated[
        bool, typer.Option("--if-stale", help="Only when the taxonomy changed since the last.")
    ] = False,
) -> None:
    """Build the occupation transition graph (stepping stones, routes) from the taxonomy."""
    runner.run_on_database(runner.settings(), lambda conn, _: build_graph(conn, if_stale=if_stale))


@app.command("from")
def transitions_from(
    occupation: Annotated[str, typer.Argument(help="URI, or preferred label in en or nl.")],
    limit: Annotated[int, typer.Option(help="How many moves to show.")] = 10,
) -> None:
    """Show the stored moves from an occupation: similarity, viability, what to learn."""

    async def show(conn: asyncpg.Connection, _: Settings) -> None:
        from services.core.transitions import repository

        found = await repository.find_occupation(conn, occupation)
        if len(found) != 1:
            names = ", ".join(r["uri"] for r in found[:5]) or "none"
            runner.fail(f"{len(found)} occupations are called {occupation!r} ({names})")
        origin = found[0]
        typer.echo(f"{origin['label_en']} (skill level {origin['skill_level']}):")
        for m in await repository.moves_from(conn, origin["uri"], limit):
            mark = "highly viable" if m["highly_viable"] else "viable" if m["viable"] else "-"
            level = f"level {m['level_delta']:+d}" if m["level_delta"] is not None else "level ?"
            typer.echo(
                f"  {m['similarity']:.2f}  {mark:<13} {level}  gap {m['gap']:5.1f}  "
                f"{len(m['missing_essential'])} missing  {m['label_en']}"
            )

    runner.run_on_database(runner.settings(), show)


async def build_graph(conn: asyncpg.Connection, *, if_stale: bool) -> None:
    """Build the transition graph (only when stale if `if_stale`) and print what it holds."""
    from services.core.transitions import service as transitions

    async with conn.transaction():
        report = await (transitions.ensure_built if if_stale else transitions.build)(conn)
    if report is None:
        typer.echo("transition graph is up to date")
        return
    t, d = report.thresholds, report.distribution
    typer.echo(
        f"transition graph {report.version}: {report.occupations} occupations, "
        f"{report.viable} viable moves stored ({report.transitions} in all) in "
        f"{report.seconds:.1f} s\n"
        f"  thresholds: viable >= {t.viable:.2f}, highly viable >= {t.highly_viable:.2f}\n"
        f"  viable moves per occupation: min {d.minimum}, median {d.median:g}, "
        f"p90 {d.p90:g}, max {d.maximum}; {d.without} occupations without any"
    )
