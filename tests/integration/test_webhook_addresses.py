"""Webhooks go only to public https addresses: refused when registered (422) and at each send."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import AsyncIterator, Callable

import asyncpg
import httpx
import pytest

from services.core.notifications import delivery, repository, targets
from services.core.settings import Settings
from tests import factories

PUBLIC = "93.184.215.14"
Resolver = Callable[[str, int], list[targets.IPAddress]]


@pytest.fixture(scope="module")
async def employer(pool: asyncpg.Pool, app: object) -> AsyncIterator[factories.User]:
    """An employer account, signed in, whose organisation may register webhooks."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        org = await factories.organisation(pool, "employer")
        yield await factories.user(pool, http, org, "employer")


async def _register(
    client: httpx.AsyncClient, employer: factories.User, url: str
) -> httpx.Response:
    return await client.post("/api/v1/webhooks", headers=employer.headers, json={"url": url})


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:18999/hook", "use https (plain http is switched off)"),
        ("http://hooks.example.org/hook", "use https (plain http is switched off)"),
        ("https://127.0.0.1:18999/hook", "127.0.0.1 is a loopback address"),
        ("https://127.0.0.1:6379/", "127.0.0.1 is a loopback address"),
        ("https://[::1]:18999/hook", "::1 is a loopback address"),
        ("https://0x7f000001/hook", "127.0.0.1 is a loopback address"),
        ("https://2130706433/hook", "127.0.0.1 is a loopback address"),
        ("https://127.1/hook", "127.0.0.1 is a loopback address"),
        ("https://0177.0.0.1/hook", "127.0.0.1 is a loopback address"),
        ("https://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1 is a loopback address"),
        ("https://localhost/hook", "localhost is 127.0.0.1, a loopback address"),
        ("https://0.0.0.0/hook", "0.0.0.0 is an unspecified address"),
        ("https://[::]/hook", ":: is an unspecified address"),
        ("https://10.0.0.8/hook", "10.0.0.8 is a private address"),
        ("https://192.168.1.20/hook", "192.168.1.20 is a private address"),
        ("https://[fd00::8]/hook", "fd00::8 is a private address"),
        ("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("https://[fe80::1]/hook", "fe80::1 is a link-local address"),
        ("https://224.0.0.251/hook", "224.0.0.251 is a multicast address"),
        ("https://240.0.0.1/hook", "240.0.0.1 is a reserved address"),
        ("https://100.64.0.1/hook", "100.64.0.1 is not a public address"),
    ],
)
async def test_a_webhook_to_a_non_public_or_plain_http_url_is_refused_with_422(
    client: httpx.AsyncClient, employer: factories.User, url: str, reason: str
) -> None:
    response = await _register(client, employer, url)

    assert response.status_code == 422, response.text
    assert response.json() == {
        "error": "invalid",
        "detail": f"This webhook URL is refused: {reason}.",
        "fields": {"url": reason},
    }


async def test_a_name_that_resolves_to_a_private_address_is_refused_when_registered(
    client: httpx.AsyncClient, employer: factories.User, dns: dict[str, str]
) -> None:
    dns["hooks.example.test"] = "10.20.30.40"

    response = await _register(client, employer, "https://hooks.example.test/hook")

    assert response.status_code == 422
    assert response.json()["fields"] == {
        "url": "hooks.example.test is 10.20.30.40, a private address"
    }


async def test_a_name_that_does_not_resolve_is_refused_when_registered(
    client: httpx.AsyncClient, employer: factories.User, dns: dict[str, str]
) -> None:
    response = await _register(client, employer, "https://typo.example.test/hook")

    assert response.status_code == 422
    assert response.json()["fields"] == {"url": "typo.example.test could not be resolved"}


async def test_a_public_https_webhook_is_registered(
    client: httpx.AsyncClient, employer: factories.User, dns: dict[str, str]
) -> None:
    dns["hooks.example.test"] = PUBLIC
    for url in (f"https://{PUBLIC}/hook", "https://hooks.example.test/hook"):
        response = await _register(client, employer, url)
        assert response.status_code == 201, response.text
        assert response.json()["url"] == url


async def test_a_name_rebound_to_loopback_after_registration_fails_at_send_unconnected(
    client: httpx.AsyncClient,
    conn: asyncpg.Connection,
    settings: Settings,
    employer: factories.User,
    dns: dict[str, str],
) -> None:
    dns["rebind.example.test"] = PUBLIC
    with socket.socket() as listener:  # where the rebound name points; must stay untouched
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        registered = await _register(client, employer, f"https://rebind.example.test:{port}/h")
        assert registered.status_code == 201, registered.text
        hook = uuid.UUID(registered.json()["id"])
        dns["rebind.example.test"] = "127.0.0.1"  # the attacker's DNS now answers loopback

        delivery_id = await _webhook_delivery(conn, employer, hook)
        status = await delivery.deliver(conn, settings, delivery_id)

        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nothing connected
    reason = "rebind.example.test is 127.0.0.1, a loopback address"
    row = await conn.fetchrow(
        "SELECT status, attempts, last_error FROM delivery WHERE id = $1", delivery_id
    )
    assert (status, row["status"], row["attempts"]) == ("failed", "failed", 1)
    assert row["last_error"] == f"attempt 1: webhook refused: {reason}"
    failures = await conn.fetchval("SELECT consecutive_failures FROM webhook WHERE id = $1", hook)
    assert failures == 1


async def _webhook_delivery(
    conn: asyncpg.Connection, reader: factories.User, hook: uuid.UUID
) -> uuid.UUID:
    """A notification for `reader`, who chose webhooks, and its delivery to `hook`."""
    await repository.set_preferences(conn, reader.account_id, "off", True, "en")
    notification = await conn.fetchval(
        "INSERT INTO notification (account_id, kind, dedupe_key, data) "
        "VALUES ($1, 'match_found', $2, $3::text::jsonb) RETURNING id",
        reader.account_id,
        f"rebind:{uuid.uuid4()}",
        json.dumps({"score": 70}),
    )
    created = await repository.create_deliveries(conn, [notification])
    [delivery_id] = await conn.fetch(
        "SELECT id FROM delivery WHERE id = ANY($1::uuid[]) AND webhook_id = $2", created, hook
    )
    return uuid.UUID(str(delivery_id["id"]))
