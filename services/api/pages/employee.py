"""The employee's own pages, in easy language: what can I do now, what is my next step, what
can I learn; the work that fits, the path, what to learn; consents; a copy of my data."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import AppSettings, Conn
from services.api.pages import consents, forms, i18n, matches, stepping_stones
from services.api.pages.access import OwnConsent, OwnEmployee
from services.api.pages.render import finish, redirect, render
from services.api.pages.session import EmployeeActor, check_csrf, employee_actor
from services.core.access.policy import Actor, can_see_development
from services.core.employees.models import Employee
from services.core.matching import service as matching
from services.core.next_steps import service as next_steps_service
from services.core.next_steps.models import NextSteps
from services.core.notifications import service as notifications
from services.core.privacy import export

# The role comes first: a page of another role is 403, whatever its id.
router = APIRouter(prefix="/me", dependencies=[Depends(employee_actor)])
Csrf = Depends(check_csrf)


async def _steps(conn: Conn, settings: AppSettings, actor: Actor, employee: Employee) -> NextSteps:
    can_see_development(actor, employee.id)
    return await next_steps_service.next_steps(conn, settings, employee.id, actor=actor)


@router.get("")
async def home(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """Three cards: Wat kan ik nu? Wat is mijn volgende stap? Wat kan ik leren?"""
    steps = await _steps(conn, settings, actor, employee)
    t = i18n.translator(i18n.language(request))
    return render(
        request,
        "me_home.html",
        title=t("me.title"),
        employee=employee,
        steps=steps,
        path=stepping_stones.path_of(steps, i18n.language(request)),
        unread=await notifications.unread_count(conn, actor),
    )


@router.get("/work")
async def work(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """The work that fits best, each with what the person can already do and what not yet."""
    lang = i18n.language(request)
    found = await matching.for_employee(conn, actor, employee.id, 5, 0)
    return render(
        request,
        "me_work.html",
        title=i18n.translator(lang)("me_work.title"),
        matches=matches.explained(found.items, lang),
    )


@router.get("/path")
async def path(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """The stepping-stone path from the work of now."""
    steps = await _steps(conn, settings, actor, employee)
    lang = i18n.language(request)
    return render(
        request,
        "me_path.html",
        title=i18n.translator(lang)("me_path.title"),
        steps=steps,
        path=stepping_stones.path_of(steps, lang),
    )


@router.get("/learn")
async def learn(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """What to learn next (the training plan) and the digital skills per area."""
    steps = await _steps(conn, settings, actor, employee)
    lang = i18n.language(request)
    return render(
        request, "me_learn.html", title=i18n.translator(lang)("me_learn.title"), steps=steps
    )


async def _consents_page(
    request: Request,
    actor: Actor,
    conn: Conn,
    employee: Employee,
    *,
    status: int = 200,
    errors: forms.Errors | None = None,
) -> Response:
    found = await consents.view(conn, actor, employee)
    t = i18n.translator(i18n.language(request))
    return render(
        request,
        "me_consents.html",
        status=status,
        title=t("me_consents.title"),
        consents=found,
        errors=errors or {},
    )


@router.get("/consents")
async def consent_list(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """What I agreed to, and giving or stopping it."""
    return await _consents_page(request, actor, conn, employee)


@router.post("/consents", dependencies=[Csrf])
async def consent_give(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """Give a consent."""
    lang = i18n.language(request)
    entered = await forms.values(request)
    errors = await consents.give(conn, actor, employee, entered, i18n.translator(lang), lang)
    if errors:
        return await _consents_page(request, actor, conn, employee, status=422, errors=errors)
    return redirect(request, "/me/consents", done="consent_given")


@router.post("/consents/{consent_id}/withdraw", dependencies=[Csrf])
async def consent_withdraw(
    request: Request,
    employee: OwnEmployee,
    consent: OwnConsent,
    actor: EmployeeActor,
    conn: Conn,
) -> Response:
    """Stop a consent."""
    await consents.withdraw(conn, actor, employee, consent)
    return redirect(request, "/me/consents", done="consent_withdrawn")


@router.get("/data")
async def my_data(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """Everything Opstap holds about me, as a JSON file (the export of GET .../export)."""
    data = await export.export(conn, actor, employee)
    body = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2)
    filename = f"opstap-mijn-gegevens-{data.exported_at:%Y-%m-%d}.json"
    response = Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    return finish(request, response)
