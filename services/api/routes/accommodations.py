"""The accommodation vocabulary."""

from __future__ import annotations

from fastapi import APIRouter, status

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.core.accommodations import repository, service
from services.core.accommodations.models import Accommodation, AccommodationIn

router = APIRouter(prefix="/accommodations", tags=["accommodations"], responses=ERROR_RESPONSES)


@router.get("", summary="The accommodation vocabulary")
async def list_accommodations(actor: CurrentActor, conn: Conn) -> list[Accommodation]:
    """Every accommodation code with its Dutch and English label."""
    return await repository.list_all(conn)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Add an accommodation")
async def add_accommodation(
    body: AccommodationIn, actor: CurrentActor, conn: Conn
) -> Accommodation:
    """Extend the vocabulary (admins)."""
    return await service.add(conn, actor, body)
