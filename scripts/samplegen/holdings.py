"""The department's other holdings, in miniature: a scanned statement, a mailbox export, a
body-worn-video clip and the case system's metadata manifest. All fictional, all generated."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from . import cast as c
from .planted import Planted, plain
from .values import SEED, Values

D_SCAN = datetime(2004, 8, 18, 10, 20)
D_MBOX = datetime(2004, 8, 20, 17, 5)
D_VIDEO = datetime(2004, 8, 15, 1, 12)
D_MANIFEST = datetime(2004, 10, 6, 9, 0)
SCAN_DPI = 200
WITNESS = "Paul Anthony REDSHAW"


def scanned_statement(v: Values) -> tuple[bytes, Planted]:
    """A one-page MG11 printed, signed and scanned: an image-only PDF (no text layer)."""
    import pymupdf
    from PIL import Image

    p = Planted()
    lines = [
        "RESTRICTED (when complete)                                    MG 11",
        "WITNESS STATEMENT (scanned copy)",
        f"URN: {p.not_personal('URN', c.URN)}",
        f"Statement of: {p('PERSON', WITNESS)}",
        "Age if under 18: Over 18     Occupation: Door supervisor",
        f"Address: {p('ADDRESS', '58 Wharfedale Terrace, Armley, Leeds')} "
        f"{p('POSTCODE', 'LS12 1RQ')}",
        "",
        f"On Saturday 14 August 2004 I was working the door at {c.PUB}.",
        "At about 23:40 I saw two men arguing outside. One of them I now",
        f"know to be {p('PERSON', 'Lee HARTIGAN')}. He pushed the other man to the ground.",
        "I called the police straight away and stayed with the injured man.",
        "",
        "Signed: P Redshaw                      Dated: 18/08/2004",
        "",
        c.FOOTER,
    ]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 72.0
    for line in lines:
        page.insert_text((56, y), plain(line), fontsize=10.5, fontname="helv")
        y += 17
    pix = page.get_pixmap(dpi=SCAN_DPI, colorspace=pymupdf.csGRAY)
    image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    image = image.rotate(0.5, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = random.Random(SEED)
    pixels = image.load()
    assert pixels is not None
    for _ in range(image.width * image.height // 1000):  # a scanner's specks
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice((0, 255))
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=60, dpi=(SCAN_DPI, SCAN_DPI))
    scan = pymupdf.open()
    scanned = scan.new_page(width=595, height=842)
    scanned.insert_image(scanned.rect, stream=jpeg.getvalue())
    scan.set_metadata({"producer": "Fictional scanner", "creationDate": "D:20040818102000"})
    return bytes(scan.tobytes(garbage=4, deflate=True)), p


def _message(sender: str, to: str, when: datetime, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = format_datetime(when.replace(tzinfo=UTC))
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{when:%Y%m%d%H%M%S}.sample@police.example.com>"
    msg.set_content(body)
    return msg


def mailbox_export(v: Values) -> tuple[bytes, Planted]:
    """An MBOX export of the officer's case folder: two messages, one with an attachment."""
    p = Planted()
    first = _message(
        f"{c.OIC_NAME.title()} <{c.OIC_EMAIL}>",
        f"{c.LAWYER} <{c.LAWYER_EMAIL}>",
        datetime(2004, 8, 19, 9, 14),
        f"R v HARTIGAN {c.URN} - door supervisor statement",
        plain(
            f"Helen,\n\nWe have traced the door supervisor, {p('PERSON', 'Paul Redshaw')}. "
            "His statement is attached as typed from his notes; the signed copy will be "
            "scanned onto the file.\n\nMike\n\n" + c.FOOTER + "\n"
        ),
    )
    first.add_attachment(
        plain(
            f"Notes of {p('PERSON', 'Paul Redshaw')}, {p('PHONE', '0113 496 0871')}.\n"
            "Saw the push at about 23:40. Called 999.\n" + c.FOOTER + "\n"
        ).encode(),
        maintype="text",
        subtype="plain",
        filename="Redshaw notes.txt",
    )
    first.set_boundary("=_sample_mbox_1")  # the same bytes on every run
    second = _message(
        f"{c.LAWYER} <{c.LAWYER_EMAIL}>",
        f"{c.OIC_NAME.title()} <{c.OIC_EMAIL}>",
        datetime(2004, 8, 20, 17, 5),
        f"RE: R v HARTIGAN {c.URN} - door supervisor statement",
        plain(
            "Thanks Mike, please serve it with the MG6 schedules.\n\nHelen\n\n" + c.FOOTER + "\n"
        ),
    )
    out = b""
    for msg in (first, second):
        body = msg.as_bytes().replace(b"\nFrom ", b"\n>From ")
        stamp = msg["Date"].datetime.strftime("%a %b %d %H:%M:%S %Y")
        out += f"From {c.OIC_EMAIL} {stamp}\n".encode() + body + b"\n"
    return out, p


def bodycam_clip() -> bytes:
    """Two seconds of 'body-worn video': grey frames, a tone, the camera's creation time."""
    import av
    import numpy as np

    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        container.metadata["creation_time"] = D_VIDEO.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        container.metadata["title"] = "FICTIONAL SAMPLE body-worn video"
        video = container.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 160, 120, "yuv420p"
        sound = container.add_stream("aac", rate=16000)
        for i in range(20):
            picture = np.full((120, 160, 3), 40 + i * 6, dtype=np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
        t = np.arange(32000) / 16000
        tone = (0.1 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
        for start in range(0, len(tone), 1024):
            frame = av.AudioFrame.from_ndarray(
                tone[start : start + 1024].reshape(1, -1), format="fltp", layout="mono"
            )
            frame.sample_rate = 16000
            for packet in sound.encode(frame):
                container.mux(packet)
        for packet in sound.encode():
            container.mux(packet)
    return out.getvalue()


MANIFEST_ROWS = (
    (
        "MG11 KENDRICK Sarah 15.08.04.pdf",
        "MG11/001",
        "15/08/2004",
        "Witness statement of S Kendrick",
    ),
    (
        "MG11 HUSSAIN Imran 16.08.04.docx",
        "MG11/002",
        "16/08/2004",
        "Witness statement of I Hussain",
    ),
    (
        "MG11 REDSHAW Paul 18.08.04 scan.pdf",
        "MG11/003",
        "18/08/2004",
        "Witness statement of P Redshaw (scan)",
    ),
    ("MG3 charging decision 17.08.04.pdf", "MG3/001", "17/08/2004", "Report for charging decision"),
    ("BWV 15.08.04 0112 PC4471.mp4", "EXH/RA/1", "15/08/2004", "Body-worn video, PC 4471"),
    ("OIC mailbox export 2004-08.mbox", "CORR/014", "20/08/2004", "Officer's case e-mails"),
)


def case_manifest() -> bytes:
    """The case system's export of its metadata: one row per file, as such systems write it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["File Name", "URN", "Document Reference", "Document Date", "Title", "Note"])
    for name, ref, when, title in MANIFEST_ROWS:
        writer.writerow([name, c.URN, ref, when, title, "FICTIONAL SAMPLE"])
    return buffer.getvalue().encode("utf-8")
