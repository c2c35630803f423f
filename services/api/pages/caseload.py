"""The jobcoach's caseload: the people, sortable by every column with plain links (no script
needed), and an overview of the caseload's best matches and the steps awaiting an answer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import AppSettings, Conn
from services.api.pages import i18n
from services.api.pages.outcomes import gap_words
from services.api.pages.render import render
from services.api.pages.session import CoachActor, coach_actor
from services.core.caseload import service as caseload_service
from services.core.caseload.models import SORT_KEYS, CaseloadFilter, Sort, SortKey
from services.core.notifications import service as notifications
from services.core.outcomes import service as outcomes_service

router = APIRouter(prefix="/coach", dependencies=[Depends(coach_actor)])
PAGE_SIZE = 50
# A column's first click: names and rungs from low to high, the rest the most first.
FIRST_DESCENDING = frozenset({"best", "open", "changed", "profile"})
SORTS: frozenset[str] = frozenset(get_args(Sort))


@dataclass(frozen=True)
class Column:
    """A sortable column header: its link and its aria-sort (None when not sorted on)."""

    key: SortKey
    href: str
    aria_sort: str | None


def _int(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if low <= number <= high else None


def _sort(value: str | None) -> Sort:
    """The asked order; an unknown one is ignored (names A-Z), as a bad filter value is."""
    return value if value in SORTS else "name"  # type: ignore[return-value]


def columns(sort: Sort, keep: dict[str, str]) -> list[Column]:
    """Each column's header link (the other direction when it is the current one) and state."""
    current, descending = sort.lstrip("-"), sort.startswith("-")
    found = []
    for key in SORT_KEYS:
        if key == current:
            down = not descending
            state: str | None = "descending" if descending else "ascending"
        else:
            down, state = key in FIRST_DESCENDING, None
        query = {**keep, "sort": f"-{key}" if down else key}
        found.append(Column(key, "/coach?" + urlencode(query), state))
    return found


@router.get("")
async def caseload(
    request: Request, actor: CoachActor, conn: Conn, settings: AppSettings
) -> Response:
    """The people in the coach's caseload (an admin: the organisation's), sortable by name,
    rung, best match, open steps and last change; the overview of best matches and open steps."""
    query = request.query_params
    rung = _int(query.get("rung"), 1, 6)
    offset = _int(query.get("offset"), 0, 100_000) or 0
    q = (query.get("q") or "").strip()[:100] or None
    sort = _sort(query.get("sort"))
    lang = i18n.language(request)
    found = CaseloadFilter(ladder_rung=rung, q=q, sort=sort, limit=PAGE_SIZE, offset=offset)
    page = await caseload_service.caseload(conn, actor, found)
    gaps = await outcomes_service.gaps_of_many(conn, [p.id for p in page.items])
    overview = await caseload_service.overview(conn, actor, settings.notify_min_score)
    unread = await notifications.feed(conn, actor, unread_only=True, limit=100, offset=0, lang=lang)
    new_matches = Counter(
        n.employee_id for n in unread.items if n.kind == "caseload_match" and n.employee_id
    )
    keep = {k: v for k, v in (("q", q), ("rung", str(rung) if rung else None)) if v}
    pager = {**keep, "sort": sort}
    t = i18n.translator(lang)
    return render(
        request,
        "coach_caseload.html",
        title=t("caseload.title"),
        page=page,
        overview=overview,
        new_matches=new_matches,
        gaps={i: gap_words(g, t) for i, g in gaps.items()},
        columns=columns(sort, keep),
        sort=sort,
        values={"q": q or "", "rung": str(rung or "")},
        offset=offset,
        page_size=PAGE_SIZE,
        previous_href="/coach?" + urlencode({**pager, "offset": max(offset - PAGE_SIZE, 0)}),
        next_href="/coach?" + urlencode({**pager, "offset": offset + PAGE_SIZE}),
    )
