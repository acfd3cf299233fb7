"""The SQLAlchemy 2 store: typed models, Alembic migrations and session handling.

Importing this package registers every table on `Base.metadata`.
"""

from __future__ import annotations

from models import (  # noqa: F401
    audit,
    decisions,
    entities,
    metadata,
    predict,
    qa,
    records,
    team,
    viewings,
)
from models.base import Base
from models.session import Store, default_url, open_store

__all__ = ["Base", "Store", "default_url", "open_store"]
