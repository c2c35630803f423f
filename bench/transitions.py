"""Occupation transitions on a whole taxonomy: build time, memory, thresholds, spread, examples.

`python -m bench.transitions [--json] [folder]` (folder: OPSTAP_ESCO_DIR, else the starter
taxonomy). The figures are measured in a child process when run through `run`, so that the
peak RSS is this workload's alone.

Baselines in the same run:
- the same similarity written the plain way (dicts and loops: each origin's best credit per
  skill, then one pair at a time) on SAMPLE origins against every destination, extrapolated to
  all ordered pairs; it also checks the vectorised similarities (largest difference printed);
- the same route search written the plain way (dicts, layer by layer) on ROUTES random pairs,
  checking that both find the same total gap;
- plain Jaccard overlap of essential skills (vectorised, symmetric, no related credit), timed,
  and its top 10 beside ours for the spot check.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np
from scipy import sparse

from bench import matcher_data
from bench.common import Figure, taxonomy_dir
from services.core.taxonomy import reader
from services.matcher import transition_coverage, transition_thresholds, transitions
from services.matcher.similarity import SkillModel, build_skill_model
from services.matcher.transitions import TransitionGraph
from services.matcher.types import OccupationInfo, TaxonomyData

SEED = 20261125
SAMPLE = 20  # origins the plain similarity scores against every destination
ROUTES = 50  # (origin, target) pairs for the route search
TARGET_S = 60.0
TARGET_MIB = 4096.0
SPOT_CHECK = ("building cleaner", "industrial cleaner", "office cleaner", "domestic cleaner")
SPOT_TARGET = ("housekeeping supervisor", "cleaning-team leader", "cook")


def occupation_infos(folder: Path) -> list[OccupationInfo]:
    """ISCO code, skill level and broad ESCO occupation of every occupation in the folder."""
    taxonomy = reader.read_folder(folder)
    narrower = transition_thresholds.families(
        (r.concept_uri, r.broader_uri)
        for r in taxonomy.taxonomy_broader
        if r.pillar == "occupation" and r.broader_type == "Occupation"
    )
    return [
        OccupationInfo(r.uri, r.isco_code, r.skill_level, narrower.get(r.uri))
        for r in taxonomy.occupation.values()
    ]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def _log(text: str) -> None:
    print(f"transitions bench: {text}", file=sys.stderr, flush=True)


def plain_similarity(
    data: TaxonomyData, model: SkillModel, origins: Sequence[str], uris: Sequence[str]
) -> tuple[dict[tuple[str, str], float], float]:
    """sim(o -> d) for each origin against every destination, the plain way; seconds per pair."""
    started = time.perf_counter()
    held: dict[str, dict[str, float]] = {}
    needs: dict[str, list[str]] = {}
    for occupation, skill, relation in data.occupation_skills:
        skills = held.setdefault(occupation, {})
        skills[skill] = max(skills.get(skill, 0.0), transition_coverage.ORIGIN_FACTOR[relation])
        if relation == "essential":
            needs.setdefault(occupation, []).append(skill)
    related, uris_of = model.related, model.skill_uris
    result: dict[tuple[str, str], float] = {}
    for origin in origins:
        best: dict[str, float] = {}
        for skill, factor in held.get(origin, {}).items():
            i = model.index.get(skill, -1)
            row = [(skill, 1.0)] if i < 0 else []
            for k in range(related.indptr[i], related.indptr[i + 1]) if i >= 0 else ():
                row.append((uris_of[related.indices[k]], float(related.data[k])))
            for target, value in row:
                best[target] = max(best.get(target, 0.0), value * factor)
        for destination in uris:
            total = covered = 0.0
            for skill in needs.get(destination, ()):
                weight = model.specificity(skill)
                total += weight
                covered += weight * best.get(skill, 0.0)
            result[origin, destination] = covered / total if total else 0.0
    return result, (time.perf_counter() - started) / len(result)


def plain_route(graph: TransitionGraph, start: str, target: str) -> float | None:
    """The least total gap of at most MAX_STEPS viable steps, with dicts, layer by layer."""
    edges: dict[str, list[tuple[str, float]]] = {}
    for row in graph.rows():
        if row.viable:
            edges.setdefault(row.origin_uri, []).append((row.destination_uri, row.gap))
    return _layers(edges, start, target)


def _layers(edges: dict[str, list[tuple[str, float]]], start: str, target: str) -> float | None:
    cost, best = {start: 0.0}, None
    for _ in range(transitions.MAX_STEPS):
        reached: dict[str, float] = {}
        for node, spent in cost.items():
            for destination, gap in edges.get(node, ()):
                if destination != start and spent + gap < reached.get(destination, np.inf):
                    reached[destination] = spent + gap
        cost = reached
        if target in cost and (best is None or cost[target] < best):
            best = cost[target]
    return best


def jaccard(data: TaxonomyData, uris: Sequence[str]) -> tuple[np.ndarray, float]:
    """Jaccard overlap of essential skills for every pair (dense), and the seconds it took."""
    started = time.perf_counter()
    position = {uri: i for i, uri in enumerate(uris)}
    skills = sorted({s for _, s, r in data.occupation_skills if r == "essential"})
    column = {s: j for j, s in enumerate(skills)}
    pairs = sorted(
        {(position[o], column[s]) for o, s, r in data.occupation_skills if r == "essential"}
    )
    rows, cols = (np.array(a, dtype=np.int64) for a in zip(*pairs, strict=True))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)), shape=(len(uris), len(skills))
    )
    shared = (matrix @ matrix.T).toarray()
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - shared
    scores = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return scores, time.perf_counter() - started


def measure(folder: Path) -> tuple[list[Figure], str]:
    """Every figure and the printed report, in this process."""
    data = matcher_data.taxonomy_data(folder)
    infos = occupation_infos(folder)
    started = time.perf_counter()
    model = build_skill_model(data)
    model_s = time.perf_counter() - started
    before = _rss_mib()
    started = time.perf_counter()
    graph = transitions.build_transitions(data, infos, model)
    build_s = time.perf_counter() - started
    peak = _peak_mib()
    _log(f"built {graph.version} in {build_s:.1f} s (skill model {model_s:.1f} s)")
    uris = [info.uri for info in infos]
    cov = transition_coverage.coverage(data, model, sorted(uris))
    rng = np.random.default_rng(SEED)
    origins = [cov.uris[int(i)] for i in rng.choice(len(uris), min(SAMPLE, len(uris)), False)]
    plain, per_pair = plain_similarity(data, model, origins, cov.uris)
    at = {uri: i for i, uri in enumerate(cov.uris)}
    worst = max(abs(float(cov.similarity[at[o], at[d]]) - v) for (o, d), v in plain.items())
    scores, jaccard_s = jaccard(data, cov.uris)
    n = len(uris)
    figures = [
        Figure(
            f"transitions build, {n:,} x {n:,} pairs",
            build_s,
            per_pair * n * n,
            "s",
            f"target < {TARGET_S:.0f} s; skill model {model_s:.1f} s more; baseline: plain"
            f" loops on {len(plain):,} pairs, extrapolated; max |diff| {worst:.5f}",
        ),
        Figure(
            "transitions build vs Jaccard (vectorised)",
            build_s,
            jaccard_s,
            "s",
            "Jaccard: essential skills only, symmetric, no related credit",
        ),
        Figure(
            "transitions peak RSS (whole process)",
            peak,
            TARGET_MIB,
            "MiB",
            f"RSS before building {before:,.0f} MiB; baseline: the 4 GiB target",
        ),
        _route_figure(graph, rng),
    ]
    return figures, report(graph, data, cov, scores)


def _route_figure(graph: TransitionGraph, rng: np.random.Generator) -> Figure:
    """Median find_path time on random pairs, against the plain layered search."""
    uris = [info.uri for info in graph.occupations]
    picks = rng.choice(len(uris), size=(ROUTES, 2))
    times, found, wrong = [], 0, 0
    edges: dict[str, list[tuple[str, float]]] = {}
    for row in graph.rows():
        if row.viable:
            edges.setdefault(row.origin_uri, []).append((row.destination_uri, row.gap))
    plain_times = []
    for a, b in picks:
        started = time.perf_counter()
        path = graph.find_path(uris[a], uris[b])
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        expected = _layers(edges, uris[a], uris[b]) if a != b else 0.0
        plain_times.append(time.perf_counter() - started)
        found += path.found
        total = path.total_gap
        wrong += (total is None) != (expected is None) or (
            total is not None and expected is not None and abs(total - expected) > 1e-3
        )
    return Figure(
        "find_path (at most 3 steps), median",
        statistics.median(times) * 1000,
        statistics.median(plain_times) * 1000,
        "ms",
        f"{ROUTES} random pairs, {found} with a route; total gap differs from plain in {wrong}",
    )


def report(
    graph: TransitionGraph,
    data: TaxonomyData,
    cov: transition_coverage.Coverage,
    scores: np.ndarray,
) -> str:
    """Thresholds, the spread of viable transitions, and spot checks with labels."""
    lines = [f"transitions {graph.version}: {len(graph.destination):,} rows kept"]
    limits = graph.thresholds
    for name, value, basis in (
        ("viable", limits.viable, limits.viable_from),
        ("highly viable", limits.highly_viable, limits.highly_viable_from),
    ):
        how = "given" if basis is None else _calibration(basis)
        lines.append(f"  threshold {name:<14} {value:.2f}  ({how})")
    minor = transition_thresholds.calibrate(
        cov.similarity,
        [info.isco_code[:3] for info in graph.occupations],
        "isco_minor_group",
        np.diff(cov.essential.indptr) > 0,
    )
    if minor is not None:
        lines.append(f"  for comparison, over ISCO 3-digit groups: {_calibration(minor)}")
    lines.append("  viable transitions per occupation: " + _spread(graph))
    nesta = transitions.build_transitions(
        data,
        graph.occupations,
        thresholds=transition_thresholds.Thresholds(
            transition_thresholds.DEFAULT_VIABLE, transition_thresholds.DEFAULT_HIGHLY_VIABLE
        ),
    )
    lines.append("  with Nesta's fixed 0.30 / 0.40 instead:   " + _spread(nesta))
    lines += spot_checks(graph, data, cov, scores)
    return "\n".join(lines)


def _calibration(c: transition_thresholds.Calibration) -> str:
    return f"{c.basis}: {c.groups} groups, mean {c.mean:.3f} - sd {c.sd:.3f} = {c.value:.2f}"


def _spread(graph: TransitionGraph) -> str:
    d = graph.distribution()
    return (
        f"min {d.minimum}, median {d.median:g}, p90 {d.p90:g}, max {d.maximum},"
        f" mean {d.mean:g}; {d.without} of {d.occupations:,} have none"
    )


def spot_checks(
    graph: TransitionGraph,
    data: TaxonomyData,
    cov: transition_coverage.Coverage,
    scores: np.ndarray,
) -> list[str]:
    """The top 10 from a cleaning occupation (ours and Jaccard's), its stepping stones, a route."""
    label = {uri: en for uri, (en, _) in data.labels.items()}
    by_label = {en: uri for uri, en in label.items() if uri in graph.index}
    origin = next((by_label[name] for name in SPOT_CHECK if name in by_label), None)
    if origin is None:
        return ["  (no cleaning occupation found for the spot check)"]
    level = graph.occupations[graph.index[origin]].skill_level
    lines = [f"\ntop 10 transitions from {label[origin]!r} (ISCO level {level}), ours:"]
    lines.append(f"  {'sim':>6} {'flag':<6} {'dlev':>4} {'gap':>6} {'miss':>4}  destination")
    for t in graph.transitions_from(origin, viable_only=False)[:10]:
        flag = "high" if t.highly_viable else "viable" if t.viable else "-"
        delta = "?" if t.level_delta is None else f"{t.level_delta:+d}"
        lines.append(
            f"  {t.similarity:6.3f} {flag:<6} {delta:>4} {t.gap:6.2f}"
            f" {len(t.missing_essential):>4}  {label.get(t.destination_uri, t.destination_uri)}"
        )
    row = scores[cov.uris.index(origin)].copy()
    row[cov.uris.index(origin)] = -1
    top = np.lexsort((np.arange(len(row)), -row))[:10]
    names = ", ".join(f"{label.get(cov.uris[j], cov.uris[j])} {row[j]:.2f}" for j in top)
    lines.append(f"Jaccard top 10: {names}")
    stones = graph.stepping_stones(origin, k=5)
    names = ", ".join(f"{label.get(t.destination_uri)} ({t.level_delta:+d})" for t in stones)
    lines.append(f"stepping stones: {names}")
    target = next((by_label[name] for name in SPOT_TARGET if name in by_label), None)
    if target is not None:
        path = graph.find_path(origin, target)
        steps = " -> ".join(
            f"{label.get(s.destination_uri)} (gap {s.gap:.1f}, {len(s.missing_essential)} missing)"
            for s in path.steps
        )
        lines.append(f"route to {label[target]!r}: total gap {path.total_gap}: {steps or '-'}")
    return lines


def run(folder: Path) -> tuple[list[Figure], str]:
    """The figures and the report, measured in a child process (its own peak RSS)."""
    child = subprocess.run(
        [sys.executable, "-m", "bench.transitions", "--json", str(folder)],
        stdout=subprocess.PIPE,
        check=True,
        text=True,
    )
    result = json.loads(child.stdout.splitlines()[-1])
    return [Figure(**fields) for fields in result["figures"]], result["report"]


def main(argv: Sequence[str]) -> None:
    """`python -m bench.transitions [--json] [folder]`: print the figures and the report."""
    as_json = "--json" in argv
    rest = [a for a in argv if a != "--json"]
    folder = Path(rest[0]) if rest else taxonomy_dir()
    figures, text = measure(folder)
    if as_json:
        print(json.dumps({"figures": [asdict(f) for f in figures], "report": text}))
        return
    print(f"bench: taxonomy {folder}")
    for figure in figures:
        print(figure.line(), flush=True)
    print(f"\n{text}")


if __name__ == "__main__":
    main(sys.argv[1:])
