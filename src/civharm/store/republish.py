"""Storage for publishing: republication pixel hits, and when incidents were first and last changed.

A hit keeps the page, the referring URL, the time and a salted digest standing for the reader (made
by the web layer from the address and browser, which are never stored), so the republications page
can say where a page was republished and by how many distinct readers it was seen, and nothing more.
Kept apart from ``repository`` so publishing's table is one migration branch (``0002_republish``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Index, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from civharm.store.models import Base, IncidentRow, UtcDateTime
from civharm.store.repository import Store

PAGE_LENGTH = 200  # page keys are "incident-<id>" or "tallies-<by>"; ids are at most 128 characters
READER_LENGTH = 64  # hex SHA-256
# A referring URL longer than this is cut: it is only shown, and a hostile page could send megabytes.
MAX_REFERRER_CHARS = 2000


class RepublishHitRow(Base):
    """One request for a republished page's tracking pixel."""

    __tablename__ = "republish_hits"
    __table_args__ = (Index("ix_republish_hits_page", "page"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    page: Mapped[str] = mapped_column(String(PAGE_LENGTH))
    referrer: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    reader: Mapped[str] = mapped_column(String(READER_LENGTH))


@dataclass(frozen=True)
class Republication:
    """Where one page was republished: the referring URL, hits, distinct readers, first and last seen."""

    page: str
    referrer: str | None  # None: the reader's browser sent no referrer
    hits: int
    readers: int
    first_seen: dt.datetime
    last_seen: dt.datetime


@dataclass(frozen=True)
class IncidentTimes:
    created_at: dt.datetime
    updated_at: dt.datetime


class RepublishLog:
    """Pixel hits in the store's database: record one, list republications."""

    def __init__(self, store: Store) -> None:
        self._db = store.database

    def record(self, page: str, referrer: str | None, reader: str, at: dt.datetime) -> None:
        """Store one hit; the page key and reader digest are cut to their column sizes."""
        row = RepublishHitRow(
            page=page[:PAGE_LENGTH],
            referrer=referrer[:MAX_REFERRER_CHARS] if referrer else None,
            at=at,
            reader=reader[:READER_LENGTH],
        )
        with Session(self._db.write_engine) as session, session.begin():
            session.add(row)

    def republications(self, page: str | None = None) -> list[Republication]:
        """Every (page, referrer) seen, most recently seen first; only ``page``'s when given."""
        hit = RepublishHitRow
        query = select(
            hit.page,
            hit.referrer,
            func.count(),
            func.count(hit.reader.distinct()),
            func.min(hit.at),
            func.max(hit.at),
        ).group_by(hit.page, hit.referrer)
        if page is not None:
            query = query.where(hit.page == page)
        with Session(self._db.engine) as session:
            rows = session.execute(query).all()
        found = [Republication(p, r, n, u, _utc(first), _utc(last)) for p, r, n, u, first, last in rows]
        return sorted(found, key=lambda r: (r.last_seen, r.page, r.referrer or ""), reverse=True)


def _utc(value: dt.datetime) -> dt.datetime:
    """Aggregates bypass the column type on SQLite: make the value UTC-aware like every other timestamp."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def incident_times(store: Store) -> dict[str, IncidentTimes]:
    """When each incident was first stored and last changed (the feed's ``published``/``updated``)."""
    query = select(IncidentRow.id, IncidentRow.created_at, IncidentRow.updated_at)
    with Session(store.database.engine) as session:
        return {i: IncidentTimes(_utc(c), _utc(u)) for i, c, u in session.execute(query)}
