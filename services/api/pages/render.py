"""Rendering pages: one Jinja environment, the cookies a page sets, and HTML error pages."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from services.api.pages import i18n, pictures
from services.api.pages.session import (
    CSRF_FIELD,
    PRESESSION_COOKIE,
    SESSION_COOKIE,
    csrf_token,
)
from services.core.access.policy import Actor, Role
from services.core.logging import request_id
from services.core.settings import Settings

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent.parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
YEAR = 365 * 24 * 3600

# Where each role lands after signing in, and the links of its menu: (path, message key).
HOME = {
    Role.JOBCOACH: "/coach",
    Role.ADMIN: "/coach",
    Role.EMPLOYER: "/employer",
    Role.EMPLOYEE: "/me",
}
NAV: dict[Role, tuple[tuple[str, str], ...]] = {
    Role.JOBCOACH: (
        ("/coach", "nav.caseload"),
        ("/coach/vacancies", "nav.vacancies"),
        ("/coach/outcomes", "nav.outcomes"),
        ("/account", "nav.account"),
        ("/notifications", "nav.notifications"),
    ),
    Role.ADMIN: (
        ("/coach", "nav.people"),
        ("/coach/vacancies", "nav.vacancies"),
        ("/coach/outcomes", "nav.outcomes"),
        ("/employer", "nav.own_vacancies"),
        ("/organisation", "nav.organisation"),
        ("/account", "nav.account"),
        ("/notifications", "nav.notifications"),
    ),
    Role.EMPLOYER: (
        ("/employer", "nav.own_vacancies"),
        ("/organisation", "nav.organisation"),
        ("/account", "nav.account"),
        ("/notifications", "nav.notifications"),
    ),
    Role.EMPLOYEE: (
        ("/me", "nav.my_page"),
        ("/notifications", "nav.messages"),
        ("/me/consents", "nav.my_consents"),
    ),
}


@cache
def icon(name: str) -> Markup:
    """An icon from static/icon-NAME.svg, inline so it takes the text colour; never alone."""
    svg = (STATIC / f"icon-{name}.svg").read_text(encoding="utf-8").strip()
    return Markup(
        svg.replace("<svg ", '<svg class="icon" aria-hidden="true" focusable="false" ', 1)
    )


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(icon=icon, pictures=pictures)
    return env


ENV = _environment()


def settings_of(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def _lang_links(request: Request) -> dict[str, str]:
    links: dict[str, str] = {}
    for lang in i18n.LANGUAGES:
        query = {k: v for k, v in request.query_params.items() if k not in ("lang", "done")}
        query["lang"] = lang
        links[lang] = f"{request.url.path}?{urlencode(query)}"
    return links


def context_for(request: Request, **extra: Any) -> dict[str, Any]:
    """What every template can use."""
    lang = i18n.language(request)
    actor: Actor | None = getattr(request.state, "actor", None)
    t = i18n.translator(lang)
    done = request.query_params.get("done", "")
    return {
        "request": request,
        "lang": lang,
        "t": t,
        "actor": actor,
        "nav": NAV.get(actor.role, ()) if actor else (),
        "nav_current": _current(NAV.get(actor.role, ()) if actor else (), request.url.path),
        "options": options(t),
        "path": request.url.path,
        "csrf_field": CSRF_FIELD,
        "csrf": csrf_token(request, settings_of(request)),
        "lang_links": _lang_links(request),
        "done": t(f"done.{done}") if i18n.has(lang, f"done.{done}") else "",
        "easy": bool(actor and actor.role is Role.EMPLOYEE),
        "fmt_date": lambda d: i18n.format_date(d, lang),
        "fmt_moment": lambda d: i18n.format_moment(d, lang),
        "pick": lambda nl, en: i18n.pick(lang, nl, en),
        "label": lambda labels, fallback="": i18n.label(labels, lang, fallback),
        "skill_label": lambda s: i18n.pick(lang, s.label_nl, s.label_en),
        "errors": {},
        "values": {},
        **extra,
    }


CONTRACT_KINDS = (
    "day_activity",
    "volunteer",
    "work_experience",
    "sheltered",
    "wise_paid",
    "regular_with_wage_subsidy",
    "regular",
)
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")


def options(t: Callable[..., str]) -> dict[str, list[tuple[str, str]]]:
    """The choices of the selects, in the reader's language."""
    return {
        "rungs": [(str(n), f"{t('rung.short', n=n)}: {t(f'rung.{n}')}") for n in range(1, 7)],
        "contracts": [(k, t(f"contract.{k}")) for k in CONTRACT_KINDS],
        "levels": [(str(n), f"{n}: {t(f'level.{n}')}") for n in range(1, 5)],
        "sources": [(s, t(f"source.{s}")) for s in ("self", "observed", "certified")],
        "relations": [(r, t(f"relation.{r}")) for r in ("essential", "optional")],
        "cefr": [(c, c) for c in CEFR],
        "languages": [(code, t(f"language.{code}")) for code in ("nl", "en")],
    }


def _current(nav: tuple[tuple[str, str], ...], path: str) -> str | None:
    """The menu entry for this page: the longest that the path is or lies under."""
    fits = [href for href, _ in nav if path == href or path.startswith(href + "/")]
    return max(fits, key=len) if fits else None


def render(request: Request, template: str, *, status: int = 200, **extra: Any) -> HTMLResponse:
    """A page from `template`; `title` (a plain string) names it in <title> and <h1>."""
    html = ENV.get_template(template).render(context_for(request, **extra))
    response = HTMLResponse(html, status_code=status)
    finish(request, response)
    return response


def redirect(request: Request, url: str, *, done: str | None = None) -> Response:
    """See other: after a form, go to `url` (saying what was done)."""
    base, _, fragment = url.partition("#")
    if done:
        base += ("&" if "?" in base else "?") + urlencode({"done": done})
    url = base + (f"#{fragment}" if fragment else "")
    return finish(request, RedirectResponse(url, status_code=303))


def json_download(request: Request, data: Any, filename: str) -> Response:
    """`data` (JSON-ready) as a file to save, named `filename`."""
    response = Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    return finish(request, response)


def finish(request: Request, response: Response) -> Response:
    """The cookies this request set, and no caching of personal pages."""
    secure = request.url.scheme == "https"
    renewed = getattr(request.state, "new_session", None)
    if getattr(request.state, "end_session", False):
        response.delete_cookie(SESSION_COOKIE, path="/", secure=secure, httponly=True)
    elif renewed is not None:
        response.set_cookie(
            SESSION_COOKIE, renewed, path="/", secure=secure, httponly=True,
            samesite="lax",
        )  # fmt: skip
    if presession := getattr(request.state, "new_presession", None):
        response.set_cookie(
            PRESESSION_COOKIE, presession, path="/", secure=secure, httponly=True, samesite="lax"
        )
    lang = request.query_params.get("lang")
    if lang in i18n.LANGUAGES and request.cookies.get(i18n.LANG_COOKIE) != lang:
        response.set_cookie(
            i18n.LANG_COOKIE, lang, max_age=YEAR, path="/", secure=secure, samesite="lax"
        )
    response.headers.setdefault("Cache-Control", "no-store")
    return response


ERROR_PAGES = {
    400: "error.bad_request",
    403: "error.forbidden",
    404: "error.not_found",
    405: "error.not_found",
    409: "error.conflict",
    413: "error.too_large",
    422: "error.bad_request",
    429: "error.too_many",
    500: "error.internal",
    503: "error.unavailable",
}


def error_page(request: Request, status: int) -> HTMLResponse:
    """An error as a page: what happened and what to do, in the reader's language."""
    key = ERROR_PAGES.get(status, "error.bad_request" if status < 500 else "error.internal")
    title = i18n.translator(i18n.language(request))(f"{key}.title")
    try:
        response = render(
            request,
            "error.html",
            status=status,
            title=title,
            key=key,
            request_id=request_id.get() or "",
        )
    except Exception:  # the error page itself failed: still answer, plainly
        log.exception("rendering the error page failed")
        response = HTMLResponse(f"<!doctype html><title>{status}</title><h1>{status}</h1>", status)
    if status == 503:
        response.headers["Retry-After"] = "5"
    return response


def sign_in_redirect(request: Request) -> Response:
    """Back to the sign-in page, returning here afterwards (for a page one can return to)."""
    request.state.end_session = True
    request.state.actor = None
    target = request.url.path
    if request.method == "GET" and request.url.query:
        target += "?" + request.url.query
    query = {"next": target} if request.method == "GET" and target != "/" else {}
    url = "/sign-in" + (f"?{urlencode(query)}" if query else "")
    return finish(request, RedirectResponse(url, status_code=303))
