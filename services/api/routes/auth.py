"""Sign in (OAuth2 password flow), refresh, sign out, change password, API keys."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.security import OAuth2PasswordRequestForm

from services.api.access import REVOKED_PREFIX, CurrentActor, Redis, own_api_key_id
from services.api.dependencies import AppSettings, ClientAddress, Conn
from services.api.errors import ERROR_RESPONSES, error_body
from services.core.accounts import service as accounts
from services.core.accounts.models import (
    Account,
    ApiKey,
    ApiKeyIn,
    NewApiKey,
    PasswordChangeIn,
    RefreshIn,
    TokenPair,
)

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/token", summary="Sign in with email and password")
async def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    conn: Conn,
    settings: AppSettings,
    redis: Redis,
    address: ClientAddress,
) -> TokenPair:
    """A short-lived access token and a refresh token. 429 (with Retry-After) after repeated
    failures for the email or from your address, or when too many sign-ins arrive at once."""
    return await accounts.sign_in(conn, redis, settings, form.username, form.password, address)


@router.post("/refresh", summary="Exchange a refresh token for new tokens")
async def refresh_tokens(body: RefreshIn, conn: Conn, settings: AppSettings) -> TokenPair:
    """New tokens; the old refresh token is used up (reusing it revokes them all)."""
    pair = await accounts.refresh(conn, body.refresh_token, settings)
    if pair is None:
        # Answered without raising, so the revocation of a reused token is committed.
        return JSONResponse(  # type: ignore[return-value]
            error_body(
                "invalid",
                "This refresh token is not valid any more; sign in again.",
                {"refresh_token": "expired, used or revoked"},
            ),
            status_code=422,
        )
    return pair


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, summary="Sign out")
async def sign_out(
    request: Request, actor: CurrentActor, conn: Conn, redis: Redis, body: RefreshIn | None = None
) -> Response:
    """End this session: the access token and the given refresh token (or all) stop working."""
    await accounts.logout(conn, actor, body.refresh_token if body else None)
    claims = getattr(request.state, "token_claims", None)
    if claims is not None:
        remaining = int((claims.expires_at - datetime.now(UTC)).total_seconds()) + 1
        await redis.set(REVOKED_PREFIX + claims.jti, "1", ex=max(remaining, 1))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", summary="The signed-in account")
async def me(actor: CurrentActor, conn: Conn) -> Account:
    """Who you are signed in as."""
    return await accounts.get_account(conn, actor.account_id)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT, summary="Change password")
async def change_password(body: PasswordChangeIn, actor: CurrentActor, conn: Conn) -> Response:
    """Set a new password; every session and every API key of this account ends."""
    await accounts.change_password(conn, actor, body.current_password, body.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/api-keys", summary="Your API keys")
async def list_api_keys(actor: CurrentActor, conn: Conn) -> list[ApiKey]:
    """Your API keys without their secrets, with when each expires and was last used."""
    return await accounts.list_api_keys(conn, actor.account_id)


@router.post("/api-keys", status_code=status.HTTP_201_CREATED, summary="Create an API key")
async def create_api_key(
    body: ApiKeyIn, actor: CurrentActor, conn: Conn, settings: AppSettings
) -> NewApiKey:
    """A new key for integrations (admins and employers); its secret is shown this once. It
    expires after `expires_in_days` (default 90, at most 365); a password change revokes it."""
    return await accounts.create_api_key(conn, actor, body, settings)


@router.delete(
    "/api-keys/{key_id:uuid}", status_code=status.HTTP_204_NO_CONTENT, summary="Revoke an API key"
)
async def revoke_api_key(
    key_id: Annotated[UUID, Depends(own_api_key_id)], actor: CurrentActor, conn: Conn
) -> Response:
    """The key stops working at once."""
    await accounts.revoke_api_key(conn, actor.account_id, key_id, "owner")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
