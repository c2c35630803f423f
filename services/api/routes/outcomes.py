"""A WISE's outcome report over a period: JSON, or a tidy CSV of the same figures."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.core.outcomes import service
from services.core.outcomes.models import OutcomeReport

router = APIRouter(tags=["outcomes"], responses=ERROR_RESPONSES)
Day = Annotated[
    str | None,
    Query(
        min_length=10,
        max_length=10,
        description="YYYY-MM-DD, included; leave out for the defaults above.",
        json_schema_extra={"format": "date"},
    ),
]


@authorizes
async def own_wise(
    organisation_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> UUID:
    """The caller's own WISE, for its admins and jobcoaches; 404 for another organisation."""
    return await service.check_access(conn, actor, organisation_id)


def as_csv(found: OutcomeReport) -> str:
    """The report as CSV text: a header, then section, measure, value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("section", "measure", "value"))
    writer.writerows(service.csv_rows(found))
    return out.getvalue()


def csv_response(found: OutcomeReport) -> Response:
    """A CSV download named for the period."""
    name = f"opstap-outcomes-{found.period.start}-{found.period.end}.csv"
    return Response(
        as_csv(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/organisations/{organisation_id:uuid}/outcomes",
    summary="A WISE's outcomes over a period",
    response_model=OutcomeReport,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def outcomes(
    organisation_id: Annotated[UUID, Depends(own_wise)],
    conn: Conn,
    start: Day = None,
    end: Day = None,
    format: Annotated[
        Literal["json", "csv"], Query(description="csv: the same figures as section,measure,value")
    ] = "json",
) -> OutcomeReport | Response:
    """People per rung at the start and the end of the period (their latest ladder change on or
    before the day), moves up and down in it, trial placements and hires decided in it,
    retention at 3, 6 and 12 months (of the follow-up moments due in the period and recorded:
    still working), and the median days from the first vacancy suggested to a person to their
    placement. The period defaults to the 12 months up to today; a bad or reversed one is 422
    with the field to fix. For the WISE's admins and jobcoaches; counts only."""
    found = await service.report(conn, organisation_id, service.period(start, end))
    return csv_response(found) if format == "csv" else found
