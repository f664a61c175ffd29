"""The casualty grammar: each phrase a user reads in reports, and what it must count."""

import pytest

from civharm.extract.casualties import find_casualties
from civharm.records import Group, Outcome

K, INJ, KI = Outcome.KILLED, Outcome.INJURED, Outcome.KILLED_OR_INJURED
C, F, U, CH, W = Group.CIVILIANS, Group.FIGHTERS, Group.UNKNOWN, Group.CHILDREN, Group.WOMEN


def figures(sentence: str) -> list[tuple[Group, Outcome, int, int | None]]:
    return [(c.group, c.outcome, c.min, c.max) for c in find_casualties(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike killed 12 people including 3 children.", [(U, K, 12, 12), (CH, K, 3, 3)]),
        ("A woman and her three children were killed.", [(C, K, 4, 4)]),
        ("The death toll rose to 44.", [(U, K, 44, 44)]),
        ("Bodies of 31 people identified, with twelve more awaiting identification.", [(U, K, 43, 43)]),
        ("At least 18 civilians, including four children, were killed.", [(C, K, 18, None), (CH, K, 4, 4)]),
        ("As many as 60 people died.", [(U, K, 1, 60)]),
        ("Dozens were wounded.", [(U, INJ, 24, None)]),
        ("The raid killed or wounded 60.", [(U, KI, 60, 60)]),
        ("Two people were killed and five injured.", [(U, K, 2, 2), (U, INJ, 5, 5)]),
        ("One dead, two hurt.", [(U, K, 1, 1), (U, INJ, 2, 2)]),
        ("at least 60 people were killed and wounded in the attack", [(U, KI, 60, None)]),
        (
            "had killed “at least 200 civilians and around a dozen fighters” up to Nov. 29.",
            [(C, K, 200, None), (F, K, 11, 13)],
        ),
        (
            "Warplanes killed 16 civilians and the dead included 8 children and 5 women.",
            [(C, K, 16, 16), (CH, K, 8, 8), (W, K, 5, 5)],
        ),
        (
            "At least 44 people were killed and scores wounded on Sunday.",
            [(U, K, 44, None), (U, INJ, 40, None)],
        ),
    ],
)
def test_casualty_grammar(sentence: str, expected: list[tuple[Group, Outcome, int, int | None]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "No casualties were reported.",
        "The strike could have killed dozens.",
        "Russia denied killing any civilians.",
        "Around 300,000 people are estimated to have become its victims.",
        "The conflict has been going on for almost five years.",
        "Five warplanes took off from the base in 2015.",
    ],
)
def test_not_a_casualty_figure(sentence: str) -> None:
    assert figures(sentence) == []


def test_spans_and_words_point_into_the_report_text() -> None:
    text = "Intro sentence. The strike killed at least 12 civilians."
    offset = text.index("The strike")
    [casualty] = find_casualties(text[offset:], offset, source="activists")
    assert text[casualty.start : casualty.end] == casualty.words == "at least 12 civilians"
    assert casualty.source == "activists"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # gun-violence phrasing of local news
        ("A man was shot and killed Sunday night.", [(Group.MEN, K, 1, 1)]),
        ("A teen was fatally shot on Friday.", [(CH, K, 1, 1)]),
        ("Two people were shot, one fatally.", [(U, KI, 2, 2), (U, K, 1, 1)]),
        ("Police said the victim suffered non-life-threatening injuries.", [(U, INJ, 1, 1)]),
        ("Officers found a man suffering from a gunshot wound.", [(Group.MEN, INJ, 1, 1)]),
        ("Kenneth Lampkin, 16, was shot and killed Saturday.", [(U, K, 1, 1)]),
        ("The 13-year-old was dead on the scene.", [(U, K, 1, 1)]),
        ("He died two days later.", [(U, K, 1, 1)]),
        ("Six people, ages 14 to 52, were shot.", [(U, KI, 6, 6)]),
        # who is counted: the gunman is the doer, and a suspect shot by police is not a victim
        # ... and his own death is counted apart, as an attacker's
        ("The gunman killed two people before turning the gun on himself.", [(U, K, 2, 2), (F, K, 1, 1)]),
        ("The suspect was shot and killed by police.", [(F, K, 1, 1)]),
        ("Gunmen killed 12 people in the village.", [(U, K, 12, 12)]),
        # a later "no one else" does not cancel the figure before it
        ("One man was killed and no one else was injured.", [(Group.MEN, K, 1, 1)]),
        # not casualties
        ("He was shot 3 times in the chest.", [(U, KI, 1, 1)]),  # one man hit, not three
        ("Joseph Robinson Jr. was arrested Sunday.", []),
        # gaps found on gva-dev
        ("A teenager shot and killed Tuesday in Birmingham was identified.", [(CH, K, 1, 1)]),
        ("A 15-year-old Caldwell County High School student is dead.", [(C, K, 1, 1)]),
        ("A man and his daughter were found dead in the home.", [(C, K, 2, 2)]),
        ("Two men were charged in the shooting death of 5-year-old Noelle Shawver.", [(U, K, 1, 1)]),
        ("He fatally shot his fiancee, Jaime Salazar, 34, and their 2-year-old son.", [(C, K, 2, 2)]),
        ("A man shot and killed a 4-month-old baby.", [(CH, K, 1, 1)]),
        ("Police are investigating a double homicide.", [(U, K, 2, 2)]),
        ("The shooting left three people dead and another injured.", [(U, K, 3, 3), (U, INJ, 1, 1)]),
        ("The death toll from Tuesday's air strike on a residential building in Aleppo rose to 44.", [(U, K, 44, 44)]),
        ("No casualties were reported.", []),
        ("The rocket could have killed dozens of children.", []),
        ("Russia denied killing any civilians.", []),
    ],
)
def test_more_grammar(sentence: str, expected: list[tuple[Group, Outcome, int, int | None]]) -> None:
    assert figures(sentence) == expected


def test_conflicting_sources_stay_separate_claims() -> None:
    first = find_casualties("The strike killed 30 people, rescue workers said.", 0, "rescue workers")
    second = find_casualties("The Observatory said 18 people were killed.", 60, "Syrian Observatory for Human Rights")
    assert [(c.min, c.source) for c in first + second] == [
        (30, "rescue workers"),
        (18, "Syrian Observatory for Human Rights"),
    ]
