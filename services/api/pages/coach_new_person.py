"""Jobcoach page: a new person, with every field of the profile (the person form shared with the
profile page). A jobcoach becomes the new person's jobcoach; an admin may choose one."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import Conn
from services.api.pages import i18n, person_form
from services.api.pages.render import redirect, render
from services.api.pages.session import CoachActor, check_csrf
from services.core.access.policy import Actor, can_manage_employees

# Included by coach_profile's router, ahead of /people/{employee_id}: "new" is not an id.
router = APIRouter()
ACTION = "/coach/people/new"


async def _page(
    request: Request, actor: Actor, conn: Conn, form: person_form.PersonForm, status: int = 200
) -> Response:
    lang = i18n.language(request)
    t = i18n.translator(lang)
    return render(
        request,
        "coach_new_person.html",
        status=status,
        title=t("coach_new.title"),
        action=ACTION,
        errors=form.errors,
        **await person_form.view(conn, actor, form, lang),
    )


@router.get("/people/new")
async def new_person(request: Request, actor: CoachActor, conn: Conn) -> Response:
    """The form for a new person."""
    can_manage_employees(actor)  # as POST /employees: a WISE keeps employee records
    return await _page(request, actor, conn, person_form.empty(actor))


@router.post("/people/new", dependencies=[Depends(check_csrf)])
async def new_person_submit(request: Request, actor: CoachActor, conn: Conn) -> Response:
    """Add the person (as POST /employees) and open their page; or take the form one step
    further (search an occupation, one more language); or show it again with what to fix."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    form, intent = await person_form.parse(request)
    if intent != "save":
        await person_form.apply(conn, request.app.state.settings, form, intent, t, lang)
    elif (saved := await person_form.save(conn, actor, form, t, lang)) is not None:
        return redirect(request, f"/coach/people/{saved.id}", done="coach_new_added")
    return await _page(request, actor, conn, form, 422 if form.errors else 200)
