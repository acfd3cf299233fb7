"""Assemble the sample: write each file, set its mtime and describe it in MANIFEST.json."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import cast as c
from .charging import mg3, mg5
from .corporate import board_minutes, closure_report, policy_note
from .correspondence import ATTACHMENT_NAME, email_to_oic, file_note
from .holdings import (
    D_MANIFEST,
    D_MBOX,
    D_SCAN,
    D_VIDEO,
    bodycam_clip,
    case_manifest,
    mailbox_export,
    scanned_statement,
)
from .planted import Planted
from .readme import render_readme
from .statements import hussain_statement, kendrick_statement
from .values import SEED, make_values

CASE = "case-R-v-Hartigan-2004"
CORP = "corporate"

# A real Thumbs.db is an OLE2 compound file; the header signature and zero padding are enough to
# show the TNA "excluded" status, which is decided by the name.
THUMBS_DB = (
    bytes.fromhex("d0cf11e0a1b11ae1")
    + bytes(16)
    + bytes.fromhex("3e000300feff0900")
    + bytes(512 - 32)
)


@dataclass
class Entry:
    path: str
    data: bytes
    when: datetime
    collection: str
    kind: str
    description: str
    planted: Planted | None = None
    status: str = "ok"
    duplicate_of: str | None = None
    children: list[dict[str, Any]] = field(default_factory=list)
    text_from: str = "file"  # "ocr": a scan with no text layer; "none": a recording

    def manifest(self) -> dict[str, Any]:
        item: dict[str, Any] = {
            "path": self.path,
            "collection": self.collection,
            "kind": self.kind,
            "description": self.description,
            "record_date": self.when.date().isoformat(),
            "mtime": self.when.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z"),
            "size": len(self.data),
            "expected_status": self.status,
            "duplicate_of": self.duplicate_of,
        }
        item.update(
            self.planted.as_json() if self.planted else {"personal_data": [], "not_personal": []}
        )
        item["children"] = self.children
        item["text_from"] = self.text_from
        return item


def entries() -> list[Entry]:
    """Every file of the sample, in manifest order."""
    v = make_values()
    kendrick, p_kendrick = kendrick_statement(v)
    hussain, p_hussain = hussain_statement(v)
    charge, p_charge = mg3(v)
    summary, p_summary = mg5(v)
    mail, p_mail = email_to_oic(v, summary)
    note, p_note = file_note(v)
    minutes, p_minutes = board_minutes(v)
    report, p_report = closure_report(v)
    policy, p_policy = policy_note(v)
    scan, p_scan = scanned_statement(v)
    mbox, p_mbox = mailbox_export(v)
    k_name = f"{CASE}/MG11 KENDRICK Sarah 15.08.04.pdf"
    return [
        Entry(
            k_name,
            kendrick,
            c.D_KENDRICK,
            "case",
            "MG11 witness statement (PDF, 3 pages)",
            "Bar supervisor's eyewitness statement with the MG11 rear page of contact details.",
            p_kendrick,
        ),
        Entry(
            f"{CASE}/MG11 HUSSAIN Imran 16.08.04.docx",
            hussain,
            c.D_HUSSAIN,
            "case",
            "MG11 witness statement (DOCX with header, footer and a table)",
            "Taxi driver's statement; he noted the getaway car's registration. The contact "
            "details are a Word table on the second page.",
            p_hussain,
        ),
        Entry(
            f"{CASE}/MG3 charging decision 17.08.04.pdf",
            charge,
            c.D_MG3,
            "case",
            "MG3 report to Crown Prosecutor for charging decision (PDF)",
            "Officer's summary and the prosecutor's Full Code Test decision to charge s.18 "
            "wounding with intent; victim's medical details (special category).",
            p_charge,
        ),
        Entry(
            f"{CASE}/File note 02.09.04 telephone attendance.txt",
            note,
            c.D_FILE_NOTE,
            "case",
            "Caseworker's file note (UTF-8 text)",
            "Call from the victim's mother: health, a new address and the victim's NI number.",
            p_note,
        ),
        Entry(
            f"{CASE}/RE R v HARTIGAN T20047123 - MG5 and outstanding actions.eml",
            mail,
            c.D_EMAIL,
            "case",
            "E-mail (RFC 5322 .eml) with a PDF attachment",
            "Prosecutor to officer in the case before the Plea and Directions Hearing; the "
            "amended MG5 case summary is attached and becomes a child record.",
            p_mail,
            children=[
                {
                    "name": ATTACHMENT_NAME,
                    "kind": "MG5 case summary (PDF attachment)",
                    "size": len(summary),
                    **p_summary.as_json(),
                }
            ],
        ),
        Entry(
            f"{CASE}/Thumbs.db",
            THUMBS_DB,
            c.D_THUMBS,
            "case",
            "Windows thumbnail cache",
            "System file that TNA excludes from transfer; expected status 'excluded'.",
            status="excluded",
        ),
        Entry(
            f"{CASE}/copies/Copy of MG11 KENDRICK Sarah 15.08.04.pdf",
            kendrick,
            c.D_KENDRICK,
            "case",
            "Exact duplicate",
            "Byte-for-byte copy of the Kendrick statement.",
            p_kendrick,
            duplicate_of=k_name,
        ),
        Entry(
            f"{CASE}/MG11 REDSHAW Paul 18.08.04 scan.pdf",
            scan,
            D_SCAN,
            "case",
            "Scanned MG11 witness statement (image-only PDF: no text layer)",
            "Door supervisor's signed statement as the scanner saw it: slightly skewed, "
            "specked, JPEG at 200 dpi. Its text and highlights come from OCR.",
            p_scan,
            text_from="ocr",
        ),
        Entry(
            f"{CASE}/OIC mailbox export 2004-08.mbox",
            mbox,
            D_MBOX,
            "case",
            "Mailbox export (MBOX) with two messages and an attachment",
            "The officer's case e-mails: each message becomes a child record and the typed "
            "notes attached to the first a grandchild; the messages' dates are suggested.",
            p_mbox,
        ),
        Entry(
            f"{CASE}/BWV 15.08.04 0112 PC4471.mp4",
            bodycam_clip(),
            D_VIDEO,
            "case",
            "Body-worn video clip (MP4, 2 seconds, MPEG-4 video and AAC sound)",
            "Cannot be scanned for personal data: status 'empty', 'needs viewing'. Playing it "
            "in the viewer is recorded.",
            status="empty",
            text_from="none",
        ),
        Entry(
            f"{CASE}/metadata.csv",
            case_manifest(),
            D_MANIFEST,
            "case",
            "Case-system metadata manifest (CSV, a row per file)",
            "Found beside the files at ingest: each row's reference, date and title are kept "
            "with the record it names and suggest its date. The manifest stays a record.",
        ),
        Entry(
            f"{CORP}/AMB minutes 2005-03-15.docx",
            minutes,
            c.D_MINUTES,
            "corporate",
            "Board minutes (DOCX with an attendance table)",
            "Area Management Board minutes; a staffing item reveals a colleague's health.",
            p_minutes,
        ),
        Entry(
            f"{CORP}/DCF programme closure report v1.0.pdf",
            report,
            c.D_CLOSURE,
            "corporate",
            "Significant project report (PDF)",
            "Digital Case File Programme closure report: delivery, costs, lessons, records.",
            p_report,
        ),
        Entry(
            f"{CORP}/POL-REC-03 file note e-mail retention.htm",
            policy,
            c.D_POLICY,
            "corporate",
            "Policy file note (HTML, windows-1252)",
            "Records manager's note on keeping case e-mail; saved from Word as filtered HTML.",
            p_policy,
        ),
    ]


def _stamp(path: Path, when: datetime) -> None:
    ts = when.replace(tzinfo=UTC).timestamp()
    os.utime(path, (ts, ts))


def build(out: Path) -> dict[str, Any]:
    """Write the sample into ``out`` (replacing an earlier generated one); return the manifest."""
    if out.exists():
        if any(out.iterdir()) and not (out / "MANIFEST.json").exists():
            raise SystemExit(f"refusing to overwrite {out}: it is not a generated sample")
        shutil.rmtree(out)
    items = entries()
    for item in items:
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.data)
        _stamp(target, item.when)
    manifest = {
        "generator": "scripts/make_sample.py",
        "seed": SEED,
        "notice": "FICTIONAL SAMPLE: every person, number and address is invented.",
        "files": [item.manifest() for item in items],
    }
    (out / "MANIFEST.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "README.md").write_text(render_readme(manifest, make_values()), encoding="utf-8")
    for folder in sorted({p.parent for p in out.rglob("*") if p.is_file()}, reverse=True):
        newest = max(i.when for i in items if (out / i.path).is_relative_to(folder))
        _stamp(folder, newest)
    return manifest
