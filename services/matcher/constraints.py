"""Constraints of a pair, each with a status and a sentence's key and fields (codes and
numbers; core words them for the reader): shown beside the score, never in it.

Only consent is hard (candidates_for and recompute leave people without it out); distance is a
filter only when a caller asks for one. A ladder stretch and an accommodation that is not
offered are shown as "fail" with a detail that says what to discuss: they never exclude and
never lower a score. Work capacity is the same: a demand the person does not meet is "fail",
one an offered accommodation can make workable is a point to discuss (shown as "pass" with its
own sentence), and a demand on an item the person has no level for is "unknown", never "fail".
"""

from __future__ import annotations

import math

import numpy as np

from .types import CEFR, Constraint, Person, Status, Vacancy

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def check(person: Person, vacancy: Vacancy) -> tuple[Constraint, ...]:
    """The constraints of a pair in a fixed order: hours, distance, ladder_rung, language,
    accommodations, capacity, consent."""
    return (
        hours(person, vacancy),
        distance(person, vacancy),
        ladder_rung(person, vacancy),
        language(person, vacancy),
        accommodations(person, vacancy),
        capacity(person, vacancy),
        consent(person),
    )


def _constraint(
    code: str, status: Status, detail: dict[str, object], key: str, **fields: object
) -> Constraint:
    return Constraint(code, status, detail, f"constraint.{key}", fields)


def hours(person: Person, vacancy: Vacancy) -> Constraint:
    """Pass when the person's hour range overlaps the vacancy's; unknown when they gave none."""
    detail: dict[str, object] = {
        "person": [person.hours_min, person.hours_max],
        "vacancy": [vacancy.hours_min, vacancy.hours_max],
    }
    if person.hours_min is None and person.hours_max is None:
        return _constraint("hours", "unknown", detail, "hours.unknown")
    # A range open on one side still says something: "at least 16", "at most 24".
    low = person.hours_min if person.hours_min is not None else 0
    high = person.hours_max if person.hours_max is not None else math.inf
    if max(low, vacancy.hours_min) <= min(high, vacancy.hours_max):
        return _constraint("hours", "pass", detail, "hours.pass")
    return _constraint(
        "hours", "fail", detail, "hours.fail", low=vacancy.hours_min, high=vacancy.hours_max
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in km between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, max(0.0, a))))


def haversine_km_many(lat: np.ndarray, lon: np.ndarray, lat0: float, lon0: float) -> np.ndarray:
    """Distances in km from each (lat, lon) to one point; NaN where a coordinate is NaN."""
    phi, phi0 = np.radians(lat), math.radians(lat0)
    dphi = phi - phi0
    dlmb = np.radians(lon) - math.radians(lon0)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi) * math.cos(phi0) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def distance(person: Person, vacancy: Vacancy) -> Constraint:
    """Pass within the person's max_travel_km; unknown when a side has no coordinates."""
    points = (person.latitude, person.longitude, vacancy.latitude, vacancy.longitude)
    if any(value is None for value in points):
        return _constraint("distance", "unknown", {}, "distance.unknown")
    lat1, lon1, lat2, lon2 = (float(value) for value in points)  # type: ignore[arg-type]
    km = haversine_km(lat1, lon1, lat2, lon2)
    detail: dict[str, object] = {"km": round(km, 1), "max_km": person.max_travel_km}
    words = {"km": round(km, 1), "max_km": person.max_travel_km}
    if person.max_travel_km is None:
        return _constraint("distance", "unknown", detail, "distance.no_limit", **words)
    status: Status = "pass" if km <= person.max_travel_km else "fail"
    return _constraint("distance", status, detail, f"distance.{status}", **words)


def ladder_rung(person: Person, vacancy: Vacancy) -> Constraint:
    """Pass up to one rung above the person's; further is a stretch: shown, never excluding."""
    step = vacancy.ladder_rung - person.ladder_rung
    detail: dict[str, object] = {
        "person": person.ladder_rung,
        "vacancy": vacancy.ladder_rung,
        "step": step,
        "stretch": step > 1,
    }
    if step > 1:
        return _constraint("ladder_rung", "fail", detail, "ladder_rung.stretch")
    return _constraint(
        "ladder_rung", "pass", detail, "ladder_rung.step" if step == 1 else "ladder_rung.same"
    )


def _cefr_rank(level: str) -> int | None:
    level = level.strip().upper()
    return CEFR.index(level) if level in CEFR else None


def language(person: Person, vacancy: Vacancy) -> Constraint:
    """Pass when the person's CEFR level for the vacancy's language reaches the one required."""
    if vacancy.language is None:
        return _constraint("language", "pass", {}, "language.none")
    code, required = vacancy.language
    ranks = [
        rank
        for lang, level in person.languages
        if lang.lower() == code.lower() and (rank := _cefr_rank(level)) is not None
    ]
    have = CEFR[max(ranks)] if ranks else None
    detail: dict[str, object] = {"language": code, "required": required, "person": have}
    words = {"language": code, "cefr": required}
    need = _cefr_rank(required)
    if have is None or need is None:
        return _constraint("language", "unknown", detail, "language.unknown", **words)
    status: Status = "pass" if max(ranks) >= need else "fail"
    return _constraint("language", status, detail, f"language.{status}", **words)


def accommodations(person: Person, vacancy: Vacancy) -> Constraint:
    """Pass when all needed accommodations are offered; else "fail" listing them to discuss."""
    needed = sorted(person.accommodations)
    if not needed:
        return _constraint("accommodations", "pass", {}, "accommodations.none")
    to_discuss = [code for code in needed if code not in vacancy.accommodations]
    offered = [code for code in needed if code in vacancy.accommodations]
    detail: dict[str, object] = {"offered": offered, "to_discuss": to_discuss}
    if not to_discuss:
        return _constraint("accommodations", "pass", detail, "accommodations.pass")
    return _constraint("accommodations", "fail", detail, "accommodations.fail", items=to_discuss)


def capacity(person: Person, vacancy: Vacancy) -> Constraint:
    """Pass when the person's level meets every demand of the vacancy; "fail" listing the
    demands they do not meet; "unknown" listing the demanded items they have no level for; a
    shortfall an offered accommodation can make workable is a point to discuss, not a fail."""
    if not vacancy.capacity_demands:
        return _constraint("capacity", "pass", {}, "capacity.none")
    have = dict(person.capacity)
    helps: dict[str, list[str]] = {}
    for item, code in vacancy.capacity_resolved:
        helps.setdefault(item, []).append(code)
    met: list[str] = []
    unmet: list[str] = []
    unknown: list[str] = []
    discuss: list[str] = []
    levels: dict[str, list[int | None]] = {}
    for item, demand in sorted(vacancy.capacity_demands):
        if demand <= 0:  # level 0: the vacancy does not ask this
            continue
        level = have.get(item)
        levels[item] = [level, demand]
        if level is None:
            unknown.append(item)
        elif level >= demand:
            met.append(item)
        elif item in helps:
            discuss.append(item)
        else:
            unmet.append(item)
    offers = sorted({code for item in discuss for code in helps[item]})
    detail: dict[str, object] = {
        "met": met,
        "unmet": unmet,
        "unknown": unknown,
        "discuss": discuss,
        "offers": offers,
        "levels": levels,
    }
    if unmet:
        return _constraint("capacity", "fail", detail, "capacity.fail", capacity_items=unmet)
    if unknown:
        return _constraint(
            "capacity", "unknown", detail, "capacity.unknown", capacity_items=unknown
        )
    if discuss:
        return _constraint(
            "capacity", "pass", detail, "capacity.discuss", capacity_items=discuss, offers=offers
        )
    return _constraint("capacity", "pass", detail, "capacity.pass")


def consent(person: Person) -> Constraint:
    """Pass when the person consented to matching; without it they are never a candidate."""
    status: Status = "pass" if person.consent_matching else "fail"
    return _constraint("consent", status, {}, f"consent.{status}")
