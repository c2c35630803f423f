"""Security hygiene: headers on every response, CORS closed by default, no secret echoed."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import httpx
import pytest

from services.api.app import create_app
from services.core.settings import Settings
from tests import factories

ALWAYS = ("x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy")
ORIGIN = "https://coach.example.org"


@asynccontextmanager
async def client_for(
    settings: Settings, base_url: str = "http://t"
) -> AsyncIterator[httpx.AsyncClient]:
    """A client on an app built from `settings`, without its lifespan (no database needed)."""
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
        yield http


def assert_secure(response: httpx.Response) -> None:
    for name in ALWAYS:
        assert name in response.headers, name
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/health", 200),
        ("GET", "/ready", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/api/v1/no-such-thing", 404),
        ("GET", "/api/v1/auth/me", 401),
        ("POST", "/api/v1/auth/refresh", 422),
    ],
)
async def test_every_response_carries_the_security_headers(
    client: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await client.request(method, path, json={} if method == "POST" else None)
    assert response.status_code == status, response.text
    assert_secure(response)
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert "strict-transport-security" not in response.headers


async def test_signed_in_api_answers_carry_the_security_headers(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    user = await factories.user(pool, client, await factories.organisation(pool), "jobcoach")
    response = await client.get("/api/v1/auth/me", headers=user.headers)
    assert response.status_code == 200
    assert_secure(response)


async def test_docs_still_load_with_a_policy_of_their_own(client: httpx.AsyncClient) -> None:
    for path in ("/docs", "/redoc"):
        response = await client.get(path)
        assert response.status_code == 200
        assert_secure(response)
        assert "https://cdn.jsdelivr.net" in response.headers["content-security-policy"]


async def test_hsts_is_sent_over_https_only_when_configured(settings: Settings) -> None:
    async with client_for(settings, "https://t") as http:
        assert "strict-transport-security" not in (await http.get("/health")).headers
    hsts = settings.model_copy(update={"hsts_seconds": 31536000})
    async with client_for(hsts, "https://t") as http:
        header = (await http.get("/health")).headers["strict-transport-security"]
        assert header == "max-age=31536000; includeSubDomains"
    async with client_for(hsts, "http://t") as http:
        assert "strict-transport-security" not in (await http.get("/health")).headers


def preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization",
    }


async def test_cors_is_closed_by_default(settings: Settings) -> None:
    assert settings.cors_origins == []
    async with client_for(settings) as http:
        response = await http.options("/api/v1/auth/token", headers=preflight(ORIGIN))
        simple = await http.get("/health", headers={"Origin": ORIGIN})
    assert response.status_code >= 400
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-origin" not in simple.headers


async def test_cors_allows_only_the_configured_origins_without_credentials(
    settings: Settings,
) -> None:
    configured = settings.model_copy(update={"cors_origins": [ORIGIN]})
    async with client_for(configured) as http:
        allowed = await http.options("/api/v1/auth/token", headers=preflight(ORIGIN))
        other = await http.options(
            "/api/v1/auth/token", headers=preflight("https://evil.example.com")
        )
        simple = await http.get("/health", headers={"Origin": ORIGIN})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-credentials" not in allowed.headers
    assert_secure(allowed)
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers
    assert simple.headers["access-control-allow-origin"] == ORIGIN


def test_cors_origins_are_read_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSTAP_CORS_ORIGINS", f"{ORIGIN}/, https://b.example.org")
    assert Settings().cors_origins == [ORIGIN, "https://b.example.org"]


def test_settings_never_show_their_secrets() -> None:
    shown = Settings(secret_key="key-that-must-stay-hidden", smtp_password="smtp-pass-hidden")
    for text in (repr(shown), str(shown), shown.model_dump_json()):
        assert "key-that-must-stay-hidden" not in text
        assert "smtp-pass-hidden" not in text


async def test_no_password_or_token_is_echoed_in_answers_or_logs(
    pool: asyncpg.Pool, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    org = await factories.organisation(pool)
    user = await factories.user(pool, client, org, "jobcoach")
    secret = f"Wrong-Passphrase-{uuid.uuid4().hex}"
    token = f"eyJhbGciOiJIUzI1NiJ9.{uuid.uuid4().hex}.forged-signature"
    refresh = f"opr_{uuid.uuid4().hex}{uuid.uuid4().hex}"
    long_secret = "x" * 300 + uuid.uuid4().hex
    too_short = f"t{uuid.uuid4().hex[:9]}"
    caplog.set_level(logging.DEBUG)

    answers = [
        await client.post("/api/v1/auth/token", data={"username": user.email, "password": secret}),
        await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}),
        await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh}),
        await client.post("/api/v1/auth/refresh", json={"refresh_token": long_secret}),
        await client.post(
            "/api/v1/auth/password",
            headers=user.headers,
            json={"current_password": secret, "new_password": too_short},
        ),
    ]

    assert [a.status_code for a in answers][:3] == [401, 401, 422]
    assert all(a.status_code >= 400 for a in answers)
    for needle in (secret, token, refresh, long_secret, too_short, factories.PASSWORD):
        for answer in answers:
            assert needle not in answer.text, answer.text
        assert needle not in caplog.text
    assert user.email not in caplog.text
