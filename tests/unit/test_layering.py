"""Dependencies point one way: api and worker use core and the engine; the engine feeds the
matcher from core; the matcher uses nothing of ours; core uses neither api nor worker."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "services"
FORBIDDEN = {
    "core": (
        "services.api",
        "services.worker",
        "services.matcher",
        "services.engine",
        "services.cli",
    ),
    "engine": ("services.api", "services.worker", "services.cli"),
    "matcher": (
        "services.core",
        "services.api",
        "services.worker",
        "services.engine",
        "services.cli",
    ),
    "api": ("services.worker", "services.cli"),
    "worker": ("services.api", "services.cli"),
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_its_layer_may(package: str) -> None:
    offending = []
    for path in sorted((SERVICES / package).rglob("*.py")):
        for name in _imports(path):
            if any(
                name == f
                or name.startswith(f.rstrip(".") + ".")
                or (f.endswith(".") and name.startswith(f))
                for f in FORBIDDEN[package]
            ):
                offending.append(f"{path.relative_to(SERVICES.parent)} imports {name}")
    assert offending == []


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from services.api.app import create_app\nimport services.worker.relay\n")
    assert _imports(bad) == {"services.api.app", "services.worker.relay"}
