"""A full recompute: everyone against every open vacancy, in shards of people that Celery
workers run side by side, each shard in one transaction of its own.

1. `start` writes the run (model version, how many to keep, the change-log horizon) and one
   shard per `shard_people` consenting people, and an outbox event per shard.
2. `score_shard` scores the shard's people against every open vacancy (the worker's warm
   indexes) and stores each person's best k and each vacancy's best k among them.
3. The shard that finishes last merges: each vacancy's best k over every shard (a person's best
   k is whole in their own shard). The kept pairs replace the stored matches, except for the
   people and vacancies changed since the run started (their own events scored them as they are
   now), and it announces `match.recomputed`. Matches are stored with their scores; a match
   whose score and model stayed keeps its explanation, the others are explained when they are
   read (matching/service.py `explained`).

Each step does nothing when its shard is done (a resent event), and a worker that dies mid-
shard commits nothing: the relay sends the event again after its lease, and another worker
does the shard. A new taxonomy during the run fails it (the scores would mix two models), and
so does a restart of PostgreSQL (the pairs are scratch rows it does not keep over a restart).
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

import asyncpg
import numpy as np

from services.core.events import repository as events
from services.core.matching import live, repository
from services.core.matching.service import TOP_K
from services.core.notifications import service as notifications
from services.core.settings import Settings
from services.matcher.index import PeopleIndex

SHARD_PEOPLE = 25_000
THREADS: int = Settings.model_fields["matcher_threads"].default
AGGREGATE = "match_recompute"


@dataclass(frozen=True)
class Progress:
    """How far a run is."""

    id: UUID
    status: str  # scoring, done, failed
    shards: int
    scored: int
    matches: int | None
    reason: str | None
    model_version: str
    started_at: datetime
    finished_at: datetime | None


async def start(
    conn: asyncpg.Connection,
    *,
    shard_people: int = SHARD_PEOPLE,
    keep: int = TOP_K,
    dispatch: bool = True,
) -> UUID:
    """A new run; with `dispatch`, an event per shard for the workers."""
    engine = await live.matcher(conn)
    recompute_id = uuid4()
    at = await repository.horizon(conn)
    shards = await repository.create_recompute(
        conn, recompute_id, engine.model.version, keep, at, shard_people
    )
    if dispatch:
        await _dispatch(conn, "match.recompute_score", recompute_id, shards)
    return recompute_id


async def score_shard(
    conn: asyncpg.Connection,
    recompute_id: UUID,
    shard: int,
    *,
    threads: int = THREADS,
    dispatch: bool = True,
) -> None:
    """Score a shard's people, `threads` blocks at once (step 2); the last shard scored merges
    and stores (step 3)."""
    found = await repository.lock_shard(conn, recompute_id, shard)
    run = await repository.recompute_run(conn, recompute_id)
    if found is None or run is None or found["scored_at"] or run["status"] != "scoring":
        return
    state = await live.warm(conn)
    if state.matcher.model.version != run["model_version"]:
        await _fail(conn, recompute_id, "the taxonomy changed during the recompute")
        return
    people = state.people.whole()  # every shard a part of one index, so they share a plan
    pairs = state.matcher.recompute(
        people,
        state.vacancies.whole(),
        k=run["keep"],
        threads=threads,
        rows=_rows_between(people, found["first_id"], found["end_id"]),
    )
    await repository.add_pairs(conn, recompute_id, shard, list(pairs))
    run = await repository.recompute_run(conn, recompute_id, lock=True)
    counts = await repository.shard_counts(conn, recompute_id)
    if run is None or counts["scored"] < counts["shards"]:
        return
    if not await repository.keep_best(conn, recompute_id, run["keep"]):
        await _fail(conn, recompute_id, "the database restarted during the recompute")
        return
    started = repository.Horizon(
        run["horizon_upto"], tuple(run["horizon_running"]), run["horizon_source"]
    )
    changed = await repository.changed_since(conn, started)
    stored = await repository.store_recompute(conn, recompute_id, changed)
    await repository.set_recompute_status(conn, recompute_id, "done", matches=stored)
    if dispatch:
        await events.emit(
            conn, "match.recomputed", aggregate_type=AGGREGATE, aggregate_id=str(recompute_id)
        )


async def run_here(
    conn: asyncpg.Connection,
    *,
    shard_people: int = SHARD_PEOPLE,
    keep: int = TOP_K,
    threads: int = THREADS,
) -> Progress:
    """A whole run in this process and the caller's transaction: every shard in turn."""
    recompute_id = await start(conn, shard_people=shard_people, keep=keep, dispatch=False)
    shards = (await repository.shard_counts(conn, recompute_id))["shards"]
    for shard in range(shards):
        await score_shard(conn, recompute_id, shard, threads=threads, dispatch=False)
    found = await progress(conn, recompute_id)
    assert found is not None  # written above, in this transaction
    return found


async def progress(conn: asyncpg.Connection, recompute_id: UUID | None = None) -> Progress | None:
    """How far a run is (the latest without an id); None when there is none."""
    run = await repository.recompute_run(conn, recompute_id)
    if run is None:
        return None
    counts = await repository.shard_counts(conn, run["id"])
    return Progress(
        id=run["id"],
        status=run["status"],
        shards=counts["shards"],
        scored=counts["scored"],
        matches=run["matches"],
        reason=run["reason"],
        model_version=run["model_version"],
        started_at=run["started_at"],
        finished_at=run["finished_at"],
    )


async def announce(conn: asyncpg.Connection, settings: Settings) -> int:
    """Tell people of the new notable matches a run found (nobody is told twice); how many."""
    vacancy_ids = await repository.open_vacancy_ids(conn)
    return await notifications.notify_matches(conn, settings, vacancy_ids=vacancy_ids)


def seconds(found: Progress) -> float:
    """How long a run took, or has taken so far."""
    end = found.finished_at.timestamp() if found.finished_at else time.time()
    return end - found.started_at.timestamp()


def _rows_between(people: PeopleIndex, first: UUID | None, end: UUID | None) -> np.ndarray:
    """The index rows of the people with ids from `first` up to (not including) `end` (the
    index is sorted by id, as PostgreSQL sorts uuids)."""
    if first is None:
        return np.zeros(0, dtype=np.int64)
    low = bisect.bisect_left(people.people, str(first), key=lambda p: p.id)
    high = len(people.people)
    if end is not None:
        high = bisect.bisect_left(people.people, str(end), key=lambda p: p.id)
    return np.arange(low, high, dtype=np.int64)


async def _dispatch(
    conn: asyncpg.Connection, event_type: str, recompute_id: UUID, shards: int
) -> None:
    for shard in range(shards):
        await events.emit(
            conn,
            event_type,
            aggregate_type=AGGREGATE,
            aggregate_id=str(recompute_id),
            payload={"shard": shard},
        )


async def _fail(conn: asyncpg.Connection, recompute_id: UUID, why: str) -> None:
    await repository.drop_pairs(conn, recompute_id)
    reason = f"{why}; start it again"
    await repository.set_recompute_status(conn, recompute_id, "failed", reason=reason)
