"""The outbox's records: events, how far the workers are behind, and dead letters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class Event:
    """A past-tense fact about one aggregate, e.g. `vacancy.published`."""

    id: UUID
    event_type: str
    aggregate_type: str
    aggregate_id: str
    payload: dict[str, Any]
    created_at: datetime
    processed_at: datetime | None


@dataclass(frozen=True)
class OutboxLag:
    """How far the workers are behind the database."""

    unpublished: int
    unprocessed: int  # waiting or in flight, dead ones excluded
    dead: int  # given up on, waiting for an admin's replay
    oldest_seconds: float  # how long the oldest due, unprocessed event has waited


@dataclass(frozen=True)
class DeadLetter:
    """A message given up on after repeated failure."""

    id: int
    task_name: str
    task_id: str
    args: list[Any]
    error: str
    attempts: int
    created_at: datetime
    replayed_at: datetime | None
