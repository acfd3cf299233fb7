"""The bundled sample collection is current, self-consistent and uses only fictional values.

The generator is re-run into a temporary folder and compared with the committed copy (bytes for
text formats, extracted text for PDF and DOCX, whose bytes depend on library versions). The
manifest is checked as a test oracle: every planted value occurs verbatim in its file's text and
passes the format rules a detector applies (implemented here independently of the generator).
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import mailbox
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
GENERATOR = ROOT / "scripts" / "make_sample.py"
TEXT_SUFFIXES = {".txt", ".eml", ".htm", ".html", ".json", ".md", ".csv", ".mbox"}
CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"


# -- text extraction (independent of the product's extractors) ---------------------------------
def pdf_text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as doc:  # type: ignore[no-untyped-call]
        return "\f".join(page.get_text() for page in doc)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def parse_eml(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def eml_text(data: bytes) -> str:
    message = parse_eml(data)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    headers = "\n".join(f"{k}: {v}" for k, v in message.items())
    return headers + "\n\n" + str(body.get_content())


def eml_attachments(data: bytes) -> dict[str, bytes]:
    attachments: dict[str, bytes] = {}
    for part in parse_eml(data).iter_attachments():
        assert isinstance(part, EmailMessage)
        payload = part.get_content()
        assert isinstance(payload, bytes)
        attachments[str(part.get_filename())] = payload
    return attachments


def html_text(data: bytes) -> str:
    return BeautifulSoup(data.decode("cp1252"), "html.parser").get_text("\n")


def mbox_text(path: Path) -> str:
    """Every message's headers and body, and its text attachments, decoded."""
    parts = []
    for message in mailbox.mbox(path):
        data = message.as_bytes()
        parts.append(eml_text(data))
        for part in parse_eml(data).iter_attachments():
            content = part.get_content()  # type: ignore[attr-defined]
            parts.append(content if isinstance(content, str) else content.decode("utf-8"))
    return "\n\n".join(parts)


def text_of(path: Path) -> str:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".mbox":
        return mbox_text(path)
    if suffix == ".pdf":
        return pdf_text(data)
    if suffix == ".docx":
        return docx_text(data)
    if suffix == ".eml":
        return eml_text(data)
    if suffix in {".htm", ".html"}:
        return html_text(data)
    return data.decode("utf-8")


# -- fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "sample"
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], check=True, timeout=120)
    return out


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    result: dict[str, Any] = json.loads((SAMPLE / "MANIFEST.json").read_text(encoding="utf-8"))
    return result


def relative_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def records(manifest: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(name, manifest item, extracted text) for every file and every e-mail attachment."""
    for item in manifest["files"]:
        path = SAMPLE / item["path"]
        if item["expected_status"] == "excluded" or item.get("text_from") in ("ocr", "none"):
            continue  # no text layer: a scan is read by OCR (tests/holdings); a clip has none
        yield item["path"], item, text_of(path)
        if item["children"]:
            attachments = eml_attachments(path.read_bytes())
            for child in item["children"]:
                yield f"{item['path']}/{child['name']}", child, pdf_text(attachments[child["name"]])


def planted(manifest: dict[str, Any], label: str) -> list[str]:
    return [
        d["text"]
        for _, item, _ in records(manifest)
        for d in item["personal_data"]
        if d["label"] == label
    ]


# -- the committed sample is what the generator writes -------------------------------------------
def test_committed_sample_lists_the_same_files_as_the_generator(regenerated: Path) -> None:
    assert relative_files(SAMPLE) == relative_files(regenerated)


def test_text_files_are_byte_identical_to_a_fresh_run(regenerated: Path) -> None:
    for name in relative_files(regenerated):
        if Path(name).suffix.lower() in TEXT_SUFFIXES:
            fresh = (regenerated / name).read_bytes().replace(b"\r\n", b"\n")
            committed = (SAMPLE / name).read_bytes().replace(b"\r\n", b"\n")  # autocrlf checkouts
            assert committed == fresh, f"{name} is stale: run scripts/make_sample.py"


def test_pdf_and_docx_text_matches_a_fresh_run(regenerated: Path) -> None:
    for name in relative_files(regenerated):
        if Path(name).suffix.lower() in {".pdf", ".docx"}:
            assert text_of(SAMPLE / name) == text_of(regenerated / name), f"{name} is stale"


def test_generator_sets_record_dates_as_mtimes(regenerated: Path, manifest: dict[str, Any]) -> None:
    for item in manifest["files"]:
        stamp = (regenerated / item["path"]).stat().st_mtime
        expected = item["mtime"].replace("Z", "+00:00")
        assert stamp == datetime.fromisoformat(expected).timestamp(), item["path"]


# -- manifest as an oracle -------------------------------------------------------------------------
def test_every_manifest_file_exists_with_its_size(manifest: dict[str, Any]) -> None:
    listed = {item["path"] for item in manifest["files"]}
    on_disk = set(relative_files(SAMPLE)) - {"MANIFEST.json", "README.md"}
    assert listed == on_disk
    for item in manifest["files"]:
        if Path(item["path"]).suffix.lower() not in TEXT_SUFFIXES:
            assert (SAMPLE / item["path"]).stat().st_size == item["size"], item["path"]


def test_planted_values_occur_verbatim_in_the_extracted_text(manifest: dict[str, Any]) -> None:
    checked = 0
    for name, item, text in records(manifest):
        for value in item["personal_data"] + item["not_personal"]:
            assert value["text"] in text, f"{value['label']} {value['text']!r} missing from {name}"
            checked += 1
    assert checked > 100


def test_sample_covers_the_kinds_of_personal_data_reviewers_meet(manifest: dict[str, Any]) -> None:
    labels = {d["label"] for _, item, _ in records(manifest) for d in item["personal_data"]}
    assert labels >= {
        "PERSON", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "DATE_OF_BIRTH",
        "NINO", "NHS_NUMBER", "PNC_ID", "CRO_NUMBER", "VEHICLE_REG", "SPECIAL_CATEGORY",
    }  # fmt: skip


def test_every_document_is_marked_fictional(manifest: dict[str, Any]) -> None:
    for name, _, text in records(manifest):
        assert "FICTIONAL SAMPLE" in text, name


def test_duplicate_and_excluded_files_are_what_the_manifest_says(manifest: dict[str, Any]) -> None:
    duplicates = [item for item in manifest["files"] if item["duplicate_of"]]
    assert duplicates
    for item in duplicates:
        assert (SAMPLE / item["path"]).read_bytes() == (SAMPLE / item["duplicate_of"]).read_bytes()
    excluded = [item["path"] for item in manifest["files"] if item["expected_status"] == "excluded"]
    assert [Path(p).name.lower() for p in excluded] == ["thumbs.db"]


def test_documents_have_real_text_layers_and_enough_pages() -> None:
    statement = next(SAMPLE.rglob("MG11 KENDRICK*.pdf"))
    with pymupdf.open(statement) as doc:  # type: ignore[no-untyped-call]
        assert doc.page_count >= 2
        assert all(len(page.get_text().split()) > 50 for page in doc)
    minutes = docx.Document(str(next(SAMPLE.rglob("AMB minutes*.docx"))))
    assert minutes.tables
    assert "FICTIONAL SAMPLE" in minutes.sections[0].footer.paragraphs[0].text


def test_records_fall_due_under_the_twenty_year_rule(manifest: dict[str, Any]) -> None:
    for item in manifest["files"]:
        assert "2003-01-01" <= item["record_date"] <= "2006-12-31", item["path"]


def test_sample_stays_small() -> None:
    assert sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file()) < 1_000_000


# -- fictional values pass the format rules and come from reserved ranges -----------------------
def nino_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", compact):
        return False
    first, second = compact[0], compact[1]
    return (
        first not in "DFIQUV"
        and second not in "DFIQUVO"
        and compact[:2] not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
    )


def nhs_ok(value: str) -> bool:
    digits = value.replace(" ", "")
    if not re.fullmatch(r"\d{10}", digits):
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return check != 10 and (0 if check == 11 else check) == int(digits[9])


def test_nino_rules_reject_the_hmrc_example_and_accept_planted_values(
    manifest: dict[str, Any],
) -> None:
    assert not nino_ok("QQ 12 34 56 C")  # HMRC's documentation example: invalid prefix
    ninos = planted(manifest, "NINO")
    assert len(ninos) >= 2
    assert all(nino_ok(n) for n in ninos), ninos


def test_nhs_numbers_have_valid_check_digits_outside_issued_ranges(
    manifest: dict[str, Any],
) -> None:
    assert nhs_ok("485 777 3457")  # the published worked example
    assert not nhs_ok("485 777 3456")
    numbers = planted(manifest, "NHS_NUMBER")
    assert numbers
    assert all(nhs_ok(n) and n.startswith("999") for n in numbers), numbers


def test_pnc_and_cro_numbers_carry_correct_check_letters(manifest: dict[str, Any]) -> None:
    for pnc in planted(manifest, "PNC_ID"):
        match = re.fullmatch(r"(\d{2})/(\d{1,7})([A-Z])", pnc)
        assert match, pnc
        yy, serial, letter = match.groups()
        assert CHECK_LETTERS[int(yy + serial.zfill(7)) % 23] == letter, pnc
    for cro in planted(manifest, "CRO_NUMBER"):
        match = re.fullmatch(r"(\d{1,6})/(\d{2})([A-Z])", cro)
        assert match, cro
        serial, yy, letter = match.groups()
        assert CHECK_LETTERS[int(yy + serial.zfill(6)) % 23] == letter, cro


PHONE_LIKE = re.compile(r"(?<![\d/])(?:\+44\s?|0)\d(?:[\s-]?\d){8,9}(?![\d/])")
DRAMA = [(7700900000, 7700900999), (1134960000, 1134960999)]


def in_drama_range(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    digits = digits[2:] if digits.startswith("44") else digits.lstrip("0")
    return any(lo <= int(digits) <= hi for lo, hi in DRAMA)


def test_phone_numbers_come_only_from_ofcom_drama_ranges(manifest: dict[str, Any]) -> None:
    assert not in_drama_range("0113 496 1234")
    assert in_drama_range("07700 900123")
    found = [m.group() for _, _, text in records(manifest) for m in PHONE_LIKE.finditer(text)]
    assert len(found) >= 10
    assert all(in_drama_range(n) for n in found), [n for n in found if not in_drama_range(n)]
    assert set(planted(manifest, "PHONE")) <= set(found)


def test_email_addresses_use_only_the_reserved_example_domain(manifest: dict[str, Any]) -> None:
    addresses = [
        a
        for _, _, text in records(manifest)
        for a in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
    ]
    assert addresses
    assert all(re.search(r"(^|\.|@)example\.com$", a) for a in addresses), addresses
