"""The long-running processes, each a top-level command: `opstap api`, `worker`, `beat`,
`relay`, and `demo` (all of them with demo data)."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Annotated

import typer

from services.cli import runner
from services.core.settings import Settings


def api() -> None:
    """Serve the web pages and the HTTP API (OPSTAP_HOST, OPSTAP_PORT)."""
    import uvicorn

    settings = runner.settings()

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

    runner.guard(lambda: runner.with_services(settings, serve))


def worker(
    concurrency: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
    queues: Annotated[
        str | None, typer.Option(help="Comma-separated queues to consume (default OPSTAP_QUEUE).")
    ] = None,
) -> None:
    """Run a Celery worker that handles events and background jobs."""
    settings = runner.settings()

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

    runner.guard(lambda: runner.with_services(settings, run))


def beat() -> None:
    """Run Celery beat, the clock for periodic jobs (run exactly one)."""
    settings = runner.settings()

    def run(s: Settings) -> None:
        from services.worker.app import create_celery

        beat_dir = s.data_dir / "beat"
        beat_dir.mkdir(parents=True, exist_ok=True)
        create_celery(s).start(
            ["beat", "--loglevel", s.log_level, "--schedule", str(beat_dir / "schedule")]
        )

    runner.guard(lambda: runner.with_services(settings, run))


def relay(once: Annotated[bool, typer.Option(help="Send what is due, then stop.")] = False) -> None:
    """Move committed outbox events to the task queue (several relays may run)."""
    settings = runner.settings()

    def run(s: Settings) -> None:
        from services.worker.relay import run_relay

        asyncio.run(run_relay(s, once=once))

    runner.guard(lambda: runner.with_services(settings, run))


def demo() -> None:
    """Set everything up and run API, worker and relay with demo data; Ctrl-C stops it all."""
    from services.core.supervisor import check_port_free, run_demo

    settings = runner.settings()
    runner.guard(lambda: check_port_free(settings))  # before any server is started or touched
    sys.exit(runner.guard(lambda: runner.with_services(settings, run_demo)))
