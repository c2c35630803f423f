"""Request bodies have a limit (1 MB JSON and forms, 5 MB uploads) enforced before parsing."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest

from services.core.settings import Settings
from tests import factories

MB = 1024 * 1024
CHUNK = 64 * 1024
JSON_LIMIT_DETAIL = (
    "The request body is larger than 1 MB (1,048,576 bytes), the limit for JSON and form "
    "requests; send less."
)


class Source:
    """A request body streamed in chunks (sent chunked: no Content-Length), counting reads."""

    def __init__(self, total: int, chunk: bytes = b" " * CHUNK) -> None:
        self.total = total
        self.chunk = chunk
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        while sent < self.total:
            piece = self.chunk[: self.total - sent]
            self.pulled += 1
            sent += len(piece)
            yield piece


@pytest.fixture(scope="module")
async def employer(pool: asyncpg.Pool, app: object) -> AsyncIterator[factories.User]:
    """An employer account, signed in: it may import vacancies."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        org = await factories.organisation(pool, "employer")
        yield await factories.user(pool, http, org, "employer")


def _padded_preferences(size: int) -> bytes:
    """A valid preferences document padded with whitespace to exactly `size` bytes."""
    document = json.dumps({"email": "off", "webhook": False, "language": "en"}).encode()
    return document + b" " * (size - len(document))


def _assert_too_large(response: httpx.Response, detail: str = JSON_LIMIT_DETAIL) -> None:
    assert response.status_code == 413, response.text
    assert response.json() == {"error": "too_large", "detail": detail, "fields": {}}


async def test_the_default_limits_are_1_mb_for_json_and_5_mb_for_uploads(
    settings: Settings,
) -> None:
    assert (settings.max_body_bytes, settings.max_upload_bytes) == (MB, 5 * MB)


async def test_a_json_body_up_to_the_limit_is_accepted_and_one_byte_more_is_413(
    client: httpx.AsyncClient, employer: factories.User
) -> None:
    url = "/api/v1/notifications/preferences"
    headers = employer.headers | {"Content-Type": "application/json"}

    fits = await client.put(url, headers=headers, content=_padded_preferences(MB))
    assert fits.status_code == 200, fits.text
    assert fits.json()["language"] == "en"

    _assert_too_large(await client.put(url, headers=headers, content=_padded_preferences(MB + 1)))


async def test_a_declared_content_length_above_the_limit_is_refused_unread(
    client: httpx.AsyncClient,
) -> None:
    body = Source(100 * MB)
    headers = {"Content-Type": "application/json", "Content-Length": str(100 * MB)}

    # Not signed in, and the body is never read: 413 before authentication or parsing.
    _assert_too_large(await client.post("/api/v1/webhooks", headers=headers, content=body))
    assert body.pulled == 0


async def test_a_chunked_body_is_refused_once_it_passes_the_limit(
    client: httpx.AsyncClient, employer: factories.User
) -> None:
    for headers in ({}, employer.headers):  # not signed in, and signed in
        body = Source(50 * MB)
        response = await client.put(
            "/api/v1/notifications/preferences",
            headers=headers | {"Content-Type": "application/json"},
            content=body,
        )
        _assert_too_large(response)
        # Read only up to the limit (and the chunk that crossed it), not the 50 MB.
        assert body.pulled == MB // CHUNK + 1


async def test_a_form_post_to_a_page_is_limited_like_json(client: httpx.AsyncClient) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    declared = b"username=" + b"a" * MB + b"&password=x"
    for body in (declared, Source(20 * MB, chunk=b"a" * CHUNK)):
        response = await client.post("/sign-in", headers=form, content=body)

        # A page answers with its error page, in the reader's language.
        assert response.status_code == 413
        assert "Dit is te veel in één keer" in response.text
    assert body.pulled == MB // CHUNK + 1


async def test_a_body_on_a_route_that_takes_none_is_never_read(
    client: httpx.AsyncClient,
) -> None:
    body = Source(100 * MB)
    headers = {"Content-Length": str(100 * MB)}

    response = await client.post("/api/v1/notifications/read-all", headers=headers, content=body)

    assert response.status_code == 401  # not signed in; the body was not needed, nor read
    assert body.pulled == 0


def _csv(size: int) -> bytes:
    """A vacancy CSV of about `size` bytes; its rows name an unknown occupation (not imported)."""
    header = "title,occupation_uri,contract_kind,hours_min,hours_max,description\n"
    row = "Magazijn,http://example.org/none,regular,20,24," + "x" * 2700 + "\n"
    return (header + row * ((size - len(header)) // len(row))).encode()


async def test_a_4_mb_csv_upload_is_not_held_to_the_json_limit(
    client: httpx.AsyncClient, employer: factories.User
) -> None:
    data = _csv(4 * MB)
    assert len(data) > 4 * MB - 3000

    response = await client.post(
        "/api/v1/vacancies/import",
        headers=employer.headers,
        files={"file": ("vacatures.csv", data, "text/csv")},
    )

    assert response.status_code == 200, response.text[:300]
    assert response.json()["imported"] == 0


async def test_an_upload_above_5_mb_is_413_before_the_import_reads_it(
    client: httpx.AsyncClient, employer: factories.User
) -> None:
    response = await client.post(
        "/api/v1/vacancies/import",
        headers=employer.headers,
        files={"file": ("vacatures.csv", _csv(6 * MB), "text/csv")},
    )

    _assert_too_large(
        response,
        "The request body is larger than 5 MB (5,242,880 bytes), the limit for file uploads; "
        "send less.",
    )
