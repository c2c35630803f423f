"""The `opstap` command: run, migrate, import and demo the service."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import asyncpg
import typer

from services.core.errors import OpstapError
from services.core.logging import configure_logging
from services.core.settings import Settings, get_settings

app = typer.Typer(
    help="Opstap: job matching and next steps for work-integration social enterprises.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
taxonomy_app = typer.Typer(help="The skills and occupations taxonomy (ESCO).", no_args_is_help=True)
services_app = typer.Typer(
    help="PostgreSQL and Redis: configured or embedded.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(taxonomy_app, name="taxonomy")
app.add_typer(services_app, name="services")
users_app = typer.Typer(help="Accounts.", no_args_is_help=True)
app.add_typer(users_app, name="users")
match_app = typer.Typer(help="Matching people and vacancies.", no_args_is_help=True)
app.add_typer(match_app, name="match")
transitions_app = typer.Typer(help="Moves between occupations.", no_args_is_help=True)
app.add_typer(transitions_app, name="transitions")
dead_app = typer.Typer(help="Messages given up on after repeated failure.", no_args_is_help=True)
app.add_typer(dead_app, name="dead-letters")

T = TypeVar("T")


def _settings() -> Settings:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    return settings


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"opstap: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def _with_services(settings: Settings, work: Callable[[Settings], T]) -> T:
    """Run `work` against the configured services, or embedded ones started for it."""
    from services.core.embedded import not_installed, running_services

    if problem := not_installed(settings.database_url, settings.redis_url):
        _fail(problem)
    with running_services(settings.database_url, settings.redis_url, settings.data_dir) as urls:
        bound = settings.model_copy(
            update={"database_url": urls.database_url, "redis_url": urls.redis_url}
        )
        os.environ.update(urls.as_env())
        return work(bound)


async def _on_connection(
    settings: Settings, work: Callable[[asyncpg.Connection], Awaitable[T]]
) -> T:
    """Run `work` on one connection to the settings' database, closed afterwards."""
    from services.core import db

    assert settings.database_url
    conn = await db.connect(settings.database_url)
    try:
        return await work(conn)
    finally:
        await conn.close()


def _run_on_database(
    settings: Settings, work: Callable[[asyncpg.Connection, Settings], Awaitable[T]]
) -> T:
    """Run `work(conn, settings)` against the configured (or embedded) database."""
    return _guard(
        lambda: _with_services(
            settings, lambda s: asyncio.run(_on_connection(s, lambda conn: work(conn, s)))
        )
    )


def _guard(work: Callable[[], T]) -> T:
    """Turn expected failures into one clear line and exit code 2."""
    try:
        return work()
    except OpstapError as exc:
        _fail(exc.detail)
    except (asyncpg.UndefinedTableError, asyncpg.UndefinedColumnError):
        _fail("the database has no Opstap schema, or an old one: run `opstap db upgrade` first")
    raise AssertionError("unreachable")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply all pending migrations."""
    from services.core.bootstrap import migrate

    settings = _settings()
    _guard(lambda: _with_services(settings, lambda s: asyncio.run(migrate(s))))
    typer.echo("database schema is up to date")


@db_app.command("current")
def db_current() -> None:
    """Show the migration the database is at and the newest one in the code."""
    from services.core.bootstrap import schema_status

    settings = _settings()
    current, head = _guard(
        lambda: _with_services(settings, lambda s: asyncio.run(schema_status(s)))
    )
    typer.echo(f"database: {current or 'not migrated'}\ncode:     {head}")


@taxonomy_app.command("import")
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

    settings = _settings()
    source = folder or settings.taxonomy_dir
    _guard(lambda: check_folder(source))  # a wrong folder is reported before anything starts

    async def run(s: Settings) -> None:
        await migrate(s)
        await import_taxonomy(s, source, force=force, progress=True)
        await build_vectors(s, progress=True)
        await seed_catalogue(s)
        await _on_connection(s, lambda conn: _build_transitions(conn, if_stale=True))

    _guard(lambda: _with_services(settings, lambda s: asyncio.run(run(s))))


@transitions_app.command("build")
def transitions_build(
    if_stale: Annotated[
        bool, typer.Option("--if-stale", help="Only when the taxonomy changed since the last.")
    ] = False,
) -> None:
    """Build the occupation transition graph (stepping stones, routes) from the taxonomy."""
    _run_on_database(_settings(), lambda conn, _: _build_transitions(conn, if_stale=if_stale))


@transitions_app.command("from")
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
            _fail(f"{len(found)} occupations are called {occupation!r} ({names})")
        origin = found[0]
        typer.echo(f"{origin['label_en']} (skill level {origin['skill_level']}):")
        for m in await repository.moves_from(conn, origin["uri"], limit):
            mark = "highly viable" if m["highly_viable"] else "viable" if m["viable"] else "-"
            level = f"level {m['level_delta']:+d}" if m["level_delta"] is not None else "level ?"
            typer.echo(
                f"  {m['similarity']:.2f}  {mark:<13} {level}  gap {m['gap']:5.1f}  "
                f"{len(m['missing_essential'])} missing  {m['label_en']}"
            )

    _run_on_database(_settings(), show)


async def _build_transitions(conn: asyncpg.Connection, *, if_stale: bool) -> None:
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


@users_app.command("create")
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

    settings = _settings()
    account = _guard(
        lambda: _with_services(
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


@match_app.command("recompute")
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

    _run_on_database(_settings(), recompute)


@dead_app.command("list")
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

    _run_on_database(_settings(), show)


@dead_app.command("replay")
def dead_letters_replay(
    ids: Annotated[list[int] | None, typer.Argument(help="Dead letter ids.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Replay every waiting one.")] = False,
) -> None:
    """Try dead letters again from a clean start (after fixing what made them fail)."""
    if not ids and not everything:
        _fail("name the dead letters to replay, or give --all")

    async def run(conn: asyncpg.Connection, s: Settings) -> None:
        from services.core.events import repository as events
        from services.worker.app import create_celery
        from services.worker.dead_letters import replay

        celery = create_celery(s)
        chosen = ids or [d.id for d in await events.dead_letters(conn, include_replayed=False)]
        for dead_id in chosen:
            async with conn.transaction():
                typer.echo(f"{dead_id}: {await replay(conn, celery, dead_id)}")

    _run_on_database(_settings(), run)


@app.command("api")
def api() -> None:
    """Serve the web pages and the HTTP API (OPSTAP_HOST, OPSTAP_PORT)."""
    import uvicorn

    settings = _settings()

    def serve(s: Settings) -> None:
        from services.api.app import create_app

        # access_log off: our middleware logs each request with its route and request id.
        uvicorn.run(
            create_app(s),
            host=s.host,
            port=s.port,
            log_config=None,
            access_log=False,
            proxy_headers=True,
            timeout_graceful_shutdown=10,
        )

    _guard(lambda: _with_services(settings, serve))


@app.command("worker")
def worker(
    concurrency: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
    queues: Annotated[
        str | None, typer.Option(help="Comma-separated queues to consume (default OPSTAP_QUEUE).")
    ] = None,
) -> None:
    """Run a Celery worker that handles events and background jobs."""
    settings = _settings()

    def run(s: Settings) -> None:
        from services.worker.observability import serve_metrics

        serve_metrics(s)  # before the tasks import prometheus_client
        from services.worker.app import create_celery

        celery = create_celery(s)
        celery.worker_main(
            [
                "worker",
                "--loglevel",
                s.log_level,
                "--queues",
                queues,
                "--concurrency",
                str(concurrency or s.worker_concurrency),
                "--without-gossip",
                "--without-mingle",
                "--hostname",
                f"opstap@{os.uname().nodename}-{os.getpid()}",
            ]
        )

    _guard(lambda: _with_services(settings, run))


@app.command("beat")
def beat() -> None:
    """Run Celery beat, the clock for periodic jobs (run exactly one)."""
    settings = _settings()

    def run(s: Settings) -> None:
        from services.worker.app import create_celery

        beat_dir = s.data_dir / "beat"
        beat_dir.mkdir(parents=True, exist_ok=True)
        create_celery(s).start(
            ["beat", "--loglevel", s.log_level, "--schedule", str(beat_dir / "schedule")]
        )

    _guard(lambda: _with_services(settings, run))


@app.command("relay")
def relay(once: Annotated[bool, typer.Option(help="Send what is due, then stop.")] = False) -> None:
    """Move committed outbox events to the task queue (several relays may run)."""
    settings = _settings()

    def run(s: Settings) -> None:
        from services.worker.relay import run_relay

        asyncio.run(run_relay(s, once=once))

    _guard(lambda: _with_services(settings, run))


@app.command("demo")
def demo() -> None:
    """Set everything up and run API, worker and relay with demo data; Ctrl-C stops it all."""
    from services.core.supervisor import check_port_free, run_demo

    settings = _settings()
    _guard(lambda: check_port_free(settings))  # before any server is started or touched
    sys.exit(_guard(lambda: _with_services(settings, run_demo)))


@services_app.command(
    "run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
def services_run(ctx: typer.Context) -> None:
    """Run a command (after --) with DATABASE_URL and REDIS_URL set, starting embedded servers
    when none are configured (or reusing those already running on the data folder); the last
    process using them stops them."""
    command: list[Any] = list(ctx.args)
    if not command:
        _fail("name a command to run, e.g. `opstap services run -- pytest`")
    settings = _settings()

    def run(s: Settings) -> int:
        typer.echo(
            f"opstap: database {_short(s.database_url)}, redis {_short(s.redis_url)}", err=True
        )
        try:
            return subprocess.call(command)
        except KeyboardInterrupt:
            return 130

    sys.exit(_guard(lambda: _with_services(settings, run)))


# --- opstap bias report (issue 8, bias monitoring) ---
bias_app = typer.Typer(help="Bias monitoring of suggestions and outcomes.", no_args_is_help=True)
app.add_typer(bias_app, name="bias")


@bias_app.command("report")
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
        _fail("--source is matches or shown")

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

    _run_on_database(_settings(), show)


def _short(url: str | None) -> str:
    from services.core.db import describe_url

    return str(url) if not url or url.startswith("unix://") else describe_url(url)


def main() -> None:
    """Entry point of the `opstap` command."""
    app()
