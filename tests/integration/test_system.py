"""Health, readiness, metrics, request ids and the one error shape."""

from __future__ import annotations

import asyncio

import httpx

from services.api.app import create_app
from services.core.settings import Settings


async def test_health_answers_while_the_process_lives(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def _ready(http: httpx.AsyncClient) -> httpx.Response:
    """/ready once the matcher, built as the app starts, is there (at most a minute)."""
    for _ in range(600):
        response = await http.get("/ready")
        if response.json()["checks"].get("matcher") != "warming":
            return response
        await asyncio.sleep(0.1)
    raise AssertionError("the matcher was still warming after a minute")


async def test_ready_checks_database_redis_schema_and_matcher(settings: Settings) -> None:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            response = await _ready(http)
            body = response.json()
            assert response.status_code == 200, body
            assert body["checks"] == {
                "database": "ok",
                "migrations": "ok",
                "redis": "ok",
                "matcher": "ok",
            }
            assert set(body["outbox"]) == {"unpublished", "unprocessed", "dead", "oldest_seconds"}
            app.state.matcher = "warming"  # as just after a start on full ESCO
            warming = await http.get("/ready")
    assert warming.status_code == 503 and warming.json()["status"] == "not_ready"


async def test_ready_is_503_when_redis_cannot_be_reached(settings: Settings) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    app = create_app(broken)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            response = await http.get("/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "not_ready"
    assert response.json()["checks"]["redis"].startswith("unreachable")
    assert response.json()["checks"]["database"] == "ok"


async def test_metrics_are_in_prometheus_format(client: httpx.AsyncClient) -> None:
    await client.get("/health")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert 'opstap_http_requests_total{method="GET",route="/health",status="200"}' in response.text


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    assert len((await client.get("/health")).headers["x-request-id"]) == 32
    kept = await client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    replaced = await client.get("/health", headers={"X-Request-ID": "bad id\twith junk"})
    assert replaced.headers["x-request-id"] != "bad id\twith junk"


async def test_unknown_route_answers_in_the_error_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "Not Found", "fields": {}}


async def test_openapi_documents_the_api(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    assert "/ready" in schema["paths"]
    assert (await client.get("/docs")).status_code == 200


async def test_logs_and_metrics_name_the_route_not_the_id(client: httpx.AsyncClient) -> None:
    await client.get("/api/v1/taxonomy/occupations/no-such-occupation-xyz")
    text = (await client.get("/metrics")).text
    assert 'route="/api/v1/taxonomy/occupations/{occupation_id}"' in text
    assert "no-such-occupation-xyz" not in text


async def test_an_id_in_upper_case_is_not_a_metrics_label(client: httpx.AsyncClient) -> None:
    await client.get("/api/v1/vacancies/E3E70682-C209-4CAC-A29F-6FBED82C07CD")
    text = (await client.get("/metrics")).text
    assert 'route="/api/v1/vacancies/{vacancy_id}"' in text
    assert "E3E70682" not in text


async def test_a_405_allows_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    # FastAPI makes a route per method; the answer names all of them, not the first one's.
    response = await client.request("OPTIONS", "/api/v1/vacancies")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"
    assert set(response.headers["allow"].split(", ")) == {"GET", "POST"}


async def test_a_fixed_path_is_not_taken_for_an_id(client: httpx.AsyncClient) -> None:
    # /vacancies/import is POST only: a PATCH is 405, not a PATCH of a vacancy named "import".
    response = await client.patch("/api/v1/vacancies/import", json={})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_errors_before_the_route_runs_are_documented(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    post, get = paths["/api/v1/vacancies"]["post"], paths["/api/v1/vacancies"]["get"]
    assert {"400", "413"} <= set(post["responses"])
    assert "413" in get["responses"] and "400" not in get["responses"]
    assert post["responses"]["413"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ErrorBody"
    )
