"""Every error leaves the API in one JSON shape: {"error", "detail", "fields"}."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

import asyncpg
import redis
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from services.core.errors import OpstapError, TooManyRequests, Unauthorized
from services.core.logging import request_id

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    503: "unavailable",
}


class ErrorBody(BaseModel):
    """The one error shape."""

    error: str = Field(description="a stable code, e.g. not_found, invalid, forbidden")
    detail: str = Field(description="what went wrong and what to do, in words")
    fields: dict[str, Any] = Field(description="per input field: what to fix")


# Documented on every router: what any route may answer besides success.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Not signed in"},
    403: {"model": ErrorBody, "description": "Signed in, but not allowed"},
    404: {"model": ErrorBody, "description": "Not found (or not yours to see)"},
    409: {"model": ErrorBody, "description": "Conflicts with the current state"},
    422: {"model": ErrorBody, "description": "Invalid input; `fields` says what to fix"},
    429: {"model": ErrorBody, "description": "Too many requests"},
}

_ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
# Answered before any route runs, so documented on every operation: a body above its limit
# is refused by the middleware (413); one that cannot be read at all is a 400.
_ANY_REQUEST = {"413": "Request body too large (1 MB for JSON and forms, 5 MB for uploads)"}
_WITH_BODY = {"400": "The request body cannot be read (not valid JSON, form or text)"}


def error_body(code: str, detail: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    """The one error shape."""
    return {"error": code, "detail": detail, "fields": fields or {}}


def _location(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or str(loc[0] if loc else "request")


async def _domain(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OpstapError)
    headers = {}
    if isinstance(exc, Unauthorized):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(exc, TooManyRequests):
        headers["Retry-After"] = str(exc.retry_after)
    return JSONResponse(
        error_body(exc.code, exc.detail, exc.fields), status_code=exc.status, headers=headers
    )


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields: dict[str, str] = {}
    for err in exc.errors():
        fields.setdefault(_location(tuple(err.get("loc", ()))), err.get("msg", "invalid"))
    detail = "; ".join(f"{k}: {v}" for k, v in fields.items())
    return JSONResponse(error_body("invalid", f"Check the request: {detail}", fields), 422)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return JSONResponse(
        error_body(code, str(exc.detail)), status_code=exc.status_code, headers=headers
    )


def _allowed_methods(request: Request) -> str:
    """Every method some route serves on this path.

    Starlette's 405 names only the first route that matched the path, but FastAPI makes a
    route per method, so that would leave out the path's other methods.
    """
    methods: set[str] = set()
    for route in _leaf_routes(request.app.router.routes):
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


def _leaf_routes(routes: Iterable[Any]) -> Iterator[Any]:
    """The routes themselves, through FastAPI's included routers."""
    for route in routes:
        if hasattr(route, "effective_candidates"):
            yield from _leaf_routes(route.effective_candidates())
        else:
            yield route


# Constraint and data errors that slipped past validation are still the client's input: say
# so without echoing the database's message (it may hold personal data).
_DATABASE_ERRORS: list[tuple[type[Exception], int, str, str]] = [
    (
        asyncpg.exceptions.UniqueViolationError,
        409,
        "conflict",
        "This conflicts with something that exists already.",
    ),
    (
        asyncpg.exceptions.IntegrityConstraintViolationError,
        422,
        "invalid",
        "Some values do not fit together or refer to something that does not exist.",
    ),
    (
        asyncpg.exceptions.DataError,
        422,
        "invalid",
        "Some values cannot be stored (for example a NUL character or a number out of range).",
    ),
]


async def _database(request: Request, exc: Exception) -> JSONResponse:
    for kind, status, code, detail in _DATABASE_ERRORS:
        if isinstance(exc, kind):
            log.info("database rejected input: %s", type(exc).__name__)
            return JSONResponse(error_body(code, detail), status_code=status)
    return await _unexpected(request, exc)


# The database or Redis is away (restarting, network trouble): a moment later it may work.
UNAVAILABLE: tuple[type[Exception], ...] = (
    OSError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.TooManyConnectionsError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("backing service unavailable: %s", type(exc).__name__)
    return JSONResponse(
        error_body("unavailable", "The service is briefly unavailable; try again in a moment."),
        status_code=503,
        headers={"Retry-After": "5"},
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The message may hold personal data, so the log gets the traceback and the client an id.
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    rid = request_id.get()
    return JSONResponse(
        error_body("internal", f"Something went wrong on our side (request id {rid})."), 500
    )


def document_request_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the errors any request may get before its route runs to every operation of `schema`."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            errors = _ANY_REQUEST | (_WITH_BODY if "requestBody" in operation else {})
            for status, description in errors.items():
                documented = {"description": description, "content": _ERROR_CONTENT}
                responses.setdefault(status, documented)
    return schema


def _install_error_docs(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_request_errors(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that produce the one error shape, and document what they answer."""
    _install_error_docs(app)
    app.add_exception_handler(OpstapError, _domain)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    for kind, *_ in _DATABASE_ERRORS:
        app.add_exception_handler(kind, _database)
    for kind in UNAVAILABLE:
        app.add_exception_handler(kind, _unavailable)
    app.add_exception_handler(Exception, _unexpected)
