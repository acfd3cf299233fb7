"""`reviewer export transfer`: a BagIt bag TNA accepts, or nothing at all and every reason why.

Order of work: plan and check every selected record (decisions, TDR rules, metadata rows against
TNA's schemas) before any byte is read; then copy originals and make verified redacted copies into
a private staging folder beside the target; then bag, validate and rename. Any problem, failed
redaction or cancellation removes the staging folder, so the target is a whole bag or absent.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path

from models.session import Store
from reviewer.csv_cells import formula_like
from reviewer.export.bag import (
    BagError,
    BagInfo,
    FfidRow,
    check_target,
    ffid_csv,
    finish_bag,
    staging,
    write_payload,
)
from reviewer.export.history_check import history_problems
from reviewer.export.justifications import (
    JUSTIFICATIONS_NAME,
    justification_rows,
    render_justifications,
)
from reviewer.export.metadata import (
    MetadataError,
    count_formula_cells,
    render_csv,
    validate_rows,
)
from reviewer.export.plan import ExportProblem, TransferItem, TransferPlan, plan_transfer
from reviewer.export.redact import RedactionError, RedactionResult, redact_pdf
from reviewer.export.render import image_pdf, render_text_pdf
from reviewer.export.rows import Placement, metadata_rows, place
from reviewer.export.verification_file import REPORT_NAME, render_reports
from reviewer.ingest.access import EvidenceError, record_bytes, record_pages
from reviewer.progress import NullProgress, Progress, check_cancel

log = logging.getLogger(__name__)
PDF_PUID = "fmt/276"  # PDF 1.7, what PyMuPDF writes
PDF_FORMAT = "Acrobat PDF 1.7 - Portable Document Format"


class TransferRefused(Exception):
    """The transfer cannot be made; `problems` say why, each naming its record."""

    def __init__(self, problems: Sequence[ExportProblem]) -> None:
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) stop the transfer")


@dataclass(frozen=True)
class ExportSummary:
    """What went into the bag (counts only: no personal data)."""

    out_dir: str
    records: int
    redacted_copies: int
    closed: int
    open: int
    payload_bytes: int
    missing_bag_info: tuple[str, ...] = field(default_factory=tuple)
    verification_report: str = ""  # the bag's tag file describing each redacted copy's check
    # Paths in metadata.csv that a spreadsheet would take for a formula (kept exact for TDR).
    formula_paths: tuple[str, ...] = field(default_factory=tuple)
    # Closed records whose unusual closure period's justification is in closure-justifications.csv
    justified_periods: int = 0
    # Cells of the bag's CSV tag files that start with = + - @, a tab or CR (kept exact).
    formula_cells: int = 0

    def as_dict(self) -> dict[str, object]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}

    def formula_note(self) -> str:
        """One plain line about cells a spreadsheet would run, or "" when there are none."""
        if not self.formula_cells:
            return ""
        return (
            f"{self.formula_cells} cell(s) in the bag's CSV files start with = + - @, a tab or "
            "CR: none was neutralised, because TDR needs the exact values, so the CSV files "
            "read back exactly; open them as text, not in a spreadsheet, which could run them "
            "as formulas."
        )


def list_problems(store: Store, collection_name: str) -> list[ExportProblem]:
    """Every reason the collection cannot be transferred now (empty when it can); reads no files.
    A store changed outside the tool comes first: what it says was decided cannot be trusted."""
    with store.session() as session:
        plan = plan_transfer(session, collection_name)
        tampered = history_problems(session)
    return tampered + (list(plan.problems) or metadata_problems(plan))


def metadata_problems(plan: TransferPlan) -> list[ExportProblem]:
    """TDR's rules broken by the plan's `metadata.csv` rows (run once the plan has no problem)."""
    problems: list[ExportProblem] = []
    for placement in place(plan.items):
        for p in validate_rows(metadata_rows(placement)):
            problems.append(
                ExportProblem(placement.item.record_id, p.filepath, f"{p.column}: {p.reason}")
            )
    return problems


def _mtime(item: TransferItem) -> float | None:
    if item.last_modified is None:
        return None
    return datetime.combine(item.last_modified, time(12), tzinfo=UTC).timestamp()


def _redacted_copy(
    store: Store, item: TransferItem, original: bytes, copy_name: str
) -> RedactionResult:
    """The verified redacted PDF of one record (rendered from its text first if not a PDF)."""
    if item.is_pdf:
        source = original
    elif item.scanned_image:
        source = image_pdf(original)
    else:
        with store.session() as session:
            pages = [p.text for p in record_pages(session, item.record_id)]
        source = render_text_pdf(pages)
    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    located: dict[int, list[tuple[str, Sequence[tuple[float, float, float, float]]]]] = {}
    if item.is_pdf or item.scanned_image:
        for mark in item.marks:
            if mark.page is None:
                continue
            if mark.text.strip():  # its glyphs where the page has them, else its boxes
                located.setdefault(mark.page, []).append((mark.text, mark.rects))
            else:
                boxes.setdefault(mark.page, []).extend(mark.rects)
    secrets = sorted({m.text for m in item.marks if m.text.strip()}, key=len, reverse=True)
    return redact_pdf(source, boxes, secrets, copy_name=copy_name, text_marks=located)


def _stage_record(
    store: Store,
    stage: Path,
    placement: Placement,
    ffid: list[FfidRow],
    reports: list[tuple[str, RedactionResult]],
) -> tuple[int, bool]:
    """Copy one original (and its redacted copy) into the stage; returns bytes written."""
    item = placement.item
    with store.session() as session:
        data = record_bytes(session, item.record_id)
    if item.sha256 and hashlib.sha256(data).hexdigest() != item.sha256:
        raise EvidenceError(f"record {item.record_id}: bytes differ from those ingested")
    write_payload(stage, placement.path, data, _mtime(item))
    ffid.append(
        FfidRow(
            placement.path,
            item.puid or "",
            item.format_name or "",
            item.extension_mismatch,
            item.id_method or "",
        )
    )
    size = len(data)
    if placement.redacted_path:
        name = placement.redacted_path.rsplit("/", 1)[-1]
        result = _redacted_copy(store, item, data, name)
        write_payload(stage, placement.redacted_path, result.pdf, _mtime(item))
        ffid.append(FfidRow(placement.redacted_path, PDF_PUID, PDF_FORMAT, False, "Signature"))
        reports.append((placement.redacted_path, result))
        size += len(result.pdf)
    return size, placement.redacted_path is not None


def export_transfer(
    store: Store,
    collection_name: str,
    out_dir: Path,
    progress: Progress | None = None,
    info: BagInfo | None = None,
) -> ExportSummary:
    """Write the collection's transfer bag to `out_dir`, or raise `TransferRefused` and write
    nothing. Raises `reviewer.progress.Cancelled` (nothing written) when cancelled."""
    progress = progress or NullProgress()
    info = info or BagInfo(internal_sender_identifier=collection_name)
    try:
        check_target(out_dir)
    except BagError as exc:
        raise TransferRefused([ExportProblem(None, "", str(exc))]) from exc
    problems = list_problems(store, collection_name)
    if problems:
        raise TransferRefused(problems)
    with store.session() as session:
        plan = plan_transfer(session, collection_name)
    placements = place(plan.items)
    rows = [row for p in placements for row in metadata_rows(p)]
    try:
        metadata = render_csv(rows)
    except MetadataError as exc:  # list_problems ran the same checks; kept as a guard
        raise TransferRefused(
            [ExportProblem(None, p.filepath, p.reason) for p in exc.problems]
        ) from exc
    justified = justification_rows(placements)
    justifications = render_justifications(justified)
    total = len(placements) + 1
    failures: list[ExportProblem] = []
    size = copies = 0
    with staging(out_dir) as stage:
        ffid: list[FfidRow] = []
        reports: list[tuple[str, RedactionResult]] = []
        for n, placement in enumerate(placements):
            check_cancel(progress)
            progress.set_progress(n, total, f"record {n + 1} of {len(placements)}")
            try:
                written, copied = _stage_record(store, stage, placement, ffid, reports)
            except (RedactionError, EvidenceError) as exc:
                item = placement.item
                failures.append(ExportProblem(item.record_id, item.path, str(exc)))
                continue
            size += written
            copies += copied
        if failures:
            raise TransferRefused(failures)
        check_cancel(progress)
        progress.set_progress(len(placements), total, "writing the bag and its manifests")
        bagit_log = logging.getLogger("bagit")
        level = bagit_log.level
        bagit_log.setLevel(logging.WARNING)  # bagit logs file names, which may name people
        try:
            tags = {"metadata.csv": metadata, "file-ffid.csv": ffid_csv(ffid)}
            if reports:
                tags[REPORT_NAME] = render_reports(reports)
            if justifications is not None:  # not a metadata.csv column: TDR's set is fixed
                tags[JUSTIFICATIONS_NAME] = justifications
            finish_bag(stage, out_dir, info, tags)
        except BagError as exc:
            raise TransferRefused([ExportProblem(None, "", str(exc))]) from exc
        finally:
            bagit_log.setLevel(level)
    progress.set_progress(total, total, "done")
    closed = sum(1 for r in rows if r.closure_status == "Closed")
    return ExportSummary(
        out_dir=str(out_dir),
        records=len(placements),
        redacted_copies=copies,
        closed=closed,
        open=len(rows) - closed,
        payload_bytes=size,
        missing_bag_info=tuple(info.missing()),
        verification_report=str(out_dir / REPORT_NAME) if copies else "",
        formula_paths=tuple(
            r.filepath for r in rows if formula_like(r.filename) or formula_like(r.filepath)
        ),
        justified_periods=len(justified),
        formula_cells=sum(count_formula_cells(v) for k, v in tags.items() if k.endswith(".csv")),
    )
