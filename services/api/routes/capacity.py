"""Work capacity: the item list, a person's capacity profile and a vacancy's demands.

A person's profile is special category data: the person, their jobcoach and their WISE's
admins see it, an employer only while the person shares their profile with it; every read is
audited. Functional capacities only, never a diagnosis.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.api.routes.vacancies import Own as OwnVacancy
from services.api.routes.vacancies import Visible as VisibleVacancy
from services.core.capacity import service
from services.core.capacity.models import CategoryInfo, Demands, DemandsIn, Profile, ProfileIn

router = APIRouter(tags=["capacity"], responses=ERROR_RESPONSES)


@router.get("/capacity/items", summary="The work-capacity items")
async def capacity_items(actor: CurrentActor) -> list[CategoryInfo]:
    """The six categories (as in the FML) with their items, each with the words of levels 0-4:
    what a person can (`can_*`) and what a job asks (`asks_*`), in Dutch and English, and the
    accommodations that can make a shortfall workable."""
    return service.item_list()


@router.get("/employees/{employee_id:uuid}/capacity", summary="A person's work capacity")
async def get_profile(employee: VisibleEmployee, actor: CurrentActor, conn: Conn) -> Profile:
    """The items with a level (an item left out is not known). The person, their jobcoach,
    their WISE's admins, and an employer the person shares their profile with; audited."""
    return await service.read_profile(conn, actor, employee)


@router.put("/employees/{employee_id:uuid}/capacity", summary="Set a person's work capacity")
async def put_profile(
    body: ProfileIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> Profile:
    """Replace the whole profile (admins of the person's WISE and their jobcoach); the person
    is scored again against every open vacancy."""
    return await service.replace_profile(conn, actor, employee, body)


@router.get("/vacancies/{vacancy_id:uuid}/capacity", summary="A vacancy's capacity demands")
async def get_demands(vacancy: VisibleVacancy, conn: Conn) -> Demands:
    """What the vacancy asks on the capacity items (none: it asks nothing in particular)."""
    return await service.read_demands(conn, vacancy.id)


@router.put("/vacancies/{vacancy_id:uuid}/capacity", summary="Set a vacancy's capacity demands")
async def put_demands(body: DemandsIn, vacancy: OwnVacancy, conn: Conn) -> Demands:
    """Replace the demands (the organisation that posted the vacancy); an open vacancy is
    scored again against everyone."""
    return await service.replace_demands(conn, vacancy, body)
