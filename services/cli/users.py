"""`opstap users`: accounts."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from services.cli import runner

app = typer.Typer(help="Accounts.", no_args_is_help=True)


@app.command("create")
def users_create(
    email: Annotated[str, typer.Option(help="Email address to sign in with.")],
    organisation: Annotated[str, typer.Option(help="Organisation name (made if new).")],
    name: Annotated[str, typer.Option(help="The person's name.")] = "Administrator",
    role: Annotated[str, typer.Option(help="admin, jobcoach, employer or employee.")] = "admin",
    kind: Annotated[
        str, typer.Option(help="Kind of a new organisation: wise, employer or municipality.")
    ] = "wise",
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            envvar="OPSTAP_NEW_PASSWORD",
            help="At least 12 characters.",
        ),
    ] = "",
) -> None:
    """Create an account (the first admin, say), and its organisation when it is new."""
    from services.core.bootstrap import create_user

    settings = runner.settings()
    account = runner.guard(
        lambda: runner.with_services(
            settings,
            lambda s: asyncio.run(
                create_user(
                    s,
                    email=email,
                    name=name,
                    role=role,
                    organisation=organisation,
                    kind=kind,
                    password=password,
                )
            ),
        )
    )
    typer.echo(f"created {account.role.value} {account.email} in {organisation}")
