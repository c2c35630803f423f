"""Matcher quality: does a person's own occupation's vacancy come out on top?

For a fixed sample of occupations (each with at least 5 essential skills) there is one
vacancy per occupation and two synthetic people trained for it (bench.matcher_data). Every
person ranks every vacancy, once by the matcher and once by plain Jaccard overlap of skill
URIs; we count how often the own occupation's vacancy ranks 1st, in the top 5 and top 10,
and the mean reciprocal rank. Ties count against: a vacancy scoring the same as the own one
ranks above it, so a scorer gains nothing from coarse scores.

The matcher ranks by recompute with k = the number of vacancies, so every pair it scores
above 0 is in the matrix (pairs it leaves out score 0); a few pairs are checked against
Matcher.score and each checked person's top vacancy against vacancies_for. Constraints
(hours, distance, rung, ...) are drawn independently of the occupation and never enter the
matcher's score. Nothing here is tuned to this sample: the sizes and the seed are fixed,
and the held-out evaluation lives elsewhere.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from bench import matcher_data
from bench.common import Figure, taxonomy_dir
from services.matcher.scoring import Matcher
from services.matcher.similarity import SkillModel, build_skill_model
from services.matcher.types import Person, TaxonomyData, Vacancy

SEED = 20261123
OCCUPATIONS = 600  # sampled when the taxonomy has more eligible occupations (ESCO has ~3,000)
MIN_ESSENTIAL = 5
PEOPLE_PER_OCCUPATION = 2
TOPS = (1, 5, 10)
CHECKS = 100  # pairs checked against Matcher.score (about 1 ms each)


@dataclass(frozen=True)
class Sample:
    """The evaluation set: vacancies, people, and which vacancy is each person's own."""

    vacancies: list[Vacancy]
    people: list[Person]
    own: np.ndarray  # people -> index into vacancies


@dataclass(frozen=True)
class Quality:
    """How well one scorer ranks the own vacancy."""

    name: str
    top: dict[int, float]  # k -> share of people with the own vacancy in the top k
    mrr: float
    seconds: float


def sample(data: TaxonomyData, seed: int = SEED, occupations: int = OCCUPATIONS) -> Sample:
    """The fixed evaluation set for a taxonomy (all eligible occupations when it has few)."""
    rng = np.random.default_rng(seed)
    eligible = matcher_data.occupations(data, MIN_ESSENTIAL)
    if len(eligible) > occupations:
        picked = np.sort(rng.choice(len(eligible), occupations, replace=False))
        eligible = [eligible[int(i)] for i in picked]
    vacancies = [
        matcher_data.vacancy_for(occupation, rng, vacancy_id=f"v{i:05d}")
        for i, occupation in enumerate(eligible)
    ]
    people = [
        matcher_data.synthetic_person(
            occupation, rng, skill_pool=data.skill_uris, person_id=f"p{i:05d}-{copy}"
        )
        for i, occupation in enumerate(eligible)
        for copy in range(PEOPLE_PER_OCCUPATION)
    ]
    own = np.repeat(np.arange(len(eligible)), PEOPLE_PER_OCCUPATION)
    return Sample(vacancies, people, own)


@dataclass(frozen=True)
class Evaluation:
    """Both scorers' quality, the sample, and any disagreement between the matcher's paths."""

    qualities: list[Quality]
    sample: Sample
    disagreements: list[str]


def _incidence(rows: Sequence[set[str]], columns: dict[str, int]) -> sparse.csr_matrix:
    """A 0/1 matrix with a row per set and a column per URI (new URIs get new columns)."""
    indptr: list[int] = [0]
    indices: list[int] = []
    for row in rows:
        indices.extend(columns.setdefault(uri, len(columns)) for uri in sorted(row))
        indptr.append(len(indices))
    ones = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_matrix((ones, np.array(indices), np.array(indptr)))


def jaccard_scores(people: Sequence[Person], vacancies: Sequence[Vacancy]) -> np.ndarray:
    """|person skills & vacancy skills| / |union| for every pair (people x vacancies)."""
    p_rows = [{s.uri for s in person.skills} for person in people]
    v_rows = [{s.uri for s in vacancy.skills} for vacancy in vacancies]
    columns: dict[str, int] = {}
    p, v = _incidence(p_rows, columns), _incidence(v_rows, columns)
    width = len(columns)
    p.resize((p.shape[0], width))
    v.resize((v.shape[0], width))
    inter = (p @ v.T).toarray()
    p_size = np.array([len(r) for r in p_rows], dtype=np.float64)
    v_size = np.array([len(r) for r in v_rows], dtype=np.float64)
    union = p_size[:, None] + v_size[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def matcher_scores(
    matcher: Matcher, people: Sequence[Person], vacancies: Sequence[Vacancy]
) -> np.ndarray:
    """The matcher's score (0-100) for every pair (people x vacancies), through recompute."""
    person_row = {person.id: i for i, person in enumerate(people)}
    vacancy_column = {vacancy.id: j for j, vacancy in enumerate(vacancies)}
    people_index = matcher.index_people(people)
    vacancy_index = matcher.index_vacancies(vacancies)
    scores = np.zeros((len(people), len(vacancies)))
    for vacancy_id, person_id, score in matcher.recompute(
        people_index, vacancy_index, k=len(vacancies)
    ):
        scores[person_row[person_id], vacancy_column[vacancy_id]] = score
    return scores


def disagreements(
    matcher: Matcher, chosen: Sample, scores: np.ndarray, checks: int = CHECKS
) -> list[str]:
    """Pairs where Matcher.score or vacancies_for disagrees with the recompute matrix."""
    rng = np.random.default_rng(SEED + 1)
    found = []
    for _ in range(checks):
        i, j = int(rng.integers(len(chosen.people))), int(rng.integers(len(chosen.vacancies)))
        score = matcher.score(chosen.people[i], chosen.vacancies[j])
        if score != scores[i, j]:
            found.append(
                f"score {chosen.people[i].id} x {chosen.vacancies[j].id}: {score}"
                f" vs recompute {scores[i, j]}"
            )
    index = matcher.index_vacancies(chosen.vacancies)
    for i in rng.choice(len(chosen.people), min(checks // 10, len(chosen.people)), replace=False):
        top = matcher.vacancies_for(chosen.people[int(i)], index, k=1)
        best = float(scores[int(i)].max())
        if best > 0 and (not top or top[0].score != best):
            got = top[0].score if top else None
            found.append(f"vacancies_for {chosen.people[int(i)].id}: top {got} vs recompute {best}")
    return found


def ranks(scores: np.ndarray, own: np.ndarray) -> np.ndarray:
    """The own vacancy's rank per person (1 = best); ties count against it."""
    own_score = scores[np.arange(len(own)), own]
    return (scores >= own_score[:, None]).sum(axis=1)  # counts the own vacancy itself


def quality(name: str, scores: np.ndarray, own: np.ndarray, seconds: float) -> Quality:
    """Top-k shares and mean reciprocal rank of the own vacancy."""
    rank = ranks(scores, own)
    top = {k: float((rank <= k).mean()) for k in TOPS}
    return Quality(name, top, float((1.0 / rank).mean()), seconds)


def table(results: Sequence[Quality], title: str) -> str:
    """The results as a plain table."""
    head = f"{'scorer':<10}" + "".join(f"{'top' + str(k):>8}" for k in TOPS) + f"{'MRR':>8}"
    lines = [title, head]
    for q in results:
        tops = "".join(f"{100 * q.top[k]:>7.1f}%" for k in TOPS)
        lines.append(f"{q.name:<10}{tops}{q.mrr:>8.3f}   ({q.seconds:.1f} s)")
    return "\n".join(lines)


def evaluate(data: TaxonomyData, model: SkillModel | None = None) -> Evaluation:
    """The matcher and the Jaccard baseline on the same sample."""
    chosen = sample(data)
    matcher = Matcher(model or build_skill_model(data))
    started = time.perf_counter()
    ours = matcher_scores(matcher, chosen.people, chosen.vacancies)
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    base = jaccard_scores(chosen.people, chosen.vacancies)
    base_s = time.perf_counter() - started
    return Evaluation(
        [
            quality("matcher", ours, chosen.own, ours_s),
            quality("jaccard", base, chosen.own, base_s),
        ],
        chosen,
        disagreements(matcher, chosen, ours),
    )


def figures(results: Sequence[Quality]) -> list[Figure]:
    """Ours against Jaccard per measure."""
    ours, base = results
    out = [
        Figure(f"match eval: own vacancy in top {k}", 100 * ours.top[k], 100 * base.top[k], "%")
        for k in TOPS
    ]
    out.append(Figure("match eval: mean reciprocal rank", ours.mrr, base.mrr, ""))
    return [dataclasses.replace(f, note="higher is better: a ratio < 1 favours ours") for f in out]


def run(folder: Path) -> tuple[list[Figure], str]:
    """Figures and a plain table for the taxonomy in `folder`."""
    result = evaluate(matcher_data.taxonomy_data(folder))
    chosen = result.sample
    title = (
        f"match eval on {folder.name}: {len(chosen.vacancies)} occupations/vacancies, "
        f"{len(chosen.people)} people; ties count against"
    )
    checks = "; ".join(result.disagreements[:5]) or (
        f"{CHECKS} pairs (Matcher.score) and {CHECKS // 10} top-1 lists (vacancies_for) agree"
    )
    return figures(result.qualities), f"{table(result.qualities, title)}\nchecks: {checks}"


if __name__ == "__main__":
    found, text = run(taxonomy_dir())
    for figure in found:
        print(figure.line())
    print(text)
