"""Visibility predicates: SQL fragments that every scoped query ends with.

Each takes the actor as ($role, $actor, $org) at the parameter positions given by `start`.
"""

from __future__ import annotations


def employee_visible(alias: str, start: int) -> str:
    """Employees the actor may see: admin, the org; jobcoach, the caseload; employee, self;
    employer, those who share their profile with it now."""
    role, actor, org = f"${start}", f"${start + 1}", f"${start + 2}"
    return f"""(
        ({role} = 'admin' AND {alias}.organisation_id = {org})
     OR ({role} = 'jobcoach' AND {alias}.organisation_id = {org}
         AND {alias}.jobcoach_id = {actor})
     OR ({role} = 'employee' AND {alias}.account_id = {actor})
     OR ({role} = 'employer' AND EXISTS (
            SELECT 1 FROM consent c
            WHERE c.employee_id = {alias}.id AND c.purpose = 'share_with_employer'
              AND c.employer_id = {org} AND c.withdrawn_at IS NULL))
    )"""


def vacancy_visible(alias: str, start: int) -> str:
    """Vacancies the actor may see: its own organisation's in any status (for the roles that
    post or place: admin, employer, jobcoach); and, for people at a WISE (admin, jobcoach,
    employee), every open vacancy, since placements are found there."""
    role, actor, org = f"${start}", f"${start + 1}", f"${start + 2}"
    return f"""(
        ({alias}.organisation_id = {org} AND {role} IN ('admin', 'employer', 'jobcoach')
         AND {actor}::uuid IS NOT NULL)
     OR ({role} IN ('admin', 'jobcoach', 'employee') AND {alias}.status = 'open')
    )"""
