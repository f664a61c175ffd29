"""The timeline's numbers: civilians killed per period and perpetrator, minima and maxima added apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from civharm.records import AttackType, DatePrecision, Figure, Incident
from civharm.web import timeline


def build(incidents: Sequence[Incident]) -> timeline.Chart | None:
    return timeline.build(*timeline.cells(incidents))


def incident(ident: str, day: dt.date | None, killed: Figure | None, who: str = "Russia") -> Incident:
    return Incident(
        id=ident,
        date=day,
        date_precision=DatePrecision.DAY if day else None,
        place=None,
        attack_type=AttackType.AIR_STRIKE,
        perpetrators=(who,),
        civilians_killed=killed,
    )


def test_weekly_sums_keep_an_open_maximum_open() -> None:
    chart = build(
        [
            incident("a", dt.date(2024, 3, 4), Figure(min=7, max=60)),
            incident("b", dt.date(2024, 3, 6), Figure(min=12, max=None)),
            incident("c", dt.date(2024, 3, 13), Figure(min=3, max=3)),
            incident("d", None, Figure(min=5, max=5)),
        ]
    )
    assert chart is not None and chart.unit == "week"
    assert [(r.incidents, r.killed) for r in chart.rows] == [(2, "at least 19"), (1, "3")]
    assert [b.open for b in chart.bars] == [True, False]
    assert chart.undated == 1


def test_months_and_perpetrators_apart() -> None:
    chart = build(
        [
            incident("a", dt.date(2024, 1, 10), Figure(min=2, max=4), "Russia"),
            incident("b", dt.date(2024, 1, 20), Figure(min=1, max=1), "Syrian government"),
            incident("c", dt.date(2024, 6, 1), Figure(min=5, max=9), "Russia"),
        ]
    )
    assert chart is not None and chart.unit == "month"
    expected = {("Russia", "2–4"), ("Syrian government", "1"), ("Russia", "5–9")}
    assert {(r.series, r.killed) for r in chart.rows} == expected
    assert all(b.y_max <= b.y_min for b in chart.bars)  # the maximum is drawn at or above the minimum


def test_no_chart_without_dated_figures() -> None:
    assert build([incident("a", None, Figure(min=1, max=1)), incident("b", dt.date(2024, 1, 1), None)]) is None


def test_years_beyond_three_years_of_span() -> None:
    chart = build(
        [
            incident("a", dt.date(2015, 11, 20), Figure(min=10, max=12)),
            incident("b", dt.date(2015, 2, 1), Figure(min=1, max=1)),
            incident("c", dt.date(2019, 6, 1), Figure(min=5, max=None)),
        ]
    )
    assert chart is not None and chart.unit == "year"
    assert [(r.period, r.incidents, r.killed) for r in chart.rows] == [("2015", 2, "11–13"), ("2019", 1, "at least 5")]
    assert [t.label for t in chart.ticks] == ["2015", "2016", "2017", "2018", "2019"]
