"""Visibility predicates: SQL fragments that every scoped query ends with.

The actor is always the first three parameters of a scoped statement, `Actor.as_params()`:
$1 role, $2 account, $3 organisation. The statement's own parameters start at $4, so a
predicate is appended the same way everywhere and a caller always passes `*actor.as_params()`
first.
"""

from __future__ import annotations

ROLE, ACTOR, ORG = "$1", "$2", "$3"


def employee_visible(alias: str) -> str:
    """Employees the actor may see: admin, the org; jobcoach, the caseload; employee, self;
    employer, those who share their profile with it now."""
    return f"""(
        ({ROLE} = 'admin' AND {alias}.organisation_id = {ORG})
     OR ({ROLE} = 'jobcoach' AND {alias}.organisation_id = {ORG}
         AND {alias}.jobcoach_id = {ACTOR})
     OR ({ROLE} = 'employee' AND {alias}.account_id = {ACTOR})
     OR ({ROLE} = 'employer' AND EXISTS (
            SELECT 1 FROM consent c
            WHERE c.employee_id = {alias}.id AND c.purpose = 'share_with_employer'
              AND c.employer_id = {ORG} AND c.withdrawn_at IS NULL))
    )"""


def vacancy_visible(alias: str) -> str:
    """Vacancies the actor may see: its own organisation's in any status (for the roles that
    post or place: admin, employer, jobcoach); and, for people at a WISE (admin, jobcoach,
    employee), every open vacancy, since placements are found there."""
    return f"""(
        ({alias}.organisation_id = {ORG} AND {ROLE} IN ('admin', 'employer', 'jobcoach')
         AND {ACTOR}::uuid IS NOT NULL)
     OR ({ROLE} IN ('admin', 'jobcoach', 'employee') AND {alias}.status = 'open')
    )"""
