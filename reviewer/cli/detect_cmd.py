"""`reviewer detect FILE... --format jsonl`: personal data in files, without a store;
`reviewer detect evaluate GOLD.jsonl`: the detector scored on a labelled sample.

`detect` takes files as positionals, so `evaluate` is recognised as the first word (a file that
is really called "evaluate" can be given as `./evaluate`). Heavy modules (spaCy, the extractors)
are imported only once the arguments are known to be good.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from reviewer.cli.context import Context
    from reviewer.detect.span import Span

USAGE = (
    "reviewer detect FILE... [--format jsonl] [--min-score S] [--labels L,...]\n"
    "       reviewer detect evaluate GOLD.jsonl [--format table|json] [--min-score S] "
    "[--labels L,...]"
)
EVALUATE = "evaluate"
BATCH_CHARS = 1_000_000  # characters of files detected together by `reviewer detect`


class DetectUsageError(Exception):
    """Bad usage or a bad input file for `detect`: one line, exit 2 (raised as the CLI's
    `UsageError` on the full parser's path)."""


HELP = (
    "detect personal data in files (one JSON object per span); "
    "'detect evaluate GOLD.jsonl' scores the detector on a labelled sample"
)
DESCRIPTION = (
    "Without 'evaluate': one JSON object per span, for each FILE. With 'evaluate GOLD.jsonl': "
    "per-label precision, recall and F2 against the hand-labelled spans of GOLD.jsonl, with "
    "every miss and false positive."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("detect", usage=USAGE, help=HELP, description=DESCRIPTION)
    _arguments(parser)


def main(argv: Sequence[str]) -> int:
    """`reviewer detect ...` without the rest of the command line: no store, no other command
    imported (the SQLAlchemy models alone took ~0.4 s of a one-file run)."""
    parser = argparse.ArgumentParser(prog="reviewer detect", usage=USAGE, description=DESCRIPTION)
    _arguments(parser)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except DetectUsageError as exc:
        message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(exc))
        print(f"reviewer: {message}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # never a traceback: it may quote document text
        print(f"reviewer: detect failed ({type(exc).__name__})", file=sys.stderr)
        return 1


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument(
        "--format",
        choices=("jsonl", "table", "json"),
        default=None,
        help="detect: jsonl (the default); evaluate: table (the default) or json",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="only spans scoring at least this (0-1; detect: 0, evaluate: 0.5, the GUI's flag)",
    )
    parser.add_argument(
        "--labels",
        default=None,
        help="comma-separated labels to report, or 'all' (detect: the labels shown by default; "
        "evaluate: every label)",
    )
    parser.set_defaults(func=run)


def _labels(value: str | None) -> frozenset[str] | None:
    """`--labels` as a set; None when not given."""
    if value is None:
        return None
    from reviewer.detect.labels import parse_labels

    try:
        return parse_labels(value)
    except ValueError as exc:
        raise DetectUsageError(str(exc)) from exc


def _min_score(value: float | None, default: float) -> float:
    score = default if value is None else value
    if not 0.0 <= score <= 1.0:
        raise DetectUsageError("--min-score must be between 0 and 1")
    return score


def run(args: argparse.Namespace, ctx: Context) -> int:
    """The full command line's entry (`reviewer --db ... detect`): the store is never opened."""
    try:
        return _run(args)
    except DetectUsageError as exc:
        from reviewer.cli.context import UsageError as CliUsageError

        raise CliUsageError(str(exc)) from exc


def _run(args: argparse.Namespace) -> int:
    if args.files[0] == Path(EVALUATE) and str(args.files[0]) == EVALUATE:
        return run_evaluate(args)
    if args.format not in (None, "jsonl"):
        raise DetectUsageError(
            f"--format {args.format} is for 'detect evaluate'; detect writes jsonl"
        )
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        raise DetectUsageError(f"not a file: {missing[0]}")
    min_score = _min_score(args.min_score, 0.0)
    wanted = _labels(args.labels)
    if wanted is None:
        from reviewer.detect.labels import DEFAULT_SHOWN

        wanted = DEFAULT_SHOWN
    from reviewer.safe_text import escape

    for path, spans in _detect_files(args.files):
        if isinstance(spans, str):
            sys.stderr.write(f"{escape(str(path))}: {escape(spans)}\n")
            continue
        for span in spans:
            if span.score < min_score or span.label not in wanted:
                continue
            sys.stdout.write(json.dumps({"file": str(path), **span.as_json()}, ensure_ascii=False))
            sys.stdout.write("\n")
    return 0


def _detect_files(paths: list[Path]) -> Iterator[tuple[Path, list[Span] | str]]:
    """Spans of each file in order (or why it could not be read), as `detect_file` gives them,
    but with files read first and their texts detected together, up to `BATCH_CHARS` at a time,
    through one `nlp.pipe` as a scan does (measured: no faster in a warm process, same spans)."""
    from reviewer.detect.files import DetectFileError, extract_file
    from reviewer.detect.pipeline import detect_texts
    from reviewer.detect.positions import locate_all
    from reviewer.ingest.types import OK, Extraction

    batch: list[tuple[Path, Extraction]] = []
    size = 0

    def flush() -> Iterator[tuple[Path, list[Span] | str]]:
        found = detect_texts([ex.text if ex.text.strip() else "" for _p, ex in batch])
        for (path, ex), spans in zip(batch, found, strict=True):
            yield path, locate_all(spans, ex.pages)
        batch.clear()

    for path in paths:
        try:
            extraction = extract_file(path)
        except DetectFileError as exc:
            yield path, str(exc)
            continue
        if extraction.status != OK:
            yield path, f"{extraction.status}: {extraction.message}"
            continue
        batch.append((path, extraction))
        size += len(extraction.text)
        if size >= BATCH_CHARS:
            yield from flush()
            size = 0
    yield from flush()


def run_evaluate(args: argparse.Namespace) -> int:
    """Score the detector on a gold file: exit 2 with one line naming the bad line."""
    if len(args.files) != 2:
        raise DetectUsageError("detect evaluate takes one GOLD.jsonl file")
    fmt = args.format or "table"
    if fmt not in ("table", "json"):
        raise DetectUsageError("detect evaluate --format must be table or json")
    min_score = _min_score(args.min_score, 0.5)
    wanted = _labels(args.labels)
    from reviewer.detect.evaluate import (
        GoldFileError,
        evaluate,
        format_table,
        load_gold,
        our_detector,
    )

    gold = args.files[1]
    if not gold.is_file():
        raise DetectUsageError(f"not a file: {gold}")
    try:
        items = load_gold(gold)
    except GoldFileError as exc:
        raise DetectUsageError(f"{gold.name}: {exc}") from exc
    result = evaluate(items, our_detector(min_score), wanted)
    if fmt == "json":
        sys.stdout.write(
            json.dumps({"min_score": min_score, **result.as_json()}, ensure_ascii=False, indent=2)
        )
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(result) + f"\nscore >= {min_score}\n")
    return 0
