"""schemathesis against the running API's own OpenAPI schema: no 500s, no off-schema answers.

Bounded: a few examples per operation, no deadline, so the suite stays quick on 2 cores.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import asyncpg
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from services.core import security
from services.core.accounts import repository
from services.core.settings import Settings
from tests.conftest import running_api
from tests.factories import PASSWORD

EXAMPLES = int(os.environ.get("OPSTAP_SCHEMATHESIS_EXAMPLES", "12"))
# Signing out or changing the password would end the session the other cases use.
SESSION_ENDING = r"^/api/v1/auth/(logout|password)$"


@pytest.fixture(scope="session")
def api_server(settings: Settings) -> Iterator[str]:
    """A real `opstap api` process on the session database."""
    with running_api(settings) as base:
        yield base


@pytest.fixture(scope="session")
async def schema_headers(pool: asyncpg.Pool, api_server: str) -> dict[str, str]:
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
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


CALLS: list[str] = []


def _exercise(operation: object, headers: dict[str, str]) -> str | None:
    """Run bounded generated cases against one operation; the first failure, if any."""
    calls = CALLS
    before = len(calls)

    @given(case=operation.as_strategy())  # type: ignore[attr-defined]
    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def run(case: schemathesis.Case) -> None:
        calls.append(case.method)
        case.call_and_validate(
            headers=headers, checks=[not_a_server_error, response_schema_conformance]
        )

    try:
        run()
    except Exception as exc:  # a check failed: report it with the operation
        return f"{operation}: {str(exc).strip()[:1500]}"
    # A check that never ran proves nothing.
    return None if len(calls) > before else f"{operation}: no case was generated"


def test_api_answers_within_its_schema_and_never_500(
    api_server: str, schema_headers: dict[str, str]
) -> None:
    schema = schemathesis.openapi.from_url(f"{api_server}/openapi.json").exclude(
        path_regex=SESSION_ENDING
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures = [f for op in operations if (f := _exercise(op, schema_headers)) is not None]
    assert failures == [], "\n\n".join(failures)
    assert len(CALLS) >= len(operations) * 2  # the bounded run really exercised the API
