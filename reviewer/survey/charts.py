"""Small inline SVG bar charts, so the report needs no script library and works offline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

BAR = "#2b6cb0"
ALERT = "#c53030"
MUTED = "#718096"


def human_bytes(n: float) -> str:
    """Bytes in the unit a reader expects (1.2 GB, 340 KB)."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1000
    return f"{n:,.1f} TB"


def _count(n: float) -> str:
    return f"{n:,.0f}"


def hbar(
    title: str,
    items: Sequence[tuple[str, float]],
    fmt: Callable[[float], str] = _count,
    colors: Sequence[str] | None = None,
) -> str:
    """Horizontal bars, one labelled row per item (long labels are shortened, full in a tooltip)."""
    width, label_w, row_h, top = 640, 230, 22, 28
    height = top + row_h * max(len(items), 1) + 8
    peak = max((v for _, v in items), default=0) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{top + 14}" fill="{MUTED}">Nothing to show</text>')
    for n, (label, value) in enumerate(items):
        y = top + n * row_h
        w = (width - label_w - 110) * value / peak
        short = label if len(label) <= 32 else label[:30] + "…"
        color = colors[n] if colors else BAR
        parts.append(
            f"<g><title>{escape(label)}: {escape(fmt(value))}</title>"
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{color}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 15}">{escape(fmt(value))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def vbar(
    title: str,
    items: Sequence[tuple[int, float]],
    highlight: Callable[[int], bool] | None = None,
    fmt: Callable[[float], str] = _count,
) -> str:
    """Vertical bars by year; `highlight` colours the years that need attention."""
    width, height, left, bottom, top = 640, 240, 50, 40, 28
    peak = max((v for _, v in items), default=0) or 1
    slot = (width - left - 10) / max(len(items), 1)
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" '
        f'stroke="{MUTED}"/>',
        f'<text x="{left - 4}" y="{top + 10}" text-anchor="end" font-size="10">{fmt(peak)}</text>',
    ]
    if not items:
        parts.append(f'<text x="{left}" y="{top + 40}" fill="{MUTED}">Nothing to show</text>')
    label_every = max(1, round(len(items) / 12))
    for n, (year, value) in enumerate(items):
        h = (height - bottom - top) * value / peak
        x = left + n * slot
        color = ALERT if highlight and highlight(year) else BAR
        parts.append(
            f"<g><title>{year}: {escape(fmt(value))}</title>"
            f'<rect x="{x + 1:.1f}" y="{height - bottom - h:.1f}" width="{max(slot - 2, 1):.1f}" '
            f'height="{h:.1f}" fill="{color}"/></g>'
        )
        if n % label_every == 0:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{height - bottom + 14}" font-size="10" '
                f'text-anchor="middle">{year}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
