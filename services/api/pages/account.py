"""Signing in and out, the home page per role, notifications and the organisation profile."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.access import Redis
from services.api.dependencies import AppSettings, ClientAddress, Conn
from services.api.pages import forms, i18n, notification_links
from services.api.pages.access import PageNotificationId
from services.api.pages.render import HOME, redirect, render
from services.api.pages.session import (
    PageActor,
    check_csrf,
    current_session,
    page_actor,
    sign_in,
    sign_out,
)
from services.core.access.policy import can_edit_profile
from services.core.accounts import repository as accounts_repository
from services.core.accounts.models import Organisation, OrganisationIn
from services.core.errors import TooManyRequests, Unauthorized
from services.core.notifications import service as notifications

router = APIRouter()
Csrf = Depends(check_csrf)
ORGANISATION_FIELDS = (
    "name",
    "description",
    "goods_and_services",
    "support_offered",
    "website",
    "postcode",
)


def _safe_next(value: str | None) -> str | None:
    """A path on this site to return to after signing in (never another site)."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return None


@router.get("/")
async def home(request: Request, conn: Conn, settings: AppSettings) -> Response:
    """Each role's home page; the sign-in page for someone not signed in."""
    if current_session(request) is None:
        return redirect(request, "/sign-in")
    actor = await page_actor(request, conn, settings)
    return redirect(request, HOME[actor.role])


@router.get("/sign-in")
async def sign_in_page(request: Request) -> Response:
    """The sign-in form."""
    t = i18n.translator(i18n.language(request))
    return render(
        request,
        "sign_in.html",
        title=t("sign_in.title"),
        values={"next": _safe_next(request.query_params.get("next")) or ""},
    )


@router.post("/sign-in", dependencies=[Csrf])
async def sign_in_submit(
    request: Request, conn: Conn, settings: AppSettings, redis: Redis, address: ClientAddress
) -> Response:
    """Sign in with email and password (the API's rules: rate limit, account active)."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    errors: forms.Errors = {}
    for name in ("email", "password"):
        if not entered.get(name):
            errors[name] = t(f"sign_in.missing_{name}")
    status, retry_after = 422, None
    if not errors:
        try:
            started = await sign_in(
                request, conn, redis, settings, entered["email"], entered["password"], address
            )
        except TooManyRequests as exc:
            errors["email"] = t("sign_in.too_many", n=max(1, round(exc.retry_after / 60)))
            status, retry_after = 429, exc.retry_after
        except Unauthorized:
            errors["email"] = t("sign_in.wrong")
        else:
            target = _safe_next(entered.get("next")) or HOME[started.actor.role]
            return redirect(request, target)
    values = {"email": entered.get("email", ""), "next": _safe_next(entered.get("next")) or ""}
    response = render(
        request,
        "sign_in.html",
        status=status,
        title=t("sign_in.title"),
        errors=errors,
        values=values,
    )
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


@router.post("/sign-out", dependencies=[Csrf])
async def sign_out_submit(request: Request, conn: Conn) -> Response:
    """End the session (its cookie stops working at once) and forget the cookie."""
    await sign_out(request, conn)
    return redirect(request, "/sign-in", done="signed_out")


@router.get("/notifications")
async def notifications_page(request: Request, actor: PageActor, conn: Conn) -> Response:
    """The reader's notifications, newest first, in their language."""
    lang = i18n.language(request)
    feed = await notifications.feed(conn, actor, unread_only=False, limit=50, offset=0, lang=lang)
    t = i18n.translator(lang)
    targets = {n.id: notification_links.links(actor.role, n) for n in feed.items}
    return render(
        request, "notifications.html", title=t("notifications.title"), feed=feed, links=targets
    )


@router.post("/notifications/{notification_id}/read", dependencies=[Csrf])
async def mark_read(
    request: Request, notification_id: PageNotificationId, actor: PageActor, conn: Conn
) -> Response:
    """Mark one of the reader's notifications read."""
    await notifications.mark_read(conn, actor, notification_id, i18n.language(request))
    return redirect(request, "/notifications", done="marked_read")


@router.post("/notifications/read-all", dependencies=[Csrf])
async def mark_all_read(request: Request, actor: PageActor, conn: Conn) -> Response:
    """Mark all the reader's notifications read."""
    await notifications.mark_all_read(conn, actor)
    return redirect(request, "/notifications", done="marked_read")


async def _organisation(conn: Conn, actor: PageActor) -> Organisation:
    row = await accounts_repository.get_organisation(conn, actor.organisation_id)
    assert row is not None
    return Organisation.model_validate(row)


@router.get("/organisation")
async def organisation_page(request: Request, actor: PageActor, conn: Conn) -> Response:
    """The organisation's profile (a WISE's public digital window), to read and change."""
    can_edit_profile(actor)
    organisation = await _organisation(conn, actor)
    t = i18n.translator(i18n.language(request))
    values = {f: getattr(organisation, f) or "" for f in ORGANISATION_FIELDS}
    return render(
        request,
        "organisation.html",
        title=t("organisation.title"),
        organisation=organisation,
        values=values,
    )


@router.post("/organisation", dependencies=[Csrf])
async def organisation_submit(request: Request, actor: PageActor, conn: Conn) -> Response:
    """Store the profile (as PUT /organisations/me does); the form again with what to fix."""
    can_edit_profile(actor)
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    data = {f: forms.blank_none(entered.get(f)) for f in ORGANISATION_FIELDS}
    data["name"] = entered.get("name", "")
    try:
        body = OrganisationIn.model_validate(data)
    except ValidationError as exc:
        organisation = await _organisation(conn, actor)
        return render(
            request,
            "organisation.html",
            status=422,
            title=t("organisation.title"),
            organisation=organisation,
            values={f: entered.get(f, "") for f in ORGANISATION_FIELDS},
            errors=forms.from_validation(exc, t),
        )
    await accounts_repository.update_organisation(conn, actor.organisation_id, body.model_dump())
    return redirect(request, "/organisation", done="organisation_saved")
