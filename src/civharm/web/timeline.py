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

from civharm.publish.tally import format_figure
from civharm.records import Figure, Incident
from civharm.store import summary
from civharm.store.models import IncidentRow
from civharm.store.repository import IncidentFilter, Store
from civharm.store.summary import FigureSum, Kind

# Perpetrators drawn with their own colour; the rest share "other". Five keeps a legend readable and
# the colours (Okabe–Ito, safe for colour-blind readers) distinct.
MAX_SERIES = 5
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#555555")
OTHER = "other parties"
UNNAMED = "not named"
# A span up to WEEKLY_UP_TO_DAYS is shown by week, up to MONTHLY_UP_TO_DAYS by month, longer by year:
# about 17 to 36 bars per series at the switches, few enough to read and to render quickly.
WEEKLY_UP_TO_DAYS = 120
MONTHLY_UP_TO_DAYS = 3 * 366
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
    unit: str  # "week", "month" or "year"
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
    if unit == "year":
        return date.replace(month=1, day=1)
    return date.replace(day=1) if unit == "month" else date - dt.timedelta(days=date.weekday())


def _label(start: dt.date, unit: str) -> str:
    if unit == "year":
        return f"{start:%Y}"
    return f"{start:%b %Y}" if unit == "month" else f"week of {start.isoformat()}"


@dataclass(frozen=True)
class Cell:
    """Incidents of one day and one perpetrator (or set of perpetrators) with a civilians-killed figure."""

    date: dt.date
    who: str
    incidents: int
    killed: FigureSum


def _series_names(cells: Sequence[Cell]) -> list[str]:
    """The parties with the most incidents, then ``OTHER`` when there are more (or cells are already
    added up as ``OTHER``, see ``stored_cells``)."""
    counts: dict[str, int] = defaultdict(int)
    for cell in cells:
        if cell.who != OTHER:
            counts[cell.who] += cell.incidents
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    merged = len(ranked) > MAX_SERIES or any(cell.who == OTHER for cell in cells)
    return ranked[:MAX_SERIES] + ([OTHER] if merged else [])


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


def _span(store: Store, filters: IncidentFilter) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the dated incidents with a civilians-killed figure (two index lookups)."""
    dated = select(IncidentRow.date).where(IncidentRow.date.is_not(None), IncidentRow.civilians_killed_min.is_not(None))
    first = store.summarise(filters, dated.order_by(IncidentRow.date).limit(1))
    last = store.summarise(filters, dated.order_by(IncidentRow.date.desc()).limit(1))
    if not first or first[0][0] is None or last[0][0] is None:
        return None
    return first[0][0], last[0][0]


def _unit(first: dt.date, last: dt.date) -> Kind:
    days = (last - first).days
    if days <= WEEKLY_UP_TO_DAYS:
        return "week"
    return "month" if days <= MONTHLY_UP_TO_DAYS else "year"


def _daily_cells(store: Store, filters: IncidentFilter) -> tuple[list[Cell], int]:
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


def stored_cells(store: Store, filters: IncidentFilter) -> tuple[list[Cell], int, Kind | None]:
    """``cells`` of the stored incidents the filters select, added up by the database, and the period
    they are already added up by (None: by day).

    The chart's unit follows from the first and last day with a figure. When the incident summary
    answers the filters (``civharm.store.summary.kind_for``) the series are ranked off its rows, and the
    cells read off its rows of that unit, one per period and drawn series, the parties beyond
    ``MAX_SERIES`` already added up as ``OTHER``. Otherwise (place or perpetrator filters, dates inside
    a period) the incidents are added up per day and perpetrators instead.
    """
    span = _span(store, filters)
    kind = summary.kind_for(filters, (_unit(*span) if span else "month",))
    if kind is None:
        return (*_daily_cells(store, filters), None)
    by: tuple[summary.GroupBy, ...] = ("period", "perpetrators")
    killed = ("civilians_killed",)
    rank_kind = summary.kind_for(filters, ("year", kind)) or kind
    ranking = summary.groups(store.database, filters, rank_kind, by, figures=killed)
    names = set(_series_names([c for g in ranking if (c := _summed_cell(g)) is not None]))
    keep = {str(g.perpetrators) for g in ranking if _who(json.loads(str(g.perpetrators))) in names}
    found = summary.groups(store.database, filters, kind, by, keep=keep, figures=killed)
    dated = [c for g in found if (c := _summed_cell(g)) is not None]
    return dated, sum(g.incidents for g in found if g.period == summary.UNDATED), kind


def _summed_cell(group: summary.Group) -> Cell | None:
    """The cell of one period and perpetrators (None: the parties not drawn apart), or None when the
    group has no dated incident with a civilians-killed figure."""
    killed = group.sums[0]
    if group.period is None or group.period == summary.UNDATED or not killed.figures:
        return None
    who = OTHER if group.perpetrators is None else _who(json.loads(group.perpetrators))
    return Cell(group.period, who, killed.figures, killed)


def _steps(first: dt.date, last: dt.date, unit: str) -> list[dt.date]:
    out, cur = [], first
    while cur <= last:
        out.append(cur)
        if unit == "week":
            cur += dt.timedelta(days=7)
        elif unit == "year":
            cur = dt.date(cur.year + 1, 1, 1)
        else:
            cur = dt.date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
    return out


def _nice_top(value: int) -> int:
    for step in (5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return value


def build(dated: Sequence[Cell], undated: int, unit: Kind | None = None) -> Chart | None:
    """The chart for these cells (None when there are none: no incident is dated and has a figure).

    ``unit`` is the period cells already added up by period are in (see ``stored_cells``); cells of
    single days (None) get the unit their first and last day call for.
    """
    if not dated:
        return None
    dates = [c.date for c in dated]
    unit = unit or _unit(min(dates), max(dates))
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
