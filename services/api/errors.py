"""Every error leaves the API in one JSON shape: {"error", "detail", "fields"}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.core.errors import OpstapError
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


def error_body(code: str, detail: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    """The one error shape."""
    return {"error": code, "detail": detail, "fields": fields or {}}


def _location(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or str(loc[0] if loc else "request")


async def _domain(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OpstapError)
    return JSONResponse(error_body(exc.code, exc.detail, exc.fields), status_code=exc.status)


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
    return JSONResponse(
        error_body(code, str(exc.detail)), status_code=exc.status_code, headers=exc.headers
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The message may hold personal data, so the log gets the traceback and the client an id.
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    rid = request_id.get()
    return JSONResponse(
        error_body("internal", f"Something went wrong on our side (request id {rid})."), 500
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that produce the one error shape."""
    app.add_exception_handler(OpstapError, _domain)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
