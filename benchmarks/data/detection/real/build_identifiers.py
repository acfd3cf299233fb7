"""Build the real identifier set (`identifiers_dev.jsonl`, `identifiers_test.jsonl`).

The passages and their hand-written labels are in `passages_identifiers.py` (sources and
licences there); offsets are placed by `build.place`, the same rule as the main real set.

    uv run python benchmarks/data/detection/real/build_identifiers.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build  # noqa: E402
from passages_identifiers import IDENTIFIER_PASSAGES  # noqa: E402


def build_sets() -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {"dev": [], "test": []}
    seen: set[str] = set()
    for p in IDENTIFIER_PASSAGES:
        if p.id in seen:
            raise SystemExit(f"duplicate passage id {p.id}")
        seen.add(p.id)
        out[p.split].append(
            {"id": p.id, "source": p.source, "text": p.text, "spans": build.place(p.text, p.labels)}
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    sets = build_sets()
    if build.MISSING:
        raise SystemExit("\n".join(build.MISSING))
    for split, rows in sets.items():
        if args.show:
            for row in rows:
                print(build.show(row))
            continue
        with (HERE / f"identifiers_{split}.jsonl").open("w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(
            f"identifiers_{split}: {len(rows)} passages, {sum(len(r['spans']) for r in rows)} spans"
        )


if __name__ == "__main__":
    main()
