"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as aioredis
from fastapi import FastAPI

from services.api.errors import install_error_handlers
from services.api.middleware import BodySizeLimitMiddleware, RequestContextMiddleware
from services.api.pages import install as install_pages
from services.api.routes import (
    accommodations,
    auth,
    capacity,
    carving,
    decisions,
    employees,
    followups,
    jobpostings,
    ladder,
    learning,
    logbook,
    matches,
    next_steps,
    notifications,
    organisations,
    outcomes,
    privacy,
    staff_learning,
    system,
    taxonomy,
    training,
    vacancies,
    wage_value,
)
from services.api.security_headers import install_security
from services.core import db, migrate
from services.core.matching import live
from services.core.settings import Settings, get_settings

API_PREFIX = "/api/v1"
log = logging.getLogger(__name__)


async def _warm_matcher(app: FastAPI) -> None:
    """Build the matcher (next steps, training plans and what-if answers use it) as the API
    starts, not on the first page that needs it; /ready says "warming" until it is built."""
    try:
        async with app.state.pool.acquire() as conn:
            await live.matcher(conn)
        app.state.matcher = "ok"
    except Exception as exc:  # no taxonomy yet, say: built on first use instead
        log.warning("the matcher was not built at start (%s); it is built on first use", exc)
        app.state.matcher = f"built on first use ({type(exc).__name__})"


def create_app(settings: Settings | None = None) -> FastAPI:
    """An app bound to `settings` (default: from the environment)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not settings.database_url or not settings.redis_url:
            raise RuntimeError("DATABASE_URL and REDIS_URL must be set to serve the API")
        app.state.pool = await db.create_pool(
            settings.database_url, min_size=settings.db_pool_min, max_size=settings.db_pool_max
        )
        app.state.redis = aioredis.from_url(settings.redis_url)
        app.state.matcher = "warming"
        app.state.warming = warming = asyncio.create_task(_warm_matcher(app))
        try:
            yield
        finally:
            warming.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await warming
            await app.state.redis.aclose()
            await app.state.pool.close()

    app = FastAPI(
        title="Opstap",
        version="0.1.0",
        description="Job matching and next steps for work-integration social enterprises.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.head_revision = migrate.head_revision()
    install_error_handlers(app)
    # Added first, so it runs inside RequestContextMiddleware: a 413 has a request id too.
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
    )
    app.add_middleware(RequestContextMiddleware)
    install_security(app, settings)
    app.include_router(system.router)
    routers = (
        auth.router,
        organisations.router,
        employees.router,
        vacancies.router,
        carving.router,
        jobpostings.router,
        matches.router,
        next_steps.router,
        accommodations.router,
        capacity.router,
        notifications.router,
        taxonomy.router,
        training.router,
        decisions.router,
        followups.router,
        wage_value.router,
        outcomes.router,
        privacy.router,
        ladder.router,
        logbook.router,
        learning.router,
        staff_learning.router,
    )
    for router in routers:
        app.include_router(router, prefix=API_PREFIX)
    install_pages(app)
    return app
