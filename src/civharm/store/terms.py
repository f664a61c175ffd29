"""Per-incident place and perpetrator terms, so the list's place and perpetrator filters run in SQL.

The filters' meaning is unchanged from when they were matched in Python: ``place`` is a
case-insensitive (casefold) substring of the place name, admin1 or admin2, or the ISO country code
exactly; ``perpetrator`` is a casefold substring of any alleged perpetrator. Casefolding stays in
Python (``str.casefold`` is the same everywhere; the databases' own case folding is not), so every
incident's terms are stored already folded: one ``incident_terms`` row per place name, admin area
(kind ``place``), country code (``country``) and perpetrator (``perpetrator``).

A substring cannot be looked up in a B-tree index, but the distinct terms are few (the places and
parties a database names, not its incidents), so each distinct term is also kept once in ``terms``.
A filter scans that small vocabulary for terms containing the needle (``instr`` on SQLite,
``strpos`` on PostgreSQL: plain character containment on folded text, as Python's ``in``) and then
reaches the incidents holding those terms through the ``(kind, term, incident_id)`` index (see
``walk_in_order`` for how a page of them is read in the list's order). Storing
word prefixes or n-grams instead would have changed the meaning (or multiplied the rows per
incident) for no gain at this vocabulary size. The vocabulary only grows: a term no incident holds
any more matches nothing.

Every write of incident rows calls ``write`` in the same transaction (``Store.write_incidents``,
``DeskStore``'s decisions), and migration 0010 fills both tables for incidents stored before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    ForeignKey,
    Index,
    String,
    Text,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from civharm.records import Incident
from civharm.store.models import CODE_LENGTH, ID_LENGTH, Base, IncidentRow

PLACE = "place"  # place name, admin1, admin2: matched as a substring
COUNTRY = "country"  # ISO country code: matched exactly
PERPETRATOR = "perpetrator"  # each alleged perpetrator: matched as a substring
# Both SQLite and PostgreSQL cap bound parameters per statement; rows are sent in chunks under either.
CHUNK = 500
# Matching term rows from which a filtered page is found by walking the list's date index (see
# ``walk_in_order``); counting stops here, so deciding costs at most this many index entries.
FEW = 2000


class TermRow(Base):
    """One distinct folded term of a kind: the vocabulary a filter scans for the needle."""

    __tablename__ = "terms"

    kind: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    term: Mapped[str] = mapped_column(Text, primary_key=True)


class IncidentTermRow(Base):
    """One folded place or perpetrator term of one incident."""

    __tablename__ = "incident_terms"
    __table_args__ = (Index("ix_incident_terms_kind_term", "kind", "term", "incident_id"),)

    incident_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    term: Mapped[str] = mapped_column(Text, primary_key=True)


def fold(text: str) -> str:
    """A stored value or a filter's (already stripped) needle as the two are compared: casefolded."""
    return text.casefold()


def incident_terms(
    place_name: str | None,
    admin1: str | None,
    admin2: str | None,
    country: str | None,
    perpetrators: Iterable[str],
) -> list[tuple[str, str]]:
    """``(kind, folded term)`` pairs of one incident's flat columns, each pair once, in a fixed order."""
    pairs = [(PLACE, fold(value)) for value in (place_name, admin1, admin2) if value is not None]
    if country is not None:
        pairs.append((COUNTRY, fold(country)))
    pairs.extend((PERPETRATOR, fold(str(name))) for name in perpetrators)
    return list(dict.fromkeys(pairs))


def rows_of(incident: Incident) -> list[dict[str, str]]:
    """The ``incident_terms`` rows of one incident record."""
    place = incident.place
    pairs = incident_terms(
        None if place is None else place.name,
        None if place is None else place.admin1,
        None if place is None else place.admin2,
        None if place is None else place.country,
        incident.perpetrators,
    )
    return [{"incident_id": incident.id, "kind": kind, "term": term} for kind, term in pairs]


def add_vocabulary(writer: Session | Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Add the ``(kind, term)`` pairs the vocabulary lacks; ones already there (also another writer's,
    on PostgreSQL) are left alone."""
    values = [{"kind": kind, "term": term} for kind, term in dict.fromkeys(pairs)]
    bind = writer.get_bind() if isinstance(writer, Session) else writer
    dialect = postgresql if bind.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(TermRow).on_conflict_do_nothing()
    for start in range(0, len(values), CHUNK):
        writer.execute(statement, values[start : start + CHUNK])


def write(session: Session, incidents: Sequence[Incident]) -> None:
    """Replace these incidents' terms (and grow the vocabulary), in the caller's write transaction."""
    ids = [incident.id for incident in incidents]
    for start in range(0, len(ids), CHUNK):
        session.execute(delete(IncidentTermRow).where(IncidentTermRow.incident_id.in_(ids[start : start + CHUNK])))
    rows = [row for incident in incidents for row in rows_of(incident)]
    add_vocabulary(session, ((row["kind"], row["term"]) for row in rows))
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(IncidentTermRow), rows[start : start + CHUNK])


class _position(FunctionElement[int]):
    """Where a string occurs in another (1-based, 0 when absent): ``instr`` or ``strpos``."""

    name = "position"
    inherit_cache = True


@compiles(_position)
def _instr(element: _position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(_position, "postgresql")
def _strpos(element: _position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def _containing(kind: str, needle: str) -> ColumnElement[bool]:
    vocabulary = select(TermRow.term).where(TermRow.kind == kind, _position(TermRow.term, needle) > 0)
    return and_(IncidentTermRow.kind == kind, IncidentTermRow.term.in_(vocabulary))


def _place_terms(place: str) -> ColumnElement[bool]:
    needle = fold(place.strip())
    return or_(_containing(PLACE, needle), and_(IncidentTermRow.kind == COUNTRY, IncidentTermRow.term == needle))


def _perpetrator_terms(perpetrator: str) -> ColumnElement[bool]:
    return _containing(PERPETRATOR, fold(perpetrator.strip()))


def _holding(condition: ColumnElement[bool], walk: bool) -> ColumnElement[bool]:
    # ``id || ''`` is the same value but no index can look it up, so the database keeps to the list's
    # date index and tests each incident against the matching ids (gathered once) instead.
    key = IncidentRow.id.concat("") if walk else IncidentRow.id
    return key.in_(select(IncidentTermRow.incident_id).where(condition))


def place_condition(place: str, walk: bool = False) -> ColumnElement[bool]:
    """Incidents whose place name, admin1 or admin2 contains ``place`` or whose country is it (casefold)."""
    return _holding(_place_terms(place), walk)


def perpetrator_condition(perpetrator: str, walk: bool = False) -> ColumnElement[bool]:
    """Incidents with an alleged perpetrator containing ``perpetrator`` (casefold)."""
    return _holding(_perpetrator_terms(perpetrator), walk)


def walk_in_order(session: Session, place: str | None, perpetrator: str | None) -> bool:
    """Whether a page of incidents matching these filters is best found by walking the list's date index.

    Matches found through the terms index must all be sorted by date before the first page is known:
    cheap for a few, seconds for a common name at a million incidents. Walking the date index and
    testing each incident stops once the page is full, after about ``page x incidents / matches``
    rows: cheap for a common name, a walk over every incident for a rare one. So the terms index is
    used when either filter matches fewer than ``FEW`` term rows, the date index otherwise.
    """
    conditions = [
        condition
        for value, terms_of in ((place, _place_terms), (perpetrator, _perpetrator_terms))
        if value is not None
        for condition in [terms_of(value)]
    ]
    for condition in conditions:
        capped = select(IncidentTermRow.incident_id).where(condition).limit(FEW).subquery()
        if (session.scalar(select(func.count()).select_from(capped)) or 0) < FEW:
            return False
    return bool(conditions)
