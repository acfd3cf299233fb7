"""`reviewer` / `reviewer gui [--collection NAME] [--screenshot FILE.png]`: the workstation.

The GUI is imported only here, lazily, so the core never depends on Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, UsageError
from reviewer.cli.display_check import display_problem


def register(sub: Any) -> None:
    parser = sub.add_parser("gui", help="open the review workstation (the default command)")
    parser.add_argument(
        "--collection",
        metavar="NAME",
        help="collection to open (default: the last one, else the sample)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="lay out the window, save a PNG and exit",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.screenshot is not None and args.screenshot.suffix.lower() != ".png":
        raise UsageError("--screenshot needs a .png file name")
    if args.collection:
        from reviewer.queue import list_collections

        with ctx.store.session() as session:
            names = {n for n, _k in list_collections(session)}
        if args.collection not in names:
            raise UsageError(f"no collection named {args.collection!r} in the store")
    problem = display_problem()
    if problem is not None:
        if args.screenshot is None:
            raise UsageError(problem)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
    app: Any = importlib.import_module("ui.app")
    code: int = app.run(ctx.store, args.collection, args.screenshot)
    return code
