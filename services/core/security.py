"""Passwords (argon2), signed access tokens (JWT, HS256) and opaque secrets stored hashed."""

from __future__ import annotations

import asyncio
import hashlib
import os
import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("opstap-dummy-password")
ALGORITHM = "HS256"
MIN_PASSWORD_LENGTH = 12
# argon2 takes tens of milliseconds of CPU and 64 MiB per call: off the event loop (so /health
# and every other request keep answering during a burst of sign-ins), in a pool of its own
# sized to the cores (so a burst queues here instead of taking memory without bound or the
# default thread pool's threads from other work).
_HASH_POOL = ThreadPoolExecutor(
    max_workers=max(2, os.cpu_count() or 2), thread_name_prefix="argon2"
)


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (blocking: requests use `hash_password_off_loop`)."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; also spends the time when there is no hash (blocking)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


async def hash_password_off_loop(password: str) -> str:
    """`hash_password` in the hashing threads, for code on the event loop."""
    return await asyncio.get_running_loop().run_in_executor(_HASH_POOL, hash_password, password)


async def verify_password_off_loop(password_hash: str | None, password: str) -> bool:
    """`verify_password` in the hashing threads, for code on the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_HASH_POOL, verify_password, password_hash, password)


def password_problem(password: str, email: str = "") -> str | None:
    """Why a new password is not acceptable, or None when it is."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"use at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > 256:
        return "use at most 256 characters"
    if email and password.lower() == email.lower():
        return "do not use your email address as password"
    return None


@dataclass(frozen=True)
class AccessClaims:
    """What a verified access token says."""

    account_id: uuid.UUID
    token_version: int
    jti: str
    expires_at: datetime


def make_access_token(
    secret: str, account_id: uuid.UUID, token_version: int, minutes: int
) -> tuple[str, AccessClaims]:
    """A signed, short-lived access token and its claims."""
    expires = datetime.now(UTC) + timedelta(minutes=minutes)
    claims = AccessClaims(account_id, token_version, secrets.token_hex(16), expires)
    payload: dict[str, Any] = {
        "sub": str(account_id),
        "ver": token_version,
        "jti": claims.jti,
        "exp": expires,
        "iat": datetime.now(UTC),
        "typ": "access",
    }
    return jwt.encode(payload, secret, algorithm=ALGORITHM), claims


def read_access_token(secret: str, token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired access token; None for anything else."""
    try:
        payload = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp", "jti", "ver"]}
        )
        if payload.get("typ") != "access":
            return None
        return AccessClaims(
            uuid.UUID(payload["sub"]),
            int(payload["ver"]),
            str(payload["jti"]),
            datetime.fromtimestamp(payload["exp"], UTC),
        )
    except (jwt.PyJWTError, ValueError, KeyError, TypeError):
        return None


def new_secret(prefix: str) -> tuple[str, str]:
    """A random secret to hand out once (e.g. `opk_...`) and the hash to store."""
    token = f"{prefix}_{secrets.token_urlsafe(32)}"
    return token, secret_hash(token)


def secret_hash(token: str) -> str:
    """The stored form of an opaque secret (sha256: the secret itself is high-entropy)."""
    return hashlib.sha256(token.encode()).hexdigest()
