"""Fixed-window counters in Redis, e.g. for failed sign-ins."""

from __future__ import annotations

import hashlib
import hmac

import redis.asyncio as aioredis

PREFIX = "opstap:rate:"


def counter_key(secret: str, kind: str, value: str) -> str:
    """The Redis key counting events of `kind` for `value` (an email, an address): it holds
    an HMAC of the value, never the value itself, so Redis keeps no personal data."""
    digest = hmac.new(secret.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"{PREFIX}{kind}:{digest}"


async def over_limit(client: aioredis.Redis, key: str, limit: int) -> int | None:
    """Seconds to wait when `key` has reached `limit` in its window, else None."""
    count = await client.get(key)
    if count is not None and int(count) >= limit:
        ttl = await client.ttl(key)
        return max(int(ttl), 1)
    return None


async def hit(client: aioredis.Redis, key: str, window_seconds: int) -> None:
    """Count one event against `key`; the window starts with the first event."""
    # SET NX EX then INCR, not EXPIRE NX: that needs Redis 7 and the embedded one is 6.2.
    async with client.pipeline(transaction=True) as pipe:
        pipe.set(key, 0, ex=window_seconds, nx=True)
        pipe.incr(key)
        await pipe.execute()


async def clear(client: aioredis.Redis, key: str) -> None:
    """Forget the events of `key` (after a success)."""
    await client.delete(key)
