"""The bundled sample collection, ingested into the store on first run."""

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


def sample_parts() -> list[tuple[Path, str]]:
    """The sample's folders with their kind: the case file, then the corporate records."""
    parts = []
    for child in sorted(SAMPLE_DIR.iterdir()) if SAMPLE_DIR.is_dir() else []:
        if child.is_dir():
            parts.append((child, "corporate" if child.name.startswith("corporate") else "case"))
    return parts


def ensure_sample_collection(store: Store, progress: Progress | None = None) -> str:
    """Ingest the bundled sample into `store` unless it is already there; returns its name."""
    with store.session() as session:
        exists = session.scalar(select(Collection.id).where(Collection.name == SAMPLE_COLLECTION))
    if exists is None:
        paths = [path for path, _kind in sample_parts()]
        if not paths:
            raise FileNotFoundError(f"the bundled sample is missing from {SAMPLE_DIR}")
        ingest_paths(store, paths, SAMPLE_COLLECTION, kind="case", progress=progress)
    return SAMPLE_COLLECTION
