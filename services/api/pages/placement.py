"""The coach's placement tab of a person: each placement with its follow-up moments (a form per
moment that may be recorded now), the wage value (loonwaarde) and the doelgroepregister flag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.access import authorizes
from services.api.dependencies import Conn
from services.api.pages import forms, i18n
from services.api.pages.access import PageEmployee, page_employee
from services.api.pages.render import redirect, render
from services.api.pages.session import CoachActor, check_csrf, coach_actor
from services.api.routes import followups as followup_routes
from services.core.access.policy import Actor
from services.core.employees.models import Employee
from services.core.errors import Invalid
from services.core.followup import service as followup
from services.core.followup.models import Followup, FollowupIn
from services.core.matching import texts
from services.core.wage_value import repository as wage_repository
from services.core.wage_value import service as wage_value
from services.core.wage_value.models import DEFAULT_METHOD, RegisterIn, WageValueIn

router = APIRouter(prefix="/coach", dependencies=[Depends(coach_actor)])
Csrf = Depends(check_csrf)
FOLLOWUP_MESSAGES = {"due_on": "followup.error_early", "hours": "followup.error_hours"}
WAGE_MESSAGES = {"consent": "wage.error_consent", "assessed_on": "wage.error_future"}
YES_NO = {"yes": True, "no": False}
REGISTER = {"yes": True, "no": False, "unknown": None}


@authorizes
async def page_followup(
    followup_id: Annotated[UUID, Path()],
    employee: Annotated[Employee, Depends(page_employee)],
    conn: Conn,
) -> Followup:
    """A follow-up moment of a person the actor may see (as the API's); 404 otherwise."""
    return await followup_routes.visible_followup(followup_id, employee, conn)


PageFollowup = Annotated[Followup, Depends(page_followup)]


async def _page(
    request: Request,
    actor: Actor,
    conn: Conn,
    employee: Employee,
    *,
    status: int = 200,
    form: str | None = None,
    errors: forms.Errors | None = None,
    entered: dict[str, str] | None = None,
) -> Response:
    """The tab; `form` names the form sent back with `errors` (a moment's id, wage, register)."""
    placed = await followup.placements(conn, actor, employee)
    wages = await wage_value.read(conn, actor, employee)
    register = wages.target_group_register
    return render(
        request,
        "coach_placement.html",
        status=status,
        title=employee.name,
        employee=employee,
        first_name=texts.first_name(employee.name) or employee.name,
        tab="placement",
        placements=placed.placements,
        wages=wages,
        register_value={True: "yes", False: "no", None: "unknown"}[register],
        consent=await wage_repository.has_consent(conn, employee.id),
        form=form,
        errors=errors or {},
        values=entered or {"method": DEFAULT_METHOD},
    )


@router.get("/people/{employee_id}/placement")
async def placement(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """A person's placements with their follow-up moments, wage value and register flag."""
    return await _page(request, actor, conn, employee)


def _followup_in(entered: dict[str, str], t: Callable[..., str]) -> FollowupIn | forms.Errors:
    data: dict[str, Any] = {
        "still_working": YES_NO.get(entered.get("still_working", "")),
        "hours": forms.as_int(entered.get("hours")),
        "support_needed": forms.blank_none(entered.get("support_needed")),
        "satisfaction": forms.as_int(entered.get("satisfaction")),
        "note": forms.blank_none(entered.get("note")),
    }
    try:
        return FollowupIn.model_validate(data)
    except ValidationError as exc:
        errors = forms.from_validation(exc, t)
        if "still_working" in errors:
            errors["still_working"] = t("error.choose")
        return errors


@router.post("/people/{employee_id}/placement/followups/{followup_id}", dependencies=[Csrf])
async def record_followup(
    request: Request,
    employee: PageEmployee,
    moment: PageFollowup,
    actor: CoachActor,
    conn: Conn,
) -> Response:
    """Record what the coach found at a follow-up moment."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    found = _followup_in(entered, t)
    if isinstance(found, FollowupIn):
        try:
            async with conn.transaction():  # a savepoint: a refusal leaves nothing written
                await followup.record(conn, actor, employee, moment.id, found)
        except Invalid as exc:
            renames = {"due_on": "still_working"}
            found = forms.from_domain(exc, t, lang, FOLLOWUP_MESSAGES, renames)
        else:
            target = f"/coach/people/{employee.id}/placement#followup-{moment.id}"
            return redirect(request, target, done="followup_recorded")
    return await _page(
        request, actor, conn, employee, status=422, form=str(moment.id), errors=found,
        entered=entered,
    )  # fmt: skip


@router.post("/people/{employee_id}/placement/wage-values", dependencies=[Csrf])
async def record_wage_value(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Record a wage value (with the person's consent to matching)."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    data = {
        "percentage": forms.as_int(entered.get("percentage")),
        "reference_job": entered.get("reference_job", ""),
        "assessed_on": entered.get("assessed_on") or None,
        "method": entered.get("method") or DEFAULT_METHOD,
    }
    try:
        body = WageValueIn.model_validate(data)
        async with conn.transaction():
            await wage_value.record(conn, actor, employee, body)
    except ValidationError as exc:
        errors = forms.from_validation(exc, t)
    except Invalid as exc:
        errors = forms.from_domain(exc, t, lang, WAGE_MESSAGES, {"consent": "percentage"})
    else:
        target = f"/coach/people/{employee.id}/placement#wage-heading"
        return redirect(request, target, done="wage_value_recorded")
    return await _page(
        request, actor, conn, employee, status=422, form="wage", errors=errors, entered=entered
    )


@router.post("/people/{employee_id}/placement/register", dependencies=[Csrf])
async def set_register(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Set the doelgroepregister flag: yes, no or not known."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    choice = entered.get("register", "")
    if choice not in REGISTER:
        errors = {"register": t("error.choose")}
    else:
        try:
            async with conn.transaction():
                body = RegisterIn(target_group_register=REGISTER[choice])
                await wage_value.set_register(conn, actor, employee, body)
        except Invalid as exc:
            errors = forms.from_domain(exc, t, lang, WAGE_MESSAGES, {"consent": "register"})
        else:
            target = f"/coach/people/{employee.id}/placement#register-heading"
            return redirect(request, target, done="register_saved")
    return await _page(
        request, actor, conn, employee, status=422, form="register", errors=errors,
        entered=entered,
    )  # fmt: skip
