"""`opstap match`: matching people and vacancies."""

from __future__ import annotations

import asyncpg
import typer

from services.cli import runner
from services.core.settings import Settings

app = typer.Typer(help="Matching people and vacancies.", no_args_is_help=True)


@app.command("recompute")
def match_recompute() -> None:
    """Score everyone against every open vacancy again, store the best matches each way, and
    announce the notable ones nobody has heard of yet."""

    async def recompute(conn: asyncpg.Connection, s: Settings) -> None:
        from services.core.matching import repository
        from services.core.matching.service import recompute_all
        from services.core.notifications import service as notifications

        async with conn.transaction():
            report = await recompute_all(conn)
            told = await notifications.notify_matches(
                conn, s, vacancy_ids=[r["id"] for r in await repository.vacancies(conn)]
            )
        typer.echo(
            f"matched {report.people} people and {report.vacancies} open vacancies: "
            f"{report.matches} matches stored in {report.seconds:.1f} s "
            f"(model {report.model_version}); {told} new notifications"
        )

    runner.run_on_database(runner.settings(), recompute)
