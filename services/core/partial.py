"""Partial updates: a field may be left out to keep its value, but not set to null."""

from __future__ import annotations

from typing import Any

NULL = {"type": "null"}


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
