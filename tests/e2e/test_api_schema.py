"""schemathesis with `--checks all` against a running API and its own OpenAPI schema.

The real command line, as CI would type it: every operation gets the schema's examples, the
coverage phase (boundary values, missing and wrongly typed parameters, undeclared methods),
bounded fuzzing in positive and negative mode, and the stateful phase, and every response
goes through every check schemathesis has. Bounded (a few fuzzed examples per operation) so
the test stays within a few minutes on 2 cores.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from services.core import security
from services.core.accounts import repository
from services.core.settings import Settings
from tests.conftest import running_api
from tests.factories import PASSWORD

EXAMPLES = int(os.environ.get("OPSTAP_SCHEMATHESIS_EXAMPLES", "12"))
# Signing out or changing the password would end the session the other cases use.
SESSION_ENDING = r"^/api/v1/auth/(logout|password)$"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture(scope="session")
def api_server(settings: Settings) -> Iterator[str]:
    """A real `opstap api` process on the session database."""
    with running_api(settings) as base:
        yield base


@pytest.fixture(scope="session")
async def admin_token(pool: asyncpg.Pool, api_server: str) -> str:
    """A WISE admin's bearer token: the role that may call the most operations."""
    async with pool.acquire() as conn:
        org = await repository.insert_organisation(conn, "wise", {"name": "Schemathesis WISE"})
        email = "schemathesis-admin@example.org"
        await repository.insert_account(
            conn, org["id"], email, "Admin", "admin", security.hash_password(PASSWORD)
        )
    async with httpx.AsyncClient(base_url=api_server) as http:
        token = await http.post(
            "/api/v1/auth/token", data={"username": email, "password": PASSWORD}
        )
    return str(token.json()["access_token"])


def test_api_passes_every_schemathesis_check(
    api_server: str, admin_token: str, tmp_path: Path
) -> None:
    command = [
        str(SCHEMATHESIS),
        "--no-color",
        "--config-file",
        str(CONFIG),
        "run",
        f"{api_server}/openapi.json",
        "--checks",
        "all",
        "--header",
        f"Authorization: Bearer {admin_token}",
        "--exclude-path-regex",
        SESSION_ENDING,
        "--max-examples",
        str(EXAMPLES),
        "--workers",
        "1",
        "--generation-database",
        "none",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=tmp_path)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    # Every operation but the two session-ending ones was selected, and every one was tested.
    counts = re.search(r"Selected: (\d+)/(\d+)\s+Tested: (\d+)", output)
    assert counts is not None, output
    selected, total, tested = (int(n) for n in counts.groups())
    assert (selected, tested) == (total - 2, selected) and total >= 60, output
