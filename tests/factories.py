"""Build committed organisations and accounts for API tests, and sign them in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import asyncpg
import httpx

from services.core import security
from services.core.accounts import repository

PASSWORD = "correct horse battery staple"


@dataclass
class User:
    """A signed-in account for a test: ids, credentials and auth headers."""

    account_id: uuid.UUID
    organisation_id: uuid.UUID
    email: str
    role: str
    headers: dict[str, str] = field(default_factory=dict)


async def organisation(
    pool: asyncpg.Pool, kind: str = "wise", name: str | None = None
) -> uuid.UUID:
    """A new committed organisation."""
    async with pool.acquire() as conn:
        row = await repository.insert_organisation(
            conn, kind, {"name": name or f"{kind} {uuid.uuid4().hex[:6]}"}
        )
    org_id: uuid.UUID = row["id"]
    return org_id


async def user(
    pool: asyncpg.Pool, client: httpx.AsyncClient, organisation_id: uuid.UUID, role: str
) -> User:
    """A new committed account, signed in through the API."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.org"
    async with pool.acquire() as conn:
        account_id = await repository.insert_account(
            conn, organisation_id, email, f"Test {role}", role, security.hash_password(PASSWORD)
        )
    found = User(account_id, organisation_id, email, role)
    found.headers = await sign_in(client, email)
    return found


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> dict[str, str]:
    """Authorization headers for the account."""
    response = await client.post(
        "/api/v1/auth/token", data={"username": email, "password": password}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
