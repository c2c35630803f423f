"""Integration modules share the session database (one per xdist worker, and `--dist loadfile`
keeps a module on one worker): each leaves nothing that scores."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator

import asyncpg
import pytest

from services.core.notifications import targets


@pytest.fixture(autouse=True, scope="module")
async def _module_leaves_nothing_to_match(pool: asyncpg.Pool) -> AsyncIterator[None]:
    """After a module, close its open vacancies and withdraw its consents to matching, so a
    later module's worker never scores (or notifies) against what this one left behind."""
    yield
    await pool.execute("UPDATE vacancy SET status = 'closed' WHERE status = 'open'")
    await pool.execute(
        "UPDATE consent SET withdrawn_at = now() "
        "WHERE purpose = 'matching' AND withdrawn_at IS NULL"
    )


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A resolver the test controls (name -> address), in place of the project's `resolve`."""
    answers: dict[str, str] = {}

    def resolve(host: str, port: int) -> list[targets.IPAddress]:
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(answers[host])]

    monkeypatch.setattr(targets, "resolve", resolve)
    return answers
