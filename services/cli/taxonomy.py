"""`opstap taxonomy`: importing the skills and occupations taxonomy."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from services.cli import runner, transitions
from services.core.settings import Settings

app = typer.Typer(help="The skills and occupations taxonomy (ESCO).", no_args_is_help=True)


@app.command("import")
def taxonomy_import(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="Folder with the ESCO CSV files; default: OPSTAP_ESCO_DIR or the "
            "bundled starter taxonomy."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Import even when this exact folder was imported.")
    ] = False,
) -> None:
    """Import a taxonomy folder in the ESCO v1.1.1 CSV layout (idempotent)."""
    from services.core.bootstrap import build_vectors, import_taxonomy, migrate, seed_catalogue
    from services.core.taxonomy.reader import check_folder

    settings = runner.settings()
    source = folder or settings.taxonomy_dir
    runner.guard(lambda: check_folder(source))  # a wrong folder is reported before anything starts

    async def run(s: Settings) -> None:
        await migrate(s)
        await import_taxonomy(s, source, force=force, progress=True)
        await build_vectors(s, progress=True)
        await seed_catalogue(s)
        await runner.on_connection(s, lambda conn: transitions.build_graph(conn, if_stale=True))

    runner.guard(lambda: runner.with_services(settings, lambda s: asyncio.run(run(s))))
