"""Honest tallies over incidents: ranges summed, open maxima kept open, every number traceable.

Following DESIGN.md: minima and maxima are added separately and an open maximum makes the sum open
("at least N"); headline tallies count only incidents graded Fair or Confirmed, and the rest are shown
separately, never silently mixed in. Every row lists the incidents it adds up, so a published number can
be traced back to incidents, their sources and the sentences the figures came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Text, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute

from civharm.errors import CivharmError
from civharm.records import Figure, Grade, Incident
from civharm.store import summary
from civharm.store.models import IncidentRow
from civharm.store.repository import IncidentFilter, Store
from civharm.store.summary import FigureSum

TallyBy = Literal["perpetrator", "month", "place", "grade"]
HEADLINE_GRADES = frozenset({Grade.FAIR, Grade.CONFIRMED})
UNKNOWN_KEY = "unknown"
ALL_KEY = "all"
# A tally of up to this many incidents lists every incident id in its rows; a larger one gives the counts
# and sums only (a million ids inlined would make the tally the size of the export), and its rows are
# traced through the incident list instead.
LISTED_IDS = 1000


@dataclass(frozen=True)
class TallyRow:
    """One row: how many incidents, and the summed ranges of what they report."""

    key: str
    incidents: int
    civilians_killed: Figure | None  # None: no incident in the row has a figure
    civilians_injured: Figure | None
    children_killed: Figure | None
    fighters_killed: Figure | None
    without_civilian_figure: int  # incidents counted but with no civilians-killed figure
    incident_ids: tuple[str, ...]  # empty when the result does not list ids (``TallyResult.ids_listed``)


@dataclass(frozen=True)
class TallyResult:
    """Rows for the headline (Fair, Confirmed) and for every other grade, each with its total."""

    by: str | None
    headline: tuple[TallyRow, ...]
    other: tuple[TallyRow, ...]
    headline_total: TallyRow
    other_total: TallyRow
    ids_listed: bool = True


@dataclass(frozen=True)
class _Part:
    """Some incidents of one row: one incident (Python) or one SQL group."""

    headline: bool
    key: str
    incidents: int
    sums: tuple[FigureSum, ...]  # in the order of ``_FIGURES``
    ids: tuple[str, ...]

    def plus(self, other: _Part) -> _Part:
        sums = tuple(a.plus(b) for a, b in zip(self.sums, other.sums, strict=True))
        return _Part(self.headline, self.key, self.incidents + other.incidents, sums, self.ids + other.ids)


_FIGURES = summary.FIGURES  # the summary's order, so its sums are parts as they are


def _month_of(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date is not None else UNKNOWN_KEY


def _place_of(name: str | None, country: str | None) -> str:
    if name is None:
        return UNKNOWN_KEY
    return f"{name}, {country}" if country else name


def _perpetrator_of(perpetrators: Sequence[str]) -> str:
    # an incident blamed on several parties is one row, not counted once per party (no double counting)
    return " / ".join(perpetrators) if perpetrators else UNKNOWN_KEY


_KEYS: dict[str | None, Callable[[Incident], str]] = {
    None: lambda _incident: ALL_KEY,
    "perpetrator": lambda i: _perpetrator_of(i.perpetrators),
    "month": lambda i: _month_of(i.date),
    "place": lambda i: UNKNOWN_KEY if i.place is None else _place_of(i.place.name, i.place.country),
    "grade": lambda incident: incident.grade.value,
}


def _row(key: str, parts: Sequence[_Part]) -> TallyRow:
    start = _Part(False, key, 0, tuple(FigureSum() for _ in _FIGURES), ())
    merged = functools.reduce(_Part.plus, parts, start)
    killed, injured, children, fighters = (s.figure() for s in merged.sums)
    return TallyRow(
        key=key,
        incidents=merged.incidents,
        civilians_killed=killed,
        civilians_injured=injured,
        children_killed=children,
        fighters_killed=fighters,
        without_civilian_figure=merged.incidents - merged.sums[0].figures,
        incident_ids=tuple(sorted(merged.ids)),
    )


def _rows(parts: Sequence[_Part]) -> tuple[TallyRow, ...]:
    groups: dict[str, list[_Part]] = defaultdict(list)
    for part in parts:
        groups[part.key].append(part)
    order = sorted(groups, key=lambda k: (k == UNKNOWN_KEY, k))
    return tuple(_row(k, groups[k]) for k in order)


def _result(by: TallyBy | None, parts: Sequence[_Part], ids_listed: bool) -> TallyResult:
    head = [p for p in parts if p.headline]
    rest = [p for p in parts if not p.headline]
    return TallyResult(
        by=by,
        headline=_rows(head),
        other=_rows(rest),
        headline_total=_row("headline total", head),
        other_total=_row("other grades total", rest),
        ids_listed=ids_listed,
    )


def _check(by: str | None) -> None:
    if by not in _KEYS:
        raise CivharmError(f"cannot tally by {by!r}: choose perpetrator, month, place or grade")


def tally(incidents: Sequence[Incident], by: TallyBy | None = None) -> TallyResult:
    """Tally incidents, grouped ``by`` perpetrator, month, place, grade, or not at all."""
    _check(by)
    key = _KEYS[by]
    parts = [
        _Part(
            i.grade in HEADLINE_GRADES,
            key(i),
            1,
            tuple(FigureSum.of(getattr(i, name)) for name in _FIGURES),
            (i.id,),
        )
        for i in incidents
    ]
    return _result(by, parts, ids_listed=True)


# The columns each grouping needs, and the row key made from them in Python (as ``_KEYS`` makes it from
# an incident). Perpetrators are grouped by their JSON text: PostgreSQL cannot group ``json`` values.
_PERPETRATORS = cast(IncidentRow.perpetrators, Text).label("perpetrators")
_Columns = tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...]
_SQL_KEYS: dict[str | None, tuple[_Columns, Callable[[Any], str]]] = {
    None: ((), lambda _row: ALL_KEY),
    "perpetrator": ((_PERPETRATORS,), lambda row: _perpetrator_of(json.loads(row.perpetrators))),
    "month": ((IncidentRow.date,), lambda row: _month_of(row.date)),
    "place": ((IncidentRow.place_name, IncidentRow.country), lambda row: _place_of(row.place_name, row.country)),
    "grade": ((), lambda row: row.grade),
}


def _sums() -> list[ColumnElement[Any]]:
    columns: list[ColumnElement[Any]] = []
    for name in _FIGURES:
        low, high = getattr(IncidentRow, f"{name}_min"), getattr(IncidentRow, f"{name}_max")
        columns += [func.count(low), func.coalesce(func.sum(low), 0)]
        columns += [func.coalesce(func.sum(high), 0), func.count(high)]
    return columns


def _sql_part(row: Any, key: Callable[[Any], str], listed: bool) -> _Part:
    values = tuple(row)[-4 * len(_FIGURES) :]
    sums = []
    for n in range(len(_FIGURES)):
        figures, low, high, closed = (int(v) for v in values[4 * n : 4 * n + 4])
        sums.append(FigureSum(figures, low, high, figures - closed))
    return _Part(row.grade in HEADLINE_VALUES, key(row), int(row.incidents), tuple(sums), (row.id,) if listed else ())


HEADLINE_VALUES = frozenset(g.value for g in HEADLINE_GRADES)


# What each grouping but place groups the summary by, and the row key made from a group.
_SUMMARY_KEYS: dict[str | None, tuple[tuple[summary.GroupBy, ...], Callable[[summary.Group], str]]] = {
    None: ((), lambda _group: ALL_KEY),
    "perpetrator": (("perpetrators",), lambda g: _perpetrator_of(json.loads(g.perpetrators or "[]"))),
    "month": (("period",), lambda g: _month_of(None if g.period == summary.UNDATED else g.period)),
    "grade": ((), lambda g: str(g.grade)),
}


def _summary_parts(store: Store, filters: IncidentFilter, by: TallyBy | None) -> list[_Part] | None:
    """The tally's groups read off the incident summary, or None when it cannot answer these filters
    (see ``civharm.store.summary.kind_for``) or this grouping (place is not in the summary)."""
    if by == "place":
        return None
    kind = summary.kind_for(filters, ("month",) if by == "month" else summary.KINDS)
    if kind is None:
        return None
    extra, key = _SUMMARY_KEYS[by]
    found = summary.groups(store.database, filters, kind, ("grade", *extra))
    return [_Part(g.grade in HEADLINE_VALUES, key(g), g.incidents, g.sums, ()) for g in found]


def stored_tally(store: Store, filters: IncidentFilter, by: TallyBy | None = None) -> TallyResult:
    """``tally`` of the stored incidents the filters select, added up by the database.

    The groups come from the incident summary when it answers the filters exactly (status, grade and
    dates on period boundaries; any grouping but place), else from the incidents grouped by grade and
    the grouping's columns in SQL (place grouping, place and perpetrator filters, dates inside a
    period); either way they are merged into rows here, so the result is the same as ``tally`` over
    the same incidents without loading them. Ids are listed when the incidents number at most
    ``LISTED_IDS`` (a per-incident query).
    """
    _check(by)
    columns, key = _SQL_KEYS[by]
    groups = (IncidentRow.grade, *columns)
    count = func.count().label("incidents")
    parts = _summary_parts(store, filters, by)
    if parts is None:
        rows = store.summarise(filters, select(*groups, count, *_sums()).group_by(*groups))
        parts = [_sql_part(r, key, False) for r in rows]
    if sum(p.incidents for p in parts) > LISTED_IDS:
        return _result(by, parts, ids_listed=False)
    each = (*groups, IncidentRow.id)
    rows = store.summarise(filters, select(*each, count, *_sums()).group_by(*each))
    return _result(by, [_sql_part(r, key, True) for r in rows], ids_listed=True)


def format_range(low: int | None, high: int | None) -> str:
    """A range in words: "at least 200" (open), "12" (exact), "7–60"; "no figure" without a minimum."""
    if low is None:
        return "no figure"
    if high is None:
        return f"at least {low}"
    if high == low:
        return str(low)
    return f"{low}–{high}"


def format_figure(figure: Figure | None) -> str:
    """``format_range`` for a Figure that may be missing."""
    return "no figure" if figure is None else format_range(figure.min, figure.max)


def _figure_json(figure: Figure | None) -> dict[str, int | None] | None:
    return None if figure is None else {"min": figure.min, "max": figure.max}


def _row_json(row: TallyRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "incidents": row.incidents,
        "civilians_killed": _figure_json(row.civilians_killed),
        "civilians_killed_text": format_figure(row.civilians_killed),
        "civilians_injured": _figure_json(row.civilians_injured),
        "children_killed": _figure_json(row.children_killed),
        "fighters_killed": _figure_json(row.fighters_killed),
        "without_civilian_figure": row.without_civilian_figure,
        "incident_ids": list(row.incident_ids),
    }


def tally_json(result: TallyResult) -> dict[str, Any]:
    """The tally as plain JSON-ready data; an open maximum is null."""
    return {
        "by": result.by,
        "incident_ids_listed": result.ids_listed,
        "headline": [_row_json(r) for r in result.headline],
        "headline_total": _row_json(result.headline_total),
        "other": [_row_json(r) for r in result.other],
        "other_total": _row_json(result.other_total),
    }


_COLUMNS = ("", "incidents", "civilians killed", "injured", "children killed", "fighters killed")


def _table(rows: Sequence[TallyRow]) -> list[str]:
    cells = [list(_COLUMNS)]
    for r in rows:
        cells.append(
            [
                r.key,
                str(r.incidents),
                format_figure(r.civilians_killed),
                format_figure(r.civilians_injured),
                format_figure(r.children_killed),
                format_figure(r.fighters_killed),
            ]
        )
    widths = [max(len(row[i]) for row in cells) for i in range(len(_COLUMNS))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]


def render_tally(result: TallyResult) -> str:
    """The tally as a plain-text table for the terminal: headline first, other grades apart."""
    lines = ["Headline (graded Fair or Confirmed)"]
    lines += _table([*result.headline, result.headline_total])
    lines += ["", "Other grades (Weak, Contested, Discounted): not in the headline"]
    lines += _table([*result.other, result.other_total])
    return "\n".join(lines)
