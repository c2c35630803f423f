"""The `opstap` command: run, migrate, import and demo the service.

One module per command group; the long-running processes are top-level commands
(processes.py), and runner.py holds how every command reaches its settings and servers.
"""

from __future__ import annotations

import typer

from services.cli import (
    bias,
    database,
    dead_letters,
    matching,
    processes,
    servers,
    taxonomy,
    transitions,
    users,
)

app = typer.Typer(
    help="Opstap: job matching and next steps for work-integration social enterprises.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(database.app, name="db")
app.add_typer(taxonomy.app, name="taxonomy")
app.add_typer(servers.app, name="services")
app.add_typer(users.app, name="users")
app.add_typer(matching.app, name="match")
app.add_typer(transitions.app, name="transitions")
app.add_typer(dead_letters.app, name="dead-letters")
app.command("api")(processes.api)
app.command("worker")(processes.worker)
app.command("beat")(processes.beat)
app.command("relay")(processes.relay)
app.command("demo")(processes.demo)
app.add_typer(bias.app, name="bias")


def main() -> None:
    """Entry point of the `opstap` command."""
    app()
