"""`reviewer entities --collection NAME --format json`: stored spans per record."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from reviewer.cli.context import Context, UsageError, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("entities", help="list detected spans of a collection")
    parser.add_argument("--collection", required=True, metavar="NAME")
    parser.add_argument("--format", choices=("json",), default="json")
    parser.add_argument("--include-dismissed", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--labels",
        default=None,
        metavar="L,...",
        help="comma-separated labels to list, or 'all' (default: the labels shown by default, "
        "i.e. all but ORG, LOCATION and DATE)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from models.records import Collection, Record
    from reviewer.detect.entities import list_entities
    from reviewer.detect.labels import DEFAULT_SHOWN, parse_labels

    try:
        wanted = DEFAULT_SHOWN if args.labels is None else parse_labels(args.labels)
    except ValueError as exc:
        raise UsageError(str(exc)) from None

    out: list[dict[str, object]] = []
    with ctx.store.session() as session:
        collection = session.scalars(
            select(Collection).where(Collection.name == args.collection)
        ).first()
        if collection is None:
            raise UsageError(f"no collection named {args.collection!r}")
        records = session.execute(
            select(Record.id, Record.path)
            .where(Record.collection_id == collection.id)
            .order_by(Record.id)
        ).all()
        for record_id, path in records:
            for view in list_entities(session, record_id):
                if (view.dismissed and not args.include_dismissed) or view.label not in wanted:
                    continue
                out.append({"record_id": record_id, "path": path, **view.as_json()})
    print_json(out)
    return 0
