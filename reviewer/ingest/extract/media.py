"""Video and audio evidence: technical metadata with PyAV, thumbnails on demand.

A recording has no text to scan, so its record says so ('cannot be scanned: needs viewing')
and keeps what the container states: duration, codecs, resolution, frame rate, sample rate,
creation time. A file FFmpeg cannot open or decode is 'corrupt', in plain words.
"""

from __future__ import annotations

import io
from fractions import Fraction
from typing import Any

from reviewer.ingest.types import CORRUPT, EMPTY, Extraction

NEEDS_VIEWING = "cannot be scanned for personal data: needs viewing"
SOURCE = "media (PyAV)"
VIDEO_MAGIC = (b"\x1a\x45\xdf\xa3", b"OggS", b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", b"fLaC")


def media_magic(data: bytes) -> bool:
    """MP4/MOV/3GP (`ftyp`), AVI and WAV (RIFF), Matroska/WebM, Ogg, ASF/WMV, FLAC, MP3, MPEG."""
    head = data[:16]
    return (
        head[4:8] == b"ftyp"
        or (head[:4] == b"RIFF" and head[8:12] in (b"AVI ", b"WAVE"))
        or head.startswith(VIDEO_MAGIC)
        or head.startswith(b"ID3")
        or head[:4] in (b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")
    )


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _rate(value: Any) -> str:
    if not value:
        return ""
    rate = float(Fraction(value))
    return f"{rate:.3f}".rstrip("0").rstrip(".")


def describe(container: Any) -> list[tuple[str, str]]:
    """(key, value) of what the container says, in a fixed order."""
    items: list[tuple[str, str]] = [("container", str(container.format.long_name or ""))]
    if container.duration:
        items.append(("duration", _clock(container.duration / 1_000_000)))
        items.append(("duration_seconds", f"{container.duration / 1_000_000:.3f}"))
    for key in ("creation_time", "date", "title", "comment", "make", "model", "location"):
        value = container.metadata.get(key)
        if value:
            items.append((key, str(value)))
    for n, stream in enumerate(container.streams.video, 1):
        ctx = stream.codec_context
        items += [
            (f"video {n} codec", str(ctx.codec.long_name or ctx.name)),
            (f"video {n} resolution", f"{ctx.width}x{ctx.height}"),
        ]
        if stream.average_rate:
            items.append((f"video {n} frame rate", _rate(stream.average_rate)))
        if stream.frames:
            items.append((f"video {n} frames", str(stream.frames)))
    for n, stream in enumerate(container.streams.audio, 1):
        ctx = stream.codec_context
        items += [
            (f"audio {n} codec", str(ctx.codec.long_name or ctx.name)),
            (f"audio {n} sample rate", f"{ctx.sample_rate} Hz"),
            (f"audio {n} channels", str(ctx.channels)),
        ]
    return items


def _decodes(container: Any) -> bool:
    """A frame (or audio packet) can be decoded: the file is playable, not just a header."""
    streams = list(container.streams.video[:1]) or list(container.streams.audio[:1])
    if not streams:
        return False
    for frame in container.decode(streams[0]):
        return frame is not None
    return False


def extract_media(data: bytes) -> Extraction:
    try:
        import av
    except ImportError:
        return Extraction(status="unsupported", message="video reader (PyAV) is not installed")
    try:
        with av.open(io.BytesIO(data), mode="r", metadata_errors="replace") as container:
            items = describe(container)
            kind = "video" if container.streams.video else "audio"
            playable = _decodes(container)
    except Exception as exc:
        return Extraction(
            status=CORRUPT, message=f"damaged or unplayable recording ({type(exc).__name__})"
        )
    if not playable:
        return Extraction(
            status=CORRUPT, message="damaged or unplayable recording: no frame decodes"
        )
    found = dict(items)
    summary = ", ".join(
        v
        for v in (
            found.get("duration", ""),
            found.get("video 1 codec", found.get("audio 1 codec", "")),
            found.get("video 1 resolution", ""),
        )
        if v
    )
    return Extraction(
        status=EMPTY,
        message=f"{kind} ({summary}): {NEEDS_VIEWING}",
        metadata=tuple(items),
    )


def thumbnails(data: bytes, count: int = 6, width: int = 160) -> list[bytes]:
    """PNG frames spread over a video's length, for a strip in the viewer (empty for audio)."""
    import av

    out: list[bytes] = []
    with av.open(io.BytesIO(data), mode="r") as container:
        if not container.streams.video:
            return out
        stream = container.streams.video[0]
        duration = container.duration or 0
        for i in range(count):
            target = int(duration * (i + 0.5) / count) if duration else 0
            try:
                container.seek(target, any_frame=False, backward=True)
                frame = next(container.decode(stream))
            except (StopIteration, av.error.FFmpegError):
                break
            image = frame.to_image()  # type: ignore[no-untyped-call]
            height = max(1, round(image.height * width / max(1, image.width)))
            buffer = io.BytesIO()
            image.resize((width, height)).save(buffer, format="PNG")
            out.append(buffer.getvalue())
            if not duration:
                break
    return out
