"""`reviewer detect FILE... --format jsonl`: personal data in files, without a store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewer.cli.context import Context, UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "detect", help="detect personal data in files (one JSON object per span)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument("--format", choices=("jsonl",), default="jsonl")
    parser.add_argument(
        "--min-score", type=float, default=0.0, help="only spans scoring at least this (0-1)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        raise UsageError(f"not a file: {missing[0]}")
    if not 0.0 <= args.min_score <= 1.0:
        raise UsageError("--min-score must be between 0 and 1")
    from reviewer.detect import DetectFileError, detect_file

    for path in args.files:
        try:
            spans = detect_file(path)
        except DetectFileError as exc:
            sys.stderr.write(f"{path}: {exc}\n")
            continue
        for span in spans:
            if span.score < args.min_score:
                continue
            sys.stdout.write(json.dumps({"file": str(path), **span.as_json()}, ensure_ascii=False))
            sys.stdout.write("\n")
    return 0
