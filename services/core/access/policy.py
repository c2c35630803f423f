"""Who may do what: the one place where roles and tenants are decided.

Reads are scoped in SQL with the predicates in access/queries.py (so a list never holds what
the actor may not see, and another tenant's object is simply not found); writes are checked
here. Routes reach both through the dependencies in services/api/access.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from services.core.errors import Forbidden


class Role(StrEnum):
    """The four roles of an account."""

    ADMIN = "admin"
    JOBCOACH = "jobcoach"
    EMPLOYER = "employer"
    EMPLOYEE = "employee"


@dataclass(frozen=True)
class Actor:
    """The signed-in account a request acts for."""

    account_id: UUID
    organisation_id: UUID
    organisation_kind: str
    role: Role
    name: str
    employee_id: UUID | None = None  # the own record, for role employee

    def as_params(self) -> tuple[str, UUID, UUID]:
        """($role, $actor, $org): the parameters every visibility predicate takes."""
        return (self.role.value, self.account_id, self.organisation_id)


def require_role(actor: Actor, *roles: Role, action: str) -> None:
    """Forbidden unless the actor has one of `roles`."""
    if actor.role not in roles:
        allowed = " or ".join(r.value for r in roles)
        raise Forbidden(f"Only an {allowed} may {action}.")


def can_manage_employees(actor: Actor) -> None:
    """Admins and jobcoaches of a WISE create and edit employee records."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="create or change employee records")
    if actor.organisation_kind != "wise":
        raise Forbidden("Only a work-integration social enterprise keeps employee records.")


def can_change_record(actor: Actor, jobcoach_id: UUID | None, refusal: str) -> None:
    """A person's record is changed by the admins of their WISE and by their own jobcoach (that
    the actor may see the person is checked first); `refusal` tells another jobcoach why not."""
    can_manage_employees(actor)
    if actor.role is Role.JOBCOACH and jobcoach_id != actor.account_id:
        raise Forbidden(refusal)


def can_manage_vacancies(actor: Actor) -> None:
    """Employers and admins post and edit their own organisation's vacancies."""
    require_role(actor, Role.ADMIN, Role.EMPLOYER, action="post or change vacancies")


def can_create_api_keys(actor: Actor) -> None:
    """API keys are for integrations (an applicant tracking system, an HR system): admins and
    employers make them; everyone else signs in with their password."""
    if actor.role not in (Role.ADMIN, Role.EMPLOYER):
        raise Forbidden(
            "Only an admin or an employer may create API keys; sign in with your password, "
            "or ask an admin of your organisation."
        )


def can_manage_organisation(actor: Actor) -> None:
    """Only an organisation's admin manages its accounts and settings."""
    require_role(actor, Role.ADMIN, action="manage the organisation")


def can_edit_profile(actor: Actor) -> None:
    """An organisation's public profile (a WISE's digital window) is kept by its admin, or by
    an employer account: many employers have no admin account in Opstap."""
    require_role(actor, Role.ADMIN, Role.EMPLOYER, action="change the organisation's profile")


def can_see_development(
    actor: Actor, employee_id: UUID, what: str = "next steps and training plan"
) -> None:
    """A person's development (next steps, training plans, ladder, logbook, learning) is their
    own, shared with those who guide them: the person, jobcoaches and admins of their WISE
    (visibility is checked in SQL first); never an employer. `what` names it in a refusal."""
    if actor.role is Role.EMPLOYER:
        raise Forbidden(f"An employer does not see a person's {what}.")
    if actor.role is Role.EMPLOYEE and actor.employee_id != employee_id:
        raise Forbidden(f"You can only see your own {what}.")


def can_change_consent(actor: Actor, employee_id: UUID, jobcoach_id: UUID | None) -> None:
    """The person, their own jobcoach or their organisation's admin records consent."""
    if actor.role is Role.EMPLOYEE and actor.employee_id == employee_id:
        return
    if actor.role is Role.JOBCOACH and jobcoach_id == actor.account_id:
        return
    if actor.role is Role.ADMIN:
        return
    raise Forbidden("Only the person, their jobcoach or an admin may change consent.")
