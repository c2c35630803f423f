"""Jobcoach pages: a person's matches and next steps, a vacancy's candidates, and the
decisions a coach records (introduced, trial placement, hired, declined). The caseload is
in caseload.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import AppSettings, Conn
from services.api.pages import (
    coach_profile,
    coach_progress,
    consents,
    forms,
    i18n,
    labels,
    matches,
    outcomes,
    stepping_stones,
)
from services.api.pages.access import PageEmployee, PageVacancy
from services.api.pages.render import redirect, render
from services.api.pages.session import CoachActor, check_csrf, coach_actor
from services.core.access.policy import Actor, can_see_development
from services.core.employees import service as employees
from services.core.employees.models import Employee
from services.core.i18n import Reader
from services.core.matching import service as matching
from services.core.matching import texts
from services.core.matching.models import EmployeeMatches
from services.core.next_steps import service as next_steps_service
from services.core.outcomes import service as outcomes_service
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyFilter

# The role comes first: a page of another role is 403, whatever its id.
router = APIRouter(prefix="/coach", dependencies=[Depends(coach_actor)])
router.include_router(coach_profile.router)
router.include_router(coach_progress.router)
Csrf = Depends(check_csrf)
PAGE_SIZE = 50


def _int(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if low <= number <= high else None


@router.get("/vacancies")
async def vacancy_list(request: Request, actor: CoachActor, conn: Conn) -> Response:
    """Open vacancies a coach can place people in (every open one, and their own WISE's)."""
    offset = _int(request.query_params.get("offset"), 0, 100_000) or 0
    page = await vacancies.list_vacancies(
        conn, actor, VacancyFilter(status="open", sort="title", limit=PAGE_SIZE, offset=offset)
    )
    lang = i18n.language(request)
    return render(
        request,
        "coach_vacancies.html",
        title=i18n.translator(lang)("vacancies.title"),
        page=page,
        offset=offset,
        page_size=PAGE_SIZE,
    )


@router.get("/vacancies/{vacancy_id}")
async def vacancy_detail(
    request: Request, vacancy: PageVacancy, actor: CoachActor, conn: Conn
) -> Response:
    """A vacancy's ranked candidates among the people the coach may see."""
    return await matches.vacancy_page(request, actor, conn, vacancy, "coach_vacancy.html")


@router.post("/vacancies/{vacancy_id}/decisions", dependencies=[Csrf])
async def vacancy_decision(
    request: Request, vacancy: PageVacancy, actor: CoachActor, conn: Conn
) -> Response:
    """Record a decision on a candidate of this vacancy (the service checks who may)."""
    found = await matches.decide(request, conn, actor, vacancy_id=vacancy.id)
    if found.errors:
        decision = found.again(found.employee_id)
        return await matches.vacancy_page(
            request, actor, conn, vacancy, "coach_vacancy.html", status=422, decision=decision
        )
    target = f"/coach/vacancies/{vacancy.id}#candidate-{found.employee_id}"
    return redirect(request, target, done=found.done)


@dataclass
class Fits:
    """A person's matches as the coach's page counts them, each count read once: those that
    fit (a score at or above the notification threshold) and those below it."""

    min_score: float
    fits: EmployeeMatches
    lower: EmployeeMatches
    view: str  # "" (the best few that fit), "all" (every one that fits), "lower"


async def _fits(
    request: Request, actor: Actor, conn: Conn, settings: AppSettings, employee: Employee
) -> Fits:
    view = request.query_params.get("matches") or ""
    view = view if view in ("all", "lower") else ""
    bar = settings.notify_min_score
    fits = await matching.for_employee(
        conn, actor, employee.id, 50 if view == "all" else 5, 0, scores=(bar, None)
    )
    # Below the threshold: counted always, read and explained only when asked for.
    lower = await matching.for_employee(
        conn,
        actor,
        employee.id,
        50 if view == "lower" else 0,
        0,
        scores=(None, bar),
        explain=view == "lower",
    )
    return Fits(bar, fits, lower, view)


async def _overview(
    request: Request,
    actor: Actor,
    conn: Conn,
    settings: AppSettings,
    employee: Employee,
    *,
    status: int = 200,
    decision: dict[str, Any] | None = None,
) -> Response:
    lang = i18n.language(request)
    profile = await employees.read(conn, actor, employee)
    found = await _fits(request, actor, conn, settings, employee)
    can_see_development(actor, employee.id)
    steps = await next_steps_service.next_steps(conn, settings, employee.id, actor=actor)
    shown = [*found.fits.items, *found.lower.items]
    states = await matches.choices(conn, actor, [(employee.id, m.vacancy_id) for m in shown])
    names = await labels.accommodation_names(conn, lang)
    about: tuple[Reader, str] = ("coach", employee.name)
    gap_list = await outcomes_service.gaps_of(conn, employee.id)
    gaps = outcomes.gap_words(gap_list, i18n.translator(lang))
    return render(
        request,
        "coach_person.html",
        status=status,
        title=employee.name,
        employee=profile,
        first_name=texts.first_name(employee.name) or employee.name,
        tab="overview",
        needs=[names.get(c, c) for c in employee.accommodations],
        gaps=gaps,
        found=found,
        matches=matches.explained(found.fits.items, lang, about),
        lower=matches.explained(found.lower.items, lang, about),
        states={v: s for (_, v), s in states.items()},
        steps=steps,
        path=stepping_stones.path_of(steps, lang),
        decision=decision or {},
    )


@router.get("/people/{employee_id}")
async def person(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn, settings: AppSettings
) -> Response:
    """A person's matches with their explanations, next steps and training plan."""
    return await _overview(request, actor, conn, settings, employee)


@router.post("/people/{employee_id}/decisions", dependencies=[Csrf])
async def person_decision(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn, settings: AppSettings
) -> Response:
    """Introduce the person to an employer (with their consent to share), or record what
    happened after."""
    found = await matches.decide(request, conn, actor, employee_id=employee.id)
    if found.errors:
        decision = found.again(found.vacancy_id)
        return await _overview(
            request, actor, conn, settings, employee, status=422, decision=decision
        )
    target = f"/coach/people/{employee.id}#match-{found.vacancy_id}"
    return redirect(request, target, done=found.done)


@router.post("/people/{employee_id}/vacancies/{vacancy_id}/share-consent", dependencies=[Csrf])
async def share_consent(
    request: Request,
    employee: PageEmployee,
    vacancy: PageVacancy,
    actor: CoachActor,
    conn: Conn,
    settings: AppSettings,
) -> Response:
    """Record that the person agreed to share their profile with this vacancy's employer (so
    that they can be introduced), and go back to the match or the candidate."""
    lang = i18n.language(request)
    entered = await forms.values(request)
    wanted = {"purpose": "share_with_employer", "employer_id": str(vacancy.organisation.id)}
    errors = await consents.give(conn, actor, employee, wanted, i18n.translator(lang), lang)
    back = entered.get("back")
    if errors:
        decision = {"for": vacancy.id, "errors": errors, "values": {}}
        if back == "vacancy":
            return await matches.vacancy_page(
                request,
                actor,
                conn,
                vacancy,
                "coach_vacancy.html",
                status=422,
                decision={**decision, "for": employee.id},
            )
        return await _overview(
            request, actor, conn, settings, employee, status=422, decision=decision
        )
    target = (
        f"/coach/vacancies/{vacancy.id}#candidate-{employee.id}"
        if back == "vacancy"
        else f"/coach/people/{employee.id}#match-{vacancy.id}"
    )
    return redirect(request, target, done="consent_given")
