"""The decision log: what was suggested to whom, and what people decided (EU AI Act logging
and human oversight).

Who records a decision: the person's jobcoach or an admin of their WISE, any kind (an
introduction only when the person shares their profile with the vacancy's employer); the employer,
on its own vacancy and for a candidate who shares their profile with it, only the steps that are
its to take (trial placement, hire, decline). Introducing someone and overriding a suggestion stay
with the people who guide them. A decision never changes a vacancy: filling it stays a separate
employer action (POST /vacancies/{id}/fill); the hire is recorded here, beside it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, require_role
from services.core.decisions import repository
from services.core.decisions.models import Decision, DecisionIn, DecisionLog, LogEntry
from services.core.errors import Forbidden, Invalid
from services.core.followup import repository as followup
from services.core.followup.models import PLACEMENT_DECISIONS
from services.core.next_steps.models import OccupationStep, VacancySuggestion

EMPLOYER_DECISIONS = frozenset({"trial_placement", "hired", "declined"})
NEEDS_REASON = frozenset({"declined", "overridden"})
# The placement state (the newest decision other than an override) each decision may follow.
ALLOWED_AFTER: dict[str, frozenset[str | None]] = {
    "introduced": frozenset({None, "declined"}),
    "trial_placement": frozenset({"introduced"}),
    "hired": frozenset({"introduced", "trial_placement"}),
    "declined": frozenset({None, "introduced", "trial_placement"}),
    "overridden": frozenset({None, "introduced", "trial_placement", "declined"}),
}
ORDER_HELP = {
    "introduced": "An introduction comes first, or again after a decline.",
    "trial_placement": "A trial placement follows an introduction.",
    "hired": "A hire follows an introduction or a trial placement.",
    "declined": "Only an open introduction, trial placement or suggestion can be declined.",
    "overridden": "A suggestion can no longer be overridden once the person is hired.",
}


async def record_shown(
    conn: asyncpg.Connection,
    actor: Actor,
    context: str,
    pairs: list[tuple[UUID, UUID]],
    explanations: Mapping[tuple[UUID, UUID], dict[str, Any]] | None = None,
) -> None:
    """Log the stored matches (employee, vacancy) just shown to the actor, in one statement,
    with the explanations computed for any stored without one."""
    await repository.log_shown_matches(conn, actor, context, pairs, explanations)


async def record_next_steps(
    conn: asyncpg.Connection,
    actor: Actor | None,
    employee_id: UUID,
    vacancies: Sequence[VacancySuggestion],
    occupations: Sequence[OccupationStep],
) -> None:
    """Log the vacancies and occupations a next-steps page suggests to the actor."""
    if actor is None:  # computed for no one (a notification, a check): nothing was shown
        return
    pairs = list(dict.fromkeys((employee_id, v.vacancy_id) for v in vacancies))
    await repository.log_shown_matches(conn, actor, "next_steps", pairs)
    shown = [(s.occupation.uri, round(s.similarity * 100, 1), _step_why(s)) for s in occupations]
    await repository.log_shown_occupations(conn, actor, "next_steps", employee_id, shown)


def _step_why(step: OccupationStep) -> str:
    """An occupation step's explanation as JSON text."""
    return json.dumps(
        {
            "kind": "occupation_step",
            "from": step.from_occupation.uri,
            "similarity": step.similarity,
            "highly_viable": step.highly_viable,
            "level_delta": step.level_delta,
            "gap": step.gap,
            "missing_essential": [m.uri for m in step.missing],
            "why": step.why.model_dump(),
        }
    )


async def _check_pair(conn: asyncpg.Connection, actor: Actor, body: DecisionIn) -> None:
    """Invalid unless the actor may see both sides and decide on them."""
    found = await repository.pair(conn, actor, body.employee_id, body.vacancy_id)
    assert found is not None
    if not found["employee_visible"]:
        raise Invalid(
            "No person you may decide for has this id.",
            fields={"employee_id": "not a person you may see"},
        )
    if not found["vacancy_visible"]:
        raise Invalid(
            "No vacancy you may see has this id.", fields={"vacancy_id": "not a visible vacancy"}
        )
    # Employers see only their own vacancies today; this keeps the rule if that ever widens.
    if actor.role is Role.EMPLOYER and found["vacancy_organisation_id"] != actor.organisation_id:
        raise Invalid(
            "An employer decides only about its own vacancies.",
            fields={"vacancy_id": "not a vacancy of your organisation"},
        )
    # An introduction shows the person to the employer: only with their consent to share.
    if body.decision == "introduced" and not found["shares"]:
        raise Invalid(
            "An introduction needs the person's consent to share their profile with this "
            "employer: record it first (POST /employees/{id}/consents, purpose "
            "share_with_employer, employer_id the vacancy's organisation).",
            fields={"consent": "no consent to share the profile with this employer"},
        )


async def decide(
    conn: asyncpg.Connection, actor: Actor, body: DecisionIn, *, at: datetime | None = None
) -> Decision:
    """Record a human decision on a person and a vacancy, in a sensible order; `at` dates a
    decision taken earlier (the demo's history; the API never passes it: now)."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYER, action="record decisions")
    if actor.role is Role.EMPLOYER and body.decision not in EMPLOYER_DECISIONS:
        raise Forbidden(
            "An employer records trial placements, hires and declines; introductions and "
            "overrides are for the person's jobcoach."
        )
    if body.decision in NEEDS_REASON and not body.reason:
        raise Invalid(
            f"Say why when the decision is '{body.decision}'.", fields={"reason": "required"}
        )
    await _check_pair(conn, actor, body)
    await repository.lock_pair(conn, body.employee_id, body.vacancy_id)
    state = await repository.pair_state(conn, body.employee_id, body.vacancy_id)
    if state not in ALLOWED_AFTER[body.decision]:
        now = f"the last decision was '{state}'" if state else "there is no decision yet"
        raise Invalid(
            f"{ORDER_HELP[body.decision]} For this person and vacancy {now}.",
            fields={"decision": f"not possible after {state or 'nothing'}"},
        )
    basis = await repository.suggestion_for(
        conn, body.employee_id, body.vacancy_id, body.suggestion_id
    )
    if body.suggestion_id is not None and basis is None:
        raise Invalid(
            "This suggestion was not made for this person and vacancy.",
            fields={"suggestion_id": "not a suggestion of this pair"},
        )
    row = await repository.insert_decision(
        conn,
        body.employee_id,
        body.vacancy_id,
        body.decision,
        body.reason,
        basis["suggestion_id"] if basis else None,
        basis["score"] if basis else None,
        basis["model_version"] if basis else None,
        actor.account_id,
        actor.role.value,
        at,
    )
    if body.decision in PLACEMENT_DECISIONS:  # the follow-up moments after it (followup/)
        await followup.create_for_decision(conn, row["id"])
    return Decision.model_validate(dict(row))


# Shown suggestions carry explanations (skills, accommodations to discuss): reading is audited.
READ_FIELDS = ("skills", "accommodations", "decisions")


def _require_reader(actor: Actor) -> None:
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="read the decision log")


async def _log(
    conn: asyncpg.Connection, actor: Actor, rows: list[asyncpg.Record], limit: int, offset: int
) -> DecisionLog:
    items = [LogEntry.model_validate(dict(r)) for r in rows]
    people = list(dict.fromkeys(i.employee_id for i in items))
    await audit.record_reads(conn, actor, people, READ_FIELDS, "decision_log")
    return DecisionLog(items=items, limit=limit, offset=offset)


async def log_for_employee(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, limit: int, offset: int
) -> DecisionLog:
    """A person's suggestions and decisions, oldest first (the person is visible already)."""
    _require_reader(actor)
    rows = await repository.log_for_employee(conn, employee_id, limit, offset)
    return await _log(conn, actor, rows, limit, offset)


async def log_for_vacancy(
    conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID, limit: int, offset: int
) -> DecisionLog:
    """A vacancy's suggestions and decisions about the people the actor may see, oldest first."""
    _require_reader(actor)
    rows = await repository.log_for_vacancy(conn, actor, vacancy_id, limit, offset)
    return await _log(conn, actor, rows, limit, offset)
