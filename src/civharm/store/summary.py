"""The incident summary: counts and summed figures per period, status, grade and perpetrators.

Tallies and the home page's timeline over a million incidents must answer in well under 100 ms, which
no GROUP BY over the wide incidents table does. This table holds what such a GROUP BY would give, kept
in step with ``incidents`` inside every write transaction that changes incidents: a writer calls
``forget`` with the ids it is about to rewrite or remove (while their old rows are still there) and
``count`` with the ids it has just written. Both add up the incidents table's own columns in SQL, so the
summary can never disagree with the rows it summarises, whichever way an incident was written.

Every incident is counted three times: in the row of its year, of its calendar month and of its ISO
week (``kind``), so a tally over all time reads a few year rows per status, grade and perpetrators, a
tally by month and a monthly timeline month rows, a weekly timeline week rows.
An undated incident is counted under the period ``UNDATED``: a key holding NULL could not be upserted,
since NULL never equals NULL.

What the summary answers exactly (``kind_for``): status and grade filters, and date ranges from the
first day of a period to the last day of a period. Place and perpetrator filters (substring matches,
see ``IncidentFilter``, which it has no columns for) and date ranges that cut a period in two are left
to the incidents table.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Select,
    String,
    Table,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    false,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from civharm.records import Figure, Grade, Status
from civharm.store.db import Database
from civharm.store.models import CODE_LENGTH, Base, IncidentRow

if TYPE_CHECKING:  # the repository imports this module to keep the summary in step
    from civharm.store.repository import IncidentFilter

Kind = Literal["year", "month", "week"]
KINDS: tuple[Kind, ...] = ("year", "month", "week")  # fewest rows first
UNDATED = dt.date(1, 1, 1)  # the period of undated incidents (no attack is reported in year 1)
FIGURES = ("civilians_killed", "civilians_injured", "children_killed", "fighters_killed")
PARTS = ("figures", "low", "high", "open")
# Ids per statement when adding up the incidents a write touched (well under either backend's
# bound-parameter limit).
_CHUNK = 500


@dataclass(frozen=True)
class FigureSum:
    """A running sum of ranges: minima and closed maxima added apart, open maxima counted."""

    figures: int = 0
    low: int = 0
    high: int = 0  # sum of the maxima that are not open
    open: int = 0  # how many maxima were open

    @staticmethod
    def of(figure: Figure | None) -> FigureSum:
        if figure is None:
            return FigureSum()
        return FigureSum(1, figure.min, figure.max or 0, int(figure.max is None))

    def plus(self, other: FigureSum) -> FigureSum:
        return FigureSum(
            self.figures + other.figures, self.low + other.low, self.high + other.high, self.open + other.open
        )

    def figure(self) -> Figure | None:
        """The sum as a range; one open maximum makes it open ("at least N"), no figure at all is None."""
        if not self.figures:
            return None
        return Figure(min=self.low, max=None if self.open else self.high)


class IncidentSummaryRow(Base):
    """Incidents of one period, status, grade and set of perpetrators: how many, and for each figure of
    ``FIGURES`` how many have it, their minima and closed maxima summed, and how many maxima are open."""

    __tablename__ = "incident_summary"
    # SQLite keeps the rows in key order (no rowid), so one kind's rows are read in one run.
    __table_args__ = ({"sqlite_with_rowid": False},)

    kind: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    period: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # the month's first day, the week's Monday
    status: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    grade: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    perpetrators: Mapped[str] = mapped_column(Text, primary_key=True)  # the incidents' JSON list, as text
    incidents: Mapped[int] = mapped_column(BigInteger)
    civilians_killed_figures: Mapped[int] = mapped_column(BigInteger)
    civilians_killed_low: Mapped[int] = mapped_column(BigInteger)
    civilians_killed_high: Mapped[int] = mapped_column(BigInteger)
    civilians_killed_open: Mapped[int] = mapped_column(BigInteger)
    civilians_injured_figures: Mapped[int] = mapped_column(BigInteger)
    civilians_injured_low: Mapped[int] = mapped_column(BigInteger)
    civilians_injured_high: Mapped[int] = mapped_column(BigInteger)
    civilians_injured_open: Mapped[int] = mapped_column(BigInteger)
    children_killed_figures: Mapped[int] = mapped_column(BigInteger)
    children_killed_low: Mapped[int] = mapped_column(BigInteger)
    children_killed_high: Mapped[int] = mapped_column(BigInteger)
    children_killed_open: Mapped[int] = mapped_column(BigInteger)
    fighters_killed_figures: Mapped[int] = mapped_column(BigInteger)
    fighters_killed_low: Mapped[int] = mapped_column(BigInteger)
    fighters_killed_high: Mapped[int] = mapped_column(BigInteger)
    fighters_killed_open: Mapped[int] = mapped_column(BigInteger)


_TABLE = typing.cast(Table, IncidentSummaryRow.__table__)
_KEY = ("kind", "period", "status", "grade", "perpetrators")
_COUNTS = ("incidents", *(f"{name}_{part}" for name in FIGURES for part in PARTS))


# -- keeping it in step ------------------------------------------------------------------------


_SQLITE_STARTS = {"year": ("start of year",), "month": ("start of month",), "week": ("-6 days", "weekday 1")}


def _period(kind: Kind, dialect: str) -> ColumnElement[dt.date]:
    """The first day of the incident's year, month or ISO week, in the backend's own date functions."""
    if dialect == "postgresql":
        start: ColumnElement[Any] = cast(func.date_trunc(kind, cast(IncidentRow.date, DateTime)), Date)
    else:  # SQLite's week: back six days, then forward to the next Monday (the same day when it is one)
        start = func.date(IncidentRow.date, *_SQLITE_STARTS[kind])
    return type_coerce(func.coalesce(start, literal(UNDATED, Date)), Date)


def _grouped(kind: Kind, dialect: str) -> Select[Any]:
    """The summary rows of one kind for whatever incidents the caller selects with ``where``."""
    period = _period(kind, dialect).label("period")
    perpetrators = cast(IncidentRow.perpetrators, Text).label("perpetrators")
    sums: list[ColumnElement[Any]] = [func.count().label("incidents")]
    for name in FIGURES:
        low, high = getattr(IncidentRow, f"{name}_min"), getattr(IncidentRow, f"{name}_max")
        sums += [
            func.count(low).label(f"{name}_figures"),
            func.coalesce(func.sum(low), 0).label(f"{name}_low"),
            func.coalesce(func.sum(high), 0).label(f"{name}_high"),
            (func.count(low) - func.count(high)).label(f"{name}_open"),
        ]
    keys = (period, IncidentRow.status, IncidentRow.grade, perpetrators)
    return select(literal(kind, String).label("kind"), *keys, *sums).group_by(*keys)


def rebuild(connection: Connection) -> None:
    """The whole summary again from every incident, one INSERT … SELECT per kind (the migration that
    adds the table, bulk loaders and whole-corpus rewrites)."""
    connection.execute(delete(_TABLE))
    dialect = connection.dialect.name
    for kind in KINDS:
        connection.execute(_TABLE.insert().from_select(["kind", *_KEY[1:], *_COUNTS], _grouped(kind, dialect)))


def _deltas(session: Session, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    dialect = session.get_bind().dialect.name
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for kind in KINDS:
            for row in session.execute(_grouped(kind, dialect).where(IncidentRow.id.in_(chunk))):
                yield dict(row._mapping)


def _add(session: Session, rows: Sequence[dict[str, Any]], sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) these rows, merged per key first: one statement must not
    update the same row twice (PostgreSQL refuses that in a multi-row upsert)."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(row[k] for k in _KEY)
        if key in merged:
            merged[key] = {**merged[key], **{c: merged[key][c] + row[c] for c in _COUNTS}}
        else:
            merged[key] = dict(row)
    if not merged:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert(_TABLE) if dialect == "postgresql" else sqlite.insert(_TABLE)
    upsert = insert.on_conflict_do_update(
        index_elements=list(_KEY), set_={c: _TABLE.c[c] + insert.excluded[c] for c in _COUNTS}
    )
    session.execute(upsert, [{**row, **{c: sign * row[c] for c in _COUNTS}} for row in merged.values()])


def forget(session: Session, ids: Collection[str] | None) -> None:
    """Take these incidents (None: every incident) out of the summary; call it before their rows are
    rewritten or deleted, in the same transaction."""
    if ids is None:
        session.execute(delete(_TABLE))
        return
    rows = list(_deltas(session, sorted(ids)))
    _add(session, rows, -1)
    if rows:
        emptied = delete(_TABLE).where(*(_TABLE.c[k] == bindparam(f"k_{k}") for k in _KEY), _TABLE.c.incidents == 0)
        session.connection().execute(emptied, [{f"k_{k}": row[k] for k in _KEY} for row in rows])


def count(session: Session, ids: Collection[str] | None) -> None:
    """Add these incidents (None: every incident, the summary rebuilt) once their rows are written, in the
    same transaction."""
    session.flush()
    if ids is None:
        rebuild(session.connection())
        return
    _add(session, list(_deltas(session, sorted(ids))), 1)


# -- reading it ------------------------------------------------------------------------------------


def _aligned(kind: Kind, start: dt.date | None, end: dt.date | None) -> bool:
    if kind == "year":
        return (start is None or start.timetuple().tm_yday == 1) and (end is None or (end.month, end.day) == (12, 31))
    if kind == "month":
        return (start is None or start.day == 1) and (end is None or (end + dt.timedelta(days=1)).day == 1)
    return (start is None or start.weekday() == 0) and (end is None or end.weekday() == 6)


def kind_for(filters: IncidentFilter, kinds: Sequence[Kind] = KINDS) -> Kind | None:
    """The first of ``kinds`` whose rows answer these filters exactly, or None
    when only the incidents table can (place or perpetrator filters, dates cutting a period)."""
    if filters.place is not None or filters.perpetrator is not None:
        return None
    return next((k for k in kinds if _aligned(k, filters.date_from, filters.date_to)), None)


@dataclass(frozen=True)
class Group:
    """Summed summary rows; a key field is None when the rows were not grouped by it."""

    grade: str | None
    perpetrators: str | None  # JSON text
    period: dt.date | None  # ``UNDATED`` for undated incidents
    incidents: int
    sums: tuple[FigureSum, ...]  # of the figures asked for, in their order (all of ``FIGURES`` by default)


GroupBy = Literal["grade", "perpetrators", "period"]


def _conditions(filters: IncidentFilter, kind: Kind) -> list[ColumnElement[bool]]:
    table = _TABLE.c
    out: list[ColumnElement[bool]] = [table.kind == kind]
    if filters.status is not None:
        out.append(table.status == Status(filters.status).value)
    if filters.grade is not None:
        out.append(table.grade == Grade(filters.grade).value)
    if filters.date_from is not None or filters.date_to is not None:
        out.append(table.period != UNDATED)
    if filters.date_from is not None:
        out.append(table.period >= filters.date_from)
    if filters.date_to is not None:
        out.append(table.period <= filters.date_to)
    if filters.limit == 0:  # the public asking for hidden incidents
        out.append(false())
    return out


def groups(
    database: Database,
    filters: IncidentFilter,
    kind: Kind,
    by: Sequence[GroupBy],
    keep: Collection[str] | None = None,
    figures: Sequence[str] = FIGURES,
) -> list[Group]:
    """The summary rows of ``kind`` the filters (which ``kind_for`` accepted for this kind) select,
    added up per ``by``, with the sums of ``figures`` only (each sum is work for the database); with
    ``keep``, the perpetrators not in it are added up together as None (the timeline's "other parties")."""
    keys: list[ColumnElement[Any]] = [_TABLE.c[k] for k in by]
    if keep is not None and "perpetrators" in by:
        kept = case((_TABLE.c.perpetrators.in_(sorted(keep)), _TABLE.c.perpetrators))
        keys[by.index("perpetrators")] = kept.label("perpetrators")
    sums = [func.sum(_TABLE.c[c]) for c in ("incidents", *(f"{name}_{part}" for name in figures for part in PARTS))]
    query = select(*keys, *sums).where(and_(*_conditions(filters, kind))).group_by(*keys)
    with database.engine.connect() as connection:
        rows = list(connection.execute(query))
    found = []
    for row in rows:
        named = dict(zip(by, row[: len(by)], strict=True))
        values = [int(v) for v in row[len(by) :]]
        summed = tuple(FigureSum(*values[1 + 4 * n : 5 + 4 * n]) for n in range(len(figures)))
        found.append(Group(named.get("grade"), named.get("perpetrators"), named.get("period"), values[0], summed))
    return found
