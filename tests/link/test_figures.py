"""Reconciling several sources' figures into an incident's ranges (DESIGN.md, several sources)."""

from __future__ import annotations

import datetime as dt

from civharm.link.figures import FigureClaim, current_figures, incident_figures, span, total
from civharm.link.linker import link
from civharm.records import Figure, Group, Outcome

from .builders import ARIHA, DAY1, attack, days, extraction, killed, report


def _claim(
    low: int,
    high: int | None,
    *,
    source: str = "A",
    report_sha: str = "r1",
    start: int = 0,
    published: dt.date | None = DAY1,
) -> FigureClaim:
    return FigureClaim(
        report_sha256=report_sha, published=published, source=source, casualty=killed(low, high, start=start)
    )


def _civilians(*claims: FigureClaim) -> Figure | None:
    return incident_figures(current_figures(claims)).civilians_killed


def test_two_sources_7_and_60_give_7_to_60() -> None:
    assert _civilians(_claim(7, 7, source="A"), _claim(60, 60, source="B", report_sha="r2")) == Figure(min=7, max=60)


def test_an_open_maximum_keeps_the_range_open() -> None:
    at_least_44 = _claim(44, None, source="A")
    forty = _claim(40, 40, source="B", report_sha="r2")
    assert _civilians(at_least_44, forty) == Figure(min=40, max=None)


def test_rose_to_44_supersedes_the_same_reports_40() -> None:
    early = _claim(40, 40, start=10)
    rose = _claim(44, 44, start=200)
    figures = current_figures([early, rose])
    assert [(f.min, f.max) for f in figures] == [(44, 44)]
    assert _civilians(early, rose) == Figure(min=44, max=44)


def test_a_smaller_later_figure_in_one_report_is_a_detail_not_a_correction() -> None:
    lead = _claim(12, None, start=10)
    detail = _claim(4, 4, start=300)  # "a woman and her three children" after "at least 12"
    assert {(f.min, f.max) for f in current_figures([lead, detail])} == {(12, None), (4, 4)}


def test_a_later_report_from_the_same_source_supersedes_up_or_down() -> None:
    monday = _claim(40, 40, report_sha="r1", published=DAY1)
    tuesday = _claim(35, 35, report_sha="r2", published=days(1))
    assert _civilians(monday, tuesday) == Figure(min=35, max=35)


def test_undated_reports_from_one_source_both_stay_current() -> None:
    one = _claim(40, 40, report_sha="r1", published=None)
    two = _claim(44, 44, report_sha="r2", published=None)
    assert _civilians(one, two) == Figure(min=40, max=44)


def test_attributed_sources_in_one_report_are_separate_sources() -> None:
    monitor = _claim(20, 20, source="Syrian Observatory", start=10)
    rescuers = _claim(15, 15, source="White Helmets", start=100)
    assert _civilians(monitor, rescuers) == Figure(min=15, max=20)


def test_people_of_unknown_group_count_as_civilians_only_without_a_civilian_figure() -> None:
    people = FigureClaim(report_sha256="r1", published=DAY1, source="A", casualty=killed(12, 12, group=Group.UNKNOWN))
    civilians = _claim(9, 9, source="A", start=50)
    other = FigureClaim(report_sha256="r2", published=DAY1, source="B", casualty=killed(30, 30, group=Group.UNKNOWN))
    assert _civilians(people) == Figure(min=12, max=12)
    assert _civilians(people, civilians) == Figure(min=9, max=9)  # source A's civilians figure wins
    assert _civilians(people, civilians, other) == Figure(min=9, max=30)


def test_children_women_and_fighters_are_their_own_figures() -> None:
    def claim(low: int, group: Group, start: int) -> FigureClaim:
        return FigureClaim(
            report_sha256="r1",
            published=DAY1,
            source="A",
            casualty=killed(low, low, group=group, start=start),
        )

    figs = incident_figures(
        current_figures(
            [
                _claim(12, None, start=0),
                claim(4, Group.CHILDREN, 20),
                claim(1, Group.WOMEN, 40),
                claim(3, Group.FIGHTERS, 60),
            ]
        )
    )
    assert figs.civilians_killed == Figure(min=12, max=None)
    assert figs.children_killed == Figure(min=4, max=4)
    assert figs.women_killed == Figure(min=1, max=1)
    assert figs.fighters_killed == Figure(min=3, max=3)
    assert figs.civilians_injured is None


def test_only_children_and_women_named_means_at_least_their_sum() -> None:
    woman = FigureClaim(report_sha256="r1", published=DAY1, source="A", casualty=killed(1, 1, group=Group.WOMEN))
    children = FigureClaim(
        report_sha256="r1", published=DAY1, source="A", casualty=killed(3, 3, group=Group.CHILDREN, start=5)
    )
    assert _civilians(woman, children) == Figure(min=4, max=None)


def test_injured_are_ranged_separately() -> None:
    hurt = FigureClaim(
        report_sha256="r1", published=DAY1, source="A", casualty=killed(24, None, outcome=Outcome.INJURED)
    )
    figs = incident_figures(current_figures([hurt]))
    assert figs.civilians_injured == Figure(min=24, max=None)
    assert figs.civilians_killed is None


def test_span_and_total() -> None:
    assert span([]) is None
    assert total([Figure(min=7, max=60), Figure(min=3, max=3)]) == Figure(min=10, max=63)
    assert total([Figure(min=7, max=60), Figure(min=200, max=None)]) == Figure(min=207, max=None)


def test_linked_incident_carries_each_sources_current_figure() -> None:
    a = report("a", publisher="Al Jazeera")
    a_update = report("a2", publisher="Al Jazeera", published=days(1))
    b = report("b", publisher="Reuters")
    incidents = link(
        [
            extraction(a, attack(DAY1, ARIHA, casualties=(killed(40, 40),))),
            extraction(a_update, attack(DAY1, ARIHA, casualties=(killed(44, None),))),
            extraction(b, attack(DAY1, ARIHA, casualties=(killed(60, 60),))),
        ]
    )
    (inc,) = incidents
    assert inc.source_count == 2
    assert sorted((f.source, f.min, f.max) for f in inc.figures) == [
        ("Al Jazeera", 44, None),
        ("Reuters", 60, 60),
    ]
    assert inc.civilians_killed == Figure(min=44, max=None)
