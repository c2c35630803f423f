"""A cookie-keeping HTTP client that uses the pages as a browser without script would."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html.parser import HTMLParser
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


class _FormReader(HTMLParser):
    """The fields of the first form whose action starts with `action`, as a browser would send
    them without a button (text, hidden, ticked boxes, the chosen options, text areas)."""

    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.text: list[str] = []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.done and a.get("action", "").startswith(self.action):
            self.inside = True
        if not self.inside:
            return
        kind = a.get("type", "text")
        if tag == "input" and "name" in a and kind not in ("submit", "button", "image", "reset"):
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and "name" in a:
            self.textarea, self.text = a["name"], []
        elif tag == "select" and "name" in a:
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select is not None:
            self.options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = [v for v, selected in self.options if selected] or [
                v for v, _ in self.options[:1]
            ]
            self.fields.extend((self.select, v) for v in chosen)
            self.select = None
        elif tag == "form":
            self.inside, self.done = False, True


def form_data(html: str, action: str, **changes: Any) -> dict[str, Any]:
    """What the form posting to `action` (its start) sends as the page shows it, with `changes`
    (a value, or a list for a field that comes more than once; None leaves a field out)."""
    reader = _FormReader(action)
    reader.feed(html)
    assert reader.done, f"no form posting to {action}"
    data: dict[str, Any] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    found = {k: v[0] if len(v) == 1 else v for k, v in data.items()}
    for name, value in changes.items():
        if value is None:
            found.pop(name, None)
        else:
            found[name] = value
    return found
