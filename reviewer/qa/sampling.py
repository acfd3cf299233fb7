"""Random samples of first decisions to check, by rate or size, optionally stratified.

Reproducible: the population is ordered by record id and drawn with `random.Random(seed)`, and
the seed and parameters are stored with the sample, so the same seed over the same decisions
gives the same records. Stratified samples allocate the size in proportion to each stratum
(largest remainders), so every reviewer and decision type is represented as in the population.
"""

from __future__ import annotations

import math
import random
import secrets
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.qa import QaBatchRecord, QaSample, QaSampleRecord
from reviewer.decisions.types import DecisionError
from reviewer.qa.sources import first_decisions, paths_of
from reviewer.qa.types import SampleItem, SampleView

STRATA = ("reviewer", "decision")


def _stratum(keys: Sequence[str], reviewer: str, decision_type: str) -> str:
    parts = {"reviewer": reviewer, "decision": decision_type}
    return " | ".join(parts[k] for k in keys)


def allocate(counts: dict[str, int], total: int) -> dict[str, int]:
    """Split `total` across strata in proportion to `counts` (Hamilton's largest remainders)."""
    pop = sum(counts.values())
    if pop == 0 or total <= 0:
        return dict.fromkeys(counts, 0)
    quotas = {k: total * c / pop for k, c in counts.items()}
    out = {k: min(counts[k], math.floor(q)) for k, q in quotas.items()}
    order = sorted(counts, key=lambda k: (-(quotas[k] - math.floor(quotas[k])), k))
    left = total - sum(out.values())
    while left > 0:
        moved = False
        for k in order:
            if left and out[k] < counts[k]:
                out[k] += 1
                left -= 1
                moved = True
        if not moved:
            break
    return out


def population(
    session: Session, collection_id: int, reviewer: str | None = None, batch_id: int | None = None
) -> list[SampleItem]:
    """Records with a first decision (optionally one reviewer's, one batch's), by record id."""
    firsts = first_decisions(session, collection_id)
    ids = set(firsts)
    if batch_id is not None:
        ids &= set(
            session.scalars(
                select(QaBatchRecord.record_id).where(QaBatchRecord.batch_id == batch_id)
            )
        )
    if reviewer is not None:
        ids = {i for i in ids if firsts[i].person == reviewer}
    paths = paths_of(session, ids)
    return [
        SampleItem(i, paths.get(i, ""), firsts[i].decision.decision_type, firsts[i].person)
        for i in sorted(ids)
    ]


def draw(
    items: Sequence[SampleItem], n: int, seed: int, stratify: Sequence[str] = ()
) -> list[SampleItem]:
    """Draw `n` of `items` with `seed`, proportionally per stratum when `stratify` names keys."""
    rng = random.Random(seed)
    n = min(n, len(items))
    if not stratify:
        chosen = rng.sample(list(items), n)
    else:
        groups: dict[str, list[SampleItem]] = defaultdict(list)
        for it in items:
            groups[_stratum(stratify, it.first_reviewer, it.stratum)].append(it)
        quota = allocate({k: len(v) for k, v in groups.items()}, n)
        chosen = []
        for key in sorted(groups):
            picked = rng.sample(groups[key], quota[key])
            chosen += [SampleItem(p.record_id, p.path, key, p.first_reviewer) for p in picked]
    return sorted(chosen, key=lambda it: (it.path, it.record_id))


def _view(row: QaSample) -> SampleView:
    return SampleView(
        id=row.id,
        collection_id=row.collection_id,
        seed=row.seed,
        rate=row.rate,
        size=row.size,
        reviewer=row.reviewer,
        stratify=tuple(row.stratify or ()),
        population=row.population,
        batch_id=row.batch_id,
        items=tuple(SampleItem(i.record_id, "", i.stratum, i.first_reviewer) for i in row.items),
        created_at=row.created_at,
    )


def draw_sample(
    session: Session,
    collection_id: int,
    *,
    rate: float | None = None,
    size: int | None = None,
    reviewer: str | None = None,
    stratify: Sequence[str] = (),
    seed: int | None = None,
    batch_id: int | None = None,
    actor: str = "",
) -> SampleView:
    """Draw and record a sample; the same seed and parameters return the same (stored) sample."""
    problems = []
    if (rate is None) == (size is None):
        problems.append("give either a rate or a size")
    if rate is not None and not 0 < rate <= 1:
        problems.append("rate must be more than 0 and at most 1 (e.g. 0.1 for 10%)")
    if size is not None and size < 1:
        problems.append("size must be at least 1")
    unknown = [s for s in stratify if s not in STRATA]
    if unknown:
        problems.append(f"stratify by {' and/or '.join(STRATA)}, not {', '.join(unknown)}")
    if problems:
        raise DecisionError(problems)
    seed = secrets.randbelow(2**31) if seed is None else int(seed)
    pool = population(session, collection_id, reviewer, batch_id)
    n = size if size is not None else math.ceil((rate or 0) * len(pool))
    chosen = draw(pool, n, seed, stratify)
    existing = _same(session, collection_id, seed, rate, size, reviewer, stratify, batch_id)
    if existing is not None and [i.record_id for i in existing.items] == [
        c.record_id for c in chosen
    ]:
        return _with_paths(existing, {c.record_id: c.path for c in chosen})
    row = QaSample(
        collection_id=collection_id,
        batch_id=batch_id,
        seed=seed,
        rate=rate,
        size=size,
        reviewer=reviewer,
        stratify=list(stratify),
        population=len(pool),
        created_by=actor,
    )
    row.items = [
        QaSampleRecord(
            record_id=c.record_id, position=i, stratum=c.stratum, first_reviewer=c.first_reviewer
        )
        for i, c in enumerate(chosen)
    ]
    session.add(row)
    session.flush()
    return _with_paths(_view(row), {c.record_id: c.path for c in chosen})


def _same(
    session: Session,
    collection_id: int,
    seed: int,
    rate: float | None,
    size: int | None,
    reviewer: str | None,
    stratify: Sequence[str],
    batch_id: int | None,
) -> SampleView | None:
    stmt = select(QaSample).where(QaSample.collection_id == collection_id, QaSample.seed == seed)
    for row in session.scalars(stmt):
        if (row.rate, row.size, row.reviewer, list(row.stratify or []), row.batch_id) == (
            rate,
            size,
            reviewer,
            list(stratify),
            batch_id,
        ):
            return _view(row)
    return None


def _with_paths(view: SampleView, paths: dict[int, str]) -> SampleView:
    items = tuple(
        SampleItem(i.record_id, paths.get(i.record_id, i.path), i.stratum, i.first_reviewer)
        for i in view.items
    )
    return SampleView(**{**view.__dict__, "items": items})


def list_samples(session: Session, collection_id: int) -> list[SampleView]:
    """Every sample of a collection, oldest first, with record paths."""
    rows = list(
        session.scalars(
            select(QaSample).where(QaSample.collection_id == collection_id).order_by(QaSample.id)
        )
    )
    ids = {i.record_id for r in rows for i in r.items}
    paths = paths_of(session, ids)
    return [_with_paths(_view(r), paths) for r in rows]


def get_sample(session: Session, sample_id: int) -> SampleView:
    row = session.get(QaSample, sample_id)
    if row is None:
        raise DecisionError([f"sample {sample_id} does not exist"])
    ids = [i.record_id for i in row.items]
    paths = paths_of(session, ids)
    return _with_paths(_view(row), paths)
