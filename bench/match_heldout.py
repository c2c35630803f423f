"""A held-out check of matching quality, measured through the HTTP API as its users see it.

`python -m bench.match_heldout [folder]` (folder: OPSTAP_ESCO_DIR, else the starter taxonomy;
DATABASE_URL and REDIS_URL as `opstap services run` sets them). It shares nothing with
bench/matcher_eval.py: its own generator, its own seed, and the API as the only way in and out.

1. A temporary database, migrated, holding the taxonomy of `folder`.
2. Through the API: the admin of an employer imports one open vacancy per occupation (CSV, in
   batches: one import takes at most 2,000 rows and 5 MB) asking for the occupation's essential
   skills as essential and its optional skills as optional. A vacancy takes at most 200 skills:
   past that the optional skills (sorted by URI) are left out; that is a dozen ESCO occupations.
   A jobcoach records OPSTAP_HELDOUT_PEOPLE people of each kind (default 100), each drawn from an
   occupation with at least 5 essential skills (seed OPSTAP_HELDOUT_SEED), with their consent to
   matching:
     exact       60% of the occupation's essential skills
     neighbours  60% of the essential skills, each replaced by a neighbour the occupation does
                 not ask for: an ESCO-related skill or a sibling under the same broader skill
                 (skillSkillRelations.csv, broaderRelationsSkillPillar.csv), and where a skill
                 has none, a sibling under its skill group
     thin        3 essential skills
     noisy       an exact draw plus 3 skills that neither the occupation nor a neighbour of its
                 skills is (drawn from the skills some occupation asks for)
   Constraints stay neutral (services/matcher/constraints.py: they are shown, never scored; only
   consent is hard): hours 0-40 against 20-32, no coordinates, rung 5 against regular work (6,
   one step up), no language asked, no accommodations. Every skill is observed at level 3.
3. The service's own full recompute (`opstap match recompute`, run as a process), then
   GET /employees/{id}/matches as the jobcoach: the rank of the person's own occupation's
   vacancy. The service keeps a person's best TOP_K (50), so a vacancy below that is a miss
   for both scorers (MRR@50). Baseline: Jaccard overlap of skill URIs for the same people and
   vacancies, ties broken by vacancy id as the API breaks them.
4. r@1, r@10 and MRR per kind and in all, for both, and the time of each stage.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench import common
from bench.common import Figure, server_url
from services.api.app import create_app
from services.core import bootstrap, db
from services.core.matching.service import TOP_K
from services.core.settings import Settings
from services.core.taxonomy import importer
from services.core.vacancies.csv_import import MAX_BYTES, MAX_ROWS

ROOT = Path(__file__).resolve().parents[1]
API = "/api/v1"
KINDS = ("exact", "neighbours", "thin", "noisy")
DEFAULT_PEOPLE = 100  # of each kind
DEFAULT_SEED = 91_517_003
SHARE = 0.6  # of the essential skills, for exact, neighbours and noisy
THIN = 3  # essential skills of a thin person; also the fewest neighbours a person may have
NOISE = 3  # unrelated skills of a noisy person
MIN_ESSENTIAL = 5  # essential skills of an occupation people are drawn from
VACANCY_SKILLS = 200  # the most skills a vacancy takes (VacancyIn.skills)
BATCH = min(500, MAX_ROWS)  # vacancies per CSV import
CONCURRENCY = 4  # requests in flight
PASSWORD = "heldout-bench-password"
EMPLOYER_ADMIN = "admin@heldout-employer.example"
WISE_ADMIN = "admin@heldout-wise.example"
COACH = "coach@heldout-wise.example"
PERSON = {
    "ladder_rung": 5,
    "hours_min": 0,
    "hours_max": 40,
    "languages": [{"language": "nl", "cefr": "C2"}],
}
VACANCY = {"contract_kind": "regular", "hours_min": "20", "hours_max": "32", "status": "open"}
SKILL = {"level": 3, "source": "observed"}


def _log(text: str) -> None:
    print(f"match_heldout: {text}", file=sys.stderr, flush=True)


# --- the generator -------------------------------------------------------------------------


@dataclass(frozen=True)
class Taxonomy:
    """What the generator and the vacancies need from the taxonomy's CSV files."""

    labels: dict[str, str]  # occupation -> preferred label
    essential: dict[str, tuple[str, ...]]  # occupation -> essential skills, sorted
    optional: dict[str, tuple[str, ...]]  # occupation -> optional skills, sorted
    near: dict[str, frozenset[str]]  # skill -> ESCO-related skills, siblings under a skill
    far: dict[str, frozenset[str]]  # skill -> siblings under its skill group
    used: tuple[str, ...]  # skills some occupation asks for, sorted

    def asked(self, occupation: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(essential, optional) skills of the occupation's vacancy, at most VACANCY_SKILLS."""
        essential = self.essential[occupation]
        return essential, self.optional[occupation][: max(0, VACANCY_SKILLS - len(essential))]


def _rows(folder: Path, name: str) -> Iterator[dict[str, str]]:
    with open(folder / name, newline="", encoding="utf-8") as file:
        yield from csv.DictReader(file)


def read_taxonomy(folder: Path) -> Taxonomy:
    """The taxonomy of an ESCO-layout folder; relations to unknown concepts left out, as the
    importer leaves them out."""
    csv.field_size_limit(1 << 30)  # ESCO's longest descriptions pass the default limit
    labels = {r["conceptUri"]: r["preferredLabel"] for r in _rows(folder, "occupations_en.csv")}
    skills = {r["conceptUri"] for r in _rows(folder, "skills_en.csv")}
    lists: dict[str, tuple[list[str], list[str]]] = {o: ([], []) for o in labels}
    for r in _rows(folder, "occupationSkillRelations.csv"):
        if r["occupationUri"] in lists and r["skillUri"] in skills:
            lists[r["occupationUri"]][r["relationType"] != "essential"].append(r["skillUri"])
    children: dict[str, set[str]] = defaultdict(set)
    broader: dict[str, set[str]] = defaultdict(set)
    for r in _rows(folder, "broaderRelationsSkillPillar.csv"):
        if r["conceptUri"] in skills:
            children[r["broaderUri"]].add(r["conceptUri"])
            broader[r["conceptUri"]].add(r["broaderUri"])
    related: dict[str, set[str]] = defaultdict(set)
    for r in _rows(folder, "skillSkillRelations.csv"):
        one, other = r["originalSkillUri"], r["relatedSkillUri"]
        if one in skills and other in skills and one != other:
            related[one].add(other)
            related[other].add(one)
    near: dict[str, frozenset[str]] = {}
    far: dict[str, frozenset[str]] = {}
    for skill in skills:
        close, group = set(related[skill]), set[str]()
        for parent in broader[skill]:
            # A broader concept that is a skill is "a broader skill"; else a skill group.
            (close if parent in skills else group).update(children[parent])
        near[skill], far[skill] = frozenset(close - {skill}), frozenset(group - {skill})
    return Taxonomy(
        labels=labels,
        essential={o: tuple(sorted(e)) for o, (e, _) in lists.items()},
        optional={o: tuple(sorted(p)) for o, (_, p) in lists.items()},
        near=near,
        far=far,
        used=tuple(sorted({s for e, p in lists.values() for s in (*e, *p)})),
    )


@dataclass(frozen=True)
class Person:
    """A synthetic person: what kind, whose occupation, which skills."""

    kind: str
    occupation: str
    skills: tuple[str, ...]


def population(tax: Taxonomy, per_kind: int, seed: int) -> tuple[list[Person], Counter[str]]:
    """`per_kind` people of each kind, each of another occupation within a kind; and how the
    neighbours' replacements were found ("near": related or under a broader skill, "far":
    under the skill group)."""
    rng = random.Random(seed)
    pool = sorted(o for o, e in tax.essential.items() if len(e) >= MIN_ESSENTIAL)
    people: list[Person] = []
    found: Counter[str] = Counter()
    for kind in KINDS:
        made = 0
        for occupation in rng.sample(pool, len(pool)):
            if made == per_kind:
                break
            drawn = _draw(kind, occupation, tax, rng)
            if drawn is not None:
                skills, tiers = drawn
                people.append(Person(kind, occupation, skills))
                found.update(tiers)
                made += 1
    return people, found


def _draw(
    kind: str, occupation: str, tax: Taxonomy, rng: random.Random
) -> tuple[tuple[str, ...], list[str]] | None:
    """(skills, tiers of the replacements) of one person, or None when the occupation cannot
    give this kind (fewer than THIN neighbours)."""
    essential = tax.essential[occupation]
    share = round(SHARE * len(essential))
    if kind == "exact":
        return tuple(rng.sample(essential, share)), []
    if kind == "thin":
        return tuple(rng.sample(essential, THIN)), []
    own = {*essential, *tax.optional[occupation]}
    if kind == "noisy":
        return (*rng.sample(essential, share), *_unrelated(own, tax, rng)), []
    chosen: list[str] = []
    tiers: list[str] = []
    taken = set(own)
    for skill in rng.sample(essential, len(essential)):
        if len(chosen) == share:
            break
        for tier, options in (("near", tax.near[skill]), ("far", tax.far[skill])):
            if free := sorted(options - taken):
                chosen.append(rng.choice(free))
                taken.add(chosen[-1])
                tiers.append(tier)
                break
    return (tuple(chosen), tiers) if len(chosen) >= THIN else None


def _unrelated(own: set[str], tax: Taxonomy, rng: random.Random) -> tuple[str, ...]:
    """NOISE skills that are neither in `own` nor a neighbour of one of them."""
    close = set(own).union(*(tax.near[s] | tax.far[s] for s in own))
    found: list[str] = []
    while len(found) < NOISE:
        skill = rng.choice(tax.used)
        if skill not in close and skill not in found:
            found.append(skill)
    return tuple(found)


# --- the service, through its API ------------------------------------------------------------


class Stages:
    """Seconds per stage, in order."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        _log(f"{name} ...")
        try:
            yield
        finally:
            self.seconds[name] = time.perf_counter() - started
            _log(f"{name}: {self.seconds[name]:.1f} s")


async def _ok(response: httpx.Response) -> Any:
    if response.status_code not in (200, 201):
        request = response.request
        answer = f"{response.status_code}: {response.text[:2000]}"
        raise RuntimeError(f"{request.method} {request.url} answered {answer}")
    return response.json()


async def _sign_in(http: httpx.AsyncClient, email: str) -> dict[str, str]:
    """Headers of a fresh sign-in (an access token lasts 15 minutes: one per stage)."""
    form = {"username": email, "password": PASSWORD}
    token = await _ok(await http.post(f"{API}/auth/token", data=form))
    return {"Authorization": f"Bearer {token['access_token']}"}


async def _gather(work: Sequence[Any]) -> list[Any]:
    """Await the coroutines `work`, CONCURRENCY at a time, results in order."""
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(job: Any) -> Any:
        async with gate:
            return await job

    return list(await asyncio.gather(*(one(job) for job in work)))


async def accounts(settings: Settings, http: httpx.AsyncClient) -> None:
    """The first admins as `opstap users create` makes them; the jobcoach through the API."""
    for email, organisation, kind in (
        (EMPLOYER_ADMIN, "Held-out employer", "employer"),
        (WISE_ADMIN, "Held-out WISE", "wise"),
    ):
        await bootstrap.create_user(
            settings,
            email=email,
            name="Held-out admin",
            role="admin",
            organisation=organisation,
            kind=kind,
            password=PASSWORD,
        )
    admin = await _sign_in(http, WISE_ADMIN)
    coach = {"email": COACH, "name": "Held-out coach", "role": "jobcoach", "password": PASSWORD}
    await _ok(await http.post(f"{API}/accounts", headers=admin, json=coach))


def _csv(tax: Taxonomy, occupations: Sequence[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "occupation_uri", "skills_essential", "skills_optional", *VACANCY])
    for occupation in occupations:
        essential, optional = tax.asked(occupation)
        title = tax.labels[occupation][:200]
        writer.writerow(
            [title, occupation, "|".join(essential), "|".join(optional), *VACANCY.values()]
        )
    return out.getvalue().encode()


async def import_vacancies(http: httpx.AsyncClient, tax: Taxonomy) -> dict[str, str]:
    """One open vacancy per occupation, in CSV batches; occupation -> vacancy id."""
    headers = await _sign_in(http, EMPLOYER_ADMIN)
    occupations = sorted(tax.labels)
    ids: dict[str, str] = {}
    for start in range(0, len(occupations), BATCH):
        batch = occupations[start : start + BATCH]
        data = _csv(tax, batch)
        if len(data) > MAX_BYTES:
            raise RuntimeError(f"a batch of {len(batch)} vacancies is over {MAX_BYTES} bytes")
        files = {"file": ("vacatures.csv", data, "text/csv")}
        result = await _ok(await http.post(f"{API}/vacancies/import", headers=headers, files=files))
        if result["imported"] != len(batch):
            raise RuntimeError(f"the import refused rows: {result['errors'][:5]}")
        ids.update(zip(batch, map(str, result["ids"]), strict=True))
    return ids


async def record_people(http: httpx.AsyncClient, people: Sequence[Person]) -> list[str]:
    """Each person recorded by the jobcoach, with skills and consent to matching; their ids."""
    headers = await _sign_in(http, COACH)

    async def record(n: int, person: Person) -> str:
        skills = [{"skill_uri": uri, **SKILL} for uri in person.skills]
        body = {"name": f"Held-out {person.kind} {n}", **PERSON, "skills": skills}
        made = await _ok(await http.post(f"{API}/employees", headers=headers, json=body))
        consent = {"purpose": "matching"}
        url = f"{API}/employees/{made['id']}/consents"
        await _ok(await http.post(url, headers=headers, json=consent))
        return str(made["id"])

    return await _gather([record(n, p) for n, p in enumerate(people)])


async def recompute(settings: Settings) -> str:
    """`opstap match recompute --here` on the database, as a process of its own; its report line."""
    env = os.environ | {
        "DATABASE_URL": str(settings.database_url),
        "REDIS_URL": str(settings.redis_url),
        "OPSTAP_DATA_DIR": str(settings.data_dir),
        "OPSTAP_LOG_FORMAT": "text",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "services", "match", "recompute", "--here"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    out, _ = await process.communicate()
    text = out.decode(errors="replace").strip()
    if process.returncode != 0:
        raise RuntimeError(f"opstap match recompute exited with {process.returncode}:\n{text}")
    return text.splitlines()[-1] if text else ""


@dataclass(frozen=True)
class Seen:
    """Where the person's own vacancy stands in their matches (None: not in the top TOP_K)."""

    rank: int | None
    tied: bool  # another listed vacancy has the very same score


async def read_ranks(
    http: httpx.AsyncClient, people: Sequence[Person], ids: Sequence[str], vacancies: dict[str, str]
) -> list[Seen]:
    """The jobcoach reads each person's matches, best first, the way the pages show them."""
    headers = await _sign_in(http, COACH)

    async def read(person: Person, employee_id: str) -> Seen:
        url = f"{API}/employees/{employee_id}/matches"
        page = await _ok(await http.get(url, headers=headers, params={"limit": TOP_K}))
        listed = [(str(item["vacancy_id"]), item["score"]) for item in page["items"]]
        own = vacancies[person.occupation]
        for n, (vacancy_id, score) in enumerate(listed, 1):
            if vacancy_id == own:
                tied = any(s == score for v, s in listed if v != own)
                return Seen(n, tied)
        return Seen(None, False)

    return await _gather([read(p, i) for p, i in zip(people, ids, strict=True)])


# --- the baseline and the scores --------------------------------------------------------------


def jaccard_ranks(
    people: Sequence[Person], tax: Taxonomy, vacancies: dict[str, str]
) -> list[int | None]:
    """Rank of the own vacancy by Jaccard overlap of skill URIs, score descending then vacancy
    id (the API's order); None below TOP_K."""
    asked = {vacancies[o]: frozenset(s for part in tax.asked(o) for s in part) for o in vacancies}
    holders: dict[str, list[str]] = defaultdict(list)
    for vacancy_id, skills in asked.items():
        for skill in skills:
            holders[skill].append(vacancy_id)
    ranks: list[int | None] = []
    for person in people:
        mine = set(person.skills)
        shared = Counter(v for s in mine for v in holders.get(s, ()))
        scores = {v: shared[v] / (len(mine) + len(s) - shared[v]) for v, s in asked.items()}
        own = vacancies[person.occupation]
        target = scores[own]
        rank = 1 + sum(s > target or (s == target and v < own) for v, s in scores.items())
        ranks.append(rank if rank <= TOP_K else None)
    return ranks


@dataclass(frozen=True)
class Quality:
    """Recall at 1 and 10 and the mean reciprocal rank (0 below TOP_K) of some people."""

    n: int
    r1: float
    r10: float
    mrr: float

    @classmethod
    def of(cls, ranks: Sequence[int | None]) -> Quality:
        """The quality of these ranks (None: not in the top TOP_K)."""
        n = max(1, len(ranks))
        found = [r for r in ranks if r is not None]
        return cls(
            len(ranks),
            sum(r <= 1 for r in found) / n,
            sum(r <= 10 for r in found) / n,
            sum(1 / r for r in found) / n,
        )


@dataclass(frozen=True)
class Result:
    """What one run measured."""

    service: dict[str, Quality]  # per kind and "all"
    jaccard: dict[str, Quality]
    seen: list[Seen]
    people: list[Person]
    vacancies: int
    capped: int  # vacancies whose optional skills were cut to VACANCY_SKILLS
    replacements: Counter[str]
    recompute: str  # the recompute's own report line
    stages: dict[str, float]
    per_kind: int
    seed: int


def _by_kind(people: Sequence[Person], ranks: Sequence[int | None]) -> dict[str, Quality]:
    pairs = list(zip(people, ranks, strict=True))
    found = {k: Quality.of([r for p, r in pairs if p.kind == k]) for k in KINDS}
    return found | {"all": Quality.of(ranks)}


@contextlib.asynccontextmanager
async def _api(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The API in-process (its lifespan run), reached over httpx."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://heldout") as http:
            yield http


async def evaluate(folder: Path, per_kind: int, seed: int) -> Result:
    """The whole run on a temporary database, dropped afterwards."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        raise SystemExit("bench: REDIS_URL is not set; run it through `opstap services run`")
    stages = Stages()
    with stages("generate: read the taxonomy files, draw the people"):
        tax = read_taxonomy(folder)
        people, replacements = population(tax, per_kind, seed)
    with tempfile.TemporaryDirectory(prefix="opstap-heldout-") as tmp:
        async with db.temporary_database(server_url(), "opstap_heldout") as url:
            settings = Settings(
                database_url=url,
                redis_url=redis_url,
                data_dir=Path(tmp),
                secret_key="heldout-secret-key-heldout-secret-key-0123456789",
            )
            with stages("database: create, migrate, import the taxonomy"):
                await bootstrap.migrate(settings)
                conn = await db.connect(url)
                try:
                    async with conn.transaction():
                        await importer.import_folder(conn, folder)
                finally:
                    await conn.close()
            async with _api(settings) as http:
                with stages("api: the admins, and a jobcoach"):
                    await accounts(settings, http)
                with stages(f"api: import {len(tax.labels):,} vacancies in CSV batches"):
                    vacancies = await import_vacancies(http, tax)
                with stages(f"api: record {len(people):,} people and their consent"):
                    ids = await record_people(http, people)
                with stages("opstap match recompute"):
                    line = await recompute(settings)
                with stages(f"api: read {len(people):,} people's matches"):
                    seen = await read_ranks(http, people, ids, vacancies)
    with stages("baseline: Jaccard ranks"):
        jaccard = jaccard_ranks(people, tax, vacancies)
    capped = sum(len(tax.essential[o]) + len(tax.optional[o]) > VACANCY_SKILLS for o in tax.labels)
    return Result(
        service=_by_kind(people, [s.rank for s in seen]),
        jaccard=_by_kind(people, jaccard),
        seen=seen,
        people=people,
        vacancies=len(vacancies),
        capped=capped,
        replacements=replacements,
        recompute=line,
        stages=stages.seconds,
        per_kind=per_kind,
        seed=seed,
    )


def _commit() -> str:
    """The commit measured, with "+changes" when tracked files differ from it."""
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head or 'unknown'}{' +changes' if changed else ''}"


def report(result: Result, folder: Path, commit: str) -> str:
    """The table, the stages and what else is worth knowing."""
    head = f"  {'kind':<11} {'people':>6}   {'service':^22}   {'Jaccard':^22}"
    cells = f"{'r@1':>6} {'r@10':>6} {'MRR':>8}"
    sub = f"  {'':<11} {'':>6}   {cells}   {cells}"
    lines = [
        f"held-out matching quality through the API: taxonomy {folder}, commit {commit}",
        f"  {result.vacancies:,} open vacancies (one per occupation), {result.per_kind} people"
        f" of each kind, seed {result.seed}; MRR counts ranks 1-{TOP_K} (the service keeps a"
        f" person's best {TOP_K})",
        head,
        sub,
    ]
    for kind in (*KINDS, "all"):
        s, j = result.service[kind], result.jaccard[kind]
        lines.append(
            f"  {kind:<11} {s.n:>6}   {s.r1:>6.1%} {s.r10:>6.1%} {s.mrr:>8.3f}"
            f"   {j.r1:>6.1%} {j.r10:>6.1%} {j.mrr:>8.3f}"
        )
    missing = Counter(p.kind for p, s in zip(result.people, result.seen, strict=True) if not s.rank)
    tied = sum(s.tied for s in result.seen)
    near, far = result.replacements["near"], result.replacements["far"]
    lines += [
        "  stages:",
        *(f"    {name:<52} {seconds:>8.1f} s" for name, seconds in result.stages.items()),
        f"  recompute: {result.recompute}",
        f"  own vacancy not in the service's top {TOP_K}: "
        + (", ".join(f"{k} {missing[k]}" for k in KINDS if missing[k]) or "none"),
        f"  own vacancy tied on score with another listed vacancy (order by id): {tied}",
        f"  neighbours' replacements: {near} related or under a broader skill, {far} under the"
        f" skill group only",
        f"  vacancies with optional skills left out (over {VACANCY_SKILLS} skills):"
        f" {result.capped}",
    ]
    return "\n".join(lines)


def figures(result: Result) -> list[Figure]:
    """1 - MRR per kind and in all (lower is better, so the ratio reads as for times)."""
    return [
        Figure(
            f"held-out 1 - MRR, {kind}",
            1 - result.service[kind].mrr,
            1 - result.jaccard[kind].mrr,
            "",
            f"MRR {result.service[kind].mrr:.3f}, Jaccard {result.jaccard[kind].mrr:.3f}",
        )
        for kind in (*KINDS, "all")
    ]


async def run(folder: Path) -> tuple[list[Figure], str]:
    """The figures and the report of one run (OPSTAP_HELDOUT_PEOPLE, OPSTAP_HELDOUT_SEED)."""
    per_kind = int(os.environ.get("OPSTAP_HELDOUT_PEOPLE", str(DEFAULT_PEOPLE)))
    seed = int(os.environ.get("OPSTAP_HELDOUT_SEED", str(DEFAULT_SEED)))
    commit = _commit()
    result = await evaluate(folder, per_kind, seed)
    return figures(result), report(result, folder, commit)


if __name__ == "__main__":
    common.main(run, sys.argv[1:])
