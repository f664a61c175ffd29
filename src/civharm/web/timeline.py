"""The timeline chart: civilians reported killed per week or month, by perpetrator, as a min–max band.

Server-rendered SVG (no chart library, works without JavaScript): for each period and perpetrator a
bar runs from the summed minima to the summed maxima, solid up to the minimum and hatched above it,
so an open maximum ("at least 44") is drawn as an arrow rather than a made-up top. The same numbers
are in a table under the chart for screen readers and for copying. Undated incidents cannot be
placed in time and are counted beside the chart.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Text, cast, func, select

from civharm.publish.tally import FigureSum, format_figure
from civharm.records import Figure, Incident
from civharm.store.models import IncidentRow
from civharm.store.repository import IncidentFilter, Store, needs_python

# Perpetrators drawn with their own colour; the rest share "other". Five keeps a legend readable and
# the colours (Okabe–Ito, safe for colour-blind readers) distinct.
MAX_SERIES = 5
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#555555")
OTHER = "other parties"
UNNAMED = "not named"
# A span longer than this many days is shown by month, shorter by week.
WEEKLY_UP_TO_DAYS = 120
WIDTH, HEIGHT = 720, 260
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_TOP = 48, 44, 40, 12
OPEN_ARROW = 14  # px drawn above the minimum for an open maximum


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y_min: float  # top of the solid part (the minimum)
    y_max: float  # top of the hatched part (the maximum, or an arrow when open)
    open: bool
    colour: str
    label: str  # for the <title> tooltip and screen readers


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Row:
    period: str
    series: str
    incidents: int
    killed: str


@dataclass(frozen=True)
class Chart:
    unit: str  # "week" or "month"
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    y_ticks: tuple[tuple[float, int], ...]
    legend: tuple[tuple[str, str], ...]  # (series, colour)
    rows: tuple[Row, ...]
    undated: int
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - MARGIN_BOTTOM
    left: int = MARGIN_LEFT


def _period(date: dt.date, unit: str) -> dt.date:
    return date.replace(day=1) if unit == "month" else date - dt.timedelta(days=date.weekday())


def _label(start: dt.date, unit: str) -> str:
    return f"{start:%b %Y}" if unit == "month" else f"week of {start.isoformat()}"


@dataclass(frozen=True)
class Cell:
    """Incidents of one day and one perpetrator (or set of perpetrators) with a civilians-killed figure."""

    date: dt.date
    who: str
    incidents: int
    killed: FigureSum


def _series_names(cells: Sequence[Cell]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for cell in cells:
        counts[cell.who] += cell.incidents
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    return ranked[:MAX_SERIES] + ([OTHER] if len(ranked) > MAX_SERIES else [])


def _who(perpetrators: Sequence[str]) -> str:
    return " / ".join(perpetrators) if perpetrators else UNNAMED


def cells(incidents: Sequence[Incident]) -> tuple[list[Cell], int]:
    """The chart's cells for incidents in memory, and how many are undated."""
    dated = [
        Cell(i.date, _who(i.perpetrators), 1, FigureSum.of(i.civilians_killed))
        for i in incidents
        if i.date is not None and i.civilians_killed is not None
    ]
    return dated, sum(1 for i in incidents if i.date is None)


def stored_cells(store: Store, filters: IncidentFilter) -> tuple[list[Cell], int]:
    """``cells`` of the stored incidents the filters select, added up per day and perpetrators by the
    database; place and perpetrator filters (matched in Python) sum the matching incidents instead."""
    if needs_python(filters):
        return cells(store.incidents(filters))
    low, high = IncidentRow.civilians_killed_min, IncidentRow.civilians_killed_max
    who = cast(IncidentRow.perpetrators, Text)
    query = (
        select(IncidentRow.date, who, func.count(), func.coalesce(func.sum(low), 0))
        .add_columns(func.coalesce(func.sum(high), 0), func.count(high))
        .where(IncidentRow.date.is_not(None), low.is_not(None))
        .group_by(IncidentRow.date, who)
    )
    found: list[Cell] = []
    for date, names, count, low_sum, high_sum, closed in store.summarise(filters, query):
        assert date is not None  # the query keeps dated incidents only
        killed = FigureSum(int(count), int(low_sum), int(high_sum), int(count) - int(closed))
        found.append(Cell(date, _who(json.loads(names)), int(count), killed))
    undated = store.summarise(filters, select(func.count()).where(IncidentRow.date.is_(None)))
    return found, int(undated[0][0])


def _steps(first: dt.date, last: dt.date, unit: str) -> list[dt.date]:
    out, cur = [], first
    while cur <= last:
        out.append(cur)
        if unit == "week":
            cur += dt.timedelta(days=7)
        else:
            cur = dt.date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
    return out


def _nice_top(value: int) -> int:
    for step in (5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return value


def build(dated: Sequence[Cell], undated: int) -> Chart | None:
    """The chart for these cells (None when there are none: no incident is dated and has a figure)."""
    if not dated:
        return None
    dates = [c.date for c in dated]
    unit = "week" if (max(dates) - min(dates)).days <= WEEKLY_UP_TO_DAYS else "month"
    names = _series_names(dated)
    colour = {name: COLOURS[n] for n, name in enumerate(names)}
    counts: dict[tuple[dt.date, str], int] = defaultdict(int)
    summed: dict[tuple[dt.date, str], FigureSum] = defaultdict(FigureSum)
    for cell in dated:
        key = (_period(cell.date, unit), cell.who if cell.who in colour else OTHER)
        counts[key] += cell.incidents
        summed[key] = summed[key].plus(cell.killed)
    sums = {key: value.figure() for key, value in summed.items()}
    steps = _steps(min(k[0] for k in summed), max(k[0] for k in summed), unit)
    top = _nice_top(max(max(f.min, f.max or f.min) for f in sums.values() if f is not None) or 1)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP - OPEN_ARROW
    slot = plot_w / len(steps)
    bar_w = max(2.0, slot * 0.8 / len(names))
    baseline = HEIGHT - MARGIN_BOTTOM

    def y(value: int) -> float:
        return round(baseline - plot_h * value / top, 1)

    bars, rows = [], []
    for s, start in enumerate(steps):
        for n, name in enumerate(names):
            figure: Figure | None = sums.get((start, name))
            if figure is None:
                continue
            x = round(MARGIN_LEFT + s * slot + slot * 0.1 + n * bar_w, 1)
            text = format_figure(figure)
            count = counts[(start, name)]
            high = y(figure.max) if figure.max is not None else y(figure.min) - OPEN_ARROW
            label = f"{_label(start, unit)}, {name}: {text} civilians killed ({count} incidents)"
            bars.append(Bar(x, round(bar_w, 1), y(figure.min), high, figure.max is None, colour[name], label))
            rows.append(Row(_label(start, unit), name, count, text))
    every = max(1, len(steps) // 8)
    ticks = tuple(
        Tick(round(MARGIN_LEFT + s * slot + slot / 2, 1), _label(st, unit).replace("week of ", ""))
        for s, st in enumerate(steps)
        if s % every == 0
    )
    y_ticks = tuple((y(v), v) for v in (0, top // 2, top))
    return Chart(unit, tuple(bars), ticks, y_ticks, tuple(colour.items()), tuple(rows), undated)
