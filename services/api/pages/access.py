"""The objects a page loads by the id in its path, through the API's own authorizing loaders:
an object the API would answer 404 for is not found on a page either."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Path

from services.api.access import authorizes
from services.api.dependencies import Conn
from services.api.pages.session import PageActor
from services.api.routes import employees as employee_routes
from services.api.routes import notifications as notification_routes
from services.api.routes import vacancies as vacancy_routes
from services.core.accounts import repository as accounts_repository
from services.core.accounts.models import Organisation
from services.core.employees.models import Consent, Employee
from services.core.errors import NotFound
from services.core.vacancies.models import Vacancy


@authorizes
async def page_employee(
    employee_id: Annotated[UUID, Path()], actor: PageActor, conn: Conn
) -> Employee:
    """A person the actor may see (as GET /employees/{id}); 404 otherwise."""
    return await employee_routes.visible_employee(employee_id, actor, conn)


async def own_employee(actor: PageActor, conn: Conn) -> Employee:
    """The signed-in person's own record; 404 when the account has none linked."""
    if actor.employee_id is None:
        raise NotFound("No employee record belongs to this account.")
    return await employee_routes.visible_employee(actor.employee_id, actor, conn)


@authorizes
async def page_consent(
    consent_id: Annotated[UUID, Path()],
    employee: Annotated[Employee, Depends(page_employee)],
    conn: Conn,
) -> Consent:
    """A consent of a person the actor may see; 404 otherwise."""
    return await employee_routes.visible_consent(consent_id, employee, conn)


@authorizes
async def own_consent(
    consent_id: Annotated[UUID, Path()],
    employee: Annotated[Employee, Depends(own_employee)],
    conn: Conn,
) -> Consent:
    """A consent of the signed-in person; 404 for anyone else's."""
    return await employee_routes.visible_consent(consent_id, employee, conn)


@authorizes
async def page_vacancy(
    vacancy_id: Annotated[UUID, Path()], actor: PageActor, conn: Conn
) -> Vacancy:
    """A vacancy the actor may see (as GET /vacancies/{id}); 404 otherwise."""
    return await vacancy_routes.visible_vacancy(vacancy_id, actor, conn)


@authorizes
async def page_own_vacancy(
    vacancy_id: Annotated[UUID, Path()], actor: PageActor, conn: Conn
) -> Vacancy:
    """A vacancy of the actor's organisation they may change, locked (as PATCH does)."""
    return await vacancy_routes.own_vacancy(vacancy_id, actor, conn)


@authorizes
async def page_notification_id(
    notification_id: Annotated[UUID, Path()], actor: PageActor, conn: Conn
) -> UUID:
    """The id of one of the actor's own notifications; 404 for anyone else's."""
    return await notification_routes.own_notification_id(notification_id, actor, conn)


@authorizes
async def public_window(organisation_id: Annotated[UUID, Path()], conn: Conn) -> Organisation:
    """A WISE's digital window: public, no sign-in; other organisations are not found."""
    row = await accounts_repository.get_organisation(conn, organisation_id)
    if row is None or row["kind"] != "wise":
        raise NotFound("No work-integration social enterprise has this id.")
    return Organisation.model_validate(row)


PageEmployee = Annotated[Employee, Depends(page_employee)]
OwnEmployee = Annotated[Employee, Depends(own_employee)]
PageConsent = Annotated[Consent, Depends(page_consent)]
OwnConsent = Annotated[Consent, Depends(own_consent)]
PageVacancy = Annotated[Vacancy, Depends(page_vacancy)]
PageOwnVacancy = Annotated[Vacancy, Depends(page_own_vacancy)]
PageNotificationId = Annotated[UUID, Depends(page_notification_id)]
PublicWindow = Annotated[Organisation, Depends(public_window)]
