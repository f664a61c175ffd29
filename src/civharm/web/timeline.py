"""The timeline chart: civilians reported killed per week or month, by perpetrator, as a min–max band.

Server-rendered SVG (no chart library, works without JavaScript): for each period and perpetrator a
bar runs from the summed minima to the summed maxima, solid up to the minimum and hatched above it,
so an open maximum ("at least 44") is drawn as an arrow rather than a made-up top. The same numbers
are in a table under the chart for screen readers and for copying. Undated incidents cannot be
placed in time and are counted beside the chart.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from civharm.link.figures import total
from civharm.publish.tally import format_figure
from civharm.records import Figure, Incident

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


def _series_names(incidents: Sequence[Incident]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for incident in incidents:
        counts[_who(incident)] += 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    return ranked[:MAX_SERIES] + ([OTHER] if len(ranked) > MAX_SERIES else [])


def _who(incident: Incident) -> str:
    return " / ".join(incident.perpetrators) if incident.perpetrators else UNNAMED


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


def build(incidents: Sequence[Incident]) -> Chart | None:
    """The chart for ``incidents`` (None when none is dated and has a civilians-killed figure)."""
    dated = [i for i in incidents if i.date is not None and i.civilians_killed is not None]
    undated = sum(1 for i in incidents if i.date is None)
    if not dated:
        return None
    dates = [i.date for i in dated if i.date is not None]
    unit = "week" if (max(dates) - min(dates)).days <= WEEKLY_UP_TO_DAYS else "month"
    names = _series_names(dated)
    colour = {name: COLOURS[n] for n, name in enumerate(names)}
    cells: dict[tuple[dt.date, str], list[Incident]] = defaultdict(list)
    for incident in dated:
        assert incident.date is not None
        who = _who(incident)
        cells[(_period(incident.date, unit), who if who in colour else OTHER)].append(incident)
    sums = {key: total([i.civilians_killed for i in group if i.civilians_killed]) for key, group in cells.items()}
    steps = _steps(min(k[0] for k in cells), max(k[0] for k in cells), unit)
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
            count = len(cells[(start, name)])
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
