"""Where a notification leads, for the reader's role: the page of its person or vacancy that
this reader can open (a coach's person and vacancy pages, an employer's own vacancy with the
candidate, a person's own work page)."""

from __future__ import annotations

from dataclasses import dataclass

from services.core.access.policy import Role
from services.core.notifications.models import Notification

# A person's page of one job (pages/employee.py), which explains how it fits.
EMPLOYEE_JOB = "/me/jobs/{vacancy_id}"


@dataclass(frozen=True)
class Link:
    """A link of a notification: where to, and the catalogue key of its words."""

    href: str
    key: str


def links(role: Role, n: Notification) -> list[Link]:
    """The pages a notification links to for a reader of `role`, most telling first."""
    found: list[Link] = []
    if role in (Role.JOBCOACH, Role.ADMIN) and n.kind == "followup_due" and n.employee_id:
        anchor = f"#followup-{n.data['followup_id']}" if n.data.get("followup_id") else ""
        href = f"/coach/people/{n.employee_id}/placement{anchor}"
        found.append(Link(href, "notification_link.placement"))
    elif role in (Role.JOBCOACH, Role.ADMIN):
        if n.employee_id:
            anchor = f"?matches=all#match-{n.vacancy_id}" if n.vacancy_id else ""
            found.append(Link(f"/coach/people/{n.employee_id}{anchor}", "notification_link.person"))
        # A closed vacancy of another organisation is no longer visible to the coach.
        if n.vacancy_id and n.kind != "vacancy_closed":
            found.append(Link(f"/coach/vacancies/{n.vacancy_id}", "notification_link.vacancy"))
    elif role is Role.EMPLOYER and n.vacancy_id:
        anchor = (
            f"#candidate-{n.employee_id}" if n.employee_id and n.kind != "vacancy_closed" else ""
        )
        key = "notification_link.candidate" if anchor else "notification_link.own_vacancy"
        found.append(Link(f"/employer/vacancies/{n.vacancy_id}{anchor}", key))
    elif role is Role.EMPLOYEE and n.kind == "match_found" and n.vacancy_id:
        found.append(Link(EMPLOYEE_JOB.format(vacancy_id=n.vacancy_id), "notification_link.job"))
    return found
