"""DOCX parts read straight from the package: sections' headers, notes, moved and odd parts."""

from __future__ import annotations

import io
import zipfile

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.extract.word import extract_docx
from reviewer.ingest.types import Identification

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _sections_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Body of section one.")
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Cover header"
    first.header.paragraphs[0].text = "Section one header"
    first.footer.paragraphs[0].text = "Section one footer"
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Section two header"
    document.add_paragraph("Body of section two.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rewrite(
    data: bytes,
    renames: dict[str, str],
    edits: dict[str, tuple[bytes, bytes]],
    add: dict[str, bytes] | None = None,
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename in edits:
                old, new = edits[item.filename]
                assert old in body
                body = body.replace(old, new)
            target.writestr(renames.get(item.filename, item.filename), body)
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def test_every_sections_headers_in_order_then_body_then_footers() -> None:
    result = extract(_sections_docx(), "sections.docx", Identification())
    assert result.status == "ok"
    assert [line for line in result.text.split("\n") if line] == [
        "Cover header",
        "Section one header",
        "Section two header",
        "Body of section one.",
        "Body of section two.",
        "Section one footer",
    ]


def test_endnotes_follow_the_body() -> None:
    notes = (
        f'<w:endnotes xmlns:w="{W}"><w:endnote w:type="separator" w:id="-1"><w:p><w:r>'
        '<w:t>SEP</w:t></w:r></w:p></w:endnote><w:endnote w:id="1"><w:p><w:r>'
        "<w:t>Endnote naming a witness</w:t></w:r></w:p></w:endnote></w:endnotes>"
    ).encode()
    data = _rewrite(
        _sections_docx(),
        {},
        {
            "[Content_Types].xml": (
                b"</Types>",
                b'<Override PartName="/word/endnotes.xml" ContentType="application/vnd.'
                b'openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>',
            ),
            "word/_rels/document.xml.rels": (
                b"</Relationships>",
                b'<Relationship Id="rIdEn1" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
                b"</Relationships>",
            ),
        },
        {"word/endnotes.xml": notes},
    )
    lines = extract(data, "notes.docx", Identification()).text.split("\n")
    assert lines.index("Endnote naming a witness") == lines.index("Body of section two.") + 1
    assert "SEP" not in lines


def test_main_part_found_through_the_package_relationships() -> None:
    data = _rewrite(
        _sections_docx(),
        {
            "word/document.xml": "word/main.xml",
            "word/_rels/document.xml.rels": "word/_rels/main.xml.rels",
        },
        {
            "[Content_Types].xml": (b'PartName="/word/document.xml"', b'PartName="/word/main.xml"'),
            "_rels/.rels": (b'Target="word/document.xml"', b'Target="word/main.xml"'),
        },
    )
    # (Format sniffing looks for word/document.xml; the reader itself follows the package.)
    result = extract_docx(data, Limits())
    assert result.status == "ok"
    assert "Section two header" in result.text and "Body of section two." in result.text


def test_macro_enabled_document_is_read() -> None:
    data = _rewrite(
        _sections_docx(),
        {},
        {
            "[Content_Types].xml": (
                b"wordprocessingml.document.main+xml",
                b"PLACEHOLDER",
            )
        },
    )
    data = _rewrite(
        data,
        {},
        {
            "[Content_Types].xml": (
                b"openxmlformats-officedocument.PLACEHOLDER",
                b"ms-word.document.macroEnabled.main+xml",
            )
        },
    )
    result = extract(data, "macros.docm", Identification())
    assert result.status == "ok"
    assert "Body of section one." in result.text


def test_main_part_of_the_wrong_type_or_missing_is_corrupt() -> None:
    wrong = _rewrite(
        _sections_docx(),
        {},
        {
            "[Content_Types].xml": (
                b"wordprocessingml.document.main+xml",
                b"spreadsheetml.sheet.main+xml",
            )
        },
    )
    assert extract(wrong, "wrong.docx", Identification()).status == "corrupt"
    missing = _rewrite(_sections_docx(), {"_rels/.rels": "_rels/other"}, {})
    result = extract(missing, "missing.docx", Identification())
    assert (result.status, result.message) == ("corrupt", "damaged or unreadable Word document")
