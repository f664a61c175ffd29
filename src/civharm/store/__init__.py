"""Storage: reports, claims, incidents and run summaries in SQLite (default) or PostgreSQL.

open_database(url) -> Database     open by URL, migrate to the newest schema (Alembic)
Store(database)                    every read and write, each write one transaction
"""

from civharm.store import desk_models as _desk_models  # noqa: F401  registers the desk tables on Base
from civharm.store import republish as _republish  # noqa: F401  registers the pixel-hit table on Base
from civharm.store.convert import Claim, ClaimKind
from civharm.store.db import Database, open_database
from civharm.store.repository import Counts, IncidentFilter, Run, RunFailure, Store, StoredClaim

__all__ = [
    "Claim",
    "ClaimKind",
    "Counts",
    "Database",
    "IncidentFilter",
    "Run",
    "RunFailure",
    "Store",
    "StoredClaim",
    "open_database",
]
