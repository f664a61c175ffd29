"""Honest tallies over incidents: ranges summed, open maxima kept open, every number traceable.

Following DESIGN.md: minima and maxima are added separately and an open maximum makes the sum open
("at least N"); headline tallies count only incidents graded Fair or Confirmed, and the rest are shown
separately, never silently mixed in. Every row lists the incidents it adds up, so a published number can
be traced back to incidents, their sources and the sentences the figures came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from civharm.errors import CivharmError
from civharm.link.figures import total
from civharm.records import Figure, Grade, Incident

TallyBy = Literal["perpetrator", "month", "place", "grade"]
HEADLINE_GRADES = frozenset({Grade.FAIR, Grade.CONFIRMED})
UNKNOWN_KEY = "unknown"
ALL_KEY = "all"


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
    incident_ids: tuple[str, ...]


@dataclass(frozen=True)
class TallyResult:
    """Rows for the headline (Fair, Confirmed) and for every other grade, each with its total."""

    by: str | None
    headline: tuple[TallyRow, ...]
    other: tuple[TallyRow, ...]
    headline_total: TallyRow
    other_total: TallyRow


def _month(incident: Incident) -> str:
    return incident.date.strftime("%Y-%m") if incident.date is not None else UNKNOWN_KEY


def _place(incident: Incident) -> str:
    place = incident.place
    if place is None:
        return UNKNOWN_KEY
    return f"{place.name}, {place.country}" if place.country else place.name


def _perpetrator(incident: Incident) -> str:
    # an incident blamed on several parties is one row, not counted once per party (no double counting)
    return " / ".join(incident.perpetrators) if incident.perpetrators else UNKNOWN_KEY


_KEYS: dict[str | None, Callable[[Incident], str]] = {
    None: lambda _incident: ALL_KEY,
    "perpetrator": _perpetrator,
    "month": _month,
    "place": _place,
    "grade": lambda incident: incident.grade.value,
}


def _row(key: str, incidents: Sequence[Incident]) -> TallyRow:
    def summed(pick: Callable[[Incident], Figure | None]) -> Figure | None:
        return total([f for i in incidents if (f := pick(i)) is not None])

    return TallyRow(
        key=key,
        incidents=len(incidents),
        civilians_killed=summed(lambda i: i.civilians_killed),
        civilians_injured=summed(lambda i: i.civilians_injured),
        children_killed=summed(lambda i: i.children_killed),
        fighters_killed=summed(lambda i: i.fighters_killed),
        without_civilian_figure=sum(1 for i in incidents if i.civilians_killed is None),
        incident_ids=tuple(i.id for i in incidents),
    )


def _rows(incidents: Sequence[Incident], key: Callable[[Incident], str]) -> tuple[TallyRow, ...]:
    groups: dict[str, list[Incident]] = defaultdict(list)
    for incident in sorted(incidents, key=lambda i: i.id):
        groups[key(incident)].append(incident)
    order = sorted(groups, key=lambda k: (k == UNKNOWN_KEY, k))
    return tuple(_row(k, groups[k]) for k in order)


def tally(incidents: Sequence[Incident], by: TallyBy | None = None) -> TallyResult:
    """Tally incidents, grouped ``by`` perpetrator, month, place, grade, or not at all."""
    if by not in _KEYS:
        raise CivharmError(f"cannot tally by {by!r}: choose perpetrator, month, place or grade")
    key = _KEYS[by]
    head = sorted((i for i in incidents if i.grade in HEADLINE_GRADES), key=lambda i: i.id)
    rest = sorted((i for i in incidents if i.grade not in HEADLINE_GRADES), key=lambda i: i.id)
    return TallyResult(
        by=by,
        headline=_rows(head, key),
        other=_rows(rest, key),
        headline_total=_row("headline total", head),
        other_total=_row("other grades total", rest),
    )


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
