"""infra/: no Docker engine runs here, so the compose file is checked by reading it."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from services.cli import app
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
