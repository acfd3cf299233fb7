"""Where each record lands in the bag, and its TDR metadata rows.

Paths under `data/` are the records' own paths. A container member's path runs through its
container's name ("mail.eml/letter.pdf"); when the container itself is transferred too, a file and
a folder would share one name, so the folder becomes "mail.eml_contents". A redacted copy sits
beside its original as `NAME_R.pdf` (TDR's pattern `^(.+?)(?:_R|_Redacted|_redacted)\\d*$`),
numbered `_R2`... if two originals share a stem. When the title is closed, the open copy is named
after the alternate title instead ("Witness statement_R.pdf"): its name is public, so it must not
repeat the closed one. For the same reason an open record or copy inside a container whose title
is closed goes through "ALTERNATE_contents" instead of the container's name; closed originals keep
their real paths.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from reviewer.export.metadata import CLOSED, OPEN, MetadataRow
from reviewer.export.plan import TransferItem

CONTENTS_SUFFIX = "_contents"
# Characters Windows, macOS or Linux refuse in a file name, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
MAX_STEM = 120
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}
_RESERVED |= {f"LPT{i}" for i in range(1, 10)}


@dataclass(frozen=True)
class Placement:
    """Bag-relative paths (under `data/`) of a record and of its redacted copy, if any."""

    item: TransferItem
    path: str
    redacted_path: str | None


def _bag_path(path: str, files: set[str], folders: Mapping[str, str] | None = None) -> str:
    """`path` in the bag: a transferred container's folder is "NAME_contents"; with `folders`
    (container path -> folder name) a container whose title is closed is its public folder."""
    parts = path.split("/")
    out = list(parts)
    for i in range(1, len(parts)):
        prefix = "/".join(parts[:i])  # the real prefix, whatever the folders above became
        if folders and prefix in folders:
            out[i - 1] = folders[prefix]
        elif prefix in files:
            out[i - 1] += CONTENTS_SUFFIX
    return "/".join(out)


def _public_folders(items: Sequence[TransferItem], files: set[str]) -> dict[str, str]:
    """For each container whose title is closed, the folder its records' open paths go through:
    "ALTERNATE_contents", numbered "ALTERNATE 2_contents"... when that name is already a file or
    folder beside it (two e-mails given one alternate title, say)."""
    taken: set[str] = set()
    for path in files:
        parts = _bag_path(path, files).split("/")
        taken.update("/".join(parts[:i]).casefold() for i in range(1, len(parts) + 1))
    containers = {c for item in items for c in item.closed_containers}
    folders: dict[str, str] = {}
    for path, alternate in sorted(containers, key=lambda c: (c[0].count("/"), c[0])):
        if path in folders:
            continue
        parent = _bag_path(path, files, folders).rpartition("/")[0]
        stem = safe_stem(alternate)
        n = 1
        while True:
            name = f"{stem}{'' if n == 1 else f' {n}'}{CONTENTS_SUFFIX}"
            full = f"{parent}/{name}" if parent else name
            if full.casefold() not in taken:
                break
            n += 1
        taken.add(full.casefold())
        folders[path] = name
    return folders


def safe_stem(title: str) -> str:
    """A title as a portable file-name stem (no separators or reserved characters)."""
    stem = _UNSAFE.sub("_", title).strip().rstrip(". ")
    stem = stem[:MAX_STEM].rstrip(". ") or "record"
    return f"_{stem}" if stem.upper() in _RESERVED else stem


def _copy_stem(item: TransferItem, path: str) -> str:
    view = item.decision
    if view.title_closed and view.title_alternate.strip():
        return safe_stem(view.title_alternate)
    return PurePosixPath(path).stem


def _goes_open(item: TransferItem) -> bool:
    return item.decision.closure_status == OPEN and not item.redact


def place(items: Sequence[TransferItem]) -> list[Placement]:
    """Bag paths for every item, with `_R` copies that never collide with another file.

    A closed original keeps its real path (TDR closes it); an open record and a redacted copy go
    through the public folder of each container whose title is closed (`_public_folders`)."""
    files = {i.path for i in items}
    folders = _public_folders(items, files)
    paths = {
        i.record_id: _bag_path(i.path, files, folders if _goes_open(i) else None) for i in items
    }
    taken = {p.casefold() for p in paths.values()}
    out: list[Placement] = []
    for item in items:
        path = paths[item.record_id]
        redacted = None
        if item.redact:
            pure = PurePosixPath(_bag_path(item.path, files, folders))
            n = 1
            while True:
                suffix = "_R" if n == 1 else f"_R{n}"
                candidate = str(pure.with_name(f"{_copy_stem(item, pure.name)}{suffix}.pdf"))
                if candidate.casefold() not in taken:
                    break
                n += 1
            taken.add(candidate.casefold())
            redacted = candidate
        out.append(Placement(item, path, redacted))
    return out


def metadata_rows(placement: Placement) -> list[MetadataRow]:
    """The original's row (closed when a redacted copy is opened) and the copy's open row."""
    item, view = placement.item, placement.item.decision
    assert item.last_modified is not None  # plan problems stop the export before this
    closed = view.closure_status == CLOSED
    original = MetadataRow(
        filepath=placement.path,
        filename=PurePosixPath(placement.path).name,
        date_last_modified=item.last_modified,
        date_of_record=view.record_date,
        description=view.description,
        former_reference=item.former_reference,
        closure_status=view.closure_status or "",
        closure_start_date=view.closure_start_date if closed else None,
        closure_periods=tuple(p for _, p in view.exemptions) if closed else (),
        foi_codes=tuple(c for c, _ in view.exemptions) if closed else (),
        foi_schedule_date=view.foi_schedule_date if closed else None,
        title_closed=view.title_closed,
        title_alternate=view.title_alternate,
        description_closed=view.description_closed,
        description_alternate=view.description_alternate,
    )
    rows = [original]
    if placement.redacted_path:
        rows.append(
            MetadataRow(
                filepath=placement.redacted_path,
                filename=PurePosixPath(placement.redacted_path).name,
                date_last_modified=item.last_modified,
                date_of_record=view.record_date,
                # The copy is open: a closed description shows only its alternate.
                description=view.description_alternate
                if view.description_closed
                else view.description,
                closure_status=OPEN,
                note="Redacted copy; the original is closed.",
            )
        )
    return rows
