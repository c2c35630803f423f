"""Set-up steps shared by the CLI, the demo and the tests: migrate, import, seed."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import typer

from services.core import db
from services.core import migrate as migrations
from services.core.accounts import repository as accounts_repository
from services.core.accounts import service as accounts
from services.core.accounts.models import Account, AccountIn
from services.core.demo import seed as demo_seed
from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import digcomp, importer


def _url(settings: Settings) -> str:
    if settings.database_url is None:
        raise RuntimeError("no database URL: start the services first")
    return settings.database_url


async def migrate(settings: Settings) -> None:
    """Check the database answers, then apply pending migrations."""
    conn = await db.connect(_url(settings))
    await conn.close()
    # Alembic is synchronous; keep the event loop free while it runs.
    await asyncio.to_thread(migrations.upgrade, _url(settings))


async def schema_status(settings: Settings) -> tuple[str | None, str]:
    """(the database's migration, the code's newest migration)."""
    conn = await db.connect(_url(settings))
    try:
        return await migrations.current_revision(conn), migrations.head_revision()
    finally:
        await conn.close()


async def import_taxonomy(
    settings: Settings, folder: Path, *, force: bool = False, progress: bool = False
) -> importer.ImportReport | None:
    """Import `folder` unless the very same files were the last import; print a summary."""
    conn = await db.connect(_url(settings))
    try:
        # DigComp comes with the taxonomy in use: configured, or found beside it.
        digcomp_dir = digcomp.digcomp_folder(settings) if folder == settings.taxonomy_dir else None
        fingerprint = importer.fingerprint(folder, digcomp_dir)
        if not force and await importer.last_fingerprint(conn) == fingerprint:
            typer.echo(f"taxonomy from {folder} is already imported (use --force to redo)")
            return None
        async with conn.transaction():
            report = await importer.import_folder(
                conn,
                folder,
                digcomp_dir=digcomp_dir,
                progress=importer.echo_progress if progress else None,
            )
        typer.echo(report.summary())
        return report
    finally:
        await conn.close()


async def build_vectors(settings: Settings, *, progress: bool = False) -> None:
    """Encode the newest import's labels for semantic search, unless they are stored."""
    from services.core.taxonomy import vectors

    conn = await db.connect(_url(settings))
    try:
        report = await vectors.ensure_built(
            conn, settings, progress=importer.echo_progress if progress else None
        )
        if report is not None:
            typer.echo(report.summary())
    finally:
        await conn.close()


async def create_user(
    settings: Settings,
    *,
    email: str,
    name: str,
    role: str,
    organisation: str,
    kind: str,
    password: str,
) -> Account:
    """An account in the named organisation, which is made (of `kind`) when it is new."""
    from pydantic import ValidationError

    try:
        data = AccountIn(email=email, name=name, role=role, password=password)
    except ValidationError as exc:
        problems = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())
        raise Invalid(f"cannot create the account: {problems}") from exc
    if kind not in ("wise", "employer", "municipality"):
        raise Invalid("--kind must be wise, employer or municipality")
    conn = await db.connect(_url(settings))
    try:
        async with conn.transaction():
            org_id = await accounts_repository.organisation_id_by_name(conn, organisation)
            if org_id is None:
                org_id = (
                    await accounts_repository.insert_organisation(
                        conn, kind, {"name": organisation}
                    )
                )["id"]
            return await accounts.create_account(conn, org_id, data)
    finally:
        await conn.close()


async def seed_demo(settings: Settings) -> bool:
    """Write the demo world unless it is there; whether it was written now."""
    conn = await db.connect(_url(settings))
    try:
        async with conn.transaction():
            return await demo_seed.seed(conn, date.today())
    finally:
        await conn.close()


async def seed_demo_story(settings: Settings) -> bool:
    """The demo's placement from suggestion to hire (after the first matches are stored)."""
    conn = await db.connect(_url(settings))
    try:
        async with conn.transaction():
            return await demo_seed.placement_story(conn)
    finally:
        await conn.close()


async def seed_catalogue(settings: Settings) -> int:
    """Write the starter training catalogue and qualifications for the taxonomy in use
    (idempotent)."""
    from services.core.learning.catalogue import seed_qualifications
    from services.core.training.catalogue import seed_catalogue as seed_modules

    conn = await db.connect(_url(settings))
    try:
        async with conn.transaction():
            await seed_qualifications(conn)
            return await seed_modules(conn)
    finally:
        await conn.close()
