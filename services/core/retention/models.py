"""How long each kind of data is kept, and what one run of retention removed."""

from __future__ import annotations

from dataclasses import dataclass

from services.core.settings import Settings


@dataclass(frozen=True)
class Periods:
    """How long each kind of data is kept."""

    inactive_people_months: int = 24
    closed_vacancies_months: int = 12
    read_notifications_days: int = 180
    unread_notifications_days: int = 365
    audit_months: int = 24
    suggestions_months: int = 24
    page_session_idle_minutes: int = 30

    @classmethod
    def from_settings(cls, settings: Settings) -> Periods:
        """The periods configured in `settings`."""
        return cls(
            inactive_people_months=settings.retain_inactive_people_months,
            closed_vacancies_months=settings.retain_closed_vacancies_months,
            read_notifications_days=settings.retain_notifications_days,
            unread_notifications_days=settings.retain_unread_notifications_days,
            audit_months=settings.retain_audit_months,
            suggestions_months=settings.retain_suggestions_months,
            page_session_idle_minutes=settings.page_session_idle_minutes,
        )


@dataclass(frozen=True)
class Removed:
    """How many rows of each kind one run removed (counts only: no ids, no personal data)."""

    people: int = 0
    vacancies: int = 0
    notifications: int = 0
    audit_rows: int = 0
    suggestions: int = 0
    page_sessions: int = 0

    def any_batch_full(self, batch_size: int) -> bool:
        """Whether some kind filled its batch, so more may be waiting."""
        counts = (self.people, self.vacancies, self.notifications, self.audit_rows)
        return any(n >= batch_size for n in (*counts, self.suggestions, self.page_sessions))
