"""Every API operation is documented: summary, request and response models, its errors."""

from __future__ import annotations

from typing import Any

import pytest

from services.api.app import create_app
from services.core.settings import Settings

SCHEMA = create_app(
    Settings(database_url="postgresql://unused", redis_url="redis://unused")
).openapi()
PUBLIC = {"/api/v1/auth/token", "/api/v1/auth/refresh"}
OPERATIONS = [
    (method.upper(), path, op)
    for path, item in SCHEMA["paths"].items()
    if path.startswith("/api/v1/")
    for method, op in item.items()
]


def _ids(value: Any) -> str:
    return f"{value[0]} {value[1]}" if isinstance(value, tuple) else ""


@pytest.mark.parametrize("operation", OPERATIONS, ids=_ids)
def test_operation_has_summary_success_model_and_documented_errors(
    operation: tuple[str, str, dict[str, Any]],
) -> None:
    method, path, op = operation
    assert op.get("summary") and op.get("description"), "summary and docstring"
    success = [code for code in op["responses"] if code.startswith("2")]
    assert success, "a success response"
    code = success[0]
    if code != "204":
        assert "schema" in op["responses"][code]["content"]["application/json"], "response model"
    if not path.startswith("/api/v1/taxonomy") and path not in PUBLIC:
        assert {"401", "403", "404"} <= set(op["responses"]), "documented errors"
        body = op["responses"]["401"]["content"]["application/json"]["schema"]
        assert body["$ref"].endswith("/ErrorBody")
    if method in ("POST", "PUT", "PATCH") and "requestBody" in op:
        content = op["requestBody"]["content"]
        assert any("schema" in media for media in content.values()), "request model"


def test_write_operations_take_request_models() -> None:
    with_body = [f"{m} {p}" for m, p, op in OPERATIONS if "requestBody" in op]
    assert "POST /api/v1/employees" in with_body
    assert "PATCH /api/v1/vacancies/{vacancy_id}" in with_body
    assert "POST /api/v1/vacancies/import" in with_body
