"""AI Act human oversight: a placement changes only through a logged human decision.

The placement state of a person and a vacancy is the newest row of placement_decision. This
checks, on the source, that only the decisions domain writes that table, that its one writer is
reached only from `decide` (which refuses any role but admin, jobcoach and employer:
tests/integration/test_decisions.py), and that the
worker, which runs without anyone, cannot reach it at all.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "services"
WRITES = re.compile(r"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+placement_decision\b", re.I)


def _sources() -> dict[Path, str]:
    return {p: p.read_text() for p in sorted(SERVICES.rglob("*.py")) if "migrations" not in p.parts}


def test_only_the_decisions_queries_write_placement_decisions() -> None:
    writers = {
        p.relative_to(SERVICES).as_posix() for p, s in _sources().items() if WRITES.search(s)
    }
    assert writers == {"core/decisions/queries.py"}


def test_the_insert_is_called_only_from_decide() -> None:
    callers = set()
    for path, source in _sources().items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef):
                calls = {
                    n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                    for n in ast.walk(node)
                    if isinstance(n, ast.Call)
                }
                if "insert_decision" in calls:
                    callers.add(f"{path.relative_to(SERVICES).as_posix()}:{node.name}")
    assert callers == {"core/decisions/service.py:decide"}


def test_the_worker_never_reaches_the_decisions_domain() -> None:
    offending = [
        p.relative_to(SERVICES).as_posix()
        for p, s in _sources().items()
        if p.is_relative_to(SERVICES / "worker") and "services.core.decisions" in s
    ]
    assert offending == []
