"""Redis URLs: one setting, spelled for redis-py and for Celery's broker."""

from __future__ import annotations


def broker_url(redis_url: str) -> str:
    """The Celery/kombu spelling of a Redis URL (Unix sockets become redis+socket://)."""
    if redis_url.startswith("unix://"):
        return "redis+socket://" + redis_url.removeprefix("unix://")
    return redis_url
