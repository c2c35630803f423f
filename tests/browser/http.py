"""A cookie-keeping HTTP client that uses the pages as a browser without script would."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from tests.factories import PASSWORD

CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]{64})"')


def csrf_of(html: str) -> str:
    """The form token on a page."""
    found = CSRF.search(html)
    assert found, "the page has no form token"
    return found[1]


@asynccontextmanager
async def page_client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client for the in-process app that keeps its cookies, like a browser."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        yield http


async def sign_in(http: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the form; the answer (303 on success)."""
    form = await http.get("/sign-in")
    data = {"csrf_token": csrf_of(form.text), "email": email, "password": password}
    return await http.post("/sign-in", data=data)


async def submit(
    http: httpx.AsyncClient, page: str, action: str, data: dict[str, Any]
) -> httpx.Response:
    """Open `page`, take its form token, and post `data` to `action`."""
    opened = await http.get(page)
    assert opened.status_code == 200, (page, opened.status_code)
    return await http.post(action, data={"csrf_token": csrf_of(opened.text), **data})
