"""The changed part of a page, for the script that swaps it in place (static/keep-place.js).

A form marked `data-keep-place="<id>"` is sent by the script with the header `X-Opstap-Fragment`;
its handler answers with the partial template the full page includes (one template, no second
copy of the markup), naming in headers where the focus goes and what a screen reader hears. Sent
without the header (no script), the same handler answers as before: a redirect, or the full page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.api.pages.render import render

HEADER = "X-Opstap-Fragment"
FOCUS = "X-Opstap-Focus"  # the id of the control to focus after the swap
ANNOUNCE = "X-Opstap-Announce"  # what the polite live region says, percent-encoded UTF-8


def wanted(request: Request) -> bool:
    """The script asked for the changed part only."""
    return bool(request.headers.get(HEADER))


def part(
    request: Request,
    template: str,
    *,
    status: int = 200,
    focus: str = "",
    announce: str = "",
    **extra: Any,
) -> HTMLResponse:
    """A partial template rendered alone, with where the focus goes and what to announce."""
    response = render(request, template, status=status, **extra)
    response.headers[HEADER] = "1"
    response.headers["Vary"] = HEADER
    if focus:
        response.headers[FOCUS] = focus
    if announce:
        response.headers[ANNOUNCE] = quote(announce, safe="")
    return response
