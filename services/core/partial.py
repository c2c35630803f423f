"""Partial updates: a field may be left out to keep its value, but not set to null; the
record with a patch applied is checked as a whole."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from services.core.errors import invalid, problems_of

NULL = {"type": "null"}
M = TypeVar("M", bound=BaseModel)


def not_null_in_schema(schema: dict[str, Any]) -> None:
    """`json_schema_extra` for an optional field that refuses null: drop null from its schema.

    The field stays `X | None = None` so that leaving it out validates; a validator refuses an
    explicit null, and the schema must not offer one.
    """
    options = [option for option in schema.pop("anyOf", []) if option != NULL]
    if len(options) == 1:
        schema.update(options[0])
    elif options:
        schema["anyOf"] = options


def patched(
    model: type[M], stored: BaseModel, patch: BaseModel, subject: str
) -> tuple[M, set[str]]:
    """The stored record's `model` fields with the patch's given ones over them, validated as a
    whole (Invalid naming every wrong field, asking to check the `subject`), and the given
    fields whose value changes."""
    fields = set(model.model_fields)
    current = stored.model_dump(include=fields)
    try:
        item = model.model_validate(current | patch.model_dump(exclude_unset=True))
    except ValidationError as exc:
        raise invalid(subject, problems_of(exc)) from exc
    new = item.model_dump(include=fields)
    return item, {name for name in patch.model_fields_set if new[name] != current[name]}
