"""Jobcoach pages: a person's progress: their rungs over time (a chart and a table, and a form
to record a move) and the logbook (dated notes, newest first, and a form to write one)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.dependencies import Conn
from services.api.pages import forms, i18n, progress
from services.api.pages.access import PageEmployee
from services.api.pages.render import redirect, render
from services.api.pages.session import CoachActor, check_csrf
from services.core.access.policy import Actor, Role
from services.core.clock import today
from services.core.employees.models import Employee
from services.core.errors import Invalid, NotFound
from services.core.ladder import service as ladder
from services.core.ladder.models import LadderHistory, LadderMoveIn
from services.core.logbook import service as logbook
from services.core.logbook.models import LogbookEntryIn
from services.core.matching import texts

router = APIRouter()
Csrf = Depends(check_csrf)
MOVE_FIELDS = ("rung", "changed_on", "note")
NOTE_FIELDS = ("happened_on", "body")


async def _page(
    request: Request,
    actor: Actor,
    conn: Conn,
    employee: Employee,
    *,
    status: int = 200,
    move: dict[str, Any] | None = None,
    note: dict[str, Any] | None = None,
) -> Response:
    lang = i18n.language(request)
    t = i18n.translator(lang, "coach")
    history = await ladder.history(conn, actor, employee)
    name = texts.first_name(employee.name) or employee.name
    entries = await logbook.entries(conn, actor, employee)
    start = {"changed_on": today().isoformat(), "happened_on": today().isoformat()}
    return render(
        request,
        "coach_progress.html",
        status=status,
        title=employee.name,
        employee=employee,
        first_name=name,
        tab="progress",
        ladder=progress.ladder_view(history, lang, t, uid="ladder", name=name),
        rung_time=progress.rung_time(history, lang, name),
        entries=entries,
        may_delete={e.id for e in entries if _may_delete(actor, e.written_by)},
        move=move or {"errors": {}, "entered": start},
        note=note or {"errors": {}, "entered": start},
    )


def _may_delete(actor: Actor, writer: UUID | None) -> bool:
    return actor.role is Role.ADMIN or writer == actor.account_id


@router.get("/people/{employee_id}/progress")
async def person_progress(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """A person's rungs over time and the logbook, with a form for each."""
    return await _page(request, actor, conn, employee)


def _move_errors(exc: Invalid, history: LadderHistory, t: Any, lang: i18n.Lang) -> forms.Errors:
    """The service's refusal in the page's words: which date is allowed, or that the rung is
    the person's rung already."""
    found: forms.Errors = {}
    last = history.changes[-1].changed_on if history.changes else None
    for field in exc.fields:
        if field == "changed_on":
            found[field] = (
                t("ladder_time.error_date_after", last=i18n.format_date(last, lang))
                if last
                else t("ladder_time.error_date")
            )
        elif field == "rung":
            found[field] = t("ladder_time.error_same_rung", rung=history.current_rung)
        else:
            found[field] = t("error.check")
    return found


@router.post("/people/{employee_id}/ladder", dependencies=[Csrf])
async def record_move(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Record a move to another rung from a date."""
    lang = i18n.language(request)
    t = i18n.translator(lang, "coach")
    entered = await forms.values(request)
    values = {k: entered.get(k, "") for k in MOVE_FIELDS}
    errors: forms.Errors = {}
    try:
        body = LadderMoveIn.model_validate({k: v or None for k, v in values.items()})
        async with conn.transaction():  # a savepoint: a refusal leaves nothing written
            await ladder.move(conn, actor, employee.id, body)
    except ValidationError as exc:
        errors = forms.from_validation(exc, t)
        if "changed_on" not in errors and values["changed_on"] > today().isoformat():
            errors["changed_on"] = t("ladder_time.error_date")  # said with the other mistakes
    except Invalid as exc:
        errors = _move_errors(exc, await ladder.history(conn, actor, employee), t, lang)
    if errors:
        move = {"errors": errors, "entered": values}
        return await _page(request, actor, conn, employee, status=422, move=move)
    return redirect(request, f"/coach/people/{employee.id}/progress#ladder", done="ladder_moved")


@router.post("/people/{employee_id}/logbook", dependencies=[Csrf])
async def write_note(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Write a dated note in the person's logbook."""
    lang = i18n.language(request)
    t = i18n.translator(lang, "coach")
    entered = await forms.values(request)
    values = {k: entered.get(k, "") for k in NOTE_FIELDS}
    errors: forms.Errors = {}
    try:
        body = LogbookEntryIn.model_validate({k: v or None for k, v in values.items()})
        async with conn.transaction():
            await logbook.write(conn, actor, employee, body)
    except ValidationError as exc:
        errors = forms.from_validation(exc, t)
    except Invalid as exc:
        known = {"happened_on": "logbook.error_future", "body": "error.required"}
        errors = forms.from_domain(exc, t, lang, known)
    if errors:
        note = {"errors": errors, "entered": values}
        return await _page(request, actor, conn, employee, status=422, note=note)
    return redirect(
        request, f"/coach/people/{employee.id}/progress#logbook", done="logbook_written"
    )


@router.post("/people/{employee_id}/logbook/delete", dependencies=[Csrf])
async def delete_note(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Delete a note (its writer, or an admin); a note gone already changes nothing."""
    entered = await forms.values(request)
    target = f"/coach/people/{employee.id}/progress#logbook"
    try:
        entry_id = UUID(entered.get("entry_id", ""))
    except ValueError:
        return redirect(request, target)
    try:
        found = await logbook.entry(conn, actor, employee, entry_id)
    except NotFound:
        return redirect(request, target)
    await logbook.delete(conn, actor, employee, found)
    return redirect(request, target, done="logbook_deleted")
