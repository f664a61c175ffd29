"""Undoing one migration, for tests that check what it does to a database written before it."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from civharm.store import Database
from civharm.store.db import SCRIPT_LOCATION


def undo(database: Database, revision: str) -> None:
    """Downgrade ``database`` to just before ``revision``; the next ``open_database`` runs it again."""
    with database.write_engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", SCRIPT_LOCATION)
        config.attributes["connection"] = connection
        command.downgrade(config, f"{revision}@-1")
