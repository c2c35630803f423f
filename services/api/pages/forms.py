"""Reading forms and turning the services' errors into messages beside the fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fastapi import Request
from pydantic import ValidationError

from services.core.errors import OpstapError

Errors = dict[str, str]  # field name (the input's name and id) -> message
# The services word their errors in English (the API's language); pages in that language can
# show those words, others say "check this" in their own.
SERVICE_LANGUAGE = "en"


async def values(request: Request) -> dict[str, str]:
    """The form's single values, trimmed (the CSRF token left out)."""
    form = await request.form()
    return {k: v.strip() for k, v in form.multi_items() if isinstance(v, str) and k != "csrf_token"}


async def lists(request: Request, *names: str) -> dict[str, list[str]]:
    """Fields that may come more than once (checkboxes, rows), in order."""
    form = await request.form()
    return {n: [v.strip() for v in form.getlist(n) if isinstance(v, str)] for n in names}


def blank_none(value: str | None) -> str | None:
    """None for a field left empty."""
    return value if value else None


def _message(error: Mapping[str, Any], t: Callable[..., str]) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind in ("missing", "int_type", "string_type", "none_required", "string_too_short"):
        return t("error.required")
    if kind in ("int_parsing", "int_from_float"):
        return t("error.whole_number")
    if kind == "float_parsing":
        return t("error.number")
    if kind == "greater_than_equal":
        return t("error.at_least", n=ctx.get("ge"))
    if kind == "less_than_equal":
        return t("error.at_most", n=ctx.get("le"))
    if kind == "string_too_long":
        return t("error.too_long", n=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        return t("error.format")
    if kind.startswith("date") or kind.startswith("datetime"):
        return t("error.date")
    if kind in ("literal_error", "enum"):
        return t("error.choose")
    if kind == "value_error" and "email" in str(error.get("msg", "")).lower():
        return t("error.email")
    return t("error.check")


def field_name(loc: tuple[Any, ...], renames: Mapping[str, str] | None = None) -> str:
    """The form field for a location in a model: ("skills", 0, "skill_uri") -> skills.0."""
    dotted = ".".join(str(p) for p in loc if p not in ("body",))
    renames = renames or {}
    for prefix, field in renames.items():
        if dotted == prefix or dotted.startswith(prefix + "."):
            return field
    if loc and loc[0] == "skills" and len(loc) > 1:
        return f"skills.{loc[1]}"
    return str(loc[0]) if loc else "form"


# A value out of range, or out of order with another field: a form may say what to fix instead.
OUT_OF_BOUNDS = frozenset(
    {"greater_than_equal", "less_than_equal", "greater_than", "less_than", "value_error"}
)


def from_validation(
    exc: ValidationError,
    t: Callable[..., str],
    renames: Mapping[str, str] | None = None,
    bounds: Mapping[str, str] | None = None,
) -> Errors:
    """Messages per field from pydantic's errors (first one per field); `bounds` (field ->
    message key) words a value out of range or out of order for the fields it names."""
    bounds = bounds or {}
    found: Errors = {}
    for error in exc.errors():
        name = field_name(tuple(error["loc"]), renames)
        if name in bounds and error.get("type") in OUT_OF_BOUNDS:
            found.setdefault(name, t(bounds[name]))
        found.setdefault(name, _message(error, t))
    return found


def from_domain(
    exc: OpstapError,
    t: Callable[..., str],
    lang: str,
    known: Mapping[str, str] | None = None,
    renames: Mapping[str, str] | None = None,
) -> Errors:
    """Messages per field from a service's Invalid/Conflict: the catalogue's text for a field
    we know (`known`: field -> message key); otherwise the service's own words in English,
    and a plain "check this" in Dutch."""
    known = known or {}
    found: Errors = {}
    for key, detail in (exc.fields or {"form": exc.detail}).items():
        name = field_name(tuple(key.split(".")), renames)
        if key in known:
            found.setdefault(name, t(known[key]))
        elif lang == SERVICE_LANGUAGE:
            found.setdefault(name, str(detail)[:1].upper() + str(detail)[1:])
        else:
            found.setdefault(name, t("error.check"))
    return found


def as_int(value: str | None) -> int | str | None:
    """A whole number when the text is one; otherwise the text (validation says what is
    wrong) or None when empty."""
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return value
