"""Short recordings made in tests with PyAV: a few frames of colour, a tone, a creation time."""

from __future__ import annotations

import io

import numpy as np


def make_clip(seconds: float = 2.0, *, audio: bool = True, created: str = "") -> bytes:
    import av

    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        if created:
            container.metadata["creation_time"] = created
        video = container.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 160, 120, "yuv420p"
        sound = container.add_stream("aac", rate=16000) if audio else None
        for i in range(int(seconds * 10)):
            picture = np.full((120, 160, 3), (i * 12) % 256, dtype=np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        if sound is not None:
            t = np.arange(int(seconds * 16000)) / 16000
            tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
            for start in range(0, len(tone), 1024):
                chunk = tone[start : start + 1024].reshape(1, -1)
                frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="mono")
                frame.sample_rate = 16000
                for packet in sound.encode(frame):
                    container.mux(packet)
            for packet in sound.encode():
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
    return out.getvalue()
