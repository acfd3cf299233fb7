"""`reviewer queue` (the queue in an order) and `reviewer predict` (models, samples, estimates)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from reviewer.cli.context import Context, UsageError, print_json


def register(sub: Any) -> None:
    q = sub.add_parser("queue", help="the review queue, in file order or most likely first")
    q.add_argument("--collection", metavar="NAME", required=True)
    q.add_argument(
        "--order", choices=("file", "likely-sensitive", "likely-selected"), default="file"
    )
    q.add_argument("--format", choices=("json", "table"), default="table")
    q.add_argument(
        "--version", type=int, metavar="V", help="reproduce the ranking of stored model V"
    )
    q.set_defaults(func=run_queue)

    p = sub.add_parser("predict", help="predictive review: models, blind samples, what is left")
    acts = p.add_subparsers(dest="predict_action", metavar="ACTION", required=True)
    t = acts.add_parser("train", help="bring a task's model up to date and show it")
    s = acts.add_parser("sample", help="draw a random sample of unreviewed records to review blind")
    e = acts.add_parser("estimate", help="how many target records are left, with an interval")
    m = acts.add_parser("models", help="the stored model versions")
    for a in (t, s, e, m):
        a.add_argument("--collection", metavar="NAME", required=True)
        a.add_argument("--task", choices=("sensitivity", "appraisal"), default="sensitivity")
    s.add_argument("--size", type=int, required=True, metavar="N")
    s.add_argument("--seed", type=int, metavar="S")
    e.add_argument("--format", choices=("json", "text"), default="text")
    e.add_argument("--confidence", type=float, default=0.95)
    t.set_defaults(func=run_train)
    s.set_defaults(func=run_sample)
    e.set_defaults(func=run_estimate)
    m.set_defaults(func=run_models)


def _actor(session: Any) -> str:
    from reviewer.team.identity import current_identity

    return current_identity(session).name


def run_queue(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.decisions.markers import record_markers
    from reviewer.predict.collection import UnknownCollection, collection_id
    from reviewer.predict.queue_order import UnknownVersion, ordered_queue

    try:
        with ctx.store.session() as session:
            items, info = ordered_queue(
                session, args.collection, args.order, actor=_actor(session), version=args.version
            )
            marked = record_markers(session, collection_id(session, args.collection))
            session.commit()
    except (UnknownCollection, UnknownVersion) as exc:
        raise UsageError(f"queue: {_what(exc)}") from exc
    if info is not None:
        print(
            f"model: {info.task} v{info.version} ({info.kind}, {info.n_labelled} decisions, "
            f"{info.n_positive} yes){' unchanged' if info.reused else ''}",
            file=sys.stderr,
        )
    # Conflicts as the window's queue marks them ("held: destroy suspended: ...").
    markers = {rid: [str(m) for m in ms] for rid, ms in marked.items()}
    if args.format == "json":
        print_json([{**it.as_dict(), "markers": markers.get(it.record_id, [])} for it in items])
        return 0
    table = Table()
    for col in ("record_id", "score", "reviewed", "path", "reasons", "markers"):
        table.add_column(col, overflow="fold")
    for it in items:
        score = "" if it.score is None else f"{it.score:.3f}"
        reviewed = "yes" if it.reviewed else ""
        table.add_row(
            str(it.record_id),
            score,
            reviewed,
            it.path,
            "; ".join(it.reasons),
            "; ".join(markers.get(it.record_id, [])),
        )
    Console(file=sys.stdout, width=200).print(table)
    return 0


def _what(exc: Exception) -> str:
    from reviewer.predict.collection import UnknownCollection

    if isinstance(exc, UnknownCollection):
        return f"no collection named {exc}"
    return str(exc)


def run_train(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.predict.collection import UnknownCollection, collection_id
    from reviewer.predict.tasks import TASKS
    from reviewer.predict.training import train

    try:
        with ctx.store.session() as session:
            info = train(
                session, collection_id(session, args.collection), TASKS[args.task], _actor(session)
            )
            session.commit()
    except UnknownCollection as exc:
        raise UsageError(f"predict: {_what(exc)}") from exc
    print_json(info.__dict__)
    return 0


def run_models(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.predict.collection import UnknownCollection, collection_id
    from reviewer.predict.tasks import TASKS
    from reviewer.predict.training import versions

    try:
        with ctx.store.session() as session:
            infos = versions(session, collection_id(session, args.collection), TASKS[args.task])
    except UnknownCollection as exc:
        raise UsageError(f"predict: {_what(exc)}") from exc
    print_json([i.__dict__ for i in infos])
    return 0


def run_sample(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.predict.collection import UnknownCollection, collection_id
    from reviewer.predict.remaining import draw
    from reviewer.predict.tasks import TASKS

    try:
        with ctx.store.session() as session:
            cid = collection_id(session, args.collection)
            sample = draw(session, cid, TASKS[args.task], args.size, args.seed, _actor(session))
            paths = _paths(session, sample.record_ids)
            session.commit()
    except UnknownCollection as exc:
        raise UsageError(f"predict: {_what(exc)}") from exc
    except ValueError as exc:
        raise UsageError(f"predict sample: {exc}") from exc
    print(
        f"sample {sample.id}: {len(sample.record_ids)} of {sample.unreviewed:,} unreviewed records "
        f"(seed {sample.seed}); review them before reading on in the ranked queue",
        file=sys.stderr,
    )
    print_json([{"record_id": r, "path": paths[r]} for r in sample.record_ids])
    return 0


def _paths(session: Any, ids: tuple[int, ...]) -> dict[int, str]:
    from sqlalchemy import select

    from models.records import Record

    rows = session.execute(select(Record.id, Record.path).where(Record.id.in_(ids)))
    return {rid: path for rid, path in rows}


def run_estimate(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.predict.collection import UnknownCollection, collection_id
    from reviewer.predict.remaining import NoSample, remaining, stopping_report
    from reviewer.predict.tasks import TASKS

    if not 0.5 <= args.confidence < 1:
        raise UsageError("predict estimate: --confidence must be between 0.5 and 1")
    task = TASKS[args.task]
    try:
        with ctx.store.session() as session:
            sample, est = remaining(
                session, collection_id(session, args.collection), task, args.confidence
            )
    except (UnknownCollection, NoSample) as exc:
        raise UsageError(f"predict estimate: {_what(exc)}") from exc
    if args.format == "json":
        print_json({"sample_id": sample.id, "task": task.name, **est.as_dict()})
    else:
        for line in stopping_report(sample, est, task):
            print(line)
    return 0
