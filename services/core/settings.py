"""Settings from the environment (and a .env file), read once per process."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

STARTER_TAXONOMY_DIR = Path(__file__).parent / "taxonomy" / "starter"


class Settings(BaseSettings):
    """Everything Opstap can be configured with; see the README for each variable."""

    model_config = SettingsConfigDict(
        env_prefix="OPSTAP_", env_file=".env", extra="ignore", populate_by_name=True
    )

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    database_url: str | None = Field(
        None, validation_alias=AliasChoices("DATABASE_URL", "OPSTAP_DATABASE_URL")
    )
    redis_url: str | None = Field(
        None, validation_alias=AliasChoices("REDIS_URL", "OPSTAP_REDIS_URL")
    )
    esco_dir: Path | None = None
    digcomp_dir: Path | None = Field(
        None, description="DigComp 2.2 folder (default: a 'digcomp' folder beside esco_dir)"
    )
    data_dir: Path = Path(".opstap")
    vectors_dir: Path | None = Field(
        None, description="array files of the label vectors; default: <data dir>/vectors"
    )
    encoder_threads: int = Field(
        1, ge=1, le=64, description="threads of the sentence encoder in the API (queries)"
    )
    secret_key: SecretStr | None = None
    log_level: str = "INFO"
    log_format: Literal["auto", "json", "text"] = "auto"
    db_pool_min: int = Field(1, ge=0)
    db_pool_max: int = Field(10, ge=1)
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "opstap@localhost"
    smtp_starttls: bool = False
    worker_concurrency: int = Field(2, ge=1)
    matcher_threads: int = Field(
        2, ge=1, le=64, description="threads scoring one shard of a full recompute"
    )
    queue: str = Field("default", min_length=1, description="Celery queue for tasks")
    task_time_limit: int = Field(600, ge=10, description="seconds a task may run")
    access_token_minutes: int = Field(15, ge=1, le=1440)
    refresh_token_days: int = Field(30, ge=1, le=365)
    page_session_hours: int = Field(
        12, ge=1, le=168, description="a page session ends this long after sign-in, used or not"
    )
    page_session_idle_minutes: int = Field(
        30, ge=2, le=1440, description="a page session ends after this long without a request"
    )
    login_attempts: int = Field(5, ge=1, description="failed logins per email per window")
    login_window_seconds: int = Field(900, ge=60)
    login_address_attempts: int = Field(
        30, ge=1, description="failed logins per client address per login window"
    )
    login_global_attempts: int = Field(
        300, ge=1, description="sign-in attempts (any outcome) per global window, all clients"
    )
    login_global_window_seconds: int = Field(60, ge=1)
    api_key_days: int = Field(90, ge=1, description="lifetime of a new API key unless asked")
    api_key_max_days: int = Field(
        365, ge=1, le=365, description="the longest lifetime one may ask for (at most 365)"
    )
    relay_poll_seconds: float = Field(2.0, gt=0)
    relay_batch_size: int = Field(100, ge=1)
    outbox_lease_seconds: float = Field(300.0, gt=0)
    outbox_retention_days: int = Field(30, ge=1)
    outbox_max_attempts: int = Field(
        10, ge=1, description="sends of an event without it being processed before it is dead"
    )
    task_max_starts: int = Field(
        3, ge=1, description="starts of one task attempt (its worker died) before it is dead"
    )
    task_max_retries: int = Field(5, ge=0, description="retries of a transient task failure")
    public_url: str = Field("http://127.0.0.1:8000", description="base URL for links in emails")
    notify_min_score: float = Field(60.0, ge=0, le=100, description="a match worth telling about")
    notify_step_up_min_score: float = Field(
        50.0, ge=0, le=100, description="the same, for a vacancy one rung up the ladder"
    )
    delivery_max_attempts: int = Field(6, ge=1, description="email/webhook tries before giving up")
    delivery_retry_seconds: float = Field(30.0, gt=0, description="first retry backoff")
    delivery_retry_max_seconds: float = Field(3600.0, gt=0)
    webhook_failure_limit: int = Field(
        10, ge=1, description="consecutive failed attempts before a webhook is switched off"
    )
    webhook_allow_http: bool = Field(
        False, description="development only: allow plain http webhook URLs (default: https)"
    )
    webhook_allow_private: bool = Field(
        False, description="development only: allow webhooks to loopback and private addresses"
    )
    worker_metrics_port: int = Field(
        9108, ge=0, le=65535, description="Prometheus port of `opstap worker` (0: none)"
    )
    # --- retention (personal data kept no longer than needed) and security hygiene -----------
    retain_inactive_people_months: int = Field(
        24, ge=1, description="erase a person after this long without activity (see README)"
    )
    retain_closed_vacancies_months: int = Field(
        12, ge=1, description="delete a closed or filled vacancy this long after its last change"
    )
    retain_notifications_days: int = Field(180, ge=1, description="keep read notifications")
    retain_unread_notifications_days: int = Field(365, ge=1, description="keep unread ones")
    retain_audit_months: int = Field(24, ge=1, description="keep audit log rows")
    retain_suggestions_months: int = Field(
        24, ge=6, description="keep the suggestion log (the AI Act asks for six months at least)"
    )
    retention_batch_size: int = Field(500, ge=1, description="rows per kind per retention run")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="origins allowed by CORS, comma-separated (none: off)"
    )
    hsts_seconds: int = Field(
        0, ge=0, description="Strict-Transport-Security max-age on https requests (0: none)"
    )
    max_body_bytes: int = Field(
        1024 * 1024, ge=1024, description="largest JSON or form request body in bytes (else 413)"
    )
    max_upload_bytes: int = Field(
        5 * 1024 * 1024, ge=1024, description="largest uploaded file (CSV imports) in bytes"
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    # --- end of retention and security hygiene -----------------------------------------------

    @field_validator("database_url", "redis_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def taxonomy_dir(self) -> Path:
        """The ESCO folder when one is configured, else the bundled starter taxonomy."""
        return self.esco_dir if self.esco_dir else STARTER_TAXONOMY_DIR

    def secret(self) -> str:
        """The signing secret: configured, or generated once and kept in the data folder."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.data_dir / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
