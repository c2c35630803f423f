"""Occupation transitions: asymmetric coverage, calibrated thresholds, the level rule, routes."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from services.core.taxonomy import reader
from services.matcher.similarity import EXPLICIT_SIMILARITY, RELATED_CAP, build_skill_model
from services.matcher.transition_coverage import ORIGIN_FACTOR, coverage
from services.matcher.transition_thresholds import Thresholds, calibrate, families
from services.matcher.transitions import TransitionGraph, build_transitions
from services.matcher.types import OccupationInfo, Relation, TaxonomyData
from tests.unit.matcher.conftest import STARTER, esco_data, starter_data, starter_model

Skills = dict[str, tuple[list[str], list[str]]]  # occupation -> (essential, optional)


def taxonomy(skills: Skills, related: tuple[tuple[str, str], ...] = ()) -> TaxonomyData:
    """A hand-made taxonomy; every skill named, no hierarchy."""
    pairs: list[tuple[str, str, Relation]] = []
    for occupation, (essential, optional) in skills.items():
        pairs += [(occupation, s, "essential") for s in essential]
        pairs += [(occupation, s, "optional") for s in optional]
    return TaxonomyData(
        skill_uris=sorted({s for _, s, _ in pairs}),
        occupation_uris=sorted(skills),
        occupation_skills=pairs,
        skill_relations=list(related),
        skill_broader=[],
        fingerprint="toy",
    )


def graph(
    skills: Skills,
    levels: dict[str, int | None] | None = None,
    thresholds: Thresholds | None = None,
    related: tuple[tuple[str, str], ...] = (),
) -> TransitionGraph:
    """The graph of a hand-made taxonomy; neighbours=0: only explicit relations give credit."""
    data = taxonomy(skills, related)
    infos = [OccupationInfo(o, "9112", (levels or {}).get(o, 1)) for o in skills]
    return build_transitions(
        data, infos, build_skill_model(data, neighbours=0), thresholds=thresholds
    )


def similarity(data: TaxonomyData, origin: str, destination: str) -> float:
    cov = coverage(data, build_skill_model(data, neighbours=0), sorted(data.occupation_uris))
    return float(cov.similarity[cov.uris.index(origin), cov.uris.index(destination)])


def destinations(g: TransitionGraph, origin: str) -> list[str]:
    return [t.destination_uri for t in g.transitions_from(origin)]


# Similarity -------------------------------------------------------------------------------


def test_a_broad_occupation_covers_a_narrow_one_better_than_the_reverse() -> None:
    data = taxonomy(
        {
            "o:all-round-cleaner": (["s:floors", "s:windows", "s:toilets", "s:carpets"], []),
            "o:floor-cleaner": (["s:floors"], []),
        }
    )
    assert similarity(data, "o:all-round-cleaner", "o:floor-cleaner") == 1.0
    narrow_to_broad = similarity(data, "o:floor-cleaner", "o:all-round-cleaner")
    assert 0 < narrow_to_broad < 0.5


def test_a_related_skill_gives_partial_credit_and_is_not_missing() -> None:
    skills: Skills = {"o:window-cleaner": (["s:windows"], []), "o:glazier": (["s:glass"], [])}
    unrelated = graph(skills, thresholds=Thresholds(0.3, 0.5))
    related = graph(skills, thresholds=Thresholds(0.3, 0.5), related=(("s:windows", "s:glass"),))
    credit = round(EXPLICIT_SIMILARITY * RELATED_CAP, 4)
    move = related.transition("o:window-cleaner", "o:glazier")
    assert move is not None
    assert (move.similarity, move.gap) == (credit, 1 - credit)
    assert move.missing_essential == ()
    assert move.viable and not move.highly_viable
    assert unrelated.transition("o:window-cleaner", "o:glazier") is None  # similarity 0


def test_an_optional_skill_of_the_origin_counts_for_half() -> None:
    data = taxonomy({"o:cook": (["s:cook"], ["s:dishes"]), "o:dishwasher": (["s:dishes"], [])})
    assert similarity(data, "o:cook", "o:dishwasher") == ORIGIN_FACTOR["optional"]
    assert similarity(data, "o:dishwasher", "o:cook") == 0.0


def test_specific_skills_weigh_more_in_the_similarity() -> None:
    # s:teams is asked for by all three, s:weld by the welder only: a teams-only origin
    # covers less of the welder than the welder's share of skills alone would say.
    data = taxonomy(
        {
            "o:welder": (["s:teams", "s:weld"], []),
            "o:clerk": (["s:teams"], []),
            "o:porter": (["s:teams", "s:lift"], []),
        }
    )
    assert 0 < similarity(data, "o:clerk", "o:welder") < 0.5


def test_coverage_matches_the_formula_written_out_on_the_starter_taxonomy() -> None:
    data, model = starter_data(), starter_model()
    uris = sorted(data.occupation_uris)
    cov = coverage(data, model, uris)
    has: dict[str, dict[str, float]] = {}
    needs: dict[str, set[str]] = {}
    for occupation, skill, relation in data.occupation_skills:
        held = has.setdefault(occupation, {})
        held[skill] = max(held.get(skill, 0.0), ORIGIN_FACTOR[relation])
        if relation == "essential":
            needs.setdefault(occupation, set()).add(skill)
    related = model.related.tocsr()

    def plain(origin: str, destination: str) -> float:
        total = covered = 0.0
        for skill in needs.get(destination, set()):
            j = model.index[skill]
            best = max(
                (f * float(related[model.index[s], j]) for s, f in has[origin].items()),
                default=0.0,
            )
            total += model.specificity(skill)
            covered += model.specificity(skill) * best
        return covered / total if total else 0.0

    for a in uris[::3]:
        for b in uris[::2]:
            assert cov.similarity[uris.index(a), uris.index(b)] == pytest.approx(
                plain(a, b), abs=1e-4
            )


# Thresholds -------------------------------------------------------------------------------

# Every skill is listed by exactly two occupations, so every skill weighs the same and a
# similarity is the plain share of the destination's essential skills the origin has.
CALIBRATION: Skills = {
    "o:a": (["s:1", "s:2"], []),  # unit group 9112
    "o:b": (["s:1", "s:3"], []),  # unit group 9112
    "o:c": (["s:4", "s:5"], []),  # unit group 5120
    "o:d": (["s:4", "s:5"], []),  # unit group 5120
    "o:e": (["s:2", "s:3"], []),  # unit group 7000, alone
}
UNIT = {"o:a": "9112", "o:b": "9112", "o:c": "5120", "o:d": "5120", "o:e": "7000"}


def calibrated(family: dict[str, str]) -> TransitionGraph:
    data = taxonomy(CALIBRATION)
    infos = [OccupationInfo(o, UNIT[o], 1, family.get(o)) for o in CALIBRATION]
    return build_transitions(data, infos, build_skill_model(data, neighbours=0))


def test_thresholds_are_the_mean_minus_one_sd_of_within_group_means() -> None:
    # 9112: a -> b and b -> a share s:1 of two: mean 0.5. 5120: c and d are the same: 1.0.
    # Group means 0.5 and 1.0: mean 0.75, SD 0.25, viable 0.5. Broad ESCO occupation {c, d}
    # alone: mean 1.0, SD 0: highly viable 1.0.
    g = calibrated({"o:d": "o:c"})
    limits = g.thresholds
    assert limits.viable_from is not None and limits.highly_viable_from is not None
    assert (limits.viable_from.groups, limits.viable_from.mean) == (2, 0.75)
    assert limits.viable_from.sd == pytest.approx(0.25)
    assert (limits.viable, limits.highly_viable) == (0.5, 1.0)
    assert limits.highly_viable_from.basis == "esco_broad_occupation"
    assert destinations(g, "o:a") == ["o:b", "o:e"]  # 0.5 each: at the bar is viable
    move = g.transition("o:c", "o:d")
    assert move is not None and move.highly_viable
    assert g.transition("o:a", "o:b").highly_viable is False  # type: ignore[union-attr]


def test_without_broad_occupations_highly_viable_is_the_unit_groups_mean() -> None:
    limits = calibrated({}).thresholds
    assert limits.highly_viable_from is not None
    assert limits.highly_viable_from.basis == "isco_unit_group_mean"
    assert (limits.viable, limits.highly_viable) == (0.5, 0.75)


def test_without_a_unit_group_of_two_nesta_s_thresholds_apply() -> None:
    data = taxonomy(CALIBRATION)
    infos = [OccupationInfo(o, f"900{i}", 1) for i, o in enumerate(CALIBRATION)]
    limits = build_transitions(data, infos, build_skill_model(data, neighbours=0)).thresholds
    assert limits == Thresholds(0.3, 0.4)


def test_calibrate_averages_each_group_first_and_skips_lone_occupations() -> None:
    s = np.array(
        [
            [1.0, 0.2, 0.0, 0.0, 0.9],
            [0.4, 1.0, 0.0, 0.0, 0.9],
            [0.0, 0.0, 1.0, 0.6, 0.9],
            [0.0, 0.0, 0.8, 1.0, 0.9],
            [0.9, 0.9, 0.9, 0.9, 1.0],
        ],
        dtype=np.float32,
    )
    result = calibrate(s, ["x", "x", "y", "y", "z"], "test")
    assert result is not None
    assert result.groups == 2
    assert result.mean == pytest.approx(0.5)  # (0.3 + 0.7) / 2
    assert result.sd == pytest.approx(0.2)
    assert result.value == 0.3
    assert calibrate(s, ["a", "b", "c", "d", "e"], "test") is None


# The skill level rule ---------------------------------------------------------------------

SAME_SKILLS: Skills = {
    o: (["s:sort", "s:pack"], []) for o in ("o:level1", "o:level2", "o:level3", "o:unknown")
}
LEVELS: dict[str, int | None] = {
    "o:level1": 1,
    "o:level2": 2,
    "o:level3": 3,
    "o:unknown": None,
}


def test_a_transition_goes_at_most_one_skill_level_up_and_any_number_down() -> None:
    g = graph(SAME_SKILLS, LEVELS, Thresholds(0.3, 0.4))
    assert destinations(g, "o:level1") == ["o:level2", "o:unknown"]
    assert destinations(g, "o:level3") == ["o:level1", "o:level2", "o:unknown"]
    # Without a known level the rule cannot hold an occupation back, either way.
    assert destinations(g, "o:unknown") == ["o:level1", "o:level2", "o:level3"]
    blocked = g.transition("o:level1", "o:level3")
    assert blocked is not None  # kept among the nearest, but not viable
    assert (blocked.similarity, blocked.viable, blocked.level_delta) == (1.0, False, 2)
    assert g.n_viable[g.index["o:level1"]] == 2


def test_stepping_stones_are_viable_moves_to_the_same_level_or_one_up() -> None:
    skills = dict(SAME_SKILLS) | {"o:level1-peer": (["s:sort", "s:pack", "s:label"], [])}
    g = graph(skills, LEVELS | {"o:level1-peer": 1}, Thresholds(0.3, 0.4))
    stones = g.stepping_stones("o:level2")
    # From level 2: level 3 (one up) and level 2 peers; not level 1 (down), not unknown.
    assert [t.destination_uri for t in stones] == ["o:level3"]
    stones = g.stepping_stones("o:level1")
    assert [(t.destination_uri, t.level_delta) for t in stones] == [
        ("o:level2", 1),
        ("o:level1-peer", 0),
    ]
    assert stones[0].similarity > stones[1].similarity


# Routes -----------------------------------------------------------------------------------

ROUTES: Skills = {
    "o:start": (["s:1", "s:2", "s:3", "s:4"], []),
    # Through p: 2 skills to learn first (fewer), then 3: total 5.
    "o:p": (["s:1", "s:2", "s:3", "s:4", "s:t1", "s:j1"], []),
    # Through q: 3 skills to learn, then 1: total 4.
    "o:q": (["s:1", "s:2", "s:3", "s:4", "s:x1", "s:x2", "s:x3"], []),
    "o:target": (["s:x1", "s:x2", "s:x3", "s:t1"], []),
    "o:island": (["s:far"], []),
}
CHAIN: Skills = {f"o:{i}": ([f"s:{i}", f"s:{i + 1}"], []) for i in range(5)}


def test_the_route_with_the_least_total_gap_wins_over_a_cheaper_first_step() -> None:
    g = graph(ROUTES, thresholds=Thresholds(0.1, 0.5))
    assert g.transition("o:start", "o:target") is None  # nothing in common
    first_p = g.transition("o:start", "o:p")
    first_q = g.transition("o:start", "o:q")
    assert first_p is not None and first_q is not None and first_p.gap < first_q.gap
    path = g.find_path("o:start", "o:target")
    assert path.found
    assert [(s.origin_uri, s.destination_uri) for s in path.steps] == [
        ("o:start", "o:q"),
        ("o:q", "o:target"),
    ]
    assert path.total_gap == 4.0
    assert path.steps[1].missing_essential == ("s:t1",)


def test_a_route_has_at_most_three_steps() -> None:
    g = graph(CHAIN, thresholds=Thresholds(0.3, 0.5))
    assert len(g.find_path("o:0", "o:3").steps) == 3
    too_far = g.find_path("o:0", "o:4")
    assert (too_far.found, too_far.steps, too_far.total_gap) == (False, (), None)
    assert len(g.find_path("o:0", "o:4", max_steps=4).steps) == 4


def test_no_route_is_a_clear_empty_result_and_an_unknown_occupation_an_error() -> None:
    g = graph(ROUTES, thresholds=Thresholds(0.1, 0.5))
    path = g.find_path("o:start", "o:island")
    assert (path.found, path.steps, path.total_gap) == (False, (), None)
    assert g.find_path("o:start", "o:start").found
    with pytest.raises(ValueError, match="unknown occupation"):
        g.find_path("o:start", "o:nowhere")


# The result -------------------------------------------------------------------------------


def test_rows_serialise_with_missing_skills_and_the_version_follows_the_inputs() -> None:
    g = graph(ROUTES, thresholds=Thresholds(0.1, 0.5))
    rows = list(g.rows())
    assert json.loads(json.dumps(rows))  # plain values only
    row = next(r for r in rows if r.origin_uri == "o:q" and r.destination_uri == "o:target")
    # Every skill here is listed twice, so all weigh the same: q has 3 of the target's 4.
    assert (row.similarity, row.missing_essential, row.gap) == (0.75, ["s:t1"], 1.0)
    assert (row.viable, row.highly_viable, row.level_delta) == (True, True, 0)
    again = graph(ROUTES, thresholds=Thresholds(0.1, 0.5))
    other_levels = graph(ROUTES, {"o:q": 2}, Thresholds(0.1, 0.5))
    other_bar = graph(ROUTES, thresholds=Thresholds(0.2, 0.5))
    assert g.version == again.version
    assert len({g.version, other_levels.version, other_bar.version}) == 3


def test_the_cap_keeps_the_most_similar_but_counts_every_viable_destination() -> None:
    data = taxonomy(CHAIN)
    infos = [OccupationInfo(o, "9112", 1) for o in CHAIN]
    model = build_skill_model(data, neighbours=0)
    capped = build_transitions(
        data, infos, model, thresholds=Thresholds(0.3, 0.5), top_n=0, max_per_origin=1
    )
    assert capped.n_viable[capped.index["o:1"]] == 2  # o:0 and o:2
    assert len(capped.transitions_from("o:1")) == 1
    assert capped.distribution().maximum == 2


def test_bad_occupation_info_is_refused() -> None:
    data = taxonomy(CHAIN)
    infos = [OccupationInfo(o, "9112", 1) for o in CHAIN]
    with pytest.raises(ValueError, match="no OccupationInfo"):
        build_transitions(data, infos[1:])
    with pytest.raises(ValueError, match="4 digits"):
        build_transitions(data, [*infos[1:], dataclasses.replace(infos[0], isco_code="91")])


def test_families_follow_narrower_links_to_the_broad_occupation() -> None:
    pairs = [("o:halal-butcher", "o:butcher"), ("o:kosher-butcher", "o:butcher")]
    pairs.append(("o:junior-halal-butcher", "o:halal-butcher"))
    assert families(pairs) == {
        "o:halal-butcher": "o:butcher",
        "o:kosher-butcher": "o:butcher",
        "o:junior-halal-butcher": "o:butcher",
    }


# On real data -----------------------------------------------------------------------------


def occupation_infos(folder: Path) -> list[OccupationInfo]:
    """The ISCO code, skill level and broad ESCO occupation of every occupation in a folder."""
    taxonomy = reader.read_folder(folder)
    narrower = families(
        (r.concept_uri, r.broader_uri)
        for r in taxonomy.taxonomy_broader
        if r.pillar == "occupation" and r.broader_type == "Occupation"
    )
    return [
        OccupationInfo(r.uri, r.isco_code, r.skill_level, narrower.get(r.uri))
        for r in taxonomy.occupation.values()
    ]


@cache
def starter_graph() -> TransitionGraph:
    return build_transitions(starter_data(), occupation_infos(STARTER), starter_model())


def test_an_office_cleaner_can_move_to_other_cleaning_work_on_the_starter_taxonomy() -> None:
    g = starter_graph()
    moves = g.transitions_from("urn:opstap:occupation:office-cleaner")
    assert moves, "an office cleaner should have viable transitions"
    cleaning = {
        f"urn:opstap:occupation:{o}"
        for o in ("room-attendant", "domestic-cleaner", "window-cleaner", "industrial-cleaner")
    }
    assert moves[0].destination_uri in cleaning
    assert all(m.level_delta is not None and m.level_delta <= 1 for m in moves)
    unrelated = {f"urn:opstap:occupation:{o}" for o in ("data-entry-clerk", "forklift-driver")}
    assert not unrelated & {m.destination_uri for m in moves}
    assert 0 < g.thresholds.viable <= g.thresholds.highly_viable < 1
    assert g.distribution().occupations == len(starter_data().occupation_uris)


@pytest.mark.esco
def test_full_esco_builds_with_viable_transitions_for_almost_everyone(
    esco_dir: Path | None,
) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    g = build_transitions(esco_data(esco_dir), occupation_infos(esco_dir))
    spread = g.distribution()
    assert spread.occupations == 3007
    assert spread.without < 30 and spread.median > 10
