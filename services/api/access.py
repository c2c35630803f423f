"""Who is calling, and the per-object authorization every route with an id goes through.

Every dependency that loads an object by an id from the path is marked with `@authorizes`;
tests/unit/test_route_authorization.py fails for a route with a path id and no such dependency.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from uuid import UUID

import redis.asyncio as aioredis
from fastapi import Depends, Path, Request
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

from services.api.dependencies import AppSettings, Conn
from services.core.access.policy import Actor
from services.core.accounts import repository as accounts_repository
from services.core.accounts import service as accounts
from services.core.errors import NotFound, Unauthorized

F = TypeVar("F", bound=Callable[..., Any])

bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
REVOKED_PREFIX = "opstap:revoked-jti:"


def authorizes(dependency: F) -> F:
    """Mark a dependency as the authorization check of the object it loads."""
    dependency.__opstap_authorizes__ = True  # type: ignore[attr-defined]
    return dependency


def get_redis(request: Request) -> aioredis.Redis:
    """The app's Redis client."""
    client: aioredis.Redis = request.app.state.redis
    return client


Redis = Annotated[aioredis.Redis, Depends(get_redis)]


async def current_actor(
    request: Request,
    conn: Conn,
    settings: AppSettings,
    redis: Redis,
    token: Annotated[str | None, Depends(bearer)],
    api_key: Annotated[str | None, Depends(api_key_header)],
) -> Actor:
    """The signed-in actor (bearer token or X-API-Key); 401 otherwise."""
    if api_key:
        actor = await accounts.actor_for_api_key(conn, api_key)
    elif token:
        found = await accounts.actor_for_token(conn, token, settings)
        if found is None or await redis.exists(REVOKED_PREFIX + found[1].jti):
            raise Unauthorized("Your session has ended or the token is not valid; sign in again.")
        actor, claims = found
        request.state.token_claims = claims
    else:
        raise Unauthorized("Sign in first: send a bearer token or an X-API-Key header.")
    request.state.actor = actor
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]


@authorizes
async def own_api_key_id(key_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn) -> UUID:
    """The id of one of the actor's own API keys; 404 for anyone else's."""
    if key_id not in {k["id"] for k in await accounts_repository.api_keys(conn, actor.account_id)}:
        raise NotFound("No API key of yours has this id.")
    return key_id
