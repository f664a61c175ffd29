"""The database tables, as SQLAlchemy 2 typed ORM classes.

These classes are the schema the Alembic migrations build; a test compares the two so they
cannot drift apart. Only portable types are used (``JSON``, ``Date``, timezone-aware
``DateTime``, plain strings and numbers) so the same schema runs unchanged on SQLite and
PostgreSQL. Each table keeps the record's full ``model_dump(mode="json")`` where an exact
round trip matters, and flat, indexed columns for what the list filters query.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names, so later migrations can alter them by name on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SHA256_LENGTH = 64  # hex digits of a SHA-256
ID_LENGTH = 128  # room for any incident id the linker may choose (stable_id gives 16)
CODE_LENGTH = 32  # enum values: kinds, grades, statuses, precisions, attack types


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware timestamp stored as UTC on every backend.

    SQLite has no timezone type and PostgreSQL's ``timestamptz`` keeps only the instant, so both
    are given UTC and hand back UTC-aware values. A naive value is taken to be UTC already.
    The instant is exact; the original offset is not kept (aware datetimes compare by instant).
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).replace(tzinfo=None) if dialect.name == "sqlite" else aware

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ReportRow(Base):
    """One captured report: its exact text and metadata; the sha256 of its original bytes is its id."""

    __tablename__ = "reports"

    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    origin: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    media_type: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    captured_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    captured_by: Mapped[str] = mapped_column(Text)


class ClaimRow(Base):
    """One claim of one report, anchored to a span; ``data`` is the claim record itself.

    ``idx`` is the claim's index within its kind in the report (for ``casualty``: counted
    across the report's attacks in order, and ``parent_id`` names the attack it belongs to).
    """

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("report_sha256", "kind", "idx"),
        Index("ix_claims_report_sha256", "report_sha256"),
        Index("ix_claims_incident_id", "incident_id"),
        Index("ix_claims_kind", "kind"),  # every tally page lists the sources' own tallies (migration 0007)
        Index("ix_claims_parent_id", "parent_id"),  # linking an attack's casualty claims (migration 0012)
    )

    id: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    report_sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), ForeignKey("reports.sha256", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(CODE_LENGTH))
    idx: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[str | None] = mapped_column(String(SHA256_LENGTH), ForeignKey("claims.id", ondelete="CASCADE"))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    incident_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("incidents.id", ondelete="SET NULL"))


class IncidentRow(Base):
    """A linked incident: flat columns to filter on, ``data`` for the exact ``Incident`` record."""

    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_date", "date"),
        Index("ix_incidents_country_admin1", "country", "admin1"),
        # a town's incidents within a window of days, or of any date (migrations 0011, 0014)
        Index("ix_incidents_geonameid_date", "geonameid", "date"),
        # incremental linking reads one country's incidents of a day, and those dated by month or year
        # within a few years (migration 0014)
        Index("ix_incidents_country_date", "country", "date"),
        Index("ix_incidents_date_precision_date", "date_precision", "date"),
        Index("ix_incidents_date_published_first", "date", "published_first"),  # undated, by publication (0013)
        Index("ix_incidents_grade", "grade"),
        Index("ix_incidents_status", "status"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    place_name: Mapped[str | None] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    place_precision: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    attack_type: Mapped[str] = mapped_column(String(CODE_LENGTH))
    perpetrators: Mapped[list[str]] = mapped_column(JSON)
    targets: Mapped[list[str]] = mapped_column(JSON)
    civilians_killed_min: Mapped[int | None] = mapped_column(Integer)
    civilians_killed_max: Mapped[int | None] = mapped_column(Integer)
    civilians_injured_min: Mapped[int | None] = mapped_column(Integer)
    civilians_injured_max: Mapped[int | None] = mapped_column(Integer)
    children_killed_min: Mapped[int | None] = mapped_column(Integer)
    children_killed_max: Mapped[int | None] = mapped_column(Integer)
    women_killed_min: Mapped[int | None] = mapped_column(Integer)
    women_killed_max: Mapped[int | None] = mapped_column(Integer)
    fighters_killed_min: Mapped[int | None] = mapped_column(Integer)
    fighters_killed_max: Mapped[int | None] = mapped_column(Integer)
    source_count: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(CODE_LENGTH))
    grade_rule: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    # The first and last publication dates of its attack mentions' reports (NULL when none has one): an
    # undated incident joins only a mention dated or published near all of them, so linking reads it
    # only then (0013).
    published_first: Mapped[dt.date | None] = mapped_column(Date)
    published_last: Mapped[dt.date | None] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


# The list's order (newest first, undated last, then id) and the same within one grade or status, read
# off an index instead of sorting every incident (migration 0007). SQLite has no NULLS LAST in an index
# but its DESC already puts NULL last; the migration writes each backend's form, and both compare equal
# to these.
_NEWEST_FIRST = IncidentRow.date.desc().nulls_last()
Index("ix_incidents_date_id", _NEWEST_FIRST, IncidentRow.id)
Index("ix_incidents_grade_date_id", IncidentRow.grade, _NEWEST_FIRST, IncidentRow.id)
Index("ix_incidents_status_date_id", IncidentRow.status, _NEWEST_FIRST, IncidentRow.id)


class IncidentReportRow(Base):
    """Which reports an incident is linked to (syndicated copies included)."""

    __tablename__ = "incident_reports"
    # the incidents of given reports: linking new ones, a report's page, deleting a report (migration 0014)
    __table_args__ = (Index("ix_incident_reports_report_sha256", "report_sha256"),)

    incident_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    report_sha256: Mapped[str] = mapped_column(
        String(SHA256_LENGTH), ForeignKey("reports.sha256", ondelete="CASCADE"), primary_key=True
    )


class LinkQueueRow(Base):
    """A stored report that linking has not taken in yet (queued with the report, removed with the
    incidents linking wrote), so a run killed between storing and linking is finished by the next run."""

    __tablename__ = "link_queue"

    report_sha256: Mapped[str] = mapped_column(
        String(SHA256_LENGTH), ForeignKey("reports.sha256", ondelete="CASCADE"), primary_key=True
    )


class RunRow(Base):
    """The summary of one pipeline run: how many inputs, how many made it, and why others failed."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    inputs: Mapped[int] = mapped_column(Integer)
    ok: Mapped[int] = mapped_column(Integer)
    failed: Mapped[int] = mapped_column(Integer)
    failures: Mapped[list[dict[str, str]]] = mapped_column(JSON)
