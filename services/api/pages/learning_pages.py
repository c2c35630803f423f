"""Practice-based learning pages: the coach's "Leren" tab of a person (make an agreement, record
progress per work process, record the result or stop) and the person's own "Wat ik leer" page
(what they are learning, what is done, and what it opens, computed as a training plan's what-if).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.dependencies import Conn
from services.api.pages import forms, i18n
from services.api.pages.access import OwnEmployee, PageEmployee
from services.api.pages.render import redirect, render
from services.api.pages.session import (
    CoachActor,
    EmployeeActor,
    check_csrf,
    coach_actor,
    employee_actor,
)
from services.core.access.policy import Actor
from services.core.clock import today
from services.core.employees.models import Employee
from services.core.errors import Conflict, Invalid, NotFound
from services.core.learning import opens, service
from services.core.learning.models import (
    Agreement,
    AgreementIn,
    AgreementPatch,
    ProgressIn,
    ResultIn,
)
from services.core.matching import texts

coach_router = APIRouter(prefix="/coach", dependencies=[Depends(coach_actor)])
me_router = APIRouter(prefix="/me", dependencies=[Depends(employee_actor)])
Csrf = Depends(check_csrf)
NEW_FIELDS = ("crebo", "college", "company", "trainer_name", "starts_on", "ends_on")
KNOWN = {
    "crebo": "learning.error_crebo",
    "ends_on": "learning.error_ends_on",
    "assessed_on": "learning.error_day",
    "result_on": "learning.error_day",
    "result": "learning.error_nothing_shown",
}


async def _opened(conn: Conn, agreements: list[Agreement]) -> dict[UUID, opens.Opens]:
    found: dict[UUID, opens.Opens] = {}
    for agreement in agreements:
        if (what := await opens.what_it_opens(conn, agreement)) is not None:
            found[agreement.id] = what
    return found


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
    """The tab; `form` names the form sent back with `errors` ("new", or an agreement's id and
    what was sent: progress, result)."""
    agreements = await service.agreements(conn, actor, employee)
    listed = await service.qualifications(conn, None, 100, 0)
    lang = i18n.language(request)
    return render(
        request,
        "coach_learning.html",
        status=status,
        t=i18n.translator(lang, "coach"),
        title=employee.name,
        employee=employee,
        first_name=texts.first_name(employee.name) or employee.name,
        tab="learning",
        agreements=agreements,
        opened=await _opened(conn, agreements),
        process_options={
            a.id: [
                (str(w.work_process_id), f"{w.code}: {w.title_nl if lang == 'nl' else w.title_en}")
                for w in a.work_processes
            ]
            for a in agreements
        },
        qualifications=[
            (
                q.crebo,
                f"{q.title_nl if lang == 'nl' else q.title_en} ({q.crebo}, mbo {q.mbo_level})",
            )
            for q in listed.items
        ],
        form=form,
        errors=errors or {},
        values=entered or {"starts_on": today().isoformat(), "assessed_on": today().isoformat()},
    )


@coach_router.get("/people/{employee_id}/learning")
async def learning(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """A person's learning agreements, with forms to make one and record progress and result."""
    return await _page(request, actor, conn, employee)


async def _submit(
    request: Request,
    actor: Actor,
    conn: Conn,
    employee: Employee,
    form: str,
    write: Any,
    done: str,
) -> Response:
    """Run `write(values)` in a savepoint; the tab again with the errors, or on to it."""
    lang = i18n.language(request)
    t = i18n.translator(lang, "coach")
    entered = await forms.values(request)
    try:
        async with conn.transaction():  # a savepoint: a refusal leaves nothing written
            await write({k: v or None for k, v in entered.items()})
    except ValidationError as exc:
        errors = forms.from_validation(exc, t)
    except (Invalid, Conflict) as exc:
        errors = forms.from_domain(exc, t, lang, KNOWN)
    else:
        return redirect(request, f"/coach/people/{employee.id}/learning#{form}", done=done)
    return await _page(
        request, actor, conn, employee, status=422, form=form, errors=errors, entered=entered
    )


@coach_router.post("/people/{employee_id}/learning", dependencies=[Csrf])
async def make_agreement(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Make a learning agreement."""

    async def write(values: dict[str, Any]) -> None:
        body = AgreementIn.model_validate({k: values.get(k) for k in NEW_FIELDS})
        await service.create(conn, actor, employee, body)

    return await _submit(request, actor, conn, employee, "new", write, "learning_made")


def _agreement_id(request: Request) -> UUID:
    try:
        return UUID(request.path_params["agreement_id"])
    except ValueError as exc:
        raise NotFound("This person has no learning agreement with this id.") from exc


@coach_router.post("/people/{employee_id}/learning/{agreement_id}/progress", dependencies=[Csrf])
async def record_progress(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Record progress on one work process of an agreement."""
    agreement_id = _agreement_id(request)

    async def write(values: dict[str, Any]) -> None:
        data = {k: values.get(k) for k in ("status", "assessed_on")}
        body = ProgressIn.model_validate(data | {"note": values.get("note") or ""})
        try:
            process = UUID(values.get("work_process_id") or "")
        except ValueError as exc:
            raise Invalid("Choose a work process.", fields={"work_process_id": "choose"}) from exc
        await service.record_progress(conn, actor, employee, agreement_id, process, body)

    form = f"agreement-{agreement_id}"
    return await _submit(request, actor, conn, employee, form, write, "learning_progress")


@coach_router.post("/people/{employee_id}/learning/{agreement_id}/result", dependencies=[Csrf])
async def record_result(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Record the praktijkverklaring or mbo-certificaat."""
    agreement_id = _agreement_id(request)

    async def write(values: dict[str, Any]) -> None:
        body = ResultIn.model_validate({k: values.get(k) for k in ("result", "result_on")})
        await service.record_result(conn, actor, employee, agreement_id, body)

    form = f"result-{agreement_id}"
    return await _submit(request, actor, conn, employee, form, write, "learning_result")


@coach_router.post("/people/{employee_id}/learning/{agreement_id}/stop", dependencies=[Csrf])
async def stop(request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn) -> Response:
    """Stop an agreement without a result."""
    agreement_id = _agreement_id(request)

    async def write(values: dict[str, Any]) -> None:
        await service.change(conn, actor, employee, agreement_id, AgreementPatch(status="stopped"))

    form = f"agreement-{agreement_id}"
    return await _submit(request, actor, conn, employee, form, write, "learning_stopped")


@me_router.get("/learning")
async def my_learning(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """What I am learning, what I have done, and what it opens."""
    t = i18n.translator(i18n.language(request), "person")
    agreements = await service.agreements(conn, actor, employee)
    return render(
        request,
        "me_learning.html",
        title=t("me_learning.title"),
        t=t,
        agreements=agreements,
        opened=await _opened(conn, agreements),
    )
