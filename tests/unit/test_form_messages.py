"""The messages a web form shows beside its fields (services/api/pages/forms.py), from
pydantic's errors and from the services' own, without HTTP or a database."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import pytest
from pydantic import BaseModel, EmailStr, Field, ValidationError

from services.api.pages.forms import as_int, blank_none, field_name, from_domain, from_validation
from services.core.errors import Conflict, Invalid


def t(key: str, **params: Any) -> str:
    """A translator that shows which text was asked for, and with what."""
    return key + "".join(f"|{k}={v}" for k, v in sorted(params.items()))


class Skill(BaseModel):
    skill_uri: str = Field(min_length=1)
    level: int = Field(ge=1, le=4)


class Form(BaseModel):
    name: str = Field(min_length=1, max_length=5)
    hours: int = Field(ge=0, le=60)
    distance: float | None = None
    code: str | None = Field(None, pattern=r"^[a-z]+$")
    start: date | None = None
    kind: Literal["a", "b"] = "a"
    email: EmailStr | None = None
    skills: list[Skill] = []


def _messages(data: dict[str, Any], renames: dict[str, str] | None = None) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Form.model_validate({"name": "Bram", "hours": 8} | data)
    return from_validation(caught.value, t, renames)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": None}, "name", "error.required"),
        ({"name": ""}, "name", "error.required"),
        ({"hours": "many"}, "hours", "error.whole_number"),
        ({"hours": 1.5}, "hours", "error.whole_number"),
        ({"hours": -1}, "hours", "error.at_least|n=0"),
        ({"hours": 61}, "hours", "error.at_most|n=60"),
        ({"name": "Bartholomeus"}, "name", "error.too_long|n=5"),
        ({"distance": "far"}, "distance", "error.number"),
        ({"code": "ABC"}, "code", "error.format"),
        ({"start": "yesterday"}, "start", "error.date"),
        ({"kind": "c"}, "kind", "error.choose"),
        ({"email": "bram-at-example"}, "email", "error.email"),
        ({"skills": "none"}, "skills", "error.check"),
    ],
)
def test_each_kind_of_validation_error_has_its_message(
    data: dict[str, Any], field: str, message: str
) -> None:
    assert _messages(data) == {field: message}


def test_a_missing_field_is_required() -> None:
    with pytest.raises(ValidationError) as caught:
        Form.model_validate({"name": "Bram"})
    assert from_validation(caught.value, t) == {"hours": "error.required"}


def test_a_skill_row_error_lands_on_its_row_and_the_first_error_per_field_wins() -> None:
    skills = [{"skill_uri": "x", "level": 1}, {"skill_uri": "", "level": 9}]
    assert _messages({"skills": skills}) == {"skills.1": "error.required"}


def test_renames_send_a_location_and_everything_below_it_to_one_field() -> None:
    assert _messages({"hours": 99}, {"hours": "hours_min"}) == {"hours_min": "error.at_most|n=60"}
    renames = {"skills": "skill_picker"}
    assert _messages({"skills": [{"skill_uri": "x", "level": 0}]}, renames) == {
        "skill_picker": "error.at_least|n=1"
    }


@pytest.mark.parametrize(
    ("loc", "name"),
    [
        (("skills", 0, "skill_uri"), "skills.0"),
        (("skills",), "skills"),
        (("language", "cefr"), "language"),
        ((), "form"),
    ],
)
def test_field_name_of_a_location(loc: tuple[Any, ...], name: str) -> None:
    assert field_name(loc) == name


def test_a_service_error_is_shown_in_its_own_words_in_english_capitalised() -> None:
    error = Invalid("Bad.", fields={"hours_max": "must be at least hours_min (8)"})
    assert from_domain(error, t, "en") == {"hours_max": "Must be at least hours_min (8)"}


def test_in_another_language_an_unknown_service_error_asks_to_check_the_field() -> None:
    error = Invalid("Bad.", fields={"hours_max": "must be at least hours_min (8)"})
    assert from_domain(error, t, "nl") == {"hours_max": "error.check"}


def test_a_known_service_error_uses_the_catalogue_in_every_language() -> None:
    error = Conflict("Taken.", fields={"code": "is taken"})
    for lang in ("en", "nl"):
        assert from_domain(error, t, lang, known={"code": "error.code_taken"}) == {
            "code": "error.code_taken"
        }


def test_a_service_error_without_fields_lands_on_the_form() -> None:
    assert from_domain(Invalid("the vacancy is filled"), t, "en") == {
        "form": "The vacancy is filled"
    }


def test_service_error_fields_in_dotted_form_follow_the_same_renames() -> None:
    error = Invalid("Bad.", fields={"skills.2.min_level": "too high", "language.cefr": "bad"})
    assert from_domain(error, t, "en", renames={"language": "language_level"}) == {
        "skills.2": "Too high",
        "language_level": "Bad",
    }


@pytest.mark.parametrize(
    ("text", "value"), [(None, None), ("", None), ("12", 12), ("-3", -3), ("12a", "12a")]
)
def test_as_int_keeps_text_that_is_no_whole_number_for_validation_to_name(
    text: str | None, value: int | str | None
) -> None:
    assert as_int(text) == value


def test_blank_none() -> None:
    assert (blank_none(""), blank_none(None), blank_none("x")) == (None, None, "x")
