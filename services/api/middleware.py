"""Request ids, access logs, request metrics, and the limit on request bodies."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.api.errors import error_body
from services.core.logging import request_id
from services.core.metrics import HTTP_DURATION, HTTP_REQUESTS

log = logging.getLogger("opstap.access")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _route_template(scope: Scope) -> str:
    """The matched path with its parameters put back as names, e.g. /api/v1/x/{id}.

    Never the raw path: ids in it may be personal data, and metrics need few label values.
    """
    if "route" not in scope:
        return "unmatched"
    path = str(scope.get("path", ""))
    for name, value in scope.get("path_params", {}).items():
        # Without case: a uuid parameter arrives as a UUID, written lower case, whatever was sent.
        path = re.sub(re.escape(f"/{value}"), f"/{{{name}}}", path, count=1, flags=re.IGNORECASE)
    return path


class RequestContextMiddleware:
    """Give each request an id (kept from X-Request-ID when sane), log it and count it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            path = _route_template(scope)
            HTTP_REQUESTS.labels(scope["method"], path, str(status)).inc()
            HTTP_DURATION.labels(scope["method"], path).observe(elapsed)
            log.info(
                "%s %s %s %.1fms",
                scope["method"],
                path,
                status,
                elapsed * 1000,
                extra={"status": status, "duration_ms": round(elapsed * 1000, 1)},
            )
            request_id.reset(token)


# A file upload arrives as multipart/form-data: the file plus the form's boundaries and
# part headers, which this allowance covers, so a file of exactly the limit still fits.
MULTIPART_FRAMING_BYTES = 64 * 1024


class BodyTooLarge(HTTPException):
    """A request body above its limit (413); raised from `receive` before anything parses it."""

    def __init__(self, limit: int, what: str) -> None:
        megabytes = f"{limit / (1024 * 1024):.3g} MB"
        super().__init__(
            413,
            f"The request body is larger than {megabytes} ({limit:,} bytes), the limit for "
            f"{what}; send less.",
            headers={"Connection": "close"},
        )


@dataclass(frozen=True)
class _Limit:
    """How many body bytes may pass (`allowed`), and the limit the 413 states for `what`."""

    allowed: int
    stated: int
    what: str

    def error(self) -> BodyTooLarge:
        return BodyTooLarge(self.stated, self.what)


class BodySizeLimitMiddleware:
    """Refuse a request body above its limit with 413 before it is read in full or parsed.

    JSON and form posts may carry `max_body_bytes`, multipart file uploads `max_upload_bytes`
    (plus their framing). A Content-Length above the limit is refused at the first read, no
    byte of it read; a body without one (chunked) is counted as it streams and refused once it
    passes. The error is raised from `receive`, so the API answers with its JSON error and a
    page with its error page (FastAPI reads the body before it authenticates).
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.json = _Limit(max_body_bytes, max_body_bytes, "JSON and form requests")
        self.upload = _Limit(
            max_upload_bytes + MULTIPART_FRAMING_BYTES, max_upload_bytes, "file uploads"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        multipart = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        limit = self.upload if multipart else self.json
        declared = _content_length(headers.get(b"content-length"))
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared > limit.allowed:
                raise limit.error()  # before a byte of it is read
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit.allowed:
                    raise limit.error()
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge as exc:
            # Routes answer it with the one error shape themselves; this is for other readers.
            if started:
                raise
            await _refuse(send, exc)


def _content_length(value: bytes | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


async def _refuse(send: Send, error: BodyTooLarge) -> None:
    body = json.dumps(error_body("too_large", str(error.detail))).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
