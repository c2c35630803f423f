"""Sign-in, tokens, revocation, password change, API keys and the login rate limit (page
sessions: test_page_sessions.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

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


async def test_a_sign_in_is_noted_on_the_account_and_a_failed_one_is_not(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")  # signed in through the API
    noted = "SELECT last_sign_in_at FROM account WHERE id = $1"
    first = await pool.fetchval(noted, coach.account_id)
    assert first is not None
    wrong = await client.post(
        "/api/v1/auth/token", data={"username": coach.email, "password": "nope nope nope"}
    )
    assert wrong.status_code == 401
    assert await pool.fetchval(noted, coach.account_id) == first


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


async def test_a_duplicate_email_is_409_naming_the_field_and_writes_nothing(
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
    assert response.status_code == 409 and "email" in response.json()["fields"]
    assert await pool.fetchval("SELECT count(*) FROM account") == before


async def _new_key(client: httpx.AsyncClient, user: factories.User, **body: object) -> dict:
    created = await client.post(
        "/api/v1/auth/api-keys", headers=user.headers, json={"name": "ats", **body}
    )
    assert created.status_code == 201, created.text
    key: dict = created.json()
    return key


async def test_an_api_key_lives_90_days_unless_asked_and_never_beyond_the_maximum(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    boss = await factories.user(pool, client, org, "employer")
    now = datetime.now(UTC)
    default = await _new_key(client, boss)
    assert abs(datetime.fromisoformat(default["expires_at"]) - (now + timedelta(days=90))) < (
        timedelta(minutes=5)
    )
    short = await _new_key(client, boss, expires_in_days=7)
    assert abs(datetime.fromisoformat(short["expires_at"]) - (now + timedelta(days=7))) < (
        timedelta(minutes=5)
    )
    assert await _new_key(client, boss, expires_in_days=365)
    for days in (366, 0):
        refused = await client.post(
            "/api/v1/auth/api-keys",
            headers=boss.headers,
            json={"name": "forever", "expires_in_days": days},
        )
        assert refused.status_code == 422, refused.text
        assert "expires_in_days" in refused.json()["fields"]
    too_long = await client.post(
        "/api/v1/auth/api-keys",
        headers=boss.headers,
        json={"name": "forever", "expires_in_days": 366},
    )
    assert "at most 365 days" in too_long.json()["detail"]
    listed = await client.get("/api/v1/auth/api-keys", headers=boss.headers)
    assert sorted(k["name"] for k in listed.json()) == ["ats", "ats", "ats"]


async def test_an_expired_api_key_is_401_saying_so(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    boss = await factories.user(pool, client, org, "employer")
    key = await _new_key(client, boss)
    assert (await client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]})).is_success
    await pool.execute(
        "UPDATE api_key SET expires_at = now() - interval '1 minute' WHERE id = $1",
        uuid.UUID(key["id"]),
    )
    expired = await client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]})
    assert expired.status_code == 401
    assert expired.json()["error"] == "unauthorized"
    assert "expired on" in expired.json()["detail"]
    assert "create a new one" in expired.json()["detail"]


async def test_a_password_change_revokes_the_accounts_api_keys(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    boss = await factories.user(pool, client, org, "employer")
    key = await _new_key(client, boss)
    changed = await client.post(
        "/api/v1/auth/password",
        headers=boss.headers,
        json={"current_password": PASSWORD, "new_password": "a much longer new secret"},
    )
    assert changed.status_code == 204
    refused = await client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]})
    assert refused.status_code == 401
    assert "password changed" in refused.json()["detail"]
    headers = await factories.sign_in(client, boss.email, "a much longer new secret")
    [listed] = (await client.get("/api/v1/auth/api-keys", headers=headers)).json()
    assert listed["revoked_reason"] == "password_change" and listed["revoked_at"]


async def test_only_admins_and_employers_may_create_api_keys(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    before = await pool.fetchval("SELECT count(*) FROM api_key")
    for role in ("employee", "jobcoach"):
        user = await factories.user(pool, client, org, role)
        refused = await client.post(
            "/api/v1/auth/api-keys", headers=user.headers, json={"name": "mine"}
        )
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"] == "forbidden"
        assert "Only an admin or an employer may create API keys" in refused.json()["detail"]
    assert await pool.fetchval("SELECT count(*) FROM api_key") == before
    admin = await factories.user(pool, client, org, "admin")
    assert (await _new_key(client, admin))["key"].startswith("opk_")


async def test_an_admin_lists_and_revokes_a_members_api_key_and_no_one_else_may(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    admin = await factories.user(pool, client, org, "admin")
    boss = await factories.user(pool, client, org, "employer")
    stranger = await factories.user(pool, client, await factories.organisation(pool), "admin")
    key = await _new_key(client, boss)
    keys_path = f"/api/v1/accounts/{boss.account_id}/api-keys"
    listed = await client.get(keys_path, headers=admin.headers)
    assert listed.status_code == 200
    assert [k["id"] for k in listed.json()] == [key["id"]]
    assert "key" not in listed.json()[0]
    assert (await client.get(keys_path, headers=boss.headers)).status_code == 403
    assert (await client.get(keys_path, headers=stranger.headers)).status_code == 404
    one = f"{keys_path}/{key['id']}"
    assert (await client.delete(one, headers=stranger.headers)).status_code == 404
    assert (await client.delete(one, headers=boss.headers)).status_code == 403
    admins_key = await _new_key(client, admin)
    wrong_account = f"{keys_path}/{admins_key['id']}"
    assert (await client.delete(wrong_account, headers=admin.headers)).status_code == 404
    assert (await client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]})).is_success
    assert (await client.delete(one, headers=admin.headers)).status_code == 204
    refused = await client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]})
    assert refused.status_code == 401 and "by an admin" in refused.json()["detail"]
    [after] = (await client.get(keys_path, headers=admin.headers)).json()
    assert after["revoked_reason"] == "admin"
    assert (await client.delete(one, headers=admin.headers)).status_code == 404


async def test_a_keys_last_use_is_shown_and_written_at_most_once_a_minute(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool, "employer")
    boss = await factories.user(pool, client, org, "employer")
    key = await _new_key(client, boss)
    key_id = uuid.UUID(key["id"])
    assert key["last_used_at"] is None
    by_key = {"X-API-Key": key["key"]}

    async def last_used() -> str | None:
        [listed] = (await client.get("/api/v1/auth/api-keys", headers=boss.headers)).json()
        return listed["last_used_at"]  # type: ignore[no-any-return]

    assert (await client.get("/api/v1/auth/me", headers=by_key)).is_success
    first = await last_used()
    assert first is not None
    assert datetime.now(UTC) - datetime.fromisoformat(first) < timedelta(minutes=1)
    half_a_minute_ago = await pool.fetchval(
        "UPDATE api_key SET last_used_at = now() - interval '30 seconds' WHERE id = $1 "
        "RETURNING last_used_at",
        key_id,
    )
    for _ in range(3):
        assert (await client.get("/api/v1/auth/me", headers=by_key)).is_success
    assert await pool.fetchval("SELECT last_used_at FROM api_key WHERE id = $1", key_id) == (
        half_a_minute_ago
    )
    await pool.execute(
        "UPDATE api_key SET last_used_at = now() - interval '2 minutes' WHERE id = $1", key_id
    )
    assert (await client.get("/api/v1/auth/me", headers=by_key)).is_success
    noted = await pool.fetchval("SELECT last_used_at FROM api_key WHERE id = $1", key_id)
    assert datetime.now(UTC) - noted < timedelta(seconds=30)
