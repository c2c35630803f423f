"""Request ids, access logs and request metrics."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
        path = path.replace(f"/{value}", f"/{{{name}}}", 1)
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
