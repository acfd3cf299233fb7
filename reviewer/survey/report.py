"""`report.html`: one self-contained page with the survey's charts and sortable tables.

No external scripts, styles or fonts: it opens offline, on a locked-down desktop. Every name
from the tree is escaped (file names can hold anything, including markup).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from html import escape
from pathlib import Path

from reviewer.survey import figures
from reviewer.survey.charts import human_bytes
from reviewer.survey.summary import Flagged, SurveySummary

REPORT_NAME = "report.html"

_STYLE = """
body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:24px;color:#1a202c;max-width:1100px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #cbd5e0}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid #cbd5e0;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#edf2f7;cursor:pointer;user-select:none}th:after{content:" \\2195";color:#a0aec0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{font-size:12px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #cbd5e0;padding:8px 14px}
.card b{display:block;font-size:20px}details{margin:4px 0}code{font-size:12px}
"""

# Sorts any table with class "sortable" by the clicked column; numbers by their data-v.
_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function(th, col) {
  th.addEventListener("click", function() {
    var table = th.closest("table"), body = table.tBodies[0];
    var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute("data-dir") !== "asc";
    th.parentNode.querySelectorAll("th").forEach(function(h) { h.removeAttribute("data-dir"); });
    th.setAttribute("data-dir", asc ? "asc" : "desc");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function(a, b) {
      var x = a.cells[idx], y = b.cells[idx];
      var xv = x.getAttribute("data-v"), yv = y.getAttribute("data-v");
      var r = (xv !== null && yv !== null) ? parseFloat(xv) - parseFloat(yv)
                                           : x.textContent.localeCompare(y.textContent);
      return asc ? r : -r;
    });
    rows.forEach(function(r) { body.appendChild(r); });
  });
});
"""

Cell = str | int


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], sizes: Sequence[int] = ()
) -> str:
    """A sortable table; int cells are right-aligned numbers (bytes for `sizes` columns)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for n, value in enumerate(row):
            if isinstance(value, int):
                shown = human_bytes(value) if n in sizes else f"{value:,}"
                cells.append(f'<td class="n" data-v="{value}">{escape(shown)}</td>')
            else:
                cells.append(f"<td>{escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _flag_section(groups: Sequence[Flagged]) -> str:
    table = _table(
        ("Check", "Items", "Size"), [(g.label, g.count, g.bytes) for g in groups], sizes=(2,)
    )
    details = []
    for g in groups:
        if g.examples:
            items = "".join(f"<li><code>{escape(p)}</code></li>" for p in g.examples)
            more = f" (first {len(g.examples)} of {g.count:,})" if g.count > len(g.examples) else ""
            details.append(
                f"<details><summary>{escape(g.label)}{more}</summary><ul>{items}</ul></details>"
            )
    return table + "".join(details)


def render(summary: SurveySummary) -> str:
    """The whole report page for a summary."""
    s = summary
    dup = s.duplicates
    cards = "".join(
        f'<div class="card"><b>{escape(v)}</b>{escape(k)}</div>' for k, v in figures.headline(s)
    )
    dup_rows = [
        (d.sha256[:16] + "…", d.count, d.size, d.reclaimable, "; ".join(d.paths))
        for d in dup.largest
    ]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Survey of {escape(s.root)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Survey of <code>{escape(s.root)}</code></h1>",
        f"<p>Generated {escape(s.generated)}. Details per file: <code>droid.csv</code> "
        "(DROID profile format); figures: <code>summary.json</code>.</p>",
        f'<div class="cards">{cards}</div>',
        "<h2>Formats</h2>",
        f'<div class="charts">{figures.formats_chart(s)}</div>',
        _table(
            ("PUID", "Format", "Version", "Files", "Size", "Archive members"),
            [(f.puid, f.name, f.version, f.files, f.bytes, f.members) for f in s.by_format],
            sizes=(4,),
        ),
        "<h2>Where the content is</h2>",
        f'<div class="charts">{figures.folders_chart(s)}</div>',
        _table(
            ("Top-level folder", "Files", "Size"),
            [(f.folder or "(files at top level)", f.files, f.bytes) for f in s.by_folder],
            sizes=(2,),
        ),
        "<h2>Age</h2>",
        f'<div class="charts">{figures.ages_chart(s)}{figures.due_chart(s)}</div>',
        _table(
            ("Year last modified", "Files", "Size", "Due for transfer"),
            [(str(r.year), r.files, r.bytes, str(r.year + 20)) for r in s.age_by_year],
            sizes=(2,),
        ),
        "<h2>Duplicates</h2>",
        f"<p>{dup.sets:,} sets of identical files ({dup.files:,} files); removing the extra "
        f"copies would free {escape(human_bytes(dup.reclaimable_bytes))}.</p>",
        f'<div class="charts">{figures.duplicates_chart(s)}</div>',
        _table(("SHA-256", "Copies", "Size each", "Reclaimable", "Paths"), dup_rows, sizes=(2, 3)),
        "<h2>Formats at risk and refused by TNA</h2>",
        f'<div class="charts">{figures.risks_chart(s)}</div>',
        _flag_section(s.risks),
        _table(("TNA's reason for refusing", "Items"), sorted(s.disallowed_by_reason.items())),
        "<h2>Redundant, obsolete and trivial candidates</h2>",
        _flag_section(s.rot),
        "<h2>Problems met while surveying</h2>",
        _flag_section(s.problems),
        f"<script>{_SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts)


def write_report(summary: SurveySummary, out_dir: Path) -> Path:
    """Write `report.html` owner-only (it names files) and return its path."""
    target = out_dir / REPORT_NAME
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8") as handle:
        handle.write(render(summary))
    return target
