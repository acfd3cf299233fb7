"""The SQLAlchemy 2 store: typed models, Alembic migrations and session handling.

Importing this package registers every table on `Base.metadata`.
"""

from __future__ import annotations

from models import records  # noqa: F401  (registers tables)
from models import audit, decisions  # noqa: F401
from models import qa  # noqa: F401
from models import entities  # noqa: F401
from models import team  # noqa: F401
from models.base import Base
from models.session import Store, default_url, open_store

__all__ = ["Base", "Store", "default_url", "open_store"]
