"""Settings, URLs and other small pure pieces."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.core.db import describe_url, with_database
from services.core.redis import broker_url
from services.core.settings import STARTER_TAXONOMY_DIR, Settings


def test_defaults_serve_on_localhost_8000_with_the_starter_taxonomy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("DATABASE_URL", "REDIS_URL", "OPSTAP_ESCO_DIR", "OPSTAP_PORT"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.database_url is None and settings.redis_url is None
    assert settings.taxonomy_dir == STARTER_TAXONOMY_DIR


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPSTAP_PORT", "8123")
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db:5432/x")
    monkeypatch.setenv("REDIS_URL", " ")
    monkeypatch.setenv("OPSTAP_ESCO_DIR", str(tmp_path))
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.port == 8123
    assert settings.database_url == "postgresql://u@db:5432/x"
    assert settings.redis_url is None  # blank means "start an embedded one"
    assert settings.taxonomy_dir == tmp_path


def test_a_port_out_of_range_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSTAP_PORT", "70000")
    with pytest.raises(ValueError, match="port"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_secret_is_generated_once_and_kept(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    first = settings.secret()
    assert len(first) >= 48 and settings.secret() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_describe_url_hides_the_password() -> None:
    assert describe_url("postgresql://app:s3cret@db.example:5432/opstap") == (
        "app@db.example:5432/opstap"
    )
    assert describe_url("postgresql://postgres:@/opstap?host=/tmp/pg") == "postgres@/tmp/pg/opstap"


def test_unix_socket_redis_becomes_a_kombu_socket_url() -> None:
    assert broker_url("unix:///tmp/r/redis.sock") == "redis+socket:///tmp/r/redis.sock"
    assert broker_url("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


def test_test_databases_keep_the_server_and_socket() -> None:
    assert with_database("postgresql://postgres@127.0.0.1:5432/postgres", "t1") == (
        "postgresql://postgres@127.0.0.1:5432/t1"
    )
    assert with_database("postgresql://postgres:@/opstap?host=/tmp/pg", "t1") == (
        "postgresql://postgres:@/t1?host=/tmp/pg"
    )
