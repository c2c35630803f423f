"""Web pages for jobcoaches, employers and employees, served by the API process.

Server-rendered (Jinja2), working without JavaScript; the pages call the same domain services
and the same authorizing loaders as the JSON API, so a page shows a role exactly what the API
would. Page routes stay out of the OpenAPI schema; tests/integration/test_pages_access.py is
their access matrix.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from services.api.pages import (
    account,
    capacity_pages,
    carving,
    caseload,
    coach,
    employee,
    employer,
    learning_pages,
    outcomes,
    placement,
    public,
    staff_account,
)
from services.api.pages.render import STATIC, error_page, sign_in_redirect
from services.core.errors import Unauthorized

Handler = Callable[[Request, Any], Any]  # as Starlette keeps them: sync or async
API_PATHS = ("/api/", "/docs", "/redoc", "/openapi", "/health", "/ready", "/metrics", "/static/")

router = APIRouter(include_in_schema=False)
for module in (account, caseload, outcomes, placement, coach, employer, employee, public):
    router.include_router(module.router)
router.include_router(capacity_pages.router)
router.include_router(learning_pages.coach_router)
router.include_router(learning_pages.me_router)
router.include_router(carving.router)
router.include_router(staff_account.router)


def is_page_route(route: Any) -> bool:
    """Whether a route serves a web page (rather than the JSON API)."""
    endpoint = getattr(route, "endpoint", None)
    return bool(endpoint) and str(getattr(endpoint, "__module__", "")).startswith(__name__ + ".")


def _is_page_request(request: Request) -> bool:
    route = request.scope.get("route")
    if route is not None:
        return is_page_route(route)
    # No route matched: a browser asking for a page gets a page, API clients their JSON.
    accepts_html = "text/html" in request.headers.get("accept", "")
    return accepts_html and not request.url.path.startswith(API_PATHS)


async def _answer(handler: Handler, request: Request, exc: Exception) -> Response:
    answered = handler(request, exc)
    found: Response = await answered if inspect.isawaitable(answered) else answered
    return found


def _page_aware(original: Handler) -> Handler:
    """The API's handler for API requests; for pages the same status as an HTML page (and a
    trip to the sign-in page instead of 401)."""

    async def handle(request: Request, exc: Exception) -> Response:
        if not _is_page_request(request):
            return await _answer(original, request, exc)
        if isinstance(exc, Unauthorized):
            return sign_in_redirect(request)
        if isinstance(exc, RequestValidationError):
            # A malformed id in the path is an object that is not there.
            in_path = any(e.get("loc", ("",))[0] == "path" for e in exc.errors())
            return error_page(request, 404 if in_path else 400)
        answered = await _answer(original, request, exc)  # also logs what the API would log
        return error_page(request, answered.status_code)

    return handle


def install(app: FastAPI) -> None:
    """Serve the pages and their static files, with HTML error pages for page routes."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(router)
    for kind, handler in list(app.exception_handlers.items()):
        app.add_exception_handler(kind, _page_aware(handler))
