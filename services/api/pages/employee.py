"""The employee's own pages, in easy language: what can I do now, what is my next step, what
can I learn; the work that fits, the path, what to learn; each job explained on its own page;
consents; a copy of my data. The first four count from one overview (employee_view.py)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from services.api.access import authorizes
from services.api.dependencies import AppSettings, Conn
from services.api.pages import (
    capacity_pages,
    consents,
    employee_view,
    forms,
    i18n,
    labels,
    me_progress,
)
from services.api.pages.access import OwnConsent, OwnEmployee
from services.api.pages.render import json_download, redirect, render
from services.api.pages.session import EmployeeActor, check_csrf, employee_actor
from services.core import i18n as core_i18n
from services.core.access.policy import Actor, can_see_development
from services.core.employees.models import Employee
from services.core.next_steps import service as next_steps_service
from services.core.next_steps.models import NextSteps
from services.core.notifications import service as notifications
from services.core.person_jobs import service as person_jobs
from services.core.person_jobs.models import PersonJob
from services.core.privacy import export, json_resume

# The role comes first: a page of another role is 403, whatever its id.
router = APIRouter(prefix="/me", dependencies=[Depends(employee_actor)])
router.include_router(me_progress.router)
Csrf = Depends(check_csrf)


async def _steps(conn: Conn, settings: AppSettings, actor: Actor, employee: Employee) -> NextSteps:
    can_see_development(actor, employee.id)
    return await next_steps_service.next_steps(conn, settings, employee.id, actor=actor)


async def _page(
    request: Request,
    template: str,
    title_key: str,
    view: tuple[Actor, Employee, Conn, AppSettings],
    **extra: Any,
) -> Response:
    """One of the person's pages with their overview, worded for the person."""
    actor, employee, conn, settings = view
    steps = await _steps(conn, settings, actor, employee)
    lang = i18n.language(request)
    t = i18n.translator(lang, "person")
    found = await employee_view.overview(conn, actor, steps, settings.notify_min_score, lang)
    return render(request, template, title=t(title_key), t=t, steps=steps, view=found, **extra)


@router.get("")
async def home(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """Three cards: Wat kan ik nu? Wat is mijn volgende stap? Wat kan ik leren?"""
    unread = await notifications.unread_count(conn, actor)
    return await _page(
        request,
        "me_home.html",
        "me.title",
        (actor, employee, conn, settings),
        employee=employee,
        unread=unread,
    )


@router.get("/work")
async def work(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """The work that fits now and the work a step further, each with what to learn for it;
    with ?capacity=fits only the work that fits what the person can do. Their own capacity."""
    lang = i18n.language(request)
    fits = request.query_params.get("capacity") == capacity_pages.FITS
    steps = await _steps(conn, settings, actor, employee)
    found = await employee_view.overview(conn, actor, steps, settings.notify_min_score, lang)
    if fits:
        found = await capacity_pages.only_fitting(conn, employee.id, found)
    t = i18n.translator(lang, "person")
    own = await capacity_pages.own_profile(conn, actor, employee, lang)
    return render(
        request,
        "me_work.html",
        title=t("me_work.title"),
        t=t,
        steps=steps,
        view=found,
        fits=fits,
        capacity=own,
    )


@router.get("/path")
async def path(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """The stepping-stone path from the work of now, the work a step further, and my rungs
    over time."""
    ladder = await me_progress.ladder_for(request, conn, actor, employee)
    view = (actor, employee, conn, settings)
    return await _page(request, "me_path.html", "me_path.title", view, ladder=ladder)


@router.get("/learn")
async def learn(
    request: Request,
    employee: OwnEmployee,
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """What to learn next and the courses that teach it; the computer skills in words."""
    return await _page(
        request, "me_learn.html", "me_learn.title", (actor, employee, conn, settings)
    )


@authorizes
async def own_job(
    vacancy_id: Annotated[UUID, Path()], employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> PersonJob:
    """A vacancy matched to the signed-in person or told to them; 404 for any other."""
    return await person_jobs.job(conn, actor, employee.id, vacancy_id)


@router.get("/jobs/{vacancy_id}")
async def job(
    request: Request,
    employee: OwnEmployee,
    found: Annotated[PersonJob, Depends(own_job)],
    actor: EmployeeActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """One job explained: what it is, how it fits or what is missing, and what to do next."""
    lang = i18n.language(request)
    steps = await _steps(conn, settings, actor, employee)
    view = await employee_view.overview(conn, actor, steps, settings.notify_min_score, lang)
    skills = employee_view.explained_skills(found.explanation, lang) if found.explanation else None
    occupation = await labels.occupation_labels(conn, [found.occupation_uri], lang)
    offered = await labels.accommodation_names(conn, lang)
    return render(
        request,
        "me_job.html",
        title=found.title,
        t=i18n.translator(lang, "person"),
        job=found,
        verdict=_verdict(found, view, steps.ladder_rung),
        listed=view.job(found.id),
        skills=skills,
        occupation=labels.Label(*occupation[found.occupation_uri])
        if found.occupation_uri in occupation
        else None,
        offered=[offered.get(c, c) for c in found.accommodations],
        language_name=core_i18n.language_name(found.language, lang) if found.language else "",
        constraints=[
            (c.status, i18n.pick(lang, c.label_nl, c.label_en))
            for c in (found.explanation.constraints if found.explanation else [])
        ],
        view=view,
    )


def _verdict(found: PersonJob, view: employee_view.Overview, rung: int) -> str:
    """How the job stands for the person, as their other pages put it: closed; fits now; a
    step further; fits (at or over the threshold, not among the best); not yet."""
    listed = view.job(found.id)
    if found.status != "open":
        return "closed"
    if listed is not None:
        return listed.kind
    if found.score is not None and int(found.score) >= view.threshold:
        return "fits" if found.ladder_rung <= rung + 1 else "higher"
    return "not_yet"


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
    filename = f"opstap-mijn-gegevens-{data.exported_at:%Y-%m-%d}.json"
    return json_download(request, data.model_dump(mode="json"), filename)


@router.get("/data/jsonresume")
async def my_json_resume(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """My CV part as a JSON Resume file (the export of GET .../export/jsonresume)."""
    document = await json_resume.export_resume(conn, actor, employee, i18n.language(request))
    data = document.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json_download(request, data, f"opstap-cv-{document.meta.lastModified[:10]}.json")
