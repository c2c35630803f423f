"""`opstap services`: the PostgreSQL and Redis servers, configured or embedded."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import typer

from services.cli import runner
from services.core.settings import Settings

app = typer.Typer(help="PostgreSQL and Redis: configured or embedded.", no_args_is_help=True)


@app.command("run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def services_run(ctx: typer.Context) -> None:
    """Run a command (after --) with DATABASE_URL and REDIS_URL set, starting embedded servers
    when none are configured (or reusing those already running on the data folder); the last
    process using them stops them."""
    command: list[Any] = list(ctx.args)
    if not command:
        runner.fail("name a command to run, e.g. `opstap services run -- pytest`")
    settings = runner.settings()

    def run(s: Settings) -> int:
        typer.echo(
            f"opstap: database {_short(s.database_url)}, redis {_short(s.redis_url)}", err=True
        )
        try:
            return subprocess.call(command)
        except KeyboardInterrupt:
            return 130

    sys.exit(runner.guard(lambda: runner.with_services(settings, run)))


def _short(url: str | None) -> str:
    from services.core.db import describe_url

    return str(url) if not url or url.startswith("unix://") else describe_url(url)
