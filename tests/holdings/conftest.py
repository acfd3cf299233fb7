"""The store's audit seal registers its session hooks when `reviewer.audit.seal` is imported,
which the `reviewer` command does at start-up (`reviewer.cli.context`). A test that opens a
session before anything imported it, then imports it mid-transaction (through the decisions
package), commits without the seal's per-connection queue: 'no such table: audit_queue'.
Import it first, as the product does."""

from __future__ import annotations

import reviewer.audit.seal  # noqa: F401
