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
OUTBOX_DEAD = Gauge("opstap_outbox_dead", "Outbox events given up on, waiting for a replay")
TASKS = Counter("opstap_tasks_total", "Celery tasks run", ["task", "outcome"])
TASK_DURATION = Histogram("opstap_task_duration_seconds", "Time a Celery task ran", ["task"])
DELIVERIES = Counter(
    "opstap_deliveries_total", "Notification deliveries attempted", ["channel", "outcome"]
)
DEAD_LETTERS = Counter("opstap_dead_letters_total", "Messages given up on", ["task"])
NOTIFICATIONS = Counter("opstap_notifications_total", "Notifications created", ["kind"])
