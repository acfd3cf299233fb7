"""Matching manifest rows to records and keeping their key/values with the records.

A row names its file by a path (relative, absolute, Windows or a SharePoint URL) or a bare
file name. It matches the ingested file whose path ends with the most of the row's path
components (relative to the manifest's own folder first); a tie is ambiguous and reported,
never guessed. Only top-level files are matched (an archive's members are not on disk).
Files in the manifest's folder that no row describes are reported too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, delete, insert, or_, select, update

from models.metadata import RecordMetadata
from models.records import Record
from reviewer.ingest.manifest.read import is_manifest_name, read_manifest
from reviewer.ingest.manifest.rows import Manifest, ManifestError, ManifestRow, path_parts

MAX_LISTED = 200  # unmatched rows and files listed in a report; the counts are always whole


@dataclass
class MetadataReport:
    """What attaching metadata did: per manifest, rows used and what did not match."""

    manifests: list[str] = field(default_factory=list)
    records_described: int = 0
    rows_matched: int = 0
    unmatched_rows: list[tuple[str, int, str]] = field(default_factory=list)  # source, line, why
    files_without_row: list[str] = field(default_factory=list)
    unmatched_count: int = 0
    without_row_count: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # source, message

    def as_dict(self) -> dict[str, object]:
        return {
            "manifests": self.manifests,
            "records_described": self.records_described,
            "rows_matched": self.rows_matched,
            "rows_unmatched": self.unmatched_count,
            "files_without_row": self.without_row_count,
            "unmatched_rows": [
                {"manifest": s, "line": n, "reason": r} for s, n, r in self.unmatched_rows
            ],
            "files_without_row_paths": self.files_without_row,
            "problems": [{"manifest": s, "message": m} for s, m in self.problems],
        }


@dataclass(frozen=True)
class Source:
    """A manifest to read: where it is, its name in messages, and the folder its rows are
    relative to (a record path prefix; None for a manifest given from outside the roots)."""

    path: Path
    label: str
    folder: tuple[str, ...] | None
    root_id: int | None


class _Index:
    """Top-level records by their lower-case path components, for suffix matching."""

    def __init__(self, rows: Sequence[tuple[int, str, int | None]]) -> None:
        self.parts: dict[int, tuple[str, ...]] = {}
        self.paths: dict[int, str] = {}  # as stored, for messages
        self.root: dict[int, int | None] = {}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for record_id, path, root_id in rows:
            parts = tuple(path.lower().split("/"))
            self.parts[record_id] = parts
            self.paths[record_id] = path
            self.root[record_id] = root_id
            self.by_name[parts[-1]].append(record_id)

    def match(self, source: Source, target: str) -> tuple[int | None, str]:
        wanted = path_parts(target)
        if not wanted:
            return None, "names no file"
        candidates = self.by_name.get(wanted[-1], [])
        if source.folder is not None:
            here = source.folder + wanted
            exact = [c for c in candidates if self.parts[c] == here and self._same_root(source, c)]
            if exact:
                return exact[0], ""
        best, score = [], 0
        for candidate in candidates:
            parts = self.parts[candidate]
            common = 0
            while common < min(len(parts), len(wanted)) and (
                parts[-1 - common] == wanted[-1 - common]
            ):
                common += 1
            if common > score:
                best, score = [candidate], common
            elif common == score:
                best.append(candidate)
        if not best:
            return None, "matches no ingested file"
        if len(best) > 1:
            return None, f"matches {len(best)} files equally well (give a fuller path)"
        return best[0], ""

    def _same_root(self, source: Source, record_id: int) -> bool:
        return source.root_id is None or self.root[record_id] == source.root_id

    def in_folder(self, source: Source) -> list[int]:
        if source.folder is None:
            return list(self.parts)
        n = len(source.folder)
        return [
            c
            for c, parts in self.parts.items()
            if parts[:n] == source.folder and len(parts) > n and self._same_root(source, c)
        ]


def sources_found(found: Sequence[tuple[int, str, Path]], explicit: Sequence[Path]) -> list[Source]:
    """Manifests among the ingested files (by name), then those given with `--metadata`."""
    out = []
    for root_id, rel_path, disk_path in found:
        if is_manifest_name(rel_path.rsplit("/", 1)[-1]):
            folder = tuple(p.lower() for p in rel_path.split("/")[:-1])
            out.append(Source(disk_path, rel_path, folder, root_id))
    known = {s.path.resolve() for s in out}
    for path in explicit:
        if path.resolve() not in known:
            out.append(Source(path, path.name, None, None))
    return out


def _source_key(label: str) -> str:
    return f"{label} (line "


def _write(conn: Connection, record_id: int, source: Source, row: ManifestRow) -> None:
    """Replace what this manifest said about the record before (re-runs are idempotent)."""
    conn.execute(
        delete(RecordMetadata).where(
            RecordMetadata.record_id == record_id,
            or_(
                RecordMetadata.source == source.label,
                RecordMetadata.source.startswith(_source_key(source.label), autoescape=True),
            ),
        )
    )
    label = f"{source.label} (line {row.line})" if row.line and len(row.items) else source.label
    conn.execute(
        insert(RecordMetadata),
        [
            {"record_id": record_id, "source": label, "position": i, "key": k, "value": v}
            for i, (k, v) in enumerate(row.items)
        ],
    )


def _note_on_manifest(conn: Connection, collection_id: int, source: Source, note: str) -> None:
    """The manifest's own record says what was wrong with it (its bytes are never touched)."""
    if source.folder is None:
        return
    record = conn.execute(
        select(Record.id, Record.message).where(
            Record.collection_id == collection_id, Record.path == source.label
        )
    ).first()
    if record is None or note in record.message:
        return
    message = f"{record.message}; {note}" if record.message else note
    conn.execute(update(Record).where(Record.id == record.id).values(message=message))


def attach_metadata(
    conn: Connection,
    collection_id: int,
    root_ids: Sequence[int],
    found: Sequence[tuple[int, str, Path]],
    explicit: Sequence[Path] = (),
) -> MetadataReport:
    """Read every manifest (found among `found` files, or given) and attach its rows."""
    report = MetadataReport()
    sources = sources_found(found, explicit)
    if not sources:
        return report
    rows = conn.execute(
        select(Record.id, Record.path, Record.root_id).where(
            Record.collection_id == collection_id,
            Record.parent_id.is_(None),
            Record.root_id.in_(list(root_ids)),
            Record.status != "excluded",  # system files TNA excludes need no description
        )
    ).all()
    index = _Index([(r.id, r.path, r.root_id) for r in rows])
    manifest_names = {c for c, parts in index.parts.items() if is_manifest_name(parts[-1])}
    described: set[int] = set()
    for source in sources:
        try:
            manifest = read_manifest(source.path)
        except ManifestError as exc:
            report.problems.append((source.label, str(exc)))
            _note_on_manifest(conn, collection_id, source, f"metadata manifest not used: {exc}")
            continue
        report.manifests.append(source.label)
        before = report.unmatched_count
        matched = _attach_rows(conn, index, source, manifest, report)
        unused = report.unmatched_count - before
        if unused:
            noun = "row" if unused == 1 else "rows"
            note = f"metadata manifest: {unused} {noun} not used (listed by ingest)"
            _note_on_manifest(conn, collection_id, source, note)
        described |= matched
        if manifest.kind != "sidecar":
            missing = [
                index.paths[c]
                for c in index.in_folder(source)
                if c not in matched and c not in manifest_names
            ]
            report.without_row_count += len(missing)
            report.files_without_row += missing[: MAX_LISTED - len(report.files_without_row)]
    report.records_described = len(described)
    return report


def _attach_rows(
    conn: Connection, index: _Index, source: Source, manifest: Manifest, report: MetadataReport
) -> set[int]:
    matched: set[int] = set()
    for row in manifest.rows:
        record_id, why = None, "names no file"
        for target in row.targets:
            record_id, why = index.match(source, target)
            if record_id is not None:
                break
        if record_id is None:
            _unmatched(report, source.label, row.line, f"'{row.targets[0]}' {why}")
            continue
        if record_id in matched:
            _unmatched(report, source.label, row.line, "describes a file an earlier row did")
            continue
        _write(conn, record_id, source, row)
        matched.add(record_id)
        report.rows_matched += 1
    for line, why in manifest.bad_rows:
        _unmatched(report, source.label, line, why)
    return matched


def _unmatched(report: MetadataReport, label: str, line: int, why: str) -> None:
    report.unmatched_count += 1
    if len(report.unmatched_rows) < MAX_LISTED:
        report.unmatched_rows.append((label, line, why))
