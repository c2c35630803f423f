"""`opstap demo`: prepare the database, then run API, worker and relay until Ctrl-C."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from types import FrameType

import typer

from services.core import bootstrap
from services.core.demo.plan import DEMO_LOGINS, DEMO_PASSWORD
from services.core.errors import Conflict, Invalid, Unavailable
from services.core.settings import Settings

PROCESSES = ("api", "worker", "relay")
READY_TIMEOUT = 180.0


def run_demo(settings: Settings) -> int:
    """Run the demo stack in the foreground; returns the exit code."""
    signal.signal(signal.SIGTERM, _interrupt)
    # Ctrl-C must stop us even when SIGINT was ignored by whoever started us (a shell's `&`).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    seeded = asyncio.run(_prepare(settings))
    env = os.environ | {
        "DATABASE_URL": str(settings.database_url),
        "REDIS_URL": str(settings.redis_url),
        "OPSTAP_DATA_DIR": str(settings.data_dir.resolve()),
    }
    subprocess.run(
        [sys.executable, "-m", "services", "transitions", "build", "--if-stale"],
        env=env,
        check=True,
    )
    if seeded:  # the first matches for the demo world; later changes are rescored by events
        subprocess.run(
            [sys.executable, "-m", "services", "match", "recompute", "--here"],
            env=env,
            check=True,
        )
        if asyncio.run(bootstrap.seed_demo_story(settings)):
            typer.echo("demo placement written: one person from suggestion to hire")
    children: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for name in PROCESSES:
            # A session of their own: Ctrl-C reaches only us, and we stop them in order.
            children[name] = subprocess.Popen(
                [sys.executable, "-m", "services", name], env=env, start_new_session=True
            )
        url = f"http://{settings.host}:{settings.port}"
        _wait_ready(url, children)
        typer.secho(f"\nOpstap is running at {url}  (API docs: {url}/docs)", bold=True)
        _print_logins()
        typer.echo("Press Ctrl-C to stop everything.\n")
        while True:
            for name, proc in children.items():
                if proc.poll() is not None:
                    typer.secho(
                        f"opstap: the {name} process stopped (exit {proc.returncode})",
                        err=True,
                        fg=typer.colors.RED,
                    )
                    return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        typer.echo("\nstopping...")
        return 0
    finally:
        _stop(children)


def check_port_free(settings: Settings) -> None:
    """Refuse to start when the API cannot listen on its port: taken (most likely by a demo
    already running), or a host that is not this machine's."""
    where = f"{settings.host}:{settings.port}"
    try:
        addresses = socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM)
        for family, kind, proto, _, address in addresses:
            with socket.socket(family, kind, proto) as sock:
                # As uvicorn binds: a port in TIME_WAIT after a stopped demo is free.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise Conflict(
                f"port {settings.port} is in use: is a demo already running? "
                "Stop it, or set OPSTAP_PORT to a free port"
            ) from exc
        raise Invalid(
            f"cannot listen on {where} ({exc.strerror}): check OPSTAP_HOST and OPSTAP_PORT"
        ) from exc


async def _prepare(settings: Settings) -> bool:
    """Migrate, import the taxonomy, write the demo data; whether the data was new."""
    await bootstrap.migrate(settings)
    await bootstrap.import_taxonomy(settings, settings.taxonomy_dir, progress=True)
    await bootstrap.build_vectors(settings, progress=True)
    await bootstrap.seed_catalogue(settings)
    if await bootstrap.seed_demo(settings):
        typer.echo("demo data written: 3 WISEs, 10 employers, 60 employees, 40 vacancies")
        return True
    return False


def _print_logins() -> None:
    typer.echo(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
    for role, email, organisation in DEMO_LOGINS:
        typer.echo(f"  {role:<9} {email:<36} {organisation}")


def _wait_ready(url: str, children: dict[str, subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in children.values()):
            raise Unavailable("a process stopped while starting; see the log above")
        try:
            with urllib.request.urlopen(f"{url}/ready", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise Unavailable(f"{url}/ready did not answer 200 within {READY_TIMEOUT:.0f} s")


def _stop(children: dict[str, subprocess.Popen[bytes]]) -> None:
    for proc in children.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 20
    for proc in children.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
