"""Dependencies point one way: api and worker use core; core feeds the matcher from the
database; the matcher uses nothing of ours (pure computation); core uses neither api nor worker."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "services"
OURS = ("services.api", "services.core", "services.worker", "services.cli", "services.__main__")
FORBIDDEN = {
    "core": ("services.api", "services.worker", "services.cli"),
    "matcher": OURS,  # only itself, numpy, scipy and the standard library
    "api": ("services.worker", "services.cli"),
    "worker": ("services.api", "services.cli"),
    "cli": (),  # the outermost edge: it starts the api, the worker and the relay
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            # `from services import core` imports services.core
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def violations(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    """Each import in the Python files under `folder` of a module in `forbidden` (or below)."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for name in sorted(_imports(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.name} imports {name}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_its_layer_may(package: str) -> None:
    assert violations(SERVICES / package, FORBIDDEN[package]) == []


def test_every_package_has_a_rule() -> None:
    packages = {p.name for p in SERVICES.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(FORBIDDEN)


@pytest.mark.parametrize(
    ("package", "source", "caught"),
    [
        ("core", "from services.api.app import create_app\n", True),
        ("core", "import services.worker.relay\n", True),
        ("core", "from services import api\n", True),
        ("core", "from services.matcher.scoring import Matcher\n", False),
        ("matcher", "from services.core.settings import Settings\n", True),
        ("matcher", "from services.matcher.types import Person\n", False),
        ("api", "from services.worker.app import app\n", True),
        ("worker", "from services.core.matching import service\n", False),
    ],
)
def test_the_rule_catches_a_violation(
    tmp_path: Path, package: str, source: str, caught: bool
) -> None:
    (tmp_path / "module.py").write_text(source)
    assert bool(violations(tmp_path, FORBIDDEN[package])) is caught
