"""Parsing export XML without trusting it: no entities, no network, no huge trees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.ingest.manifest.rows import ManifestError

MAX_BYTES = 200 << 20


def parse(path: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ManifestError(f"larger than {MAX_BYTES >> 20} MB: not read as a manifest")
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ManifestError(f"not well-formed XML (line {exc.lineno})") from None


def local(tag: object) -> str:
    """An element's name without its namespace (comments and PIs have none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
