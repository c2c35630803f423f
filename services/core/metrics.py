"""Prometheus metrics shared by the API, the relay and the workers."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "opstap_http_requests_total", "HTTP requests handled", ["method", "route", "status"]
)
HTTP_DURATION = Histogram(
    "opstap_http_request_duration_seconds", "Time to answer an HTTP request", ["method", "route"]
)
OUTBOX_UNPUBLISHED = Gauge("opstap_outbox_unpublished", "Outbox events not yet sent to the queue")
OUTBOX_UNPROCESSED = Gauge("opstap_outbox_unprocessed", "Outbox events not yet processed")
OUTBOX_OLDEST_SECONDS = Gauge(
    "opstap_outbox_oldest_seconds", "Age of the oldest outbox event not yet processed"
)
EVENTS_RELAYED = Counter("opstap_events_relayed_total", "Outbox events sent to the queue")
