"""Sign-in, tokens, revocation, password change, API keys and the login rate limit."""

from __future__ import annotations

import asyncpg
import httpx

from tests import factories
from tests.factories import PASSWORD


async def test_sign_in_gives_tokens_that_open_the_api(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    me = await client.get("/api/v1/auth/me", headers=coach.headers)
    assert me.status_code == 200
    assert me.json()["email"] == coach.email and me.json()["role"] == "jobcoach"
    assert "password_hash" not in me.json()


async def test_wrong_password_and_no_token_are_401_in_the_error_shape(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    wrong = await client.post(
        "/api/v1/auth/token", data={"username": coach.email, "password": "nope nope nope"}
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "unauthorized"
    anonymous = await client.get("/api/v1/auth/me")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    forged = await client.get("/api/v1/auth/me", headers={"Authorization": "Bearer x.y.z"})
    assert forged.status_code == 401


async def test_refresh_rotates_and_a_reused_refresh_token_revokes_the_family(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    first = (
        await client.post(
            "/api/v1/auth/token", data={"username": coach.email, "password": PASSWORD}
        )
    ).json()
    second = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert second.status_code == 200
    reused = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert reused.status_code == 422 and "refresh_token" in reused.json()["fields"]
    stolen = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": second.json()["refresh_token"]}
    )
    assert stolen.status_code == 422


async def test_logout_ends_the_access_token_and_the_refresh_token(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    tokens = (
        await client.post(
            "/api/v1/auth/token", data={"username": coach.email, "password": PASSWORD}
        )
    ).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    out = await client.post(
        "/api/v1/auth/logout", headers=headers, json={"refresh_token": tokens["refresh_token"]}
    )
    assert out.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=headers)).status_code == 401
    again = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert again.status_code == 422
    assert (await client.get("/api/v1/auth/me", headers=coach.headers)).status_code == 200


async def test_password_change_ends_every_session_and_checks_the_new_password(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    short = await client.post(
        "/api/v1/auth/password",
        headers=coach.headers,
        json={"current_password": PASSWORD, "new_password": "short"},
    )
    assert short.status_code == 422 and "new_password" in short.json()["fields"]
    changed = await client.post(
        "/api/v1/auth/password",
        headers=coach.headers,
        json={"current_password": PASSWORD, "new_password": "a much longer new secret"},
    )
    assert changed.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=coach.headers)).status_code == 401
    assert await factories.sign_in(client, coach.email, "a much longer new secret")


async def test_api_keys_are_shown_once_work_and_can_be_revoked(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    boss = await factories.user(pool, client, org, "employer")
    created = await client.post("/api/v1/auth/api-keys", headers=boss.headers, json={"name": "ats"})
    assert created.status_code == 201
    key = created.json()["key"]
    assert key.startswith("opk_")
    listed = await client.get("/api/v1/auth/api-keys", headers=boss.headers)
    assert "key" not in listed.json()[0]
    by_key = await client.get("/api/v1/auth/me", headers={"X-API-Key": key})
    assert by_key.status_code == 200 and by_key.json()["email"] == boss.email
    gone = await client.delete(
        f"/api/v1/auth/api-keys/{created.json()['id']}", headers=boss.headers
    )
    assert gone.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers={"X-API-Key": key})).status_code == 401


async def test_someone_elses_api_key_is_not_found(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    owner = await factories.user(pool, client, org, "employer")
    other = await factories.user(pool, client, org, "admin")
    key = (
        await client.post("/api/v1/auth/api-keys", headers=owner.headers, json={"name": "x"})
    ).json()
    response = await client.delete(f"/api/v1/auth/api-keys/{key['id']}", headers=other.headers)
    assert response.status_code == 404


async def test_repeated_failed_sign_ins_are_slowed_down(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    for _ in range(5):
        await client.post("/api/v1/auth/token", data={"username": coach.email, "password": "bad"})
    blocked = await client.post(
        "/api/v1/auth/token", data={"username": coach.email, "password": PASSWORD}
    )
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0


async def test_a_duplicate_email_is_422_naming_the_field_and_writes_nothing(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    admin = await factories.user(pool, client, org, "admin")
    before = await pool.fetchval("SELECT count(*) FROM account")
    response = await client.post(
        "/api/v1/accounts",
        headers=admin.headers,
        json={
            "email": admin.email.upper(),
            "name": "Twin",
            "role": "jobcoach",
            "password": "a long enough password",
        },
    )
    assert response.status_code == 422 and "email" in response.json()["fields"]
    assert await pool.fetchval("SELECT count(*) FROM account") == before
