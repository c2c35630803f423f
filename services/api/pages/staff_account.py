"""A staff member's own page (jobcoaches, admins, employers): "Mijn digitale vaardigheden" (the
DigComp self-assessment), "Mijn leerplan" (the plan and suggestions), and for a WISE's admins and
jobcoaches its staff picture (counts, small groups withheld)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.access import authorizes
from services.api.dependencies import Conn
from services.api.pages import forms, i18n
from services.api.pages.render import json_download, redirect, render
from services.api.pages.session import PageActor, check_csrf
from services.core.access.policy import Actor, Role
from services.core.clock import today
from services.core.errors import Invalid
from services.core.privacy import staff_export
from services.core.staff_learning import service
from services.core.staff_learning.models import (
    OwnDigCompIn,
    PlanItem,
    PlanItemIn,
    PlanItemPatch,
)
from services.core.taxonomy.digcomp import AREAS

router = APIRouter(prefix="/account")
Csrf = Depends(check_csrf)
LEVELS = range(0, 9)


def level_word(level: int) -> str:
    """The key of a level's band: 0 not yet, then DigComp's four proficiency bands."""
    return "account.level_0" if level == 0 else f"account.band_{(level + 1) // 2}"


async def staff_actor(actor: PageActor) -> Actor:
    """A jobcoach, admin or employer; 403 for an employee (their skills are in their profile)."""
    service.can_keep_own_learning(actor)
    return actor


StaffActor = Annotated[Actor, Depends(staff_actor)]


@authorizes
async def own_item(module_id: Annotated[UUID, Path()], actor: StaffActor, conn: Conn) -> PlanItem:
    """A module on the signed-in account's own plan; 404 for any other."""
    return await service.plan_item(conn, actor, module_id)


OwnItem = Annotated[PlanItem, Depends(own_item)]


async def _page(
    request: Request, actor: Actor, conn: Conn, status: int = 200, **extra: Any
) -> Response:
    lang = i18n.language(request)
    t = i18n.translator(lang)
    own = await service.own_digcomp(conn, actor)
    plan = await service.learning_plan(conn, actor)
    picture = None
    if actor.role in (Role.ADMIN, Role.JOBCOACH) and actor.organisation_kind == "wise":
        picture = await service.staff_picture(conn, actor.organisation_id)
    values = {f"level_{c.competence_id}": "" if c.level is None else str(c.level)
              for c in own.competences}  # fmt: skip
    values |= extra.pop("values", {})
    areas = [
        (a, i18n.pick(lang, names.nl, names.en), [c for c in own.competences if c.area == a])
        for a, names in AREAS.items()
    ]
    return render(
        request,
        "staff_account.html",
        status=status,
        title=t("account.title"),
        own=own,
        areas=areas,
        levels=[(n, t(level_word(n))) for n in LEVELS],
        plan=plan,
        picture=picture,
        today=today().isoformat(),
        values=values,
        errors=extra.pop("errors", {}),
        **extra,
    )


@router.get("")
async def account(request: Request, actor: StaffActor, conn: Conn) -> Response:
    """The own digital skills, learning plan and (for a WISE's staff) the staff picture."""
    return await _page(request, actor, conn)


@router.post("/digcomp", dependencies=[Csrf])
async def digcomp_submit(request: Request, actor: StaffActor, conn: Conn) -> Response:
    """Store the self-assessment (as PUT /me/digcomp); a blank competence is not assessed."""
    entered = await forms.values(request)
    t = i18n.translator(i18n.language(request))
    levels, errors = [], {}
    for key, value in entered.items():
        if key.startswith("level_") and value:
            if not value.isdigit() or int(value) not in LEVELS:
                errors[key] = t("account.error_level")
            else:
                levels.append({"competence_id": key.removeprefix("level_"), "level": int(value)})
    try:
        body = OwnDigCompIn.model_validate({"levels": levels})
    except ValidationError:
        errors["levels"] = t("account.error_level")
    if errors:
        return await _page(request, actor, conn, status=422, errors=errors, values=entered)
    await service.assess(conn, actor, body)
    return redirect(request, "/account#digcomp", done="digcomp_saved")


@router.post("/plan", dependencies=[Csrf])
async def plan_add(request: Request, actor: StaffActor, conn: Conn) -> Response:
    """Add a suggested module to the plan."""
    entered = await forms.values(request)
    try:
        body = PlanItemIn.model_validate({"module_id": entered.get("module_id", "")})
    except ValidationError as exc:
        raise Invalid("Choose a module to add.", fields={"module_id": "required"}) from exc
    await service.add(conn, actor, body)  # a module of another audience: 422; twice: 409
    return redirect(request, "/account#plan", done="plan_added")


@router.post("/plan/{module_id}/done", dependencies=[Csrf])
async def plan_done(request: Request, item: OwnItem, actor: StaffActor, conn: Conn) -> Response:
    """Mark a plan item done on the day given (today when left empty)."""
    entered = await forms.values(request)
    t = i18n.translator(i18n.language(request))
    day = entered.get("completed_on") or today().isoformat()
    try:
        await service.mark(conn, actor, item, PlanItemPatch.model_validate({"completed_on": day}))
    except (ValidationError, Invalid):
        errors = {f"done-{item.module_id}": t("account.error_done")}
        return await _page(request, actor, conn, status=422, errors=errors)
    return redirect(request, "/account#plan", done="plan_done")


@router.post("/plan/{module_id}/remove", dependencies=[Csrf])
async def plan_remove(request: Request, item: OwnItem, actor: StaffActor, conn: Conn) -> Response:
    """Take a module off the plan."""
    await service.remove(conn, actor, item)
    return redirect(request, "/account#plan", done="plan_removed")


@router.get("/data")
async def my_data(request: Request, actor: StaffActor, conn: Conn) -> Response:
    """My own data as a JSON file (the export of GET /api/v1/me/export)."""
    data = await staff_export.export(conn, actor)
    filename = f"opstap-mijn-gegevens-{data.exported_at:%Y-%m-%d}.json"
    return json_download(request, data.model_dump(mode="json"), filename)
