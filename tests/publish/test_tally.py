"""Tallies: minima and maxima summed separately, open maxima kept open, headline apart from the rest."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from civharm.errors import CivharmError
from civharm.publish.tally import format_figure, format_range, render_tally, tally, tally_json
from civharm.records import AttackType, Figure, Grade, Incident, Place

from ..link.builders import ARIHA, KHARKIV


def _incident(
    iid: str,
    grade: Grade,
    killed: Figure | None,
    *,
    date: dt.date | None = dt.date(2024, 3, 10),
    place: Place | None = ARIHA,
    perpetrators: tuple[str, ...] = ("Russia",),
    injured: Figure | None = None,
    children: Figure | None = None,
) -> Incident:
    return Incident(
        id=iid,
        date=date,
        date_precision=None,
        place=place,
        attack_type=AttackType.AIR_STRIKE,
        perpetrators=perpetrators,
        civilians_killed=killed,
        civilians_injured=injured,
        children_killed=children,
        grade=grade,
    )


INCIDENTS = [
    _incident("a", Grade.FAIR, Figure(min=7, max=60), children=Figure(min=2, max=2)),
    _incident("b", Grade.CONFIRMED, Figure(min=3, max=3), injured=Figure(min=24, max=None)),
    _incident("c", Grade.WEAK, Figure(min=200, max=None), date=dt.date(2024, 4, 1), place=KHARKIV),
    _incident("d", Grade.CONTESTED, None, perpetrators=("Russia", "Syria")),
    _incident("e", Grade.FAIR, Figure(min=44, max=None), date=None, place=None, perpetrators=()),
]


def test_headline_counts_fair_and_confirmed_only_and_the_rest_apart() -> None:
    result = tally(INCIDENTS)
    (head,) = result.headline
    (other,) = result.other
    assert head.incident_ids == ("a", "b", "e")
    assert other.incident_ids == ("c", "d")
    assert head.incidents == 3
    assert head.civilians_killed == Figure(min=54, max=None)  # e is open: the sum is open
    assert result.headline_total.civilians_killed == head.civilians_killed


def test_sums_of_closed_ranges_stay_closed() -> None:
    result = tally(INCIDENTS[:2])
    assert result.headline[0].civilians_killed == Figure(min=10, max=63)
    assert result.headline[0].civilians_injured == Figure(min=24, max=None)
    assert result.headline[0].children_killed == Figure(min=2, max=2)
    assert result.headline[0].fighters_killed is None
    assert result.other == ()
    assert result.other_total.incidents == 0
    assert result.other_total.civilians_killed is None


def test_incidents_without_a_figure_are_counted_but_add_nothing() -> None:
    (row,) = tally(INCIDENTS).other
    assert row.incidents == 2
    assert row.without_civilian_figure == 1
    assert row.civilians_killed == Figure(min=200, max=None)


def test_by_month_place_perpetrator_and_grade() -> None:
    assert [r.key for r in tally(INCIDENTS, by="month").headline] == ["2024-03", "unknown"]
    assert [r.key for r in tally(INCIDENTS, by="place").other] == ["Ariha, SY", "Kharkiv, UA"]
    assert [r.key for r in tally(INCIDENTS, by="perpetrator").other] == ["Russia", "Russia / Syria"]
    grades = tally(INCIDENTS, by="grade")
    assert [(r.key, r.incident_ids) for r in grades.headline] == [("Confirmed", ("b",)), ("Fair", ("a", "e"))]
    assert [r.key for r in grades.other] == ["Contested", "Weak"]


def _untyped(value: str) -> Any:
    """A value as the CLI would pass it: a string not checked against the Literal type."""
    return value


def test_unknown_grouping_is_a_clear_error() -> None:
    with pytest.raises(CivharmError, match="cannot tally by 'weekday'"):
        tally(INCIDENTS, by=_untyped("weekday"))


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(200, None, "at least 200"), (12, 12, "12"), (7, 60, "7–60"), (None, None, "no figure"), (0, 0, "0")],
)
def test_format_range(low: int | None, high: int | None, words: str) -> None:
    assert format_range(low, high) == words


def test_format_figure() -> None:
    assert format_figure(None) == "no figure"
    assert format_figure(Figure(min=54, max=None)) == "at least 54"


def test_render_and_json_keep_headline_and_other_apart() -> None:
    result = tally(INCIDENTS)
    text = render_tally(result)
    head, other = text.split("Other grades")
    assert "at least 54" in head
    assert "at least 200" in other and "at least 200" not in head
    data = tally_json(result)
    assert data["headline_total"]["civilians_killed"] == {"min": 54, "max": None}
    assert data["other"][0]["incident_ids"] == ["c", "d"]
