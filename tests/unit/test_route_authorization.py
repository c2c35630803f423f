"""Every route that takes an id from the path loads it through an authorizing dependency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from services.api.access import authorizes
from services.api.app import create_app
from services.core.settings import Settings

# Reference data that is the same for everyone (ESCO is public): no person, no tenant.
# Reference data any signed-in account reads, named by a code rather than an object's id.
PUBLIC_ID_ROUTES = {
    "/api/v1/taxonomy/occupations/{occupation_id:path}",
    "/api/v1/qualifications/{crebo:crebo}",
}


def _calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _calls(sub)


def _authorized(route: APIRoute) -> bool:
    return any(getattr(call, "__opstap_authorizes__", False) for call in _calls(route.dependant))


def _flatten(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """(full path, route) of every API route, through FastAPI's included routers."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif hasattr(route, "effective_candidates"):
            for candidate in route.effective_candidates():
                if isinstance(getattr(candidate, "original_route", None), APIRoute):
                    yield candidate.path, candidate.original_route
                else:
                    yield from _flatten([candidate])


def _id_routes() -> list[tuple[str, APIRoute]]:
    app = create_app(Settings(database_url="postgresql://unused", redis_url="redis://unused"))
    return [(path, r) for path, r in _flatten(app.routes) if "{" in path]


def test_every_route_with_a_path_id_authorizes_the_object() -> None:
    routes = _id_routes()
    assert len(routes) >= 3
    assert "/api/v1/accounts/{account_id:uuid}" in {path for path, _ in routes}
    missing = [
        f"{sorted(r.methods)} {path}"
        for path, r in routes
        if path not in PUBLIC_ID_ROUTES and not _authorized(r)
    ]
    assert missing == []


def test_the_check_fails_for_a_route_without_one() -> None:
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/things/{thing_id}")
    async def unguarded(thing_id: str) -> str:
        return thing_id

    @authorizes
    async def guard(thing_id: str) -> str:
        return thing_id

    from fastapi import Depends

    @app.get("/other/{thing_id}")
    async def guarded(thing: str = Depends(guard)) -> str:
        return thing

    routes = {r.path: r for r in app.routes if isinstance(r, APIRoute)}
    assert not _authorized(routes["/things/{thing_id}"])
    assert _authorized(routes["/other/{thing_id}"])
