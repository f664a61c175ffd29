"""The Store: every read and write the pipeline and the web make, each write one transaction.

A write either lands whole or not at all: a crash half-way through storing a report leaves
neither the report nor any of its claims. On SQLite writers take the write lock up front
(BEGIN IMMEDIATE), so a read-then-write transaction never fails half-way on a lock upgrade;
on PostgreSQL a concurrent insert of the same report is caught by its primary key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, TypeVarTuple, cast

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    false,
    func,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from civharm.errors import CivharmError, NotFoundError
from civharm.records import Extraction, Grade, Incident, Position, Report, Status, Tally
from civharm.store import summary, terms
from civharm.store.convert import (
    KIND_ORDER,
    Claim,
    ClaimKind,
    check_storable,
    claim_from_row,
    claim_rows,
    extraction_from_rows,
    incident_from_data,
    incident_row,
    report_from_row,
    report_row,
)
from civharm.store.cursor import Cursor
from civharm.store.db import Database, one_line
from civharm.store.models import ClaimRow, IncidentReportRow, IncidentRow, LinkQueueRow, ReportRow, RunRow

# Both SQLite (32766) and PostgreSQL (65535) cap bound parameters per statement; IN lists are
# sent in chunks well under either limit.
IN_CHUNK = 500
# Incident rows fetched at a time while a list is streamed.
CANDIDATE_BATCH = 2000

# Claim kinds that speak for a whole report rather than one attack in it; an incident's page
# lists them for every report linked to the incident.
REPORT_LEVEL_KINDS = (ClaimKind.POSITION, ClaimKind.EVIDENCE, ClaimKind.LEGAL)

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

E = TypeVar("E", Grade, Status)


def _member(enum: type[E], value: E | str, what: str) -> E:
    """A Grade or Status from itself or its value, matched case-insensitively."""
    for member in enum:
        if member == value or member.value.casefold() == str(value).strip().casefold():
            return member
    choices = ", ".join(member.value for member in enum)
    raise CivharmError(f"unknown {what} {value!r}: use one of {choices}")


@dataclass(frozen=True)
class IncidentFilter:
    """What the incident list is narrowed to; every field left as None does not filter.

    ``place`` matches the place name, admin1 or admin2 (case-insensitive substring) or the
    ISO country code (exactly); ``perpetrator`` matches any alleged perpetrator
    (case-insensitive substring). Both are folded with Python's ``casefold`` so non-ASCII
    names compare the same way on every backend, and looked up in SQL (``civharm.store.terms``).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    place: str | None = None
    perpetrator: str | None = None
    grade: Grade | str | None = None  # a string (from a form or flag) is checked and made a Grade
    status: Status | str | None = None
    limit: int | None = None
    offset: int = 0
    after: Cursor | None = None  # the page starts after this incident (keyset paging; not with offset)

    def __post_init__(self) -> None:
        if self.grade is not None:
            object.__setattr__(self, "grade", _member(Grade, self.grade, "grade"))
        if self.status is not None:
            object.__setattr__(self, "status", _member(Status, self.status, "status"))
        if self.limit is not None and self.limit < 0:
            raise CivharmError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise CivharmError(f"offset must be 0 or more, not {self.offset}")
        if self.offset and self.after is not None:
            raise CivharmError("page by offset or by after, not both")


@dataclass(frozen=True)
class Window:
    """Incidents dated from ``start`` to ``end`` (inclusive), or undated ones when both are None, near a
    place: in one of ``countries``, at one of ``geonameids`` or inside ``box`` (south, north, west, east
    in degrees)."""

    start: dt.date | None
    end: dt.date | None
    countries: frozenset[str] = frozenset()
    geonameids: frozenset[int] = frozenset()
    box: tuple[float, float, float, float] | None = None
    anywhere: bool = False  # no place condition
    precisions: frozenset[str] = frozenset()  # only incidents dated with one of these precisions; empty: any
    # only incidents whose mentions' reports were all published in these days (those with a publication
    # date), or none was; None: any
    published: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class LinkReach:
    """Where the incidents new reports may join can be, as indexed columns read them (a superset:
    ``civharm.link.incremental`` decides). An incident is read when it is in a window (dated in it, or
    undated near its place), or, dated or not, at one of ``geonameids``, or linked to one of ``reports``."""

    windows: tuple[Window, ...] = ()
    geonameids: frozenset[int] = frozenset()
    reports: frozenset[str] = frozenset()


def _mentioned(incidents: Sequence[Incident]) -> set[str]:
    """The reports the incidents' attack mentions come from."""
    return {sha for incident in incidents for sha, _ in incident.mentions}


def _window_condition(w: Window) -> ColumnElement[bool]:
    dated: ColumnElement[bool] = (
        IncidentRow.date.is_(None) if w.start is None or w.end is None else IncidentRow.date.between(w.start, w.end)
    )
    if w.precisions:
        dated = and_(dated, IncidentRow.date_precision.in_(sorted(w.precisions)))
    if w.published is not None:
        # Two branches, each a seek on (date, published_first) (migration 0013): an OR inside one
        # branch would make SQLite read every incident of the date instead.
        lo, hi = w.published
        unpublished = and_(dated, IncidentRow.published_first.is_(None))
        inside = and_(dated, IncidentRow.published_first.between(lo, hi), IncidentRow.published_last <= hi)
        return or_(_near(w, unpublished), _near(w, inside))
    return _near(w, dated)


def _near(w: Window, dated: ColumnElement[bool]) -> ColumnElement[bool]:
    """``dated`` and the window's place condition."""
    if w.anywhere:
        return dated
    near: list[ColumnElement[bool]] = []
    if w.countries:
        near.append(IncidentRow.country.in_(sorted(w.countries)))
    if w.geonameids:
        near.append(IncidentRow.geonameid.in_(sorted(w.geonameids)))
    if w.box is not None:
        south, north, west, east = w.box
        near.append(and_(IncidentRow.lat.between(south, north), IncidentRow.lon.between(west, east)))
    return and_(dated, or_(*near)) if near else false()


@dataclass(frozen=True)
class StoredClaim:
    """A claim with where it is stored: its id, report, kind, index and incident."""

    id: str
    report_sha256: str
    kind: ClaimKind
    index: int
    claim: Claim
    incident_id: str | None


@dataclass(frozen=True)
class Counts:
    reports: int
    claims: int
    incidents: int


@dataclass(frozen=True)
class RunFailure:
    input: str
    message: str


@dataclass(frozen=True)
class Run:
    """The summary of one pipeline run; ``id`` is given by the database when recorded."""

    started_at: dt.datetime
    finished_at: dt.datetime | None
    inputs: int
    ok: int
    failed: int
    failures: tuple[RunFailure, ...] = ()
    id: int | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]


def _stored(row: ClaimRow) -> StoredClaim:
    return StoredClaim(
        id=row.id,
        report_sha256=row.report_sha256,
        kind=ClaimKind(row.kind),
        index=row.idx,
        claim=claim_from_row(row),
        incident_id=row.incident_id,
    )


def _after(cursor: Cursor | None) -> list[ColumnElement[bool]]:
    """The incidents after ``cursor`` in the list's order, as conditions that follow each other in it and
    are each one range of the list's index, so a page reads them in turn and stops once it is full.
    (One OR of the three would make PostgreSQL gather and sort every incident older than the cursor.)"""
    if cursor is None:
        return [true()]
    same_day = IncidentRow.date.is_(None) if cursor.date is None else IncidentRow.date == cursor.date
    later = [and_(same_day, IncidentRow.id > cursor.id)]
    if cursor.date is not None:
        later += [IncidentRow.date < cursor.date, IncidentRow.date.is_(None)]
    return later


def _conditions(filters: IncidentFilter, walk: bool = False) -> list[ColumnElement[bool]]:
    """The filters as SQL conditions on incidents; ``walk``: see ``terms.walk_in_order``."""
    out: list[ColumnElement[bool]] = []
    if filters.date_from is not None:
        out.append(IncidentRow.date >= filters.date_from)
    if filters.date_to is not None:
        out.append(IncidentRow.date <= filters.date_to)
    if filters.grade is not None:
        out.append(IncidentRow.grade == Grade(filters.grade).value)
    if filters.status is not None:
        out.append(IncidentRow.status == Status(filters.status).value)
    if filters.place is not None:
        out.append(terms.place_condition(filters.place, walk))
    if filters.perpetrator is not None:
        out.append(terms.perpetrator_condition(filters.perpetrator, walk))
    return out


class Store:
    """Reports, claims, incidents and run summaries in one database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @property
    def database(self) -> Database:
        return self._db

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        with self._errors(), Session(self._db.engine) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _write(self) -> Iterator[Session]:
        with (
            self._errors(),
            Session(self._db.write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Locked or unreachable databases are the user's situation, not a bug: one line."""
        try:
            yield
        except OperationalError as exc:
            raise CivharmError(f"database {self._db.display_url}: {one_line(exc)}") from exc

    # -- reports and claims -------------------------------------------------------------

    def has_report(self, sha256: str) -> bool:
        with self._read() as session:
            return session.scalar(select(ReportRow.sha256).where(ReportRow.sha256 == sha256)) is not None

    def add_extraction(self, extraction: Extraction, source: str | None = None) -> bool:
        """Store a report, all its claims and its custody capture entry in one transaction.

        ``source`` is the URL or file path the bytes were read from (the custody entry records it).
        Returns False, changing nothing, when the report is already stored: the same bytes
        twice are one report.
        """
        from civharm.custody.capture import append_capture  # here: the custody package imports the store

        check_storable(extraction.report)
        sha = extraction.report.sha256
        report = report_row(extraction.report)
        claims = claim_rows(extraction)
        try:
            with self._write() as session:
                if session.get(ReportRow, sha) is not None:
                    return False
                session.add(report)
                session.flush()
                session.add_all(claims)
                session.add(LinkQueueRow(report_sha256=sha))
                append_capture(session, extraction.report, source)
        except IntegrityError:
            # PostgreSQL: another writer stored the same report between our check and insert.
            if self.has_report(sha):
                return False
            raise
        return True

    def report(self, sha256: str) -> Report:
        with self._read() as session:
            row = session.get(ReportRow, sha256)
            if row is None:
                raise NotFoundError(f"no report {sha256!r}")
            return report_from_row(row)

    def extraction(self, sha256: str) -> Extraction:
        """The report and its claims, rebuilt exactly as they were added."""
        found = self.extractions_by_sha([sha256])
        if sha256 not in found:
            raise NotFoundError(f"no report {sha256!r}")
        return found[sha256]

    def extractions_by_sha(self, shas: Sequence[str], claims: bool = True) -> dict[str, Extraction]:
        """The extractions of these reports by sha256, those not stored left out; two queries per
        ``IN_CHUNK`` reports, so an export reads a page's reports at once instead of one by one.
        ``claims=False`` gives each report with no claims, for callers that read only the report (the
        CSV-shaped exports): parsing every claim is most of the time otherwise."""
        found: dict[str, Extraction] = {}
        with self._read() as session:
            for chunk in _chunks(list(dict.fromkeys(shas))):
                by_report: dict[str, list[ClaimRow]] = {}
                query = select(ClaimRow).where(ClaimRow.report_sha256.in_(chunk))
                for claim in session.scalars(query) if claims else ():
                    by_report.setdefault(claim.report_sha256, []).append(claim)
                for row in session.scalars(select(ReportRow).where(ReportRow.sha256.in_(chunk))):
                    found[row.sha256] = extraction_from_rows(row, by_report.get(row.sha256, ()))
        return found

    def extractions(self) -> Iterator[Extraction]:
        """Every stored extraction, oldest capture first, one report in memory at a time."""
        with self._read() as session:
            shas = session.scalars(select(ReportRow.sha256).order_by(ReportRow.captured_at, ReportRow.sha256))
            ordered = list(shas)
        for sha in ordered:
            yield self.extraction(sha)

    # -- incidents ------------------------------------------------------------------------

    def replace_incidents(self, incidents: Sequence[Incident], linked: Collection[str] = ()) -> None:
        """Replace every incident with these, in one transaction.

        Links each incident's attack claims (and their casualty claims) via ``mentions`` and
        its reports via ``report_ids``. An incident that keeps its id keeps its
        ``created_at``; its ``updated_at`` moves only when the incident changed. The ``linked``
        reports (those the incidents were linked from) leave the link queue in the same transaction.
        """
        with self._write() as session:
            self.write_incidents(session, incidents, every=True)
            self._dequeue(session, linked)

    def update_incidents(self, incidents: Sequence[Incident], linked: Collection[str] = ()) -> None:
        """Write these incidents (new or changed), in one transaction, leaving every other incident as it is.

        Incremental linking rewrites only the incidents new reports touched; ``created_at`` and
        ``updated_at`` behave as in ``replace_incidents``, and so does ``linked``.
        """
        with self._write() as session:
            self.write_incidents(session, incidents, every=False)
            self._dequeue(session, linked)

    def unlinked(self) -> list[str]:
        """The stored reports linking has not taken in yet (sha256, sorted): a run's new reports, and
        those of a run killed between storing and linking."""
        with self._read() as session:
            return list(session.scalars(select(LinkQueueRow.report_sha256).order_by(LinkQueueRow.report_sha256)))

    @staticmethod
    def _dequeue(session: Session, linked: Collection[str]) -> None:
        for chunk in _chunks(sorted(linked)):
            session.execute(delete(LinkQueueRow).where(LinkQueueRow.report_sha256.in_(chunk)))

    def write_incidents(
        self, session: Session, incidents: Sequence[Incident], *, every: bool, removed: Sequence[str] = ()
    ) -> None:
        """Write incidents inside the caller's write transaction: all of them (``every``), or these ones
        and the ``removed`` ids (gone after a merge or move), so an analyst's regrouping and its revisions
        are written together (``civharm.store.desk``)."""
        ids = [incident.id for incident in incidents]
        if len(set(ids)) != len(ids):
            duplicate = next(i for i in ids if ids.count(i) > 1)
            raise CivharmError(f"incident id {duplicate!r} appears twice")
        now = _now()
        gone = [*ids, *removed]
        columns = select(IncidentRow.id, IncidentRow.created_at, IncidentRow.updated_at, IncidentRow.data)
        queries = [columns] if every else [columns.where(IncidentRow.id.in_(chunk)) for chunk in _chunks(gone)]
        old = {row.id: (row.created_at, row.updated_at, row.data) for q in queries for row in session.execute(q)}
        summary.forget(session, None if every else gone)
        if every:
            session.execute(update(ClaimRow).where(ClaimRow.incident_id.is_not(None)).values(incident_id=None))
            session.execute(delete(IncidentReportRow))
            session.execute(delete(IncidentRow))
        else:
            for chunk in _chunks(gone):
                session.execute(update(ClaimRow).where(ClaimRow.incident_id.in_(chunk)).values(incident_id=None))
                session.execute(delete(IncidentReportRow).where(IncidentReportRow.incident_id.in_(chunk)))
                session.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
        attacks = self._attack_claims(session, incidents)
        published = self._published(session, incidents)
        rows = []
        for incident in incidents:
            created, updated, data = old.get(incident.id, (now, now, None))
            days = [published[sha] for sha, _ in incident.mentions]
            row = incident_row(incident, created, now, published=days)
            rows.append(row if data != row.data else incident_row(incident, created, updated, published=days))
        session.add_all(rows)
        session.flush()
        summary.count(session, None if every else ids)
        terms.write(session, incidents)
        session.add_all(
            IncidentReportRow(incident_id=incident.id, report_sha256=sha)
            for incident in incidents
            for sha in dict.fromkeys(incident.report_ids)
        )
        links = [{"claim": claim, "incident": incident_id} for claim, incident_id in attacks.items()]
        if links:
            table = cast(Table, ClaimRow.__table__)
            connection = session.connection()
            connection.execute(
                table.update()
                .where((table.c.id == bindparam("claim")) | (table.c.parent_id == bindparam("claim")))
                .values(incident_id=bindparam("incident")),
                links,
            )

    def _attack_claims(self, session: Session, incidents: Sequence[Incident]) -> dict[str, str]:
        """attack claim id -> incident id, for every mention; unknown or doubly linked mentions raise."""
        shas = sorted(_mentioned(incidents))
        known: dict[tuple[str, int], str] = {}
        for chunk in _chunks(shas):
            query = select(ClaimRow.report_sha256, ClaimRow.idx, ClaimRow.id).where(
                ClaimRow.kind == ClaimKind.ATTACK.value, ClaimRow.report_sha256.in_(chunk)
            )
            known.update({(sha, idx): claim for sha, idx, claim in session.execute(query)})
        linked: dict[str, str] = {}
        for incident in incidents:
            for sha, index in incident.mentions:
                claim = known.get((sha, index))
                if claim is None:
                    raise NotFoundError(
                        f"incident {incident.id!r} mentions attack {index} of report {sha[:12]}, which is not stored"
                    )
                if linked.get(claim, incident.id) != incident.id:
                    raise CivharmError(
                        f"attack {index} of report {sha[:12]} is linked to two incidents: "
                        f"{linked[claim]!r} and {incident.id!r}"
                    )
                linked[claim] = incident.id
        return linked

    @staticmethod
    def _published(session: Session, incidents: Sequence[Incident]) -> dict[str, dt.date | None]:
        """The publication date of each report linked or mentioned, by sha256; a linked report that is
        not stored raises."""
        wanted = sorted({sha for incident in incidents for sha in incident.report_ids} | _mentioned(incidents))
        stored: dict[str, dt.date | None] = {}
        for chunk in _chunks(wanted):
            query = select(ReportRow.sha256, ReportRow.published).where(ReportRow.sha256.in_(chunk))
            stored.update({sha: published for sha, published in session.execute(query)})
        for incident in incidents:
            missing = [sha for sha in incident.report_ids if sha not in stored]
            if missing:
                raise NotFoundError(f"incident {incident.id!r} links report {missing[0][:12]}, which is not stored")
        return stored

    def incidents(self, filters: IncidentFilter | None = None) -> list[Incident]:
        """Incidents matching the filters, newest first (undated last), then by id."""
        filters = filters or IncidentFilter()
        with self._read() as session:
            # The page's ids are read off the list's index (however deep the offset), then their records.
            walk = terms.walk_in_order(session, filters.place, filters.perpetrator)
            page: list[str] = []
            for after in _after(filters.after):
                wanted = None if filters.limit is None else filters.limit - len(page)
                if wanted == 0:
                    break
                query = (
                    select(IncidentRow.id)
                    .where(*_conditions(filters, walk), after)
                    .order_by(IncidentRow.date.desc().nulls_last(), IncidentRow.id)
                    .offset(filters.offset or None)
                    .limit(wanted)
                )
                page += session.scalars(query)
            data: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(page):
                rows = session.execute(select(IncidentRow.id, IncidentRow.data).where(IncidentRow.id.in_(chunk)))
                data.update({incident_id: value for incident_id, value in rows})
        return [incident_from_data(data[incident_id]) for incident_id in page]

    def reachable_incidents(self, reach: LinkReach) -> list[Incident]:
        """The incidents ``reach`` covers, in the list's order (newest first, undated last, then id), read
        by the indexed date, country and gazetteer-id columns so incremental linking never loads them all."""
        conditions: list[ColumnElement[bool]] = []
        for windows in _chunks(reach.windows):
            conditions.append(or_(*(_window_condition(w) for w in windows)))
        for ids in _chunks(sorted(reach.geonameids)):
            conditions.append(IncidentRow.geonameid.in_(ids))
        for shas in _chunks(sorted(reach.reports)):
            linked = select(IncidentReportRow.incident_id).where(IncidentReportRow.report_sha256.in_(shas))
            conditions.append(IncidentRow.id.in_(linked))
        found: set[str] = set()
        with self._read() as session:
            for condition in conditions:
                found.update(session.scalars(select(IncidentRow.id).where(condition)))
            rows = [
                row
                for chunk in _chunks(sorted(found))
                for row in session.execute(
                    select(IncidentRow.id, IncidentRow.date, IncidentRow.data).where(IncidentRow.id.in_(chunk))
                )
            ]
        rows.sort(key=lambda row: (row.date is None, -(row.date.toordinal() if row.date else 0), row.id))
        return [incident_from_data(row.data) for row in rows]

    def stream_incidents(self, filters: IncidentFilter | None = None) -> Iterator[Incident]:
        """``incidents``, one at a time from one read transaction, fetched ``CANDIDATE_BATCH`` rows at a time.

        Exports of every incident start at once and hold one batch in memory, not the whole table.
        """
        filters = filters or IncidentFilter()
        with self._read() as session:
            query = (
                select(IncidentRow.data)
                .where(
                    *_conditions(filters, terms.walk_in_order(session, filters.place, filters.perpetrator)),
                    or_(*_after(filters.after)),
                )
                .order_by(IncidentRow.date.desc().nulls_last(), IncidentRow.id)
                .offset(filters.offset or None)
                .limit(filters.limit)
            )
            for data in session.scalars(query.execution_options(yield_per=CANDIDATE_BATCH)):
                yield incident_from_data(data)

    def summarise(self, filters: IncidentFilter, query: Select[*Ts]) -> list[Row[*Ts]]:
        """Rows of an aggregate ``query`` over incidents, narrowed by the filters (all but limit and offset).

        Tallies and the timeline add up in the database instead of loading every incident. A limit
        of 0 (the public asking for hidden incidents) selects nothing.
        """
        if filters.limit == 0:
            query = query.where(false())
        with self._read() as session:
            return list(session.execute(query.where(*_conditions(filters))))

    def incident(self, incident_id: str) -> Incident:
        with self._read() as session:
            data = session.scalar(select(IncidentRow.data).where(IncidentRow.id == incident_id))
        if data is None:
            raise NotFoundError(f"no incident {incident_id!r}")
        return incident_from_data(data)

    def incident_claim_rows(self, incident_id: str) -> list[StoredClaim]:
        """The incident's attack and casualty claims, and the positions, evidence and legal
        characterisations of its linked reports; ordered by report, kind, index."""
        with self._read() as session:
            if session.get(IncidentRow, incident_id) is None:
                raise NotFoundError(f"no incident {incident_id!r}")
            linked = session.scalars(select(ClaimRow).where(ClaimRow.incident_id == incident_id)).all()
            reports = select(IncidentReportRow.report_sha256).where(IncidentReportRow.incident_id == incident_id)
            report_level = session.scalars(
                select(ClaimRow).where(
                    ClaimRow.report_sha256.in_(reports),
                    ClaimRow.kind.in_([kind.value for kind in REPORT_LEVEL_KINDS]),
                )
            ).all()
            stored = [_stored(row) for row in (*linked, *report_level)]
        return sorted(stored, key=lambda c: (c.report_sha256, KIND_ORDER[c.kind], c.index))

    def incident_claims(self, incident_id: str) -> list[tuple[str, Claim]]:
        """``(kind, claim)`` for every claim of the incident (see ``incident_claim_rows``)."""
        return [(stored.kind.value, stored.claim) for stored in self.incident_claim_rows(incident_id)]

    def _with_reports(self, kind: ClaimKind) -> list[tuple[Report, Claim]]:
        query = (
            select(ReportRow, ClaimRow)
            .join(ClaimRow, ClaimRow.report_sha256 == ReportRow.sha256)
            .where(ClaimRow.kind == kind.value)
            .order_by(ReportRow.published.desc().nulls_last(), ReportRow.sha256, ClaimRow.idx)
        )
        reports: dict[str, Report] = {}
        pairs: list[tuple[Report, Claim]] = []
        with self._read() as session:
            for report, claim in session.execute(query):
                if report.sha256 not in reports:
                    reports[report.sha256] = report_from_row(report)
                pairs.append((reports[report.sha256], claim_from_row(claim)))
        return pairs

    def position_reports(self, published_from: dt.date, published_to: dt.date) -> list[str]:
        """The reports published in these days (inclusive) that state a party's position, by sha256."""
        query = (
            select(ReportRow.sha256)
            .join(ClaimRow, ClaimRow.report_sha256 == ReportRow.sha256)
            .where(
                ClaimRow.kind == ClaimKind.POSITION.value,
                ReportRow.published >= published_from,
                ReportRow.published <= published_to,
            )
            .distinct()
            .order_by(ReportRow.sha256)
        )
        with self._read() as session:
            return list(session.scalars(query))

    def tallies(self) -> list[tuple[Report, Tally]]:
        """Every reported cumulative tally with its report, newest publication first."""
        return [(report, claim) for report, claim in self._with_reports(ClaimKind.TALLY) if isinstance(claim, Tally)]

    def positions(self) -> list[tuple[Report, Position]]:
        """Every party's denial, acknowledgement or accusation with its report, newest first."""
        pairs = self._with_reports(ClaimKind.POSITION)
        return [(report, claim) for report, claim in pairs if isinstance(claim, Position)]

    # -- runs and counts ------------------------------------------------------------------

    def record_run(self, run: Run) -> Run:
        """Store a run summary; returns it with the id the database gave it."""
        row = RunRow(
            started_at=run.started_at,
            finished_at=run.finished_at,
            inputs=run.inputs,
            ok=run.ok,
            failed=run.failed,
            failures=[{"input": f.input, "message": f.message} for f in run.failures],
        )
        with self._write() as session:
            session.add(row)
            session.flush()
            run_id = row.id
        return Run(
            started_at=run.started_at,
            finished_at=run.finished_at,
            inputs=run.inputs,
            ok=run.ok,
            failed=run.failed,
            failures=run.failures,
            id=run_id,
        )

    def runs(self, limit: int | None = None) -> list[Run]:
        """Run summaries, newest first."""
        with self._read() as session:
            rows = session.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)).all()
            return [
                Run(
                    started_at=row.started_at,
                    finished_at=row.finished_at,
                    inputs=row.inputs,
                    ok=row.ok,
                    failed=row.failed,
                    failures=tuple(RunFailure(f["input"], f["message"]) for f in row.failures),
                    id=row.id,
                )
                for row in rows
            ]

    def counts(self) -> Counts:
        with self._read() as session:
            return Counts(
                reports=session.scalar(select(func.count()).select_from(ReportRow)) or 0,
                claims=session.scalar(select(func.count()).select_from(ClaimRow)) or 0,
                incidents=session.scalar(select(func.count()).select_from(IncidentRow)) or 0,
            )
