"""The tamper-evident history of decisions: append-only events chained by SHA-256, and `verify`."""

from __future__ import annotations

from reviewer.audit.chain import EventView, append_event
from reviewer.audit.history import history, record_history
from reviewer.audit.verify import VerifyResult, verify

__all__ = ["EventView", "VerifyResult", "append_event", "history", "record_history", "verify"]
