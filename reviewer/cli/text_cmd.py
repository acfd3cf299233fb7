"""`reviewer text FILE`: the text the workstation extracts from a file, exactly, in UTF-8."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, UsageError, eprint
from reviewer.ingest.extract import extract
from reviewer.ingest.identify import identify_path
from reviewer.ingest.types import OK, Extraction


def register(sub: Any) -> None:
    parser = sub.add_parser("text", help="print the text extracted from a file")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.set_defaults(func=run)


def extract_file(path: Path) -> Extraction:
    """Extract a single file from disk (read-only), as ingest would; `UsageError` if unreadable."""
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or 'error'}") from exc
    if not data:
        return Extraction(status="empty", message="zero-byte file")
    return extract(data, path.name, identify_path(path), ocr=True)


def run(args: argparse.Namespace, ctx: Context) -> int:
    extraction = extract_file(args.file)
    if extraction.status not in (OK, "empty"):
        raise UsageError(f"{args.file}: {extraction.status}: {extraction.message}")
    if extraction.status != OK:
        eprint(f"{args.file}: {extraction.message}")
    sys.stdout.buffer.write(extraction.text.encode("utf-8"))
    sys.stdout.flush()
    return 0
