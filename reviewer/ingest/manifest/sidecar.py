"""Per-file sidecars: `NAME.metadata.json` or `NAME.metadata.xml` beside the file NAME."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.ingest.manifest.rows import Manifest, ManifestError, ManifestRow
from reviewer.ingest.manifest.xmlsafe import local, parse

SUFFIXES = (".metadata.json", ".metadata.xml")
MAX_BYTES = 16 << 20


def described_name(name: str) -> str | None:
    """The file a sidecar describes (`a.pdf.metadata.json` -> `a.pdf`), or None."""
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def _flat_json(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        out = []
        for key, inner in value.items():
            out += _flat_json(inner, f"{prefix}{key}" if not prefix else f"{prefix}/{key}")
        return out
    if isinstance(value, str):
        return [(prefix, value)]
    return [(prefix, json.dumps(value, ensure_ascii=False))]


def _xml_pairs(element: Any, prefix: str = "") -> list[tuple[str, str]]:
    out = [(f"{prefix}@{k}" if prefix else f"@{k}", v) for k, v in element.attrib.items()]
    children = [c for c in element if local(c.tag)]
    if not children:
        text = element.text or ""
        keep = prefix and (text.strip() or not element.attrib)
        return out + ([(prefix, text)] if keep else [])
    for child in children:
        key = local(child.tag) if not prefix else f"{prefix}/{local(child.tag)}"
        out += _xml_pairs(child, key)
    return out


def read_sidecar(path: Path) -> Manifest:
    target = described_name(path.name)
    if target is None:
        raise ManifestError("not a sidecar name (NAME.metadata.json or NAME.metadata.xml)")
    if path.name.lower().endswith(".json"):
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ManifestError("sidecar larger than 16 MB: not read")
        try:
            value = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
            raise ManifestError(f"not valid JSON{where}") from None
        if not isinstance(value, dict):
            raise ManifestError("a JSON sidecar must hold one object of key/values")
        pairs = _flat_json(value)
    else:
        pairs = _xml_pairs(parse(path))
    return Manifest("sidecar", rows=[ManifestRow(1, (target,), tuple(pairs))])
