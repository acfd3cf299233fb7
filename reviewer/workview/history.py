"""A record's history in words: each event of the audit log as one line a reviewer reads.

`history_lines` turns the hash-chained events about one record (`reviewer.audit.record_history`)
into `HistoryLine`s, newest first: when, who (and in which role) and what, as one plain sentence.
A decision event carries the whole decision before and after (`reviewer.decisions.snapshot`), so
its sentence names the fields that changed ("Appraisal: Select → Destroy"); bookkeeping (version,
ids, who signed which part) is left out, as who signed is the line's own `who`.

Only events about the record itself are listed. A decision made on a folder, which the record
inherits, is an event of the folder (target `folder:...`, no record id) and is not listed here;
nor are holds, which belong to the collection. The highlighted text of a detected or added span
is never quoted: a line names its label only.

A kind this module does not know still gets a readable line made from its name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from reviewer.audit import EventView, record_history
from reviewer.decisions.criteria import KINDS, load_criteria
from reviewer.decisions.snapshot import LATER_FIELDS
from reviewer.detect.labels import display_name

QUOTE_MAX = 200  # characters of a rationale, description or justification quoted in a line


@dataclass(frozen=True)
class HistoryLine:
    """One event of a record's history: `at` in UTC, `what` one plain sentence."""

    at: datetime
    who: str
    role: str
    what: str


def history_lines(session: Session, record_id: int) -> tuple[HistoryLine, ...]:
    """The record's own history, newest first (see the module's docstring for what is left out)."""
    return lines_of(record_history(session, record_id))


def lines_of(events: Iterable[EventView]) -> tuple[HistoryLine, ...]:
    """History lines of `events` (given oldest first, as the audit log reads them), newest first."""
    ordered = sorted(events, key=lambda ev: ev.id, reverse=True)
    return tuple(HistoryLine(ev.at, ev.actor, ev.role, describe(ev)) for ev in ordered)


def describe(ev: EventView) -> str:
    """One sentence for one event; never raises, whatever the event holds."""
    try:
        text = _describe(ev)
    except Exception:  # a malformed or unforeseen event still gets a line
        text = ""
    return _sentence(text or _kind_words(ev.kind))


# --- words -------------------------------------------------------------------------------------


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."


def _kind_words(kind: str) -> str:
    words = kind.replace("_", " ").replace(":", " ").strip()
    return words or "Something was recorded"


def _quote(text: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > QUOTE_MAX:
        text = text[: QUOTE_MAX - 1].rstrip() + "…"
    return f"“{text}”"


def _day(value: Any) -> str:
    """The day as 1 Mar 2004, from an ISO date (or the text itself when it is not one)."""
    if not value:
        return "none"
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{d.day} {d.strftime('%b %Y')}"


def _duration(seconds: Any) -> str:
    total = max(0, round(float(seconds or 0)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _years(period: Any) -> str:
    n = int(period)
    return f"{n} year" if n == 1 else f"{n} years"


@cache
def _criterion_titles() -> dict[str, str]:
    titles: dict[str, str] = {}
    for kind in KINDS:
        for c in load_criteria(kind):
            titles.setdefault(c.id, c.title)
    return titles


def _criterion(cid: str) -> str:
    return _criterion_titles().get(cid, cid)


# --- decisions ---------------------------------------------------------------------------------


def _get(state: dict[str, Any] | None, field: str) -> Any:
    if not state:
        return LATER_FIELDS.get(field)
    return state.get(field, LATER_FIELDS.get(field))


def _outcome(value: Any) -> str:
    return str(value).capitalize() if value else ""


def _closure(state: dict[str, Any] | None) -> str:
    """The closure in words, "" when there is none."""
    status = _get(state, "closure_status")
    if not status:
        return ""
    text = "Open (redacted)" if status == "Closed" and _get(state, "redacted") else str(status)
    exemptions = _get(state, "exemptions") or []
    if status == "Closed" and exemptions:
        text += ", " + "; ".join(f"{code} {_years(period)}" for code, period in exemptions)
    return text


def _transition(name: str, was: str, now: str) -> list[str]:
    """ "Name: was → now", "Name: now" or "Name was removed" ("" is no value); [] if unchanged."""
    if was == now:
        return []
    if was and now:
        return [f"{name}: {was} → {now}"]
    return [f"{name}: {now}"] if now else [f"{name} {was} removed"]


def _appraisal_parts(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    was, now = _get(before, "appraisal"), _get(after, "appraisal")
    parts = _transition("Appraisal", _outcome(was), _outcome(now))
    old = list(_get(before, "criteria") or [])
    new = list(_get(after, "criteria") or [])
    added = [c for c in new if c not in old]
    removed = [c for c in old if c not in new]
    if added:
        parts.append("criteria ticked: " + ", ".join(_criterion(c) for c in added))
    if removed:
        parts.append("criteria unticked: " + ", ".join(_criterion(c) for c in removed))
    was_r, now_r = _get(before, "rationale") or "", _get(after, "rationale") or ""
    if was_r != now_r:
        parts.append(f"rationale: {_quote(now_r)}" if now_r else "rationale removed")
    return parts


def _closed_part(before: dict[str, Any] | None, after: dict[str, Any], what: str) -> list[str]:
    """Title or description closed ("closed, shown as …"), opened, or its alternate changed."""
    flag, alt = f"{what}_closed", f"{what}_alternate"
    was_c, now_c = bool(_get(before, flag)), bool(_get(after, flag))
    was_a, now_a = _get(before, alt) or "", _get(after, alt) or ""
    if was_c == now_c and was_a == now_a:
        return []
    if now_c and not was_c:
        return [f"{what} closed" + (f", shown as {_quote(now_a)}" if now_a else "")]
    if was_c and not now_c:
        return [f"{what} opened"]
    return [f"alternate {what}: {_quote(now_a)}" if now_a else f"alternate {what} removed"]


def _sensitivity_parts(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    parts = _transition("Closure", _closure(before), _closure(after))
    old = list(_get(before, "redact_labels") or [])
    new = list(_get(after, "redact_labels") or [])
    if old != new:
        names = ", ".join(display_name(x) for x in new)
        parts.append(f"redact: {names}" if new else "no labels to redact")
    start, rule = _get(after, "closure_start_date"), _get(after, "closure_start_rule")
    if (start, rule) != (_get(before, "closure_start_date"), _get(before, "closure_start_rule")):
        if rule == "record_date":
            parts.append("closure starts on the date of the record")
        elif rule == "year_end":
            parts.append("closure starts on 31 December of the record's year")
        elif start:
            parts.append(f"closure starts {_day(start)}")
        elif _get(after, "closure_status"):
            parts.append("closure start date removed")
    was_j, now_j = _get(before, "period_justification") or "", _get(after, "period_justification")
    if was_j != (now_j or ""):
        parts.append(
            f"closure period justified: {_quote(now_j)}"
            if now_j
            else "closure period justification removed"
        )
    schedule = _get(after, "foi_schedule_date")
    if schedule != _get(before, "foi_schedule_date"):
        parts.append(
            f"FOI schedule date {_day(schedule)}" if schedule else "FOI schedule date removed"
        )
    parts += _closed_part(before, after, "title")
    parts += _closed_part(before, after, "description")
    return parts


def _facts_parts(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    parts = []
    was_d, now_d = _get(before, "record_date"), _get(after, "record_date")
    if was_d != now_d:
        if now_d and was_d:
            parts.append(f"Date of the record changed from {_day(was_d)} to {_day(now_d)}")
        elif now_d:
            parts.append(f"Date of the record set to {_day(now_d)}")
        else:
            parts.append(f"Date of the record {_day(was_d)} removed")
    was_t, now_t = _get(before, "description") or "", _get(after, "description") or ""
    if was_t != now_t:
        parts.append(f"Description: {_quote(now_t)}" if now_t else "Description removed")
    was_l, now_l = _get(before, "looked_at_by") or "", _get(after, "looked_at_by") or ""
    if was_l != now_l:
        if now_l:
            parts.append("Confirmed someone looked at it")
        else:
            parts.append("Withdrew the confirmation that someone looked at it")
    return parts


def _decision_prefix(kind: str) -> str:
    if kind.startswith(("appraisal from record ", "sensitivity from record ")):
        return "Copied from record " + kind.rsplit(" ", 1)[-1]
    return {
        "clear_appraisal": "Own appraisal removed",
        "clear_sensitivity": "Own closure decision removed",
        "qa_overturn": "QA overturned the decision",
        "qa_uphold": "QA upheld the first decision",
        "baseline": "The administrator accepted the decision as found into the history",
    }.get(kind, "")


def _decision(ev: EventView) -> str:
    before = ev.before if isinstance(ev.before, dict) else None
    after = ev.after if isinstance(ev.after, dict) else {}
    if ev.kind == "baseline" and isinstance(ev.before, dict):
        reason = ev.before.get("reason", "")
        return _decision_prefix("baseline") + (f" ({reason})" if reason else "")
    if ev.kind == "clear_appraisal":
        was = _get(before, "appraisal")
        was_text = f" (was {_outcome(was)})" if was else ""
        return f"{_decision_prefix(ev.kind)}{was_text}; the record inherits again"
    if ev.kind == "clear_sensitivity":
        was_c = _closure(before)
        was_text = f" (was {was_c})" if was_c else ""
        return f"{_decision_prefix(ev.kind)}{was_text}; the record inherits again"
    parts = _facts_parts(before, after) + _appraisal_parts(before, after)
    parts += _sensitivity_parts(before, after)
    prefix = _decision_prefix(ev.kind)
    if not parts:
        if ev.kind == "record_date":
            return f"Date of the record confirmed as {_day(_get(after, 'record_date'))}"
        if prefix:
            return prefix
        return f"{_kind_words(ev.kind)} saved again, nothing changed"
    body = "; ".join(parts)
    return f"{prefix}: {body}" if prefix else body


# --- other events ------------------------------------------------------------------------------


def _where(state: dict[str, Any]) -> str:
    page = state.get("page")
    return f" on page {page}" if page else ""


def _redaction(ev: EventView) -> str:
    state = ev.after if isinstance(ev.after, dict) else ev.before
    state = state if isinstance(state, dict) else {}
    label = state.get("label") or ""
    if label:
        what = f"{display_name(label)}"
    elif state.get("rect"):
        what = "an area"
    else:
        what = "a passage"
    verb = "Marked for redaction" if ev.kind == "redaction_added" else "Redaction removed"
    return f"{verb}: {what}{_where(state)}"


_SCOPE_WORDS = {
    "once": "this one only",
    "record": "everywhere in this record",
    "collection": "everywhere in the collection",
}


def _entity(ev: EventView) -> str:
    state = ev.after if isinstance(ev.after, dict) else ev.before
    state = state if isinstance(state, dict) else {}
    label = display_name(str(state.get("label") or "personal data"))
    if ev.kind == "entity_dismissed":
        scope = (ev.after or {}).get("dismissed") if isinstance(ev.after, dict) else None
        where = _SCOPE_WORDS.get(str(scope), "")
        return f"Dismissed a {label} highlight as not personal data" + (
            f" ({where})" if where else ""
        )
    if ev.kind == "entity_restored":
        return f"Restored a dismissed {label} highlight"
    if ev.kind == "entity_added":
        return f"Added a {label} highlight by hand"
    return f"Removed a {label} highlight that was added by hand"


def _played(ev: EventView) -> str:
    after = ev.after if isinstance(ev.after, dict) else {}
    reached = after.get("reached_seconds")
    if reached:
        return f"Played the recording (reached {_duration(reached)})"
    return "Played the recording"


def _qa_outcome(ev: EventView) -> str:
    after = ev.after if isinstance(ev.after, dict) else {}
    outcome = after.get("outcome")
    note = after.get("note") or ""
    text = {
        "uphold": "QA upheld the first decision",
        "overturn": "QA overturned the first decision",
    }.get(str(outcome), "QA recorded an outcome")
    return text + (f": {_quote(note)}" if note else "")


def _hold(ev: EventView) -> str:
    state = ev.after if isinstance(ev.after, dict) else {}
    name = state.get("name") or "a legal hold"
    if ev.kind == "hold_lifted":
        reason = state.get("lift_reason") or ""
        return f"Legal hold {_quote(name)} lifted" + (f": {_quote(reason)}" if reason else "")
    return f"Legal hold {_quote(name)} placed"


_BY_KIND: dict[str, Callable[[EventView], str]] = {
    "redaction_added": _redaction,
    "redaction_removed": _redaction,
    "entity_dismissed": _entity,
    "entity_restored": _entity,
    "entity_added": _entity,
    "entity_removed": _entity,
    "media_played": _played,
    "qa_outcome": _qa_outcome,
    "hold_created": _hold,
    "hold_lifted": _hold,
}


def _describe(ev: EventView) -> str:
    by_kind = _BY_KIND.get(ev.kind)
    if by_kind is not None:
        return by_kind(ev)
    if str(ev.target).startswith("record:") and isinstance(ev.after, dict):
        return _decision(ev)
    return ""
