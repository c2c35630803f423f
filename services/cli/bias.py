"""`opstap bias`: bias monitoring of suggestions and outcomes (figures only)."""

from __future__ import annotations

from typing import Annotated

import asyncpg
import typer

from services.cli import runner
from services.core.settings import Settings

app = typer.Typer(help="Bias monitoring of suggestions and outcomes.", no_args_is_help=True)


@app.command("report")
def bias_report(
    organisation: Annotated[
        str | None, typer.Option(help="Only this organisation's people (by name).")
    ] = None,
    source: Annotated[str, typer.Option(help="matches (stored, over 60) or shown (the log).")] = (
        "matches"
    ),
    min_group: Annotated[int, typer.Option(min=5, help="Smaller groups are withheld.")] = 5,
) -> None:
    """Print selection rates per group and their ratio to the best-served group (figures only)."""
    if source not in ("matches", "shown"):
        runner.fail("--source is matches or shown")

    async def show(conn: asyncpg.Connection, s: Settings) -> None:
        from services.core.bias import service as bias

        org = await bias.organisation_id(conn, organisation) if organisation else None
        found = await bias.report(
            conn,
            organisation_id=org,
            source=source,  # type: ignore[arg-type]
            threshold=s.notify_min_score,
            min_group=min_group,
        )
        typer.echo(
            f"{'dimension':<20} {'group':<8} {'people':>6} {'sugg.':>6} {'rate':>6} "
            f"{'ratio':>6} {'outc.':>6} {'rate':>6} {'ratio':>6}"
        )

        def cell(value: float | int | None) -> str:
            return (
                "-"
                if value is None
                else (f"{value:.2f}" if isinstance(value, float) else str(value))
            )

        for g in found.groups:
            figures = (
                g.people,
                g.suggested,
                g.suggestion_rate,
                g.suggestion_ratio,
                g.outcomes,
                g.outcome_rate,
                g.outcome_ratio,
            )
            typer.echo(
                f"{g.dimension:<20} {g.group:<8} " + " ".join(f"{cell(v):>6}" for v in figures)
            )
        for line in found.notes:
            typer.echo(f"note: {line}")
        for line in found.warnings:
            typer.echo(f"WARNING: {line}")

    runner.run_on_database(runner.settings(), show)
