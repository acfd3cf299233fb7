"""`reviewer qa ...`: samples, reports, batches, outcomes and feedback for quality checking.

`qa sample` prints `[{"record_id": ..., "path": ...}]`; `qa report --format json` prints
`sample_size`, `reviewed`, `agreement`, `kappa`, `per_reviewer` (then more figures).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models.audit import AuditAnchor
from reviewer.audit.chain import GENESIS, HEAD_ID
from reviewer.cli.context import Context, UsageError, print_json
from reviewer.decisions.store import collection_id_of
from reviewer.decisions.types import DecisionError
from reviewer.qa.batches import BatchView, assign, create_batches, list_batches, set_status
from reviewer.qa.disagreements import write_disagreements
from reviewer.qa.outcomes import ReviewView, feedback, record_outcome
from reviewer.qa.pdf import write_report_pdf
from reviewer.qa.report import DEFAULT_THRESHOLD, build_report
from reviewer.qa.sampling import STRATA, draw_sample
from reviewer.qa.signoff import countersign
from reviewer.team.identity import current_identity


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")


def _guarded(func: Any) -> Any:
    """Bad usage or a refused action: one line on stderr and exit code 2."""

    def run(args: argparse.Namespace, ctx: Context) -> int:
        try:
            code: int = func(args, ctx)
        except DecisionError as exc:
            _say("reviewer qa: " + "; ".join(exc.problems))
            return 2
        except UsageError as exc:
            _say(f"reviewer qa: {exc}")
            return 2
        return code

    return run


def _me() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services): ask for --actor instead
        return ""


def _fraction(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from exc
    return value


def _stratify(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split(",") if p.strip() and p.strip() != "none")
    bad = [p for p in parts if p not in STRATA]
    if bad:
        raise argparse.ArgumentTypeError(f"stratify by {', '.join(STRATA)} or none")
    return parts


def register(sub: Any) -> None:
    parser = sub.add_parser("qa", help="quality-check sensitivity decisions (second review)")
    acts = parser.add_subparsers(dest="qa_action", metavar="ACTION", required=True)

    p = acts.add_parser("sample", help="draw a reproducible random sample of decisions to check")
    p.add_argument("--collection", required=True, metavar="NAME")
    size = p.add_mutually_exclusive_group(required=True)
    size.add_argument(
        "--rate", type=_fraction, metavar="R", help="share to check, e.g. 0.1 or 10%%"
    )
    size.add_argument("--size", type=int, metavar="N", help="number of records to check")
    p.add_argument("--reviewer", metavar="NAME", help="only this first reviewer's decisions")
    p.add_argument("--seed", type=int, metavar="S", help="seed (recorded; same seed, same sample)")
    p.add_argument(
        "--stratify",
        type=_stratify,
        default=(),
        metavar="KEYS",
        help="reviewer,decision: sample each reviewer and decision type in proportion",
    )
    p.add_argument("--batch", type=int, metavar="ID", help="only records of this batch")
    p.set_defaults(func=_guarded(run_sample))

    p = acts.add_parser("report", help="agreement, kappa, error rate and recommendation")
    p.add_argument("--collection", required=True, metavar="NAME")
    p.add_argument("--format", choices=("json", "table"), default="table")
    p.add_argument("--sample", type=int, metavar="ID", help="one sample only (default: all)")
    p.add_argument("--batch", type=int, metavar="ID", help="one batch only")
    p.add_argument(
        "--threshold",
        type=_fraction,
        default=DEFAULT_THRESHOLD,
        metavar="T",
        help="acceptable error rate (default 0.05)",
    )
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write the report as a PDF")
    p.add_argument(
        "--disagreements", type=Path, metavar="FILE.csv", help="also write the disagreements as CSV"
    )
    p.set_defaults(func=_guarded(run_report))

    p = acts.add_parser("outcome", help="uphold or overturn a disagreement")
    p.add_argument("review", type=int, metavar="REVIEW_ID")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--uphold", dest="outcome", action="store_const", const="uphold")
    which.add_argument("--overturn", dest="outcome", action="store_const", const="overturn")
    p.add_argument("--note", default="", help="why (required to overturn)")
    p.add_argument("--checker", default=_me(), metavar="NAME")
    p.set_defaults(func=_guarded(run_outcome))

    p = acts.add_parser("feedback", help="disagreements on a reviewer's records, with outcomes")
    p.add_argument("--collection", required=True, metavar="NAME")
    p.add_argument("--reviewer", metavar="NAME", help="default: every reviewer")
    p.set_defaults(func=_guarded(run_feedback))

    _register_batches(acts)


def _register_batches(acts: Any) -> None:
    p = acts.add_parser("batches", help="split a collection into batches, assign, track status")
    b = p.add_subparsers(dest="batch_action", metavar="ACTION", required=True)
    c = b.add_parser("create", help="split the records not yet in a batch")
    c.add_argument("--collection", required=True, metavar="NAME")
    c.add_argument("--by", choices=("folder", "size", "count"), required=True)
    c.add_argument(
        "--value",
        type=int,
        default=1,
        metavar="N",
        help="folder depth, bytes per batch or records per batch",
    )
    c.add_argument("--reviewer", metavar="NAME", help="assign every new batch to this reviewer")
    c.add_argument("--actor", default=_me(), metavar="NAME")
    c.set_defaults(func=_guarded(run_batches_create))
    ls = b.add_parser("list", help="batches with status and assignments")
    ls.add_argument("--collection", required=True, metavar="NAME")
    ls.set_defaults(func=_guarded(run_batches_list))
    a = b.add_parser("assign", help="give a batch to a reviewer or checker")
    a.add_argument("batch", type=int, metavar="BATCH_ID")
    a.add_argument("--to", required=True, metavar="NAME")
    a.add_argument("--as", dest="role", choices=("reviewer", "checker"), default="reviewer")
    a.add_argument("--actor", default=_me(), metavar="NAME")
    a.set_defaults(func=_guarded(run_batches_assign))
    s = b.add_parser("status", help="move a batch on (assigned, in review, done, checked)")
    s.add_argument("batch", type=int, metavar="BATCH_ID")
    s.add_argument("status")
    s.add_argument("--actor", default=_me(), metavar="NAME")
    s.set_defaults(func=_guarded(run_batches_status))
    k = b.add_parser("countersign", help="accept or return a checked batch")
    k.add_argument("batch", type=int, metavar="BATCH_ID")
    k.add_argument("--checker", default=_me(), metavar="NAME")
    d = k.add_mutually_exclusive_group()
    d.add_argument("--accept", dest="decision", action="store_const", const="accept")
    d.add_argument("--return", dest="decision", action="store_const", const="return")
    k.add_argument("--note", default="")
    k.add_argument("--threshold", type=_fraction, default=DEFAULT_THRESHOLD, metavar="T")
    k.set_defaults(func=_guarded(run_batches_countersign))


def _cid(session: Any, name: str) -> int:
    try:
        return collection_id_of(session, name)
    except DecisionError as exc:
        raise UsageError(exc.problems[0]) from exc


def run_sample(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        cid = _cid(session, args.collection)
        sample = draw_sample(
            session,
            cid,
            rate=args.rate,
            size=args.size,
            reviewer=args.reviewer,
            stratify=args.stratify,
            seed=args.seed,
            batch_id=args.batch,
            actor=_me(),
        )
    if not sample.population:
        _say("no sensitivity decisions to sample (role sensitivity) in this collection")
    _say(
        f"sample {sample.id}: {len(sample.items)} of {sample.population} decided records, "
        f"seed {sample.seed} (draw it again with --seed {sample.seed})"
    )
    print_json([{"record_id": i.record_id, "path": i.path} for i in sample.items])
    return 0


def _print_table(out: dict[str, Any]) -> None:
    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.1%}"

    lines = [
        f"Sample size {out['sample_size']}, second-reviewed {out['reviewed']}",
        f"Agreement on closure status {pct(out['agreement'])}, Cohen's kappa "
        + ("n/a" if out["kappa"] is None else f"{out['kappa']:.3f}"),
        f"Estimated error rate {pct(out['error_rate'])}"
        + (
            f" (95% Wilson {pct(out['error_interval'][0])} to {pct(out['error_interval'][1])})"
            if out["error_interval"]
            else ""
        ),
        f"Recommendation: {out['recommendation']} - {out['reason']}",
    ]
    for name, f in out["per_reviewer"].items():
        kappa = "n/a" if f["kappa"] is None else f"{f['kappa']:.3f}"
        lines.append(
            f"  {name}: {f['reviewed']}/{f['sample_size']} checked, agreement "
            f"{pct(f['agreement'])}, kappa {kappa}, errors {f['errors']}"
        )
    sys.stdout.write("\n".join(lines) + "\n")


def run_report(args: argparse.Namespace, ctx: Context) -> int:
    if not 0 <= args.threshold <= 1:
        raise UsageError("threshold must be between 0 and 1 (e.g. 0.05)")
    with ctx.store.session() as session:
        cid = _cid(session, args.collection)
        # A report never writes for a login that may not (a team reviewer).
        writer = current_identity(session).group != "reviewer"
        report = build_report(
            session,
            cid,
            args.collection,
            sample_id=args.sample,
            batch_id=args.batch,
            threshold=args.threshold,
            sync=writer,
        )
        if not writer:
            session.rollback()
        anchor = _anchor(session)
    try:
        if args.pdf:
            write_report_pdf(report, args.pdf)
            _say(f"QA report written to {args.pdf}")
        if args.disagreements:
            n = write_disagreements(report.reviews, args.disagreements)
            _say(f"{n} disagreement row(s) written to {args.disagreements}")
    except OSError as exc:
        _say(f"reviewer qa: cannot write the report: {exc.strerror}")
        return 1
    # The chain's head on the report: a printed copy anchors the history (docs/team.md).
    if args.format == "json":
        print_json({**report.to_json(), "history": anchor})
    else:
        _print_table(report.to_json())
        print(f"History: {anchor['events']} events, head hash {anchor['head_hash']}")
    return 0


def _anchor(session: Session) -> dict[str, Any]:
    head = session.get(AuditAnchor, HEAD_ID)  # moved only by the store's trigger
    if head is None:
        return {"events": 0, "head_hash": GENESIS}
    return {"events": head.event_count, "head_hash": head.head_hash}


def _review_json(r: ReviewView) -> dict[str, Any]:
    return {
        "review_id": r.id,
        "record_id": r.record_id,
        "path": r.path,
        "first_reviewer": r.first_reviewer,
        "checker": r.checker,
        "outcome": r.outcome,
        "note": r.note,
        "differences": [
            {"field": d.label, "first": d.first, "checker": d.checker}
            for d in r.comparison.differences
        ],
    }


def run_outcome(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        review = record_outcome(session, args.review, args.outcome, args.note, args.checker)
    _say(f"record {review.record_id}: {review.outcome}")
    print_json(_review_json(review))
    return 0


def run_feedback(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        cid = _cid(session, args.collection)
        items = feedback(session, cid, args.reviewer)
    print_json([_review_json(r) for r in items])
    return 0


def _batch_json(b: BatchView) -> dict[str, Any]:
    return {
        "id": b.id,
        "name": b.name,
        "split_by": b.split_by,
        "status": b.status,
        "records": b.records,
        "reviewer": b.reviewer,
        "checker": b.checker,
        "countersigned_by": b.countersigned_by,
        "countersigned_at": b.countersigned_at.isoformat() if b.countersigned_at else None,
        "note": b.countersign_note,
    }


def _need_actor(name: str) -> str:
    if not name.strip():
        raise UsageError("say who you are with --actor NAME")
    return name


def run_batches_create(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        cid = _cid(session, args.collection)
        made = create_batches(
            session, cid, args.by, args.value, actor=_need_actor(args.actor), reviewer=args.reviewer
        )
    _say(f"{len(made)} batch(es) created")
    print_json([_batch_json(b) for b in made])
    return 0


def run_batches_list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        batches = list_batches(session, _cid(session, args.collection))
    print_json([_batch_json(b) for b in batches])
    return 0


def run_batches_assign(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        b = assign(session, args.batch, args.to, args.role, actor=_need_actor(args.actor))
    print_json(_batch_json(b))
    return 0


def run_batches_status(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        b = set_status(session, args.batch, args.status, actor=_need_actor(args.actor))
    print_json(_batch_json(b))
    return 0


def run_batches_countersign(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        b = countersign(
            session,
            args.batch,
            _need_actor(args.checker),
            decision=args.decision,
            note=args.note,
            threshold=args.threshold,
        )
    _say(f"batch {b.id} {b.status}, countersigned by {b.countersigned_by}")
    print_json(_batch_json(b))
    return 0
