"""A person's next steps: what fits now, stepping stones, a route to the target, a training plan.

Made from stored matches (scored by the worker), the stored transition graph, the training
catalogue, and, for "what if" questions, the matcher itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.clock import today
from services.core.decisions import service as decisions
from services.core.errors import Invalid, NotFound
from services.core.i18n import Reader
from services.core.ladder import repository as ladder
from services.core.ladder.service import long_on_rung, months_between
from services.core.matching import live
from services.core.matching import repository as matching_repository
from services.core.matching import service as matching
from services.core.matching.texts import first_name, reader_of
from services.core.next_steps import plan as plans
from services.core.next_steps import repository, texts
from services.core.next_steps.models import (
    DigitalArea,
    NextSteps,
    Occupation,
    OccupationStep,
    Route,
    Skill,
    SteppingStones,
    TrainingPlan,
    VacancySuggestion,
    Words,
)
from services.core.settings import Settings
from services.core.taxonomy import digcomp
from services.core.transitions import repository as transitions
from services.matcher.types import Person

LIMIT = 5
# A step up may ask for more learning than work that fits now: shown from this score (a
# notification about one waits for settings.notify_step_up_min_score).
STEP_MIN_SCORE = 40.0
Labels = dict[str, tuple[str, str | None]]
Explained = dict[tuple[UUID, UUID], dict[str, Any]]


def _skill(uri: str, labels: Labels) -> Skill:
    en, nl = labels.get(uri, (uri, None))
    return Skill(uri=uri, label_en=en, label_nl=nl)


def _occupation(uri: str | None, en: str | None, nl: str | None) -> Occupation | None:
    return Occupation(uri=uri, label_en=en or uri, label_nl=nl) if uri else None


def _suggestion(
    row: asyncpg.Record, computed: Explained, *, step: bool, reader: Reader
) -> VacancySuggestion:
    """A stored match as a suggestion, with its reasons in words (from its explanation, or
    the one `computed` now for a match stored without one)."""
    why = row["explanation"] or computed[(row["vacancy_id"], row["employee_id"])]
    labels = {u: (v.get("en") or u, v.get("nl")) for u, v in why.get("labels", {}).items()}
    have = sum(
        1
        for e in (*why.get("matched", []), *why.get("related", []))
        if e["relation"] == "essential"
    )
    missing = [_skill(u, labels) for u in why.get("missing_essential", [])]
    total = have + len(missing)
    words = texts.fits(row["title"], have, total, missing, step_up=step, reader=reader)
    return VacancySuggestion(
        vacancy_id=row["vacancy_id"],
        title=row["title"],
        organisation=row["organisation"],
        ladder_rung=row["ladder_rung"],
        score=round(row["score"], 1),
        have=have,
        total=total,
        missing=missing,
        why=words,
    )


async def _steps(
    conn: asyncpg.Connection,
    moves: Sequence[asyncpg.Record],
    origin: Occupation,
    reader: Reader,
    *,
    chained: bool = False,
) -> list[OccupationStep]:
    """Stored moves as steps with labels, open vacancy counts and reasons; all from `origin`,
    or, `chained`, each from the one before (a route)."""
    labels = await repository.skill_labels(conn, {u for m in moves for u in m["missing_essential"]})
    open_counts = await repository.open_vacancies_by_occupation(
        conn, [m["destination_uri"] for m in moves]
    )
    result, start = [], origin
    for m in moves:
        missing = [_skill(u, labels) for u in m["missing_essential"]]
        destination = Occupation(
            uri=m["destination_uri"], label_en=m["label_en"], label_nl=m["label_nl"]
        )
        vacancies = open_counts.get(m["destination_uri"], 0)
        words = texts.occupation_step(destination, m["similarity"], missing, vacancies, reader)
        result.append(
            OccupationStep(
                occupation=destination,
                from_occupation=start,
                similarity=round(m["similarity"], 3),
                highly_viable=m["highly_viable"],
                level_delta=m["level_delta"],
                gap=round(m["gap"], 2),
                missing=missing,
                open_vacancies=vacancies,
                why=words,
            )
        )
        start = destination if chained else origin
    return result


async def _route(
    conn: asyncpg.Connection, current: Occupation, target: Occupation, reader: Reader
) -> Route:
    """The cheapest route of at most three viable moves, or why there is none."""
    if current.uri == target.uri:
        why = texts.route(target, [], 0, reader)
        return Route(found=True, target=target, steps=[], total_gap=0.0, why=why)
    stops = await transitions.cheapest_route(conn, current.uri, target.uri)
    if stops is None:
        return Route(
            found=False, target=target, steps=[], total_gap=None, why=texts.no_route(target, reader)
        )
    moves = [await transitions.move(conn, a, b) for a, b in itertools.pairwise(stops)]
    steps = await _steps(conn, [m for m in moves if m is not None], current, reader, chained=True)
    learn = len({sk.uri for s in steps for sk in s.missing})
    return Route(
        found=True,
        target=target,
        steps=steps,
        total_gap=round(sum(s.gap for s in steps), 2),
        why=texts.route(target, [s.occupation for s in steps], learn, reader),
    )


async def next_steps(
    conn: asyncpg.Connection,
    settings: Settings,
    employee_id: UUID,
    actor: Actor | None = None,
    reader: Reader | None = None,
) -> NextSteps:
    """Everything the next-steps page shows for one person (logged as shown to `actor`),
    worded for `reader` (else for the actor; the person when there is neither)."""
    reader = reader or (reader_of(actor) if actor else "person")
    me = await repository.employee(conn, employee_id)
    if me is None:
        raise NotFound("No employee has this id.")
    current = _occupation(me["current_occupation_uri"], me["current_en"], me["current_nl"])
    target = _occupation(me["target_occupation_uri"], me["target_en"], me["target_nl"])
    low = min(settings.notify_min_score, STEP_MIN_SCORE)  # those stored without one, explained
    computed = await matching.explain_stored(conn, employee_ids=[employee_id], min_score=low)
    fits = [
        _suggestion(r, computed, step=r["ladder_rung"] > me["ladder_rung"], reader=reader)
        for r in await repository.fits_now(conn, employee_id, settings.notify_min_score, LIMIT)
    ]
    stones = (
        await _steps(
            conn, await transitions.stepping_stones(conn, current.uri, LIMIT), current, reader
        )
        if current
        else []
    )
    toward = [s.occupation.uri for s in stones] + ([target.uri] if target else [])
    step_rows = await repository.step_vacancies(conn, employee_id, toward, STEP_MIN_SCORE, LIMIT)
    step_vacancies = [_suggestion(r, computed, step=True, reader=reader) for r in step_rows]
    route = await _route(conn, current, target, reader) if current and target else None
    plan = await _default_plan(
        conn, settings, employee_id, route, (step_vacancies, stones, fits), reader
    )
    # What the next steps ask, for the digital profile: every skill of the suggested work
    # that the person misses, and the plan's.
    asked = {s.uri for v in (*fits, *step_vacancies) for s in v.missing}
    asked |= {s.uri for step in stones for s in step.missing}
    asked |= {s.skill.uri for s in plan.skills} if plan else set()
    digital = await _digital(conn, employee_id, asked)
    await decisions.record_next_steps(conn, actor, employee_id, [*fits, *step_vacancies], stones)
    return NextSteps(
        employee_id=employee_id,
        ladder_rung=me["ladder_rung"],
        current_occupation=current,
        target_occupation=target,
        fits_now=fits,
        stepping_stones=SteppingStones(vacancies=step_vacancies, occupations=stones),
        route=route,
        training_plan=plan,
        digital=digital,
        why=texts.summary(len(fits), len(step_vacancies) + len(stones), plan is not None, reader),
        rung_time=await _rung_time(conn, employee_id, me["ladder_rung"], me["name"], reader),
    )


async def _rung_time(
    conn: asyncpg.Connection, employee_id: UUID, rung: int, name: str, reader: Reader
) -> Words | None:
    """A year or more on one rung below 6: time to look at the next step together."""
    since = (await ladder.on_rung_since(conn, [employee_id])).get(employee_id)
    months = months_between(since, today()) if since else 0
    if not long_on_rung(rung, months):
        return None
    return texts.rung_time(months, rung, first_name(name) or name, reader)


async def _digital(
    conn: asyncpg.Connection, employee_id: UUID, asked: Collection[str]
) -> list[DigitalArea]:
    """The person's DigComp level per area beside the competences their next steps ask for."""
    found = await digcomp.profile(conn, employee_id, asked)
    return [
        DigitalArea(
            area_id=area.area_id,
            name=Words(nl=area.name.nl, en=area.name.en),
            level=area.level,
            asked=len(area.asked),
            missing=[Words(nl=c.competence.name.nl, en=c.competence.name.en) for c in area.missing],
        )
        for area in found.areas
    ]


async def _default_plan(
    conn: asyncpg.Connection,
    settings: Settings,
    employee_id: UUID,
    route: Route | None,
    found: tuple[list[VacancySuggestion], list[OccupationStep], list[VacancySuggestion]],
    reader: Reader,
) -> TrainingPlan | None:
    """The plan for the most telling goal that leaves something to learn: the route to the
    target, a step-up vacancy, a stepping-stone occupation, a vacancy that fits now; when
    nothing is left to learn anywhere, the plan for the first of them says so."""
    step_vacancies, stones, fits = found
    goals: list[dict[str, Any]] = []
    if route is not None and route.found and route.steps:
        goals.append({"route": True})
    goals += [{"vacancy_id": v.vacancy_id} for v in step_vacancies]
    goals += [{"occupation_uri": s.occupation.uri} for s in stones]
    goals += [{"vacancy_id": v.vacancy_id} for v in fits]
    first: TrainingPlan | None = None
    for goal in goals:
        plan = await training_plan(conn, settings, employee_id, reader=reader, **goal)
        if plan.skills:
            return plan
        first = first or plan
    return first


async def training_plan(
    conn: asyncpg.Connection,
    settings: Settings,
    employee_id: UUID,
    *,
    vacancy_id: UUID | None = None,
    occupation_uri: str | None = None,
    route: bool = False,
    reader: Reader = "person",
) -> TrainingPlan:
    """What to learn for a vacancy, an occupation or the route to the target (one of them)."""
    if sum((vacancy_id is not None, occupation_uri is not None, route)) != 1:
        raise Invalid("Choose one goal: vacancy_id, occupation_uri or route=true.")
    engine = await live.matcher(conn)
    found = await matching_repository.people(conn, [employee_id])
    if not found:
        raise NotFound("No employee has this id.")
    person = live.person_of(found[0])
    me = await repository.employee(conn, employee_id)
    assert me is not None
    goal: plans.Goal
    if vacancy_id is not None:
        rows = await matching_repository.vacancies(conn, [vacancy_id])
        if not rows or rows[0]["status"] != "open":
            raise Invalid(
                "There is no open vacancy with this id.",
                fields={"vacancy_id": "not an open vacancy"},
            )
        base = live.vacancy_of(rows[0])
        explanation = engine.explain(person, base)
        # Essential skills first, those missing and those a related skill only partly covers;
        # missing optional ones make the person stronger too.
        partly = [e.skill_uri for e in explanation.related if e.relation == "essential"]
        essential = [*explanation.missing_essential, *partly]
        missing = [*essential, *explanation.missing_optional]
        title = await repository.vacancy_title(conn, vacancy_id)
        goal = plans.Goal("vacancy", title, base, vacancy_id, None)
    elif occupation_uri is not None:
        missing, title = await _occupation_gap(
            conn, person, me["current_occupation_uri"], occupation_uri
        )
        essential = missing
        asked = await repository.occupation_essentials(conn, occupation_uri)
        wanted = plans.goal_of([*missing, *asked], {*missing, *asked}, None)
        goal = plans.Goal("occupation", title, wanted, None, occupation_uri)
    else:
        if not me["current_occupation_uri"] or not me["target_occupation_uri"]:
            raise Invalid(
                "A route needs the person's current and target occupation; set them first.",
                fields={"route": "no current or target occupation"},
            )
        current = _occupation(me["current_occupation_uri"], me["current_en"], me["current_nl"])
        target = _occupation(me["target_occupation_uri"], me["target_en"], me["target_nl"])
        assert current and target
        found_route = await _route(conn, current, target, reader)
        missing = list(dict.fromkeys(s.uri for step in found_route.steps for s in step.missing))
        essential = missing
        asked = await repository.occupation_essentials(conn, target.uri)
        goal = plans.Goal(
            "route",
            target.label_nl or target.label_en,
            plans.goal_of([*missing, *asked], {*missing, *asked}, None),
            None,
            None,
        )
    return await plans.plan(conn, settings, person, engine, goal, (missing, essential), reader)


async def _occupation_gap(
    conn: asyncpg.Connection, person: Person, current: str | None, occupation_uri: str
) -> tuple[list[str], str]:
    """(the essential skills the person misses for an occupation, its label)."""
    labels = await repository.occupation_labels(conn, [occupation_uri])
    if occupation_uri not in labels:
        raise Invalid(
            "There is no occupation with this URI in the taxonomy.",
            fields={"occupation_uri": "unknown occupation"},
        )
    move = await transitions.move(conn, current, occupation_uri) if current else None
    if move is not None:
        missing = list(move["missing_essential"])
    else:  # no stored move: what the occupation asks that the person does not have
        have = {s.uri for s in person.skills}
        missing = [
            u for u in await repository.occupation_essentials(conn, occupation_uri) if u not in have
        ]
    en, nl = labels[occupation_uri]
    return missing, nl or en
