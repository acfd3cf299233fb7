"""The `reviewer` command line: the scriptable contract of `shared/interfaces.md`.

Each command lives in its own module exposing `register(subparsers)`; the parser calls the
function set as `func` with the parsed arguments and a `Context` that opens the store lazily.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

# Order is the order shown in --help.
COMMAND_MODULES = (
    "reviewer.cli.gui_cmd",
    "reviewer.cli.ingest_cmd",
    "reviewer.cli.records_cmd",
    "reviewer.cli.text_cmd",
    "reviewer.cli.detect_cmd",
    "reviewer.cli.scan_cmd",
    "reviewer.cli.entities_cmd",
    "reviewer.cli.lists_cmd",
    "reviewer.cli.survey_cmd",
    "reviewer.cli.decisions_cmd",
    "reviewer.cli.holds_cmd",
    "reviewer.cli.audit_cmd",
    "reviewer.cli.export_cmd",
    "reviewer.cli.qa_cmd",
    "reviewer.cli.team_cmd",
    "reviewer.cli.queue_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Appraise and sensitivity-review records for transfer to TNA.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy URL of the store (default: $REVIEWER_DB, else the user's data folder)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reviewer` console script; returns the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["detect"]:  # no store: skip the models and every other command's imports
        from reviewer.cli import detect_cmd

        return detect_cmd.main(words[1:])
    from reviewer.cli import crash_log, refusals
    from reviewer.cli.context import Context, UsageError
    from reviewer.safe_text import escape

    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    ctx = Context(db_url=args.db)
    try:
        code: int = refusals.call(args.func, args, ctx, words)
    except UsageError as exc:
        print(f"reviewer: {escape(str(exc))}", file=sys.stderr)
        code = 2
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # never a traceback (it may quote document text) for a user
        print(crash_log.one_line(exc, crash_log.record(exc, args.command)), file=sys.stderr)
        code = 1
    finally:
        ctx.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
