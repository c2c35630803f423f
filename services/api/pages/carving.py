"""The employer's job carving page (/employer/carve): pick an occupation, keep the tasks that
make a job the WISEs' people can do, count who fits the carved job against the full one, and
save it as a draft vacancy to review and publish on its own page. One form that keeps its state
across full page loads, so it works without script."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.dependencies import Conn
from services.api.pages import forms, i18n, labels, matches
from services.api.pages.i18n import Lang
from services.api.pages.render import redirect, render, settings_of
from services.api.pages.session import EmployerActor, check_csrf, employer_actor
from services.core.access.policy import Actor
from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import service as taxonomy
from services.core.vacancies import carving
from services.core.vacancies import service as vacancies
from services.core.vacancies.carving_models import (
    CarvedVacancyIn,
    CarvingIn,
    CarvingPreview,
    CarvingTasks,
)
from services.core.vacancies.models import Vacancy

router = APIRouter(prefix="/employer", dependencies=[Depends(employer_actor)])
FIELDS = (
    "occupation_q",
    "occupation_uri",
    "tasks_of",
    "title",
    "description",
    "contract_kind",
    "hours_min",
    "hours_max",
)
# The catalogue's words for what a service refuses; other fields say "check this".
KNOWN = {
    "kept": "carving.error_kept",
    "occupation_uri": "carving.error_occupation",
    "hours_min": "vacancy_form.hours_range",
    "hours_max": "vacancy_form.hours_range",
}


@dataclass
class CarveForm:
    """What the form holds, and what it shows: the occupation's tasks and the counts."""

    values: dict[str, str]
    kept: list[str] = field(default_factory=list)
    accommodations: list[str] = field(default_factory=list)
    errors: forms.Errors = field(default_factory=dict)
    occupation_hits: list[tuple[str, str]] = field(default_factory=list)
    label_langs: dict[str, str] = field(default_factory=dict)
    tasks: CarvingTasks | None = None
    preview: CarvingPreview | None = None


@dataclass
class Step:
    """Who asks, in which language, with what settings."""

    conn: asyncpg.Connection
    actor: Actor
    lang: Lang
    settings: Settings

    @property
    def t(self) -> Callable[..., str]:
        return i18n.translator(self.lang)


async def _parse(request: Request) -> tuple[CarveForm, str]:
    entered = await forms.values(request)
    rows = await forms.lists(request, "kept", "accommodations")
    form = CarveForm({f: entered.get(f, "") for f in FIELDS}, rows["kept"], rows["accommodations"])
    return form, entered.get("intent", "count")


def _conditions(form: CarveForm) -> dict[str, Any]:
    v = form.values
    return {
        "occupation_uri": v["occupation_uri"],
        "kept": form.kept,
        "contract_kind": v["contract_kind"] or None,
        "hours_min": forms.as_int(v["hours_min"]),
        "hours_max": forms.as_int(v["hours_max"]),
        "accommodations": form.accommodations,
    }


async def _search(step: Step, form: CarveForm) -> None:
    """Occupations for the words in the search field, to choose from in the list below it."""
    words = form.values["occupation_q"][:200]
    if not words:
        form.errors["occupation_q"] = step.t("error.required")
        return
    found = await taxonomy.search_occupations(
        step.conn, step.settings, q=words, lang=step.lang, limit=10
    )
    form.occupation_hits = [(h.uri, h.label) for h in found.items]
    form.label_langs |= {h.uri: h.label_lang for h in found.items}
    if not form.occupation_hits:
        form.errors["occupation_q"] = step.t("error.nothing_found")


async def _apply(step: Step, form: CarveForm, intent: str) -> Vacancy | None:
    """Do what the form asks (search, show the tasks, count, save); the saved vacancy."""
    uri = form.values["occupation_uri"]
    if intent == "search_occupation":
        await _search(step, form)
    elif not uri:
        form.errors["occupation_uri"] = step.t("carving.error_occupation")
    elif form.values["tasks_of"] != uri:  # another occupation: its full job to start from
        form.tasks = await carving.tasks(step.conn, step.actor, uri, step.lang)
        form.kept = [x.skill_uri for x in form.tasks.tasks if x.relation == "essential"]
        form.values["tasks_of"] = uri
        await _count(step, form)
    elif intent == "create":
        body = CarvedVacancyIn.model_validate(
            _conditions(form) | {k: form.values[k] for k in ("title", "description")}
        )
        async with step.conn.transaction():  # a savepoint: a refusal leaves nothing written
            return await carving.create(step.conn, step.actor, body)
    else:
        await _count(step, form)
    return None


async def _count(step: Step, form: CarveForm) -> None:
    body = CarvingIn.model_validate(_conditions(form))
    bar = step.settings.notify_min_score
    form.preview = await carving.preview(step.conn, step.actor, body, min_score=bar)


async def _page(request: Request, step: Step, form: CarveForm, status: int = 200) -> Response:
    tasks_of = form.values["tasks_of"]
    if tasks_of and form.tasks is None:
        form.tasks = await carving.tasks(step.conn, step.actor, tasks_of, step.lang)
    chosen = await labels.occupation_labels(step.conn, [form.values["occupation_uri"]], step.lang)
    form.label_langs |= {uri: found_lang for uri, (_, found_lang) in chosen.items()}
    options = [(uri, text) for uri, (text, _) in chosen.items()]
    options += [(u, text) for u, text in form.occupation_hits if u not in chosen]
    return render(
        request,
        "employer_carve.html",
        status=status,
        title=step.t("carving.title"),
        form=form,
        values=form.values,
        errors=form.errors,
        occupation_options=options,
        counts=compare_words(form.preview, step.t),
        vocabulary=await labels.accommodation_names(step.conn, step.lang),
        min_score=int(step.settings.notify_min_score),
    )


def compare_words(preview: CarvingPreview | None, t: Callable[..., str]) -> str:
    """The counts in one sentence: "12 ... the full job, 31 ... the carved job: 19 more"."""
    if preview is None:
        return ""

    def count(n: int | None) -> str:
        return t("carving.fewer_than", n=5) if n is None else str(n)

    words = {"full": count(preview.full), "carved": count(preview.carved)}
    if preview.difference is None:
        said = t("carving.compare", **words)
    elif preview.difference > 0:
        said = t("carving.compare_more", more=preview.difference, **words)
    else:
        said = t("carving.compare_not_more", **words)
    return said[:1].upper() + said[1:]


def _step(request: Request, actor: Actor, conn: asyncpg.Connection) -> Step:
    return Step(conn, actor, i18n.language(request), settings_of(request))


@router.get("/carve")
async def carve(request: Request, actor: EmployerActor, conn: Conn) -> Response:
    """The carving form: an occupation to choose (or the one in `occupation_uri`, or that of
    the vacancy `from`, one the actor may see)."""
    step = _step(request, actor, conn)
    form = CarveForm(dict.fromkeys(FIELDS, ""))
    uri = request.query_params.get("occupation_uri", "")[:500]
    if source := request.query_params.get("from"):
        uri = (await vacancies.get(conn, actor, matches.parse_uuid(source))).occupation_uri
    if uri:
        form.values["occupation_uri"] = uri
        await _handled(step, form, "count")
    return await _page(request, step, form, 422 if form.errors else 200)


@router.post("/carve", dependencies=[Depends(check_csrf)])
async def carve_submit(request: Request, actor: EmployerActor, conn: Conn) -> Response:
    """Search, show the tasks, count the candidates, or save the carved job as a draft."""
    step = _step(request, actor, conn)
    form, intent = await _parse(request)
    saved = await _handled(step, form, intent)
    if saved is not None:
        return redirect(request, f"/employer/vacancies/{saved.id}", done="vacancy_carved")
    return await _page(request, step, form, 422 if form.errors else 200)


async def _handled(step: Step, form: CarveForm, intent: str) -> Vacancy | None:
    """`_apply`, with what it refuses as messages beside the fields."""
    try:
        return await _apply(step, form, intent)
    except ValidationError as exc:
        form.errors |= forms.from_validation(exc, step.t, bounds=KNOWN)
    except Invalid as exc:
        form.errors |= forms.from_domain(exc, step.t, step.lang, KNOWN)
    if "kept" in form.errors:  # none kept, or one that is not the occupation's
        form.errors["kept"] = step.t("carving.error_kept")
    if "occupation_uri" in form.errors:
        form.values["tasks_of"] = ""
        form.tasks = None
    return None


async def carved_facts(
    request: Request, actor: Actor, conn: asyncpg.Connection, vacancy: Vacancy
) -> dict[str, Any] | None:
    """What a carved vacancy's page adds: the counts against the full job and the tasks taken
    out of it, in the reader's language; None for a vacancy that is not carved."""
    if not vacancy.carved:
        return None
    step = _step(request, actor, conn)
    bar = step.settings.notify_min_score
    found = await carving.compare(conn, actor, vacancy, min_score=bar)
    names = await labels.skill_labels(conn, vacancy.left_out, step.lang)
    return {
        "counts": compare_words(found, step.t),
        "left_out": [names[uri] for uri in vacancy.left_out],
        "min_score": int(bar),
    }
