"""Alembic environment: migrate over the connection civharm hands in, or a URL from alembic.ini.

``civharm.store.db.open_database`` passes its open connection (already inside a transaction) in
``config.attributes["connection"]``; the ``alembic`` command line (for writing new revisions)
uses ``sqlalchemy.url`` from ``alembic.ini`` instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from civharm.store.models import Base
from civharm.store.search import is_search_index

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite alters tables by copying them; batch mode lets later revisions stay portable.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # The search index is built by hand (0006_search), outside the models: autogenerate leaves it be.
        include_name=lambda name, type_, parents: not is_search_index(name, type_, parents),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Emit SQL for a URL without connecting (``alembic upgrade --sql``)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url in alembic.ini or pass a connection")
    engine = create_engine(url)
    try:
        with engine.begin() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
