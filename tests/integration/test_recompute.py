"""A full recompute in shards: the same matches whatever the shards, changes during a run kept,
and a worker killed with `kill -9` mid-shard without the run losing or doubling anything."""

from __future__ import annotations

import asyncio
import random
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db
from services.core.matching import recompute
from services.core.matching.service import TOP_K
from services.core.notifications import service as notifications
from services.core.settings import Settings
from tests.factories import Scene, ok, publish, scene
from tests.faults import Crew, eventually

PEOPLE = 24
VACANCIES = 8
KEEP = 3  # small, so that both selections (each vacancy's, each person's) cut


@dataclass
class World:
    scene: Scene
    people: list[uuid.UUID]
    vacancies: list[uuid.UUID]


@pytest.fixture(scope="module")
async def http(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://recompute") as client:
        yield client


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, http: httpx.AsyncClient) -> World:
    """People and open vacancies over several occupations, each person holding part of one
    occupation's essential skills, so that scores differ and tie now and then."""
    made = await scene(pool, http)
    rows = await pool.fetch(
        "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
        "FROM occupation_skill WHERE relation = 'essential' GROUP BY occupation_uri "
        "HAVING count(*) >= 4 ORDER BY occupation_uri LIMIT $1",
        VACANCIES,
    )
    chance = random.Random(7)
    vacancies = [
        await publish(
            http,
            made,
            f"Recompute {n}",
            occupation_uri=row["occupation_uri"],
            skills=[{"skill_uri": u, "relation": "essential"} for u in row["skills"][:6]],
        )
        for n, row in enumerate(rows)
    ]
    people = []
    for n in range(PEOPLE):
        skills = list(chance.choice(rows)["skills"])
        owned = chance.sample(skills, chance.randint(1, len(skills)))
        person = await _post(
            http,
            made,
            "/api/v1/employees",
            {
                "name": f"Recompute {n}",
                "ladder_rung": 4,
                "hours_min": 16,
                "hours_max": 32,
                "skills": [{"skill_uri": u, "level": 3, "source": "observed"} for u in owned],
            },
        )
        await _post(
            http, made, f"/api/v1/employees/{person['id']}/consents", {"purpose": "matching"}
        )
        people.append(uuid.UUID(person["id"]))
    return World(made, people, vacancies)


async def _post(http: httpx.AsyncClient, made: Scene, path: str, body: dict[str, Any]) -> Any:
    return await ok(await http.post(path, headers=made.coach.headers, json=body))


async def _matches(pool: asyncpg.Pool, world: World) -> dict[tuple[uuid.UUID, uuid.UUID], float]:
    """The stored matches of the world's people, (vacancy, person) -> score."""
    rows = await pool.fetch(
        "SELECT vacancy_id, employee_id, score FROM match WHERE employee_id = ANY($1::uuid[])",
        world.people,
    )
    return {(r["vacancy_id"], r["employee_id"]): r["score"] for r in rows}


async def _run_here(pool: asyncpg.Pool, shard_people: int, keep: int = KEEP) -> recompute.Progress:
    async with db.transaction(pool) as conn:
        return await recompute.run_here(conn, shard_people=shard_people, keep=keep)


async def test_shards_store_the_same_matches_as_one_run(pool: asyncpg.Pool, world: World) -> None:
    whole = await _run_here(pool, 10_000)
    expected = await _matches(pool, world)
    assert whole.status == "done" and whole.shards == 1
    # Each vacancy keeps its best KEEP, and each person theirs: more than KEEP per vacancy here.
    assert len(expected) > KEEP * VACANCIES
    for shard_people in (5, 7, 24):
        found = await _run_here(pool, shard_people)
        assert found.status == "done"
        assert found.shards == -(-(await pool.fetchval(CONSENTING)) // shard_people)
        assert await _matches(pool, world) == expected
    assert await pool.fetchval("SELECT count(*) FROM match_recompute_pair") == 0


CONSENTING = (
    "SELECT count(*) FROM employee e WHERE EXISTS (SELECT 1 FROM consent c "
    "WHERE c.employee_id = e.id AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)"
)


async def test_a_person_changed_during_a_run_keeps_the_scores_of_their_own_event(
    pool: asyncpg.Pool, world: World
) -> None:
    await _run_here(pool, 6)
    changed = world.people[0]
    before = {k: v for k, v in (await _matches(pool, world)).items() if k[1] == changed}
    async with db.transaction(pool) as conn:
        recompute_id = await recompute.start(conn, shard_people=6, keep=KEEP, dispatch=False)
        found = await recompute.progress(conn, recompute_id)
        assert found is not None and found.shards > 1
        for shard in range(found.shards - 1):
            await recompute.score_shard(conn, recompute_id, shard, dispatch=False)
    # The person changes before the last shard is scored: the run's pairs for them are stale.
    await pool.execute("DELETE FROM employee_skill WHERE employee_id = $1", changed)
    await pool.execute(
        "UPDATE match SET score = 1 WHERE employee_id = $1", changed
    )  # as their own event would have rescored them
    async with db.transaction(pool) as conn:
        await recompute.score_shard(conn, recompute_id, found.shards - 1, dispatch=False)
        done = await recompute.progress(conn, recompute_id)
    assert done is not None and done.status == "done"
    after = {k: v for k, v in (await _matches(pool, world)).items() if k[1] == changed}
    assert before and set(after) == set(before) and set(after.values()) == {1.0}


async def test_a_new_taxonomy_during_a_run_fails_it_with_a_reason(
    pool: asyncpg.Pool, world: World
) -> None:
    async with db.transaction(pool) as conn:
        recompute_id = await recompute.start(conn, shard_people=10_000, dispatch=False)
        await conn.execute(
            "UPDATE match_recompute SET model_version = 'an older model' WHERE id = $1",
            recompute_id,
        )
        await recompute.score_shard(conn, recompute_id, 0, dispatch=False)
        found = await recompute.progress(conn, recompute_id)
    assert found is not None and found.status == "failed"
    assert found.reason and "taxonomy changed" in found.reason


async def test_pairs_lost_in_a_database_restart_fail_the_run_and_a_later_run_cleans_up(
    pool: asyncpg.Pool, world: World
) -> None:
    stored = await _matches(pool, world)
    async with db.transaction(pool) as conn:
        recompute_id = await recompute.start(conn, shard_people=6, dispatch=False)
        found = await recompute.progress(conn, recompute_id)
        assert found is not None and found.shards > 1
        for shard in range(found.shards - 1):
            await recompute.score_shard(conn, recompute_id, shard, dispatch=False)
    # The pairs are unlogged: a restart empties their table (here: one shard's worth of it).
    await pool.execute(
        "DELETE FROM match_recompute_pair WHERE ctid IN (SELECT ctid FROM match_recompute_pair"
        " WHERE recompute_id = $1 LIMIT 3)",
        recompute_id,
    )
    async with db.transaction(pool) as conn:
        await recompute.score_shard(conn, recompute_id, found.shards - 1, dispatch=False)
        failed = await recompute.progress(conn, recompute_id)
    assert failed is not None and failed.status == "failed"
    assert failed.reason and "database restarted" in failed.reason
    assert await _matches(pool, world) == stored  # nothing half-merged was stored
    assert await pool.fetchval("SELECT count(*) FROM match_recompute_pair") == 0


async def test_a_person_erased_during_a_run_is_left_out_of_its_matches(
    pool: asyncpg.Pool, world: World
) -> None:
    async with db.transaction(pool) as conn:
        recompute_id = await recompute.start(conn, shard_people=6, dispatch=False)
        found = await recompute.progress(conn, recompute_id)
        assert found is not None and found.shards > 1
        await recompute.score_shard(conn, recompute_id, 0, dispatch=False)
    erased = await pool.fetchval(
        "SELECT employee_id FROM match_recompute_pair WHERE recompute_id = $1 LIMIT 1",
        recompute_id,
    )
    left = [p for p in world.people if p != erased]
    # No reference holds the pairs back: the person goes as an erasure removes them.
    await pool.execute("DELETE FROM employee WHERE id = $1", erased)
    async with db.transaction(pool) as conn:
        for shard in range(1, found.shards):
            await recompute.score_shard(conn, recompute_id, shard, dispatch=False)
        done = await recompute.progress(conn, recompute_id)
    assert done is not None and done.status == "done"
    people = await pool.fetch("SELECT DISTINCT employee_id FROM match")
    assert erased not in {r["employee_id"] for r in people}
    assert {r["employee_id"] for r in people} & set(left)
    world.people[:] = left


# A worker backend waiting for a lock another transaction holds.
BLOCKED = """
SELECT pid, query FROM pg_stat_activity
WHERE datname = current_database() AND pid <> $1 AND wait_event_type = 'Lock'
"""


async def test_a_worker_killed_mid_shard_and_the_run_still_completes_once(
    pool: asyncpg.Pool, world: World, since: object, crew: Crew
) -> None:
    await _run_here(pool, 10_000, TOP_K)  # what the command (keeping TOP_K) stores
    expected = await _matches(pool, world)
    await pool.execute("DELETE FROM match WHERE employee_id = ANY($1::uuid[])", world.people)
    # A lease longer than the tests' 5 s: a shard held by the lock below (and a worker warming
    # up on full ESCO on a busy machine) is not sent ten times and given up on meanwhile.
    crew.start("relay", OPSTAP_OUTBOX_LEASE_SECONDS="30")
    first = crew.start("worker", "--concurrency", "1")
    async with pool.acquire() as blocker:
        # Holding the pairs table stops the worker exactly where it writes a scored shard.
        lock = blocker.transaction()
        await lock.start()
        try:
            await blocker.execute("LOCK TABLE match_recompute_pair IN EXCLUSIVE MODE")
            follow = _follow(crew, "--shard-people", "10")
            blocked = await eventually(
                lambda: pool.fetch(BLOCKED, blocker.get_server_pid()),
                lambda rows: any("match_recompute_pair" in r["query"] for r in rows),
                90,
                "a worker waiting to write a shard",
            )
            crew.kill(first)
        finally:
            await lock.rollback()
    assert first.returncode == -signal.SIGKILL
    run = await recompute_row(pool)
    assert run["status"] == "scoring"
    unscored = (
        "SELECT count(*) FROM match_recompute_shard WHERE recompute_id = $1 AND scored_at IS NULL"
    )
    assert await pool.fetchval(unscored, run["id"]) == run["shards"]
    second = crew.start("worker", "--concurrency", "1")
    out, _ = await asyncio.to_thread(follow.communicate, timeout=180)
    text = out.decode()
    assert follow.returncode == 0, text
    assert " done: " in text
    assert await _matches(pool, world) == expected
    assert "scored " in text and f"/{run['shards']} shards" in text
    handled = await pool.fetch(
        "SELECT e.event_type, count(h.*) AS n FROM outbox_event e "
        "LEFT JOIN processed_event h ON h.event_id = e.id "
        "WHERE e.aggregate_id = $1 GROUP BY e.id, e.event_type",
        str(run["id"]),
    )
    kinds = sorted(r["event_type"] for r in handled)
    assert kinds == sorted(["match.recompute_score"] * run["shards"] + ["match.recomputed"])
    assert all(r["n"] == 1 for r in handled)
    assert second.poll() is None
    assert blocked


def _follow(crew: Crew, *options: str) -> subprocess.Popen[bytes]:
    """`opstap match recompute` with its output kept, stopped with the crew."""
    follow = subprocess.Popen(
        [sys.executable, "-m", "services", "match", "recompute", *options],
        env=crew.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    crew.procs.append(follow)
    return follow


async def recompute_row(pool: asyncpg.Pool) -> asyncpg.Record:
    return await pool.fetchrow(
        "SELECT r.id, r.status, count(s.*) AS shards FROM match_recompute r "
        "JOIN match_recompute_shard s ON s.recompute_id = r.id "
        "GROUP BY r.id ORDER BY r.started_at DESC LIMIT 1"
    )


async def test_matches_a_run_stores_are_explained_when_first_read_and_kept(
    pool: asyncpg.Pool, http: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    await pool.execute("DELETE FROM match WHERE employee_id = ANY($1::uuid[])", world.people)
    await _run_here(pool, 10)
    person = world.people[1]
    unexplained = "SELECT count(*) FROM match WHERE employee_id = $1 AND explanation IS NULL"
    stored = await pool.fetchval("SELECT count(*) FROM match WHERE employee_id = $1", person)
    assert stored and await pool.fetchval(unexplained, person) == stored
    answer = await ok(
        await http.get(
            f"/api/v1/employees/{person}/matches?limit=100&explain=true",
            headers=world.scene.coach.headers,
        )
    )
    assert len(answer["items"]) == stored
    for item in answer["items"]:
        why = item["explanation"]
        assert why["score"] == pytest.approx(item["score"], abs=0.01)
        assert why["matched"] or why["related"] or why["missing_essential"]
    assert await pool.fetchval(unexplained, person) == 0  # kept for the next reader
    logged = await pool.fetch(
        "SELECT explanation FROM suggestion_log WHERE employee_id = $1 AND context = $2",
        person,
        "employee_matches",
    )
    assert len(logged) == stored and all(r["explanation"] for r in logged)
    # Notifications are written from explanations in SQL: what they tell of is explained first.
    # (Nobody has been told of these people yet: earlier tests of this world may have told.)
    await pool.execute("DELETE FROM notification WHERE employee_id = ANY($1)", world.people)
    since = await pool.fetchval("SELECT clock_timestamp()")
    async with db.transaction(pool) as conn:
        await notifications.notify_matches(conn, settings, vacancy_ids=world.vacancies)
    told = await pool.fetch(
        "SELECT n.data, m.explanation FROM notification n"
        " JOIN match m ON m.vacancy_id = n.vacancy_id AND m.employee_id = n.employee_id"
        " WHERE n.kind = 'caseload_match' AND n.employee_id = ANY($1) AND n.created_at >= $2",
        world.people,
        since,
    )
    assert told and all(r["explanation"] and r["data"]["total"] > 0 for r in told)
    # Once everyone is told, nothing is explained for notifications: matches without an
    # explanation stay so until someone reads them.
    await pool.execute(
        "UPDATE match SET explanation = NULL WHERE vacancy_id = ANY($1::uuid[])", world.vacancies
    )
    async with db.transaction(pool) as conn:
        assert await notifications.notify_matches(conn, settings, vacancy_ids=world.vacancies) == 0
    assert (
        await pool.fetchval(
            "SELECT count(*) FROM match"
            " WHERE vacancy_id = ANY($1::uuid[]) AND explanation IS NOT NULL",
            world.vacancies,
        )
        == 0
    )
