"""SharePoint's export package manifest (`Manifest.xml`, the Content Migration schema).

Each document is an `SPObject` holding a `File` element (its `Url`, `Name`, the package's
`FileValue` such as `00000001.dat`, times and authors as attributes, and `Property` children);
its list item (`ListItem` with `FileUrl` and `Field` children) carries the columns users see:
title, document date, reference. Both are merged into one row per file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.ingest.manifest.rows import Manifest, ManifestRow
from reviewer.ingest.manifest.xmlsafe import local, parse


def _named(element: Any, child: str) -> list[tuple[str, str]]:
    """`<Property Name=.. Value=..>` or `<Field Name=.. Value=..>` children, in order."""
    out = []
    for item in element.iter():
        if local(item.tag) == child and item.get("Name"):
            out.append((f"{child}:{item.get('Name')}", item.get("Value") or item.text or ""))
    return out


def read_sharepoint(path: Path) -> Manifest:
    root = parse(path)
    manifest = Manifest("sharepoint")
    files: dict[str, tuple[int, list[str], list[tuple[str, str]]]] = {}
    items: dict[str, list[tuple[str, str]]] = {}
    for position, element in enumerate(root.iter(), 1):
        name = local(element.tag)
        if name == "File":
            url = element.get("Url") or element.get("Name") or ""
            if not url.strip():
                manifest.bad_rows.append((position, "a File element without Url or Name"))
                continue
            targets = [url] + [element.get(k) or "" for k in ("FileValue", "Name")]
            pairs = [(k, v) for k, v in element.attrib.items()] + _named(element, "Property")
            files[url.lower()] = (position, [t for t in targets if t], pairs)
        elif name == "ListItem" and element.get("FileUrl"):
            pairs = [(f"ListItem:{k}", v) for k, v in element.attrib.items()]
            items[element.get("FileUrl", "").lower()] = pairs + _named(element, "Field")
    for key, (position, targets, pairs) in files.items():
        manifest.rows.append(
            ManifestRow(position, tuple(targets), tuple(pairs + items.pop(key, [])))
        )
    for url in items:
        manifest.bad_rows.append((0, f"a list item for {url!r} has no File element"))
    return manifest
