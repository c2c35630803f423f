"""The outcome report as a page for a WISE's jobcoaches and admins: the figures over a period
with charts (each with its numbers as a table), a CSV download, and beside it the bias report
(figures per group; for admins, who own it in the API)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import AppSettings, Conn
from services.api.pages import forms, i18n
from services.api.pages.outcome_charts import charts
from services.api.pages.render import render
from services.api.pages.session import CoachActor, coach_actor
from services.api.routes.outcomes import csv_response
from services.core.access.policy import Role
from services.core.bias import service as bias
from services.core.errors import Invalid
from services.core.outcomes import service
from services.core.outcomes.completeness import Gap
from services.core.outcomes.models import Period

router = APIRouter(prefix="/coach", dependencies=[Depends(coach_actor)])
KNOWN = {"start": "outcomes.error_start", "end": "outcomes.error_end"}


def gap_words(gaps: list[Gap], t: Callable[..., str]) -> list[str]:
    """A profile's gaps in words: "geen talen", "vaardigheden 14 maanden niet bevestigd"."""
    return [
        t(f"profile_gaps.stale_{g.item}", n=g.months)
        if g.kind == "stale"
        else t(f"profile_gaps.missing_{g.item}")
        for g in gaps
    ]


def _asked(request: Request) -> tuple[str | None, str | None]:
    query = request.query_params
    return (query.get("start") or None, query.get("end") or None)


@router.get("/outcomes")
async def outcomes(
    request: Request, actor: CoachActor, conn: Conn, settings: AppSettings
) -> Response:
    """The WISE's outcomes over a period (the last 12 months unless asked), with charts."""
    lang = i18n.language(request)
    t = i18n.translator(lang)
    start, end = _asked(request)
    values = {"start": start or "", "end": end or ""}
    try:
        span: Period | None = service.period(start, end)
    except Invalid as exc:
        span, errors = None, forms.from_domain(exc, t, lang, KNOWN)
    else:
        errors = {}
    report = await service.report_for(conn, actor, actor.organisation_id, span) if span else None
    groups = None
    if report and actor.role is Role.ADMIN:
        found = await bias.report(
            conn, organisation_id=actor.organisation_id, threshold=settings.notify_min_score
        )
        groups = found.groups
    if span:
        values = {"start": span.start.isoformat(), "end": span.end.isoformat()}
    return render(
        request,
        "coach_outcomes.html",
        status=422 if errors else 200,
        title=t("outcomes.title"),
        report=report,
        charts=charts(report, t) if report else [],
        errors=errors,
        values=values,
        csv_href=f"/coach/outcomes.csv?start={values['start']}&end={values['end']}",
        bias_groups=groups,
        bias_warn=bias.WARN_BELOW,
    )


@router.get("/outcomes.csv")
async def outcomes_csv(request: Request, actor: CoachActor, conn: Conn) -> Response:
    """The same figures as a CSV download (section, measure, value)."""
    start, end = _asked(request)
    span = service.period(start, end)
    return csv_response(await service.report_for(conn, actor, actor.organisation_id, span))
