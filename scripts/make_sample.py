"""Generate the bundled sample collection in resources/sample/ (fixed seed, dates and metadata).

uv run python scripts/make_sample.py            # rewrite resources/sample/
uv run python scripts/make_sample.py --out DIR  # write elsewhere (tests compare the two)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplegen.build import build

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "sample"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    manifest = build(args.out)
    total = sum(f["size"] for f in manifest["files"])
    print(f"wrote {len(manifest['files'])} files ({total:,} bytes) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
