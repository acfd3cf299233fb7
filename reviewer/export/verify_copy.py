"""The automatic check of a redacted copy against its original, and the report a reviewer reads.

Two questions, answered from the files alone:

1. *Is everything else still there?* Every glyph of the original outside the redactions must be
   in the copy, the same character at the same place (within `TOLERANCE` points), and no box may
   cover more than a sliver of a kept word. Results are counted per word.
2. *Is the redacted string gone?* Each redacted string is searched for, folded (invisible
   format characters such as soft hyphens and zero-width spaces removed, NFKC, case, spacing and
   punctuation ignored, so "Margaret  Thornton", "Marg\u200baret" and "AB-123456-C" are the same
   as what was marked) in: the copy's text drawn anywhere (off the page too, and in hidden
   layers), every object of the file with its strings decoded (literal or hex; Latin-1, UTF-8,
   UTF-16), the strings of every content stream joined in order (a name split over several `TJ`
   strings or kerning arrays is whole again), every stream's decompressed bytes, XML metadata
   streams as text, the document information, XMP, annotations, and the copy's file name. An
   attached file in a copy is a failure in itself.

The report holds positions and counts, never the redacted text or the words themselves.
"""

from __future__ import annotations

import contextlib
import io
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pikepdf

from reviewer.export.glyphs import Box, Glyph, glyph_text, page_glyphs, secret_parts
from reviewer.ingest.extract.pdf import module as fitz

TOLERANCE = 0.5  # points a kept glyph may differ by (rounding of rewritten positions)
COVERED = 0.2  # a kept word may lose at most this share of its area under a box
MIN_SKELETON = 4  # shorter strings would match inside any long run of letters
MIN_UNBOUNDED = 8  # searched even inside longer runs of letters ("MrMargaretThornton")
NOT_CONTENT = ("/Image", "/XML")


GlyphKey = tuple[str, float, float]


def glyph_key(glyph: Glyph) -> GlyphKey:
    """A glyph named by its character and place, the same in the original and the copy."""
    return (glyph.c, round(glyph.origin[0], 1), round(glyph.origin[1], 1))


@dataclass(frozen=True)
class PlaceProblem:
    """A word of the original not where it was in the copy (page, position; never the text)."""

    page: int
    x: float
    y: float
    kind: str  # "missing", "moved", "covered"

    def __str__(self) -> str:
        return f"page {self.page} at ({self.x:.0f}, {self.y:.0f}): word {self.kind}"


@dataclass
class VerificationReport:
    """What the check compared and found, for one redacted copy."""

    copy_name: str = ""
    pages: int = 0
    words: int = 0
    words_kept: int = 0
    words_redacted: int = 0
    words_partly_redacted: int = 0
    boxes: int = 0
    strings_checked: int = 0
    places_searched: list[str] = field(default_factory=list)
    place_problems: list[PlaceProblem] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)  # "string 2 in content stream strings"

    @property
    def ok(self) -> bool:
        return not self.place_problems and not self.leaks

    def problems(self) -> list[str]:
        return [str(p) for p in self.place_problems] + self.leaks

    def as_dict(self) -> dict[str, object]:
        return {
            "copy": self.copy_name,
            "result": "passed" if self.ok else "failed",
            "pages": self.pages,
            "words_in_original": self.words,
            "words_kept_in_place": self.words_kept,
            "words_redacted": self.words_redacted,
            "words_partly_redacted": self.words_partly_redacted,
            "boxes": self.boxes,
            "redacted_strings_checked": self.strings_checked,
            "places_searched": list(self.places_searched),
            "problems": self.problems(),
        }

    def as_text(self) -> str:
        lines = [
            f"{self.copy_name or 'redacted copy'}: {'passed' if self.ok else 'FAILED'}",
            f"  {self.words} word(s) in the original: {self.words_kept} kept in place, "
            f"{self.words_redacted} redacted, {self.words_partly_redacted} partly redacted",
            f"  {self.boxes} box(es) on {self.pages} page(s); {self.strings_checked} redacted "
            f"string(s) searched for in: {', '.join(self.places_searched)}",
        ]
        lines += [f"  problem: {p}" for p in self.problems()]
        return "\n".join(lines)


def skeleton(text: str) -> str:
    """Letters and digits only, folded (invisible characters removed): the form every search
    compares."""
    return "".join(secret_parts(normalise(text)))


def _words(glyphs: Sequence[Glyph]) -> list[list[int]]:
    words: list[list[int]] = []
    current: list[int] = []
    line: int | None = None
    for i, g in enumerate(glyphs):
        if g.c.isspace() or g.line != line:
            if current:
                words.append(current)
            current = []
        line = g.line
        if not g.c.isspace():
            current.append(i)
    if current:
        words.append(current)
    return words


def _index(glyphs: Iterable[Glyph]) -> dict[tuple[str, int, int], list[Glyph]]:
    grid: dict[tuple[str, int, int], list[Glyph]] = {}
    for g in glyphs:
        grid.setdefault((g.c, round(g.origin[0]), round(g.origin[1])), []).append(g)
    return grid


def _present(g: Glyph, grid: Mapping[tuple[str, int, int], list[Glyph]]) -> bool:
    x, y = round(g.origin[0]), round(g.origin[1])
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for other in grid.get((g.c, x + dx, y + dy), ()):
                ox, oy = other.origin
                if abs(ox - g.origin[0]) <= TOLERANCE and abs(oy - g.origin[1]) <= TOLERANCE:
                    return True
    return False


def _near(box: Box, boxes: Sequence[Box]) -> bool:
    """Whether any box overlaps `box` at all (the cheap test before measuring areas)."""
    return any(b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in boxes)


def _covered(box: Box, boxes: Sequence[Box]) -> bool:
    x0, y0, x1, y1 = box
    area = max(x1 - x0, 0.0) * max(y1 - y0, 0.0)
    if area <= 0:
        return False
    hidden = 0.0
    for b in boxes:
        w = min(x1, b[2]) - max(x0, b[0])
        h = min(y1, b[3]) - max(y0, b[1])
        if w > 0 and h > 0:
            hidden += w * h
    return hidden / area > COVERED


def compare_pages(
    original: Any,
    copy: Any,
    removed: Mapping[int, set[GlyphKey]],
    boxes: Mapping[int, Sequence[Box]],
    report: VerificationReport,
) -> None:
    """Word by word: every glyph not removed is in the copy at its place and not boxed over."""
    report.pages = original.page_count
    for page in original:
        number = page.number + 1
        glyphs = page_glyphs(page)
        grid = _index(page_glyphs(copy[page.number]))
        gone = removed.get(number, set())
        drawn = boxes.get(number, ())
        for word in _words(glyphs):
            report.words += 1
            kept = [i for i in word if glyph_key(glyphs[i]) not in gone]
            if not kept:
                report.words_redacted += 1
                continue
            if len(kept) < len(word):
                report.words_partly_redacted += 1
            where = glyphs[kept[0]].origin
            if not all(_present(glyphs[i], grid) for i in kept):
                missing = not any(_present(glyphs[i], grid) for i in kept)
                kind = "missing" if missing else "moved"
                report.place_problems.append(PlaceProblem(number, where[0], where[1], kind))
                continue
            inks = [glyphs[i].ink_box() for i in kept]
            if any(_covered(ink, drawn) for ink in inks if _near(ink, drawn)):
                report.place_problems.append(PlaceProblem(number, where[0], where[1], "covered"))
                continue
            if len(kept) == len(word):
                report.words_kept += 1


def _token_hit(tokens: Sequence[str], target: str) -> bool:
    """Whether consecutive tokens join to exactly `target` (word boundaries kept)."""
    if not tokens or not target:
        return False
    text = "\0" + "\0".join(tokens) + "\0"
    pattern = "\0" + "\0?".join(re.escape(ch) for ch in target) + "\0"
    return re.search(pattern, text) is not None


def _tokens(text: str) -> list[str]:
    return secret_parts(normalise(text))


def normalise(text: str) -> str:
    """Invisible format characters (soft hyphen, zero-width spaces and joiners, byte order
    marks, word joiners: Unicode category Cf) removed, then NFKC and case folded."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFKC", text).casefold()


def _printable(text: str) -> bool:
    return bool(text) and sum(ch.isprintable() for ch in text) >= 0.9 * len(text)


def _decode(value: bytes) -> str:
    """A string's bytes read every way a writer may have meant them, joined by line breaks:
    PDFDocEncoding (as Latin-1), UTF-16 with or without a byte order mark, and UTF-8."""
    if value.startswith((b"\xfe\xff", b"\xff\xfe")):
        return value.decode("utf-16", "replace")
    readings = [value.decode("latin-1")]
    with contextlib.suppress(UnicodeDecodeError):
        readings.append(value.decode("utf-8"))
    if len(value) % 2 == 0:
        for codec in ("utf-16-be", "utf-16-le"):
            text = value.decode(codec, "replace")
            if _printable(text):
                readings.append(text)
    return "\n".join(readings)


def _content_string(value: bytes) -> str:
    """A string shown by a content stream: its bytes (a simple font's codes) as Latin-1."""
    if value.startswith((b"\xfe\xff", b"\xff\xfe")):
        return value.decode("utf-16", "replace")
    return value.decode("latin-1")


def _object_texts(
    pdf: pikepdf.Pdf,
) -> tuple[list[str], list[str], list[bytes], list[bytes]]:
    """(strings and names of every object, strings of every content stream in order, every
    stream's decoded bytes, the decoded bytes of XML metadata streams)."""
    xml: list[bytes] = []
    values: list[str] = []
    contents: list[str] = []
    streams: list[bytes] = []

    def walk(obj: Any, depth: int = 0) -> None:
        if depth > 40:
            return
        if isinstance(obj, pikepdf.String):
            values.append(_decode(bytes(obj)))
        elif isinstance(obj, pikepdf.Name):
            values.append(str(obj)[1:])
        elif isinstance(obj, pikepdf.Array):
            for item in obj:
                if not getattr(item, "is_indirect", False):
                    walk(item, depth + 1)
        elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            for key in obj.keys():  # noqa: SIM118 - pikepdf objects iterate differently
                values.append(key[1:])
                value = obj.get(key)
                if value is not None and not getattr(value, "is_indirect", False):
                    walk(value, depth + 1)

    for obj in pdf.objects:
        walk(obj)
        if isinstance(obj, pikepdf.Stream):
            try:
                streams.append(obj.read_bytes())
            except pikepdf.PdfError:
                streams.append(obj.read_raw_bytes())
            if obj.get("/Type") == pikepdf.Name("/Metadata") or obj.get("/Subtype") == pikepdf.Name(
                "/XML"
            ):
                xml.append(streams[-1])
            if obj.get("/Subtype") in [pikepdf.Name(n) for n in NOT_CONTENT] or any(
                k in obj for k in ("/Length1", "/Length2", "/Length3")
            ):
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # streams that are not content say so
                    parsed = pikepdf.parse_content_stream(obj)
            except (pikepdf.PdfError, TypeError, ValueError):
                continue
            pieces: list[str] = []
            for inst in parsed:
                if isinstance(inst, pikepdf.ContentStreamInlineImage):
                    continue
                for operand in inst.operands:
                    items = operand if isinstance(operand, pikepdf.Array) else [operand]
                    for item in items:
                        if isinstance(item, pikepdf.String):
                            pieces.append(_content_string(bytes(item)))
            contents.append("".join(pieces))
    return values, contents, streams, xml


def _raw_forms(secret: str) -> list[bytes]:
    folded = " ".join(secret.split()).casefold()
    forms = {folded.encode("utf-8"), folded.encode("utf-16-be")}
    sk = skeleton(secret)
    if len(sk) >= MIN_UNBOUNDED:
        forms.add(sk.encode("utf-8"))
    forms |= {f.hex().encode() for f in list(forms)}
    forms.add(" ".join(secret.split()).encode("utf-8").hex().encode())
    return [f for f in forms if len(f) >= MIN_SKELETON]


def _hidden_layer_text(pdf: pikepdf.Pdf) -> str:
    """The text of every page with every optional-content layer shown ("" when there are no
    layers): the catalog's layer configuration and each object's /OC removed from `pdf` (a
    scratch copy the caller no longer reads), then drawn by MuPDF (which reads embedded CID
    fonts through their ToUnicode maps)."""
    layered = "/OCProperties" in pdf.Root
    if layered:
        del pdf.Root["/OCProperties"]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) and "/OC" in obj:
            del obj["/OC"]
            layered = True
    if not layered:
        return ""
    buf = io.BytesIO()
    pdf.save(buf)
    shown = fitz().open(stream=buf.getvalue(), filetype="pdf")
    try:
        return "\n".join(glyph_text(page_glyphs(page, everywhere=True)) for page in shown)
    finally:
        shown.close()


def _attached(pdf: pikepdf.Pdf) -> bool:
    """Whether the copy holds an attached or embedded file (a sanitised copy has none; its
    contents, zipped or not, are not searched)."""
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names:
        return True
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        if obj.get("/Type") in (pikepdf.Name("/EmbeddedFile"), pikepdf.Name("/Filespec")):
            return True
        if "/EF" in obj or "/AF" in obj:
            return True
    return False


def _stream_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# Where a redacted string was found, as the end of "redacted string n is still in ...".
IN_PAGE_TEXT = "the copy's page text"
IN_HIDDEN_LAYER = "the copy's text in a hidden layer"
IN_ANNOTATIONS = "the copy's annotations"
IN_METADATA = "the copy's document information or XMP"
IN_OBJECTS = "the strings or names of an object in the copy"
IN_STREAM_TEXT = "the text of an XML metadata stream in the copy"
IN_FILE_NAME = "the copy's file name"
ATTACHED = "the copy holds an attached file, which a redacted copy must not"


def search_secrets(
    copy_pdf: bytes, doc: Any, secrets: Sequence[str], copy_name: str, report: VerificationReport
) -> None:
    """Record in `report` every place a redacted string survives in the copy.

    Haystacks and needles alike are normalised (invisible format characters removed, NFKC, case
    folded) and compared as letters and digits, so spacing and punctuation do not hide a match."""
    report.places_searched = [
        "page text (on and off the page)",
        "text in hidden layers (embedded fonts read through their ToUnicode maps)",
        "annotations",
        "document information and XMP",
        "every object's strings and names (literal and hex; Latin-1, UTF-8 and UTF-16)",
        "content stream strings joined (split TJ and kerning arrays)",
        "every stream decompressed (XML metadata streams also as text)",
        "attached files (any is a failure)",
        "file name",
        "with invisible characters (soft hyphens, zero-width spaces and joiners) ignored",
    ]
    page_tokens: list[str] = []
    annot_texts: list[str] = []
    for page in doc:
        page_tokens += _tokens(glyph_text(page_glyphs(page, everywhere=True)))
        page_tokens += _tokens(page.get_text("text", clip=fitz().INFINITE_RECT()))
        for annot in page.annots():
            annot_texts.append(" ".join(str(v) for v in annot.info.values()))
        for widget in page.widgets():
            annot_texts.append(f"{widget.field_name} {widget.field_value}")
    meta = " ".join(str(v) for v in (doc.metadata or {}).values()) + " " + doc.get_xml_metadata()
    with pikepdf.open(io.BytesIO(copy_pdf)) as pdf:
        values, contents, streams, xml = _object_texts(pdf)
        attached = _attached(pdf)
        hidden = _hidden_layer_text(pdf)  # last: it strips the layers from `pdf`
    raw = b"\n".join(streams).lower()
    texts = [_tokens(_stream_text(data)) for data in xml]
    places: list[tuple[str, list[str]]] = [
        (IN_PAGE_TEXT, page_tokens),
        (IN_HIDDEN_LAYER, _tokens(hidden)),
        (IN_ANNOTATIONS, _tokens(" ".join(annot_texts))),
        (IN_METADATA, _tokens(meta)),
        (IN_OBJECTS, _tokens(" ".join(values))),
        (IN_FILE_NAME, _tokens(copy_name)),
    ]
    content_tokens = [_tokens(c) for c in contents]
    for n, secret in enumerate(secrets, 1):
        target = skeleton(secret)
        if not target:
            continue
        report.strings_checked += 1
        found: list[str] = []
        for where, tokens in places:
            if where == IN_HIDDEN_LAYER and IN_PAGE_TEXT in found:
                continue  # drawn on the page already: the same text, said once
            if _token_hit(tokens, target):
                found.append(where)
                advice = ": close the title and give an alternate" if where == IN_FILE_NAME else ""
                report.leaks.append(f"redacted string {n} is still in {where}{advice}")
        unbounded = len(target) >= MIN_UNBOUNDED
        if any(
            _token_hit(tokens, target) or (unbounded and target in "".join(tokens))
            for tokens in content_tokens
        ):
            report.leaks.append(f"redacted string {n} is still in the strings of a content stream")
        if any(f in raw for f in _raw_forms(secret)):
            report.leaks.append(f"redacted string {n} is still in the file's decompressed bytes")
        elif any(_token_hit(tokens, target) for tokens in texts):
            report.leaks.append(f"redacted string {n} is still in {IN_STREAM_TEXT}")
    if attached:
        report.leaks.append(ATTACHED)


def verify_copy(
    original: bytes,
    copy: bytes,
    removed: Mapping[int, set[GlyphKey]],
    boxes: Mapping[int, Sequence[Box]],
    secrets: Sequence[str],
    copy_name: str = "",
) -> VerificationReport:
    """Compare `copy` with `original` and search it for `secrets`; the report says what failed."""
    report = VerificationReport(copy_name=copy_name)
    report.boxes = sum(len(b) for b in boxes.values())
    src = fitz().open(stream=original, filetype="pdf")
    out = fitz().open(stream=copy, filetype="pdf")
    try:
        compare_pages(src, out, removed, boxes, report)
        search_secrets(copy, out, secrets, copy_name, report)
    finally:
        src.close()
        out.close()
    return report
