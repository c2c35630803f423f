"""The person's own progress pages, in plain words: their rungs over time (on the path page)
and what their jobcoach wrote down (the logbook, read only)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.api.dependencies import Conn
from services.api.pages import i18n, progress
from services.api.pages.access import OwnEmployee
from services.api.pages.render import render
from services.api.pages.session import EmployeeActor
from services.core.access.policy import Actor
from services.core.employees.models import Employee
from services.core.ladder import service as ladder
from services.core.logbook import service as logbook

router = APIRouter()


async def ladder_for(
    request: Request, conn: Conn, actor: Actor, employee: Employee
) -> progress.LadderView:
    """The person's line, worded for them."""
    lang = i18n.language(request)
    history = await ladder.history(conn, actor, employee)
    t = i18n.translator(lang, "person")
    return progress.ladder_view(history, lang, t, uid="my-ladder", name=employee.name)


@router.get("/logbook")
async def my_logbook(
    request: Request, employee: OwnEmployee, actor: EmployeeActor, conn: Conn
) -> Response:
    """What my jobcoach wrote down: agreements and what goes well, the newest first."""
    t = i18n.translator(i18n.language(request), "person")
    entries = await logbook.entries(conn, actor, employee)
    return render(request, "me_logbook.html", title=t("me_logbook.title"), t=t, entries=entries)
