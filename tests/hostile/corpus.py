"""Generators of a folder an attacker built: each entry with the status and message it must get.

`build(root)` makes the folder and returns what every top-level entry (and a few members)
must be stored as. Run by the tests on SQLite and PostgreSQL, and by
`benchmarks/hostile.py` for the memory figure (with `sparse=2 GiB`).
"""

from __future__ import annotations

import io
import os
import socket
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

MIB = 1 << 20
# What /etc/passwd (or any file outside) would put in the store if it were read.
OUTSIDE_SECRET = "root:x:0:0"
NINO_SUBJECT = "=?utf-8?q?NINO_AB123456C=00?="


@dataclass(frozen=True)
class Expect:
    """A record's status and a piece of its message (empty: no message check)."""

    status: str
    message: str = ""


def zip_bytes(members: dict[str, bytes], level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def small_member_bomb(members: int = 600, size: int = MIB) -> bytes:
    """Many members of at most 1 MiB each at ~1,000:1: under the old per-member floor."""
    buf = io.BytesIO()
    zeros = b"\0" * size
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(members):
            zf.writestr(f"pad{i:04d}.txt", zeros)
    return buf.getvalue()


def nested_bomb(copies: int = 4, members: int = 600) -> bytes:
    """A zip of zips of small-member bombs: each nested archive used to get a fresh budget."""
    inner = small_member_bomb(members)
    return zip_bytes({f"part{i}.zip": inner for i in range(copies)}, level=0)


def deep_email(levels: int = 500) -> bytes:
    """An e-mail holding an e-mail holding an e-mail... `levels` deep (written as text)."""
    inner = b"Subject: bottom\r\nContent-Type: text/plain\r\n\r\nbottom text\r\n"
    for i in range(levels):
        b = f"b{i}".encode()
        inner = (
            b"Subject: level %d\r\nMIME-Version: 1.0\r\n" % i
            + b'Content-Type: multipart/mixed; boundary="'
            + b
            + b'"\r\n\r\n--'
            + b
            + b"\r\nContent-Type: text/plain\r\n\r\nwrap\r\n--"
            + b
            + b"\r\nContent-Type: message/rfc822\r\n\r\n"
            + inner
            + b"\r\n--"
            + b
            + b"--\r\n"
        )
    return inner


def nul_email() -> bytes:
    return (
        b"From: clerk@example.com\r\nTo: officer@example.com\r\n"
        b"Subject: " + NINO_SUBJECT.encode() + b"\r\n"
        b"Content-Type: text/plain\r\n\r\nBody with\x00a NUL too.\r\n"
    )


def build(root: Path, *, sparse: int = 0, bombs: bool = True) -> dict[str, Expect]:
    """Make the hostile folder under `root` (which must not exist); returns expectations by
    record path. `sparse` > 0 adds a sparse file of that size (not read into memory)."""
    root.mkdir(parents=True)
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{OUTSIDE_SECRET}:root:/root:/bin/bash\n")
    expect: dict[str, Expect] = {}

    def link(name: str, target: str | Path, status: str, message: str) -> None:
        os.symlink(target, root / name)
        expect[name] = Expect(status, message)

    (root / "healthy.txt").write_text("A healthy file beside the hostile ones.\n")
    expect["healthy.txt"] = Expect("ok")
    link("passwd", "/etc/passwd", "unsupported", "outside the ingested folder: not read")
    link("zero", "/dev/zero", "unsupported", "outside the ingested folder: not read")
    link("urandom", "/dev/urandom", "unsupported", "outside the ingested folder: not read")
    link("secret-link.txt", outside / "secret.txt", "unsupported", "outside the ingested folder")
    link("up.txt", "../" + outside.name + "/secret.txt", "unsupported", "outside the ingested")
    link("dangling", root / "gone.txt", "error", "broken link")
    link("loop-a", root / "loop-b", "error", "link loop")
    link("loop-b", root / "loop-a", "error", "link loop")
    link("folder-link", outside, "unsupported", "outside the ingested folder")
    link("inside-link.txt", "healthy.txt", "ok", "link to healthy.txt")
    os.mkfifo(root / "fifo")
    expect["fifo"] = Expect("unsupported", "named pipe")
    (root / "pipes").mkdir()
    os.mkfifo(root / "pipes" / "inner-fifo.txt")
    expect["pipes/inner-fifo.txt"] = Expect("unsupported", "named pipe")
    link("fifo-link", root / "fifo", "unsupported", "named pipe")
    try:  # a device node inside the folder (needs root: skipped where not allowed)
        os.mknod(root / "zero-device", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
        expect["zero-device"] = Expect("unsupported", "character device")
    except (PermissionError, AttributeError, OSError):
        pass
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(root / "sock"))
    sock.close()
    expect["sock"] = Expect("unsupported", "socket")

    (root / "nul.txt").write_bytes(b"Name: Jo Bloggs\x00NINO AB123456C\n")
    expect["nul.txt"] = Expect("ok", "replaced with U+FFFD")
    (root / "nul-subject.eml").write_bytes(nul_email())
    expect["nul-subject.eml"] = Expect("ok", "replaced with U+FFFD")
    (root / "deep.eml").write_bytes(deep_email(500))
    expect["deep.eml"] = Expect("too_large", "nested too deeply")
    (root / "\x1b[31mred\x07.txt").write_text("escape sequences in the name\n")
    expect["\x1b[31mred\x07.txt"] = Expect("ok")
    (root / "=HYPERLINK(1).txt").write_text("a formula-like name\n")
    expect["=HYPERLINK(1).txt"] = Expect("ok")
    (root / "line\rbreak\nname.txt").write_text("CR and LF in the name\n")
    expect["line\rbreak\nname.txt"] = Expect("ok")
    (root / b"latin-\xe9.txt".decode("utf-8", "surrogateescape")).write_text("Latin-1 name\n")
    expect["latin-\ufffd.txt"] = Expect("ok")
    if bombs:
        (root / "bomb.zip").write_bytes(small_member_bomb())
        expect["bomb.zip"] = Expect("ok")
        expect["bomb.zip/pad0000.txt"] = Expect("too_large", "zip bomb")
        (root / "nested-bomb.zip").write_bytes(nested_bomb())
        expect["nested-bomb.zip"] = Expect("ok")
    if sparse:
        with (root / "sparse.bin").open("wb") as handle:
            handle.truncate(sparse)
        expect["sparse.bin"] = Expect("too_large", "hashed and identified only")
    return expect
