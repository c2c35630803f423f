"""The embedded PostgreSQL and Redis are real servers, and nothing is left running after."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import psutil
import redis

from services.core.embedded import running_services


def running(pid: int) -> bool:
    """Alive and not a zombie (a stopped server may wait a moment for init to reap it)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().splitlines()[0])


async def test_embedded_servers_start_answer_and_stop(tmp_path: Path) -> None:
    with running_services(None, None, tmp_path) as urls:
        assert urls.started == ["postgresql", "redis"]
        conn = await asyncpg.connect(urls.database_url)
        version = await conn.fetchval("SHOW server_version_num")
        has_trgm = await conn.fetchval(
            "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"
        )
        await conn.close()
        client = redis.Redis.from_url(urls.redis_url)
        assert client.ping()
        redis_pid = client.info()["process_id"]
        client.close()
        pg_pid = _postmaster_pid(tmp_path / "postgres")
        assert running(pg_pid) and running(redis_pid)
    assert int(version) >= 150000 and has_trgm == 1
    assert not running(pg_pid)
    assert not running(redis_pid)


async def test_configured_urls_start_nothing(tmp_path: Path) -> None:
    with running_services("postgresql://x@db/x", "redis://cache:6379/0", tmp_path) as urls:
        assert urls.started == []
        assert urls.as_env() == {
            "DATABASE_URL": "postgresql://x@db/x",
            "REDIS_URL": "redis://cache:6379/0",
        }
    assert not (tmp_path / "postgres").exists()


async def test_the_rate_limiter_runs_on_the_embedded_redis_version(tmp_path: Path) -> None:
    """The embedded Redis is 6.2: commands newer than that must not be used."""
    import redis.asyncio as aioredis

    from services.core import ratelimit
    from services.core.embedded import embedded_redis

    with embedded_redis(tmp_path / "redis") as url:
        client = aioredis.from_url(url)
        try:
            for _ in range(3):
                await ratelimit.hit(client, "k", 60)
            wait = await ratelimit.over_limit(client, "k", 3)
            assert wait is not None and 0 < wait <= 60
            assert await ratelimit.over_limit(client, "k", 4) is None
        finally:
            await client.aclose()
