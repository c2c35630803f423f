"""Jobcoach pages: a person's profile (the person form, shared with the new-person page) and
skills (with taxonomy search and suggestions from a pasted text), and their consents."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.dependencies import Conn
from services.api.pages import (
    coach_new_person,
    consents,
    forms,
    fragments,
    i18n,
    labels,
    person_form,
    suggestions,
)
from services.api.pages.access import PageConsent, PageEmployee
from services.api.pages.render import redirect, render
from services.api.pages.session import CoachActor, check_csrf
from services.core.access.policy import Actor
from services.core.employees import service as employees
from services.core.employees.models import Employee, EmployeePatch, SkillIn
from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import service as taxonomy

router = APIRouter()
router.include_router(coach_new_person.router)  # first: /people/new before /people/{id}
Csrf = Depends(check_csrf)
SKILL_MESSAGES = {"skills": "error.unknown_skill"}
SKILL_DONE = {"add": "skill_added", "update": "skill_saved", "remove": "skill_removed"}
# The suggestions' form: its level and source apply to every ticked skill.
SUGGEST_DEFAULTS = {"suggest_level": "2", "suggest_source": "observed"}
SUGGEST_RENAMES = {
    "level": "suggest_level",
    "source": "suggest_source",
    "skill_uri": suggestions.TICKED,
    "skills": suggestions.TICKED,
}


async def _search(
    conn: Conn, settings: Settings, query: str, lang: i18n.Lang
) -> list[tuple[str, str, str]]:
    """(uri, label, label's language) of the skills matching a search, best first."""
    if not query:
        return []
    page = await taxonomy.search_skills(conn, settings, q=query[:200], lang=lang, limit=10)
    return [(hit.uri, hit.label, hit.label_lang) for hit in page.items]


async def _profile_page(
    request: Request,
    actor: Actor,
    conn: Conn,
    employee: Employee,
    *,
    status: int = 200,
    form: person_form.PersonForm | None = None,
    skill_form: dict[str, Any] | None = None,
    proposal: suggestions.Proposal | None = None,
    suggest_form: dict[str, Any] | None = None,
) -> Response:
    lang = i18n.language(request)
    profile = await employees.read(conn, actor, employee)
    skills_part = await _skills_view(request, conn, employee, skill_form, proposal, suggest_form)
    form = form or person_form.of_employee(employee)
    return render(
        request,
        "coach_profile.html",
        status=status,
        title=employee.name,
        employee=profile,
        tab="profile",
        action=f"/coach/people/{employee.id}/profile",
        errors=form.errors,
        **await person_form.view(conn, actor, form, lang),
        **skills_part,
    )


async def _skills_view(
    request: Request,
    conn: Conn,
    employee: Employee,
    skill_form: dict[str, Any] | None = None,
    proposal: suggestions.Proposal | None = None,
    suggest_form: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the skills part of the profile page (_coach_skills.html) shows."""
    lang = i18n.language(request)
    skill_form = skill_form or {}
    skill_q = skill_form.get("skill_q", (request.query_params.get("skill_q") or "").strip())
    names = await labels.skill_labels(conn, [s.skill_uri for s in employee.skills], lang)
    hits = await _search(conn, request.app.state.settings, skill_q, lang)
    proposal = proposal or suggestions.Proposal()
    await suggestions.label(conn, proposal, lang)
    return {
        "skills": [(s, *names[s.skill_uri]) for s in employee.skills],
        "skill_q": skill_q,
        "skill_hits": [(uri, text) for uri, text, _ in hits],
        "skill_hit_langs": {uri: text_lang for uri, _, text_lang in hits},
        "skill_form": skill_form,
        "proposal": proposal,
        "suggest_form": {"errors": {}, **SUGGEST_DEFAULTS, **(suggest_form or {})},
    }


@router.get("/people/{employee_id}/profile")
async def profile(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """A person's profile and skills, to change."""
    return await _profile_page(request, actor, conn, employee)


@router.post("/people/{employee_id}/profile", dependencies=[Csrf])
async def profile_submit(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Store the profile (as PATCH /employees/{id}), or take the form one step further
    (search an occupation, one more language); the form again with what to fix."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    form, intent = await person_form.parse(request)
    if intent != "save":
        await person_form.apply(conn, request.app.state.settings, form, intent, t, lang)
    elif await person_form.save(conn, actor, form, t, lang, employee) is not None:
        return redirect(request, f"/coach/people/{employee.id}/profile", done="profile_saved")
    status = 422 if form.errors else 200
    return await _profile_page(request, actor, conn, employee, status=status, form=form)


def _skills_after(employee: Employee, entered: dict[str, str]) -> list[dict[str, Any]]:
    """The person's skill list after the change in the form."""
    current = [s.model_dump() for s in employee.skills]
    action, uri = entered.get("action"), entered.get("skill_uri", "")
    if action == "remove":
        return [s for s in current if s["skill_uri"] != uri]
    change = {"skill_uri": uri, "level": entered.get("level"), "source": entered.get("source")}
    if action == "update":
        return [(s | change) if s["skill_uri"] == uri else s for s in current]
    return [s for s in current if s["skill_uri"] != uri] + [change | {"assessed_on": None}]


@router.post("/people/{employee_id}/skills", dependencies=[Csrf])
async def skills_submit(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Add, change or remove one skill (the whole list goes to the service, as PATCH does).
    Asked by keep-place.js, the answer is the skills part alone, the focus on what comes next."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    if entered.get("action") not in ("add", "update", "remove"):
        entered["action"] = "add"
    errors: forms.Errors = {}
    changed = employee
    if not entered.get("skill_uri"):
        errors["skill_uri"] = t("error.choose_skill")
    else:
        try:
            skills = [SkillIn.model_validate(s) for s in _skills_after(employee, entered)]
            async with conn.transaction():
                patch = EmployeePatch(skills=skills)
                changed = await employees.update(conn, actor, employee.id, patch)
        except ValidationError as exc:
            errors = {"skill_uri" if k.startswith("skills") else k: v for k, v in
                      forms.from_validation(exc, t, {"skills": "skill_uri"}).items()}  # fmt: skip
        except Invalid as exc:
            errors = forms.from_domain(exc, t, lang, SKILL_MESSAGES, {"skills": "skill_uri"})
    done = SKILL_DONE[entered["action"]]
    if fragments.wanted(request):
        if errors:
            skill_form = {"errors": errors, **entered}
            first = "add-" + next(iter(errors)).replace("_", "-")  # the field's id
            focus = first if entered["action"] == "add" else "skill-edit-errors"
            return await _skills_part(request, conn, employee, 422, focus, skill_form=skill_form)
        focus = _next_focus(employee, changed, entered)
        return await _skills_part(request, conn, changed, 200, focus, t(f"done.{done}"))
    if not errors:
        return redirect(request, f"/coach/people/{employee.id}/profile#skills", done=done)
    return await _profile_page(
        request, actor, conn, employee, status=422, skill_form={"errors": errors, **entered}
    )


def _next_focus(before: Employee, after: Employee, entered: dict[str, str]) -> str:
    """The control to use next: the search after adding; the row's save button after a change;
    after removing, the next row's remove button (the last row's, or the search when none is
    left)."""
    uri, now = entered.get("skill_uri", ""), [s.skill_uri for s in after.skills]
    if entered["action"] == "update" and uri in now:
        return f"s{now.index(uri) + 1}-save"
    if entered["action"] == "remove" and now:
        was = [s.skill_uri for s in before.skills]
        at = was.index(uri) if uri in was else len(now)
        return f"s{min(at, len(now) - 1) + 1}-remove"
    return "skill-q"


async def _skills_part(
    request: Request,
    conn: Conn,
    employee: Employee,
    status: int,
    focus: str,
    announce: str = "",
    skill_form: dict[str, Any] | None = None,
) -> Response:
    """The skills part of the profile page alone (keep-place.js swaps it in)."""
    view = await _skills_view(request, conn, employee, skill_form)
    return fragments.part(
        request,
        "_coach_skills.html",
        status=status,
        focus=focus,
        announce=announce,
        employee=employee,
        **view,
    )


@router.post("/people/{employee_id}/skills/suggest", dependencies=[Csrf])
async def skills_suggest(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Suggest skills from pasted notes or a CV (nothing is added: the page shows them to
    tick), or add the ticked suggestions, as the single add does (the whole list to the
    employees service, so its events, audit and rules apply)."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    entered = await forms.values(request)
    choice = {k: entered.get(k) or default for k, default in SUGGEST_DEFAULTS.items()}
    if entered.get("intent") == "add":
        proposal = await suggestions.carried(request)
        errors = await _add_suggested(conn, actor, employee, proposal, choice, t, lang)
        if not errors:
            target = f"/coach/people/{employee.id}/profile#skills"
            return redirect(request, target, done="skills_added")
    else:
        have = {s.skill_uri for s in employee.skills}
        text = entered.get(suggestions.TEXT, "")
        settings = request.app.state.settings
        proposal, problem = await suggestions.ask(conn, settings, text, lang, t, have, tick=False)
        errors = {suggestions.TEXT: problem} if problem else {}
    return await _profile_page(
        request,
        actor,
        conn,
        employee,
        status=422 if errors else 200,
        proposal=proposal,
        suggest_form={"errors": errors, **choice},
    )


async def _add_suggested(
    conn: Conn,
    actor: Actor,
    employee: Employee,
    proposal: suggestions.Proposal,
    choice: dict[str, str],
    t: Callable[..., str],
    lang: i18n.Lang,
) -> forms.Errors:
    """Add the ticked suggestions at the chosen level and source; the errors to show (none
    when they were added). A refusal leaves the profile as it was."""
    have = {s.skill_uri for s in employee.skills}
    ticked = [s for s in proposal.ticked() if s.uri not in have]
    if not ticked:
        return {suggestions.TICKED: t("error.tick_one")}
    added = [
        {"skill_uri": s.uri, "level": choice["suggest_level"], "source": choice["suggest_source"]}
        for s in ticked
    ]
    try:
        current = [s.model_dump() for s in employee.skills]
        skills = [SkillIn.model_validate(s) for s in [*current, *added]]
        async with conn.transaction():  # a savepoint: a refusal leaves nothing written
            await employees.update(conn, actor, employee.id, EmployeePatch(skills=skills))
    except ValidationError as exc:
        return forms.from_validation(exc, t, SUGGEST_RENAMES)
    except Invalid as exc:
        return forms.from_domain(exc, t, lang, SKILL_MESSAGES, SUGGEST_RENAMES)
    return {}


async def _consents_page(
    request: Request,
    actor: Actor,
    conn: Conn,
    employee: Employee,
    *,
    status: int = 200,
    errors: forms.Errors | None = None,
    entered: dict[str, str] | None = None,
) -> Response:
    found = await consents.view(conn, actor, employee)
    return render(
        request,
        "coach_consents.html",
        status=status,
        title=employee.name,
        employee=employee,
        tab="consents",
        consents=found,
        errors=errors or {},
        values=entered or {},
    )


@router.get("/people/{employee_id}/consents")
async def consent_list(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """A person's consents, current and withdrawn, to give and withdraw."""
    return await _consents_page(request, actor, conn, employee)


@router.post("/people/{employee_id}/consents", dependencies=[Csrf])
async def consent_give(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Record a consent the person gave (matching, or sharing with one employer)."""
    lang = i18n.language(request)
    entered = await forms.values(request)
    errors = await consents.give(conn, actor, employee, entered, i18n.translator(lang), lang)
    if errors:
        return await _consents_page(
            request, actor, conn, employee, status=422, errors=errors, entered=entered
        )
    return redirect(request, f"/coach/people/{employee.id}/consents", done="consent_given")


@router.post("/people/{employee_id}/consents/{consent_id}/withdraw", dependencies=[Csrf])
async def consent_withdraw(
    request: Request, employee: PageEmployee, consent: PageConsent, actor: CoachActor, conn: Conn
) -> Response:
    """Withdraw a consent (as easily as it was given)."""
    await consents.withdraw(conn, actor, employee, consent)
    return redirect(request, f"/coach/people/{employee.id}/consents", done="consent_withdrawn")
