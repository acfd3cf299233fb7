"""Metadata that system exports keep beside their files: manifests and sidecars.

A case-management or SharePoint export describes its files in a manifest (CSV or XLSX with a
row per file, SharePoint's `Manifest.xml`) or in a sidecar per file (`NAME.metadata.json|xml`).
`read_manifest` turns any of them into rows; `attach.attach_metadata` matches rows to records
and keeps every key/value with the record, unchanged; `suggest` reads a date, reference and
description out of them for the reviewer to confirm.
"""

from __future__ import annotations

from reviewer.ingest.manifest.read import is_manifest_name, read_manifest
from reviewer.ingest.manifest.rows import Manifest, ManifestError, ManifestRow

__all__ = ["Manifest", "ManifestError", "ManifestRow", "is_manifest_name", "read_manifest"]
