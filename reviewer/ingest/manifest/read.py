"""Which files are manifests, and reading any of them into rows."""

from __future__ import annotations

from pathlib import Path

from reviewer.ingest.manifest.rows import Manifest, ManifestError
from reviewer.ingest.manifest.sharepoint import read_sharepoint
from reviewer.ingest.manifest.sidecar import described_name, read_sidecar
from reviewer.ingest.manifest.tabular import read_csv, read_xlsx

# Names an export gives its manifest (stem, without case); any CSV/XLSX given with --metadata
# is read too.
MANIFEST_STEMS = frozenset({"metadata", "manifest", "file_metadata", "filemetadata"})


def is_manifest_name(name: str) -> bool:
    """Found automatically beside the files: `metadata.csv|xlsx`, `manifest.csv|xlsx`,
    SharePoint's `Manifest.xml`, and sidecars `NAME.metadata.json|xml`."""
    if described_name(name) is not None:
        return True
    path = Path(name)
    suffix = path.suffix.lower()
    stem = path.stem.lower()
    if suffix in (".csv", ".xlsx"):
        return stem in MANIFEST_STEMS
    return name.lower() == "manifest.xml"


def read_manifest(path: Path) -> Manifest:
    """Rows of any supported manifest; `ManifestError` (one line, no content) when unusable."""
    name = path.name.lower()
    try:
        if described_name(path.name) is not None:
            return read_sidecar(path)
        if name.endswith(".csv") or name.endswith(".tsv") or name.endswith(".txt"):
            return read_csv(path)
        if name.endswith((".xlsx", ".xlsm")):
            return read_xlsx(path)
        if name.endswith(".xml"):
            return read_sharepoint(path)
    except OSError as exc:
        raise ManifestError(f"cannot read it ({exc.strerror or type(exc).__name__})") from None
    raise ManifestError("not a manifest format (CSV, XLSX, SharePoint Manifest.xml or a sidecar)")
