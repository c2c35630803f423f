"""The Celery application: reliable defaults, Redis as broker, no result backend."""

from __future__ import annotations

from celery import Celery
from celery.schedules import crontab

from services.core.redis import broker_url
from services.core.settings import Settings, get_settings

TASK_MODULES = [
    "services.worker.tasks.events",
    "services.worker.tasks.match_events",
    "services.worker.tasks.notification_events",
    "services.worker.tasks.maintenance",
    "services.worker.tasks.followups",
    "services.worker.tasks.vacancies",
]


def create_celery(settings: Settings | None = None) -> Celery:
    """A Celery app bound to `settings` (default: from the environment)."""
    settings = settings or get_settings()
    if not settings.redis_url:
        raise RuntimeError("REDIS_URL must be set to run Celery")
    celery = Celery("opstap", broker=broker_url(settings.redis_url), include=TASK_MODULES)
    celery.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        result_backend=None,
        task_default_queue=settings.queue,
        task_time_limit=settings.task_time_limit,
        task_soft_time_limit=int(settings.task_time_limit * 0.9),
        # A message is redelivered when its worker has not acked within this time: it must
        # outlast the longest task, or a slow task would run twice at once.
        broker_transport_options={"visibility_timeout": settings.task_time_limit * 2},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        timezone="Europe/Amsterdam",
        beat_schedule={
            "prune-settled-events": {
                "task": "maintenance.prune_events",
                "schedule": crontab(minute=17, hour=3),
            },
            "retention": {
                "task": "maintenance.retention",
                "schedule": crontab(minute=37, hour=3),
            },
            "close-expired-vacancies": {
                "task": "vacancies.close_expired",
                "schedule": crontab(minute=2),  # hourly: a missed night catches up
            },
            "followup-reminders": {
                "task": "followups.remind_due",
                "schedule": crontab(minute=7, hour=8),
            },
            "weekly-digest": {
                "task": "maintenance.weekly_digest",
                "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
            },
        },
    )
    celery.conf.opstap_settings = settings
    return celery
