"""Suggested grades: one test per rule of DESIGN.md's grade table, and the rule text shown with it."""

from __future__ import annotations

import pytest

from civharm.assess.grades import suggest_grade
from civharm.records import AttackType, Grade, Incident, Stance

from ..link.builders import DAY1, position


def _incident(*, sources: int = 1, perpetrators: tuple[str, ...] = ("Russia",)) -> Incident:
    return Incident(
        id="i1",
        date=DAY1,
        date_precision=None,
        place=None,
        attack_type=AttackType.AIR_STRIKE,
        perpetrators=perpetrators,
        source_count=sources,
    )


def test_acknowledgement_confirms_whatever_else_is_reported() -> None:
    ack = position(Stance.ACKNOWLEDGES, "Russian Defence Ministry")
    grade, rule = suggest_grade(_incident(sources=1, perpetrators=("Russia", "Syria")), [ack])
    assert grade is Grade.CONFIRMED
    assert rule == "acknowledged by Russian Defence Ministry"


def test_several_parties_blamed_is_contested() -> None:
    grade, rule = suggest_grade(_incident(sources=3, perpetrators=("Russia", "Syrian government")), [])
    assert grade is Grade.CONTESTED
    assert rule == "2 parties alleged responsible: Russia, Syrian government"


def test_one_party_named_two_ways_is_not_contested() -> None:
    grade, _ = suggest_grade(_incident(sources=2, perpetrators=("Russia", "Russian warplanes")), [])
    assert grade is Grade.FAIR


def test_blamed_party_accusing_another_is_contested() -> None:
    grade, rule = suggest_grade(_incident(sources=1), [position(Stance.ACCUSES, "Russia")])
    assert grade is Grade.CONTESTED
    assert rule == "Russia blames another party"


def test_two_independent_sources_are_fair_and_named() -> None:
    grade, rule = suggest_grade(_incident(sources=2), [], ["Al Jazeera", "Reuters"])
    assert grade is Grade.FAIR
    assert rule == "2 independent sources: Al Jazeera, Reuters"


@pytest.mark.parametrize(("sources", "rule"), [(1, "single source: Reuters"), (0, "no independent source recorded")])
def test_one_source_or_none_is_weak(sources: int, rule: str) -> None:
    names = ["Reuters"] if sources else []
    assert suggest_grade(_incident(sources=sources), [], names) == (Grade.WEAK, rule)


def test_a_denial_does_not_change_the_grade() -> None:
    denial = position(Stance.DENIES, "Russia")
    assert suggest_grade(_incident(sources=2), [denial])[0] is Grade.FAIR
    assert suggest_grade(_incident(sources=1), [denial])[0] is Grade.WEAK


def test_discounted_is_never_suggested() -> None:
    cases = [
        suggest_grade(_incident(sources=s, perpetrators=p), [position(st)])
        for s in (0, 1, 5)
        for p in ((), ("Russia",), ("Russia", "Iran"))
        for st in Stance
    ]
    assert Grade.DISCOUNTED not in {g for g, _ in cases}
