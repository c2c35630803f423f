"""Typed domain errors, and the Invalid that names every wrong field; the API turns each into
one JSON error shape at its edge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

Loc = tuple[str | int, ...]
Problem = tuple[Loc, str]  # (where in an input model, what is wrong): pydantic's shape


class OpstapError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "error"
    status = 400

    def __init__(self, detail: str, *, fields: dict[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.fields = fields or {}


class NotFound(OpstapError):
    """The object does not exist, or the caller may not know that it does."""

    code = "not_found"
    status = 404


class Conflict(OpstapError):
    """The request clashes with the current state (a duplicate, a wrong status)."""

    code = "conflict"
    status = 409


class Invalid(OpstapError):
    """The input is wrong; `fields` says what to fix."""

    code = "invalid"
    status = 422


class Unauthorized(OpstapError):
    """No valid credentials: sign in first."""

    code = "unauthorized"
    status = 401


class TooManyRequests(OpstapError):
    """Slow down; `retry_after` says for how long."""

    code = "too_many_requests"
    status = 429

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class Forbidden(OpstapError):
    """The caller is known but may not do this."""

    code = "forbidden"
    status = 403


class Unavailable(OpstapError):
    """A service Opstap depends on cannot be reached."""

    code = "unavailable"
    status = 503


def problems_of(exc: ValidationError) -> list[Problem]:
    """The problems pydantic found, as (location, message)."""
    return [(tuple(err["loc"]), err["msg"]) for err in exc.errors()]


def invalid_fields(subject: str, fields: dict[str, str]) -> Invalid:
    """One Invalid naming every field: "Check the <subject>: field: what; ..."."""
    detail = "; ".join(f"{k}: {v}" for k, v in fields.items())
    return Invalid(f"Check the {subject}: {detail}", fields=fields)


def invalid(subject: str, problems: Sequence[Problem]) -> Invalid:
    """`invalid_fields` for pydantic's problems: a field's first, in the API's `a.b.c` form."""
    fields: dict[str, str] = {}
    for loc, message in problems:
        fields.setdefault(".".join(str(p) for p in loc) or "body", message)
    return invalid_fields(subject, fields)
