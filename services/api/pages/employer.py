"""Employer pages: the organisation's vacancies, posting and changing one (skills and the
accommodations offered), its candidates (those who share their profile; the others as a count)
and the decisions an employer records (trial placement, hired, declined)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import Conn
from services.api.pages import (
    capacity_pages,
    carving,
    forms,
    fragments,
    i18n,
    labels,
    matches,
    vacancy_form,
)
from services.api.pages.access import PageOwnVacancy, PageVacancy
from services.api.pages.render import redirect, render
from services.api.pages.session import EmployerActor, check_csrf, employer_actor
from services.core.access.policy import Actor
from services.core.errors import Invalid
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import Vacancy, VacancyFilter, VacancyPatch

# The role comes first: a page of another role is 403, whatever its id.
router = APIRouter(prefix="/employer", dependencies=[Depends(employer_actor)])
Csrf = Depends(check_csrf)
STATUS_ACTIONS = {
    "draft": ("publish",),
    "open": ("close", "fill"),
    "closed": ("publish",),
    "filled": ("reopen",),
}


@router.get("")
async def home(request: Request, actor: EmployerActor, conn: Conn) -> Response:
    """The organisation's vacancies in every status."""
    page = await vacancies.list_vacancies(
        conn, actor, VacancyFilter(organisation_id=actor.organisation_id, limit=100)
    )
    t = i18n.translator(i18n.language(request))
    return render(request, "employer_home.html", title=t("employer.title"), page=page)


async def _form_page(
    request: Request,
    conn: Conn,
    form: vacancy_form.VacancyForm,
    vacancy: Vacancy | None,
    status: int = 200,
) -> Response:
    lang = i18n.language(request)
    t = i18n.translator(lang)
    await vacancy_form.label(conn, form, lang)
    shown = {"form": form, "values": form.values, "errors": form.errors}
    action = vacancy_form.action_of(vacancy)
    if form.focus is not None and fragments.wanted(request):  # a skill step, for keep-place.js
        return fragments.part(
            request,
            "_vacancy_skills.html",
            status=status,
            focus=form.focus,
            announce=form.announce,
            action=action,
            **shown,
        )
    title = t("vacancy_form.edit_title", title=vacancy.title) if vacancy else t("vacancy_form.new")
    return render(
        request,
        "employer_vacancy_form.html",
        status=status,
        title=title,
        vacancy=vacancy,
        action=action,
        **shown,
        vocabulary=await labels.accommodation_names(conn, lang),
        demands=capacity_pages.groups(form.demands, lang, asks=True, prefix=capacity_pages.DEMAND),
    )


@router.get("/vacancies/new")
async def new_vacancy(request: Request, actor: EmployerActor, conn: Conn) -> Response:
    """The form for a new vacancy."""
    return await _form_page(request, conn, vacancy_form.empty(), None)


async def _submit(
    request: Request, actor: Actor, conn: Conn, vacancy: Vacancy | None
) -> tuple[vacancy_form.VacancyForm, Vacancy | None]:
    """Do what the form asks; the saved vacancy when it was saved."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    form, intent = await vacancy_form.parse(request)
    if intent != "save":
        await vacancy_form.apply(conn, request.app.state.settings, form, intent, t, lang)
        return form, None
    item = vacancy_form.body(form, t)
    demands, problems = capacity_pages.checked_demands(form.demands, t)
    form.errors |= problems
    if item is None or demands is None:
        return form, None
    try:
        async with conn.transaction():  # a savepoint: a refusal leaves nothing written
            if vacancy is None:
                saved = await vacancies.create(conn, actor, item)
            else:
                patch = VacancyPatch.model_validate(item.model_dump())
                saved = await vacancies.update(conn, actor, vacancy, patch)
            await capacity_pages.save_demands(conn, saved, demands)
            return form, saved
    except Invalid as exc:
        form.errors |= forms.from_domain(exc, t, lang, renames=vacancy_form.RENAMES)
        return form, None


@router.post("/vacancies/new", dependencies=[Csrf])
async def new_vacancy_submit(request: Request, actor: EmployerActor, conn: Conn) -> Response:
    """Save a new vacancy as a draft, or take the form one step further."""
    form, saved = await _submit(request, actor, conn, None)
    if saved is not None:
        return redirect(request, f"/employer/vacancies/{saved.id}", done="vacancy_created")
    return await _form_page(request, conn, form, None, 422 if form.errors else 200)


@router.get("/vacancies/{vacancy_id}/edit")
async def edit_vacancy(
    request: Request, vacancy: PageOwnVacancy, actor: EmployerActor, conn: Conn
) -> Response:
    """The form for changing a vacancy."""
    form = vacancy_form.of_vacancy(vacancy)
    form.demands = await capacity_pages.stored_demands(conn, vacancy.id)
    return await _form_page(request, conn, form, vacancy)


@router.post("/vacancies/{vacancy_id}/edit", dependencies=[Csrf])
async def edit_vacancy_submit(
    request: Request, vacancy: PageOwnVacancy, actor: EmployerActor, conn: Conn
) -> Response:
    """Store the changes (as PATCH /vacancies/{id}), or take the form one step further."""
    form, saved = await _submit(request, actor, conn, vacancy)
    if saved is not None:
        return redirect(request, f"/employer/vacancies/{vacancy.id}", done="vacancy_saved")
    return await _form_page(request, conn, form, vacancy, 422 if form.errors else 200)


async def _vacancy(
    request: Request, actor: Actor, conn: Conn, vacancy: Vacancy, **extra: Any
) -> Response:
    return await matches.vacancy_page(
        request,
        actor,
        conn,
        vacancy,
        "employer_vacancy.html",
        actions=STATUS_ACTIONS.get(vacancy.status, ()),
        carved=await carving.carved_facts(request, actor, conn, vacancy),
        **extra,
    )


@router.get("/vacancies/{vacancy_id}")
async def vacancy_detail(
    request: Request, vacancy: PageVacancy, actor: EmployerActor, conn: Conn
) -> Response:
    """A vacancy with the candidates who share their profile, and how many others fit."""
    return await _vacancy(request, actor, conn, vacancy)


@router.post("/vacancies/{vacancy_id}/status", dependencies=[Csrf])
async def vacancy_status(
    request: Request, vacancy: PageOwnVacancy, actor: EmployerActor, conn: Conn
) -> Response:
    """Publish, close, fill or reopen the vacancy."""
    lang = i18n.language(request)
    action = (await forms.values(request)).get("action", "")
    if action not in vacancies.TRANSITIONS:
        raise Invalid("Choose publish, close, fill or reopen.", fields={"action": "unknown"})
    try:
        async with conn.transaction():
            await vacancies.transition(conn, actor, vacancy, action)
    except Invalid as exc:
        errors = forms.from_domain(exc, i18n.translator(lang), lang, {"status": "error.status"})
        errors.setdefault("status", next(iter(errors.values())))
        return await _vacancy(request, actor, conn, vacancy, status=422, status_errors=errors)
    return redirect(request, f"/employer/vacancies/{vacancy.id}", done=f"vacancy_{action}")


@router.post("/vacancies/{vacancy_id}/decisions", dependencies=[Csrf])
async def vacancy_decision(
    request: Request, vacancy: PageVacancy, actor: EmployerActor, conn: Conn
) -> Response:
    """Record a trial placement, a hire or a decline for a candidate who shares their profile
    (the decisions service refuses anything else)."""
    found = await matches.decide(request, conn, actor, vacancy_id=vacancy.id)
    if found.errors:
        decision = found.again(found.employee_id)
        return await _vacancy(request, actor, conn, vacancy, status=422, decision=decision)
    target = f"/employer/vacancies/{vacancy.id}#candidate-{found.employee_id}"
    return redirect(request, target, done=found.done)
