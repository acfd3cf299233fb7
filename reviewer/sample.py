"""The bundled sample collections, ingested and scanned into the store on first run.

The case file becomes the collection `sample` (kind case) and the corporate records
`sample-corporate` (kind corporate), so each is appraised against its own criteria.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

import resources
from models import Store
from models.records import Collection
from reviewer.ingest.pipeline import ingest_paths
from reviewer.progress import Progress

SAMPLE_COLLECTION = "sample"
SAMPLE_DIR = Path(resources.__file__).resolve().parent / "sample"


def sample_parts() -> list[tuple[Path, str, str]]:
    """The sample's folders as (folder, collection name, kind)."""
    parts = []
    for child in sorted(SAMPLE_DIR.iterdir()) if SAMPLE_DIR.is_dir() else []:
        if child.is_dir():
            if child.name.startswith("corporate"):
                parts.append((child, f"{SAMPLE_COLLECTION}-corporate", "corporate"))
            else:
                parts.append((child, SAMPLE_COLLECTION, "case"))
    return parts


def ensure_sample_collection(
    store: Store, progress: Progress | None = None, *, scan: bool = True
) -> str:
    """Ingest (and scan for personal data) the bundled sample unless it is already there.

    Returns the name of the case collection the workstation opens first.
    """
    parts = sample_parts()
    if not parts:
        raise FileNotFoundError(f"the bundled sample is missing from {SAMPLE_DIR}")
    for folder, name, kind in parts:
        with store.session() as session:
            exists = session.scalar(select(Collection.id).where(Collection.name == name))
        if exists is not None:
            continue
        ingest_paths(store, [folder], name, kind=kind, progress=progress)
        if scan:
            from reviewer.detect.entities.scan import default_jobs, scan_collection

            scan_collection(store, name, default_jobs(), progress)
    return SAMPLE_COLLECTION
