"""Number phrases -> honest ranges: every row of DESIGN.md's "Ranges" table, the hedges and
the numbers that are not counts (years, dates, times, ages, money, units)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civharm.extract.quantities import (
    ABOUT_MARGIN,
    NEARLY_MARGIN,
    SEVERAL_MIN,
    UP_TO_MIN,
    VAGUE_MINIMA,
    Quantity,
    find_quantities,
    number_value,
    parse_quantity,
)


def ranges(text: str) -> list[tuple[int, int | None, str]]:
    return [(q.min, q.max, q.words) for q in find_quantities(text)]


def test_conventions_are_design_defaults() -> None:
    assert float(ABOUT_MARGIN) == float(NEARLY_MARGIN) == 0.10
    assert UP_TO_MIN == 1
    assert SEVERAL_MIN == 2
    assert {k: VAGUE_MINIMA[k] for k in ("tens", "dozens", "scores", "hundreds", "thousands")} == {
        "tens": 20,
        "dozens": 24,
        "scores": 40,
        "hundreds": 200,
        "thousands": 2000,
    }


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        # "12", "twelve", "a dozen" -> 12..12
        ("12", 12, 12),
        ("twelve", 12, 12),
        ("a dozen", 12, 12),
        ("1,200", 1200, 1200),
        ("300,000", 300000, 300000),
        ("twenty-three", 23, 23),
        ("twenty three", 23, 23),
        ("one hundred and five", 105, 105),
        ("one hundred five", 105, 105),
        ("a hundred", 100, 100),
        ("a hundred and fifty", 150, 150),
        ("half a dozen", 6, 6),
        ("two dozen", 24, 24),
        ("one thousand two hundred", 1200, 1200),
        ("1.5 million", 1_500_000, 1_500_000),
        ("two million", 2_000_000, 2_000_000),
        ("zero", 0, 0),
        # at least N, N or more, no fewer than N -> N..open
        ("at least 44", 44, None),
        ("At least 44", 44, None),
        ("44 or more", 44, None),
        ("no fewer than 10", 10, None),
        ("no less than 10", 10, None),
        ("at least a dozen", 12, None),
        ("10+", 10, None),
        # more than N, over N -> N+1..open
        ("more than 50", 51, None),
        ("over 50", 51, None),
        ("well over 50", 51, None),
        ("more than a dozen", 13, None),
        # up to N, as many as N -> 1..N
        ("up to 60", 1, 60),
        ("as many as 60", 1, 60),
        ("up to a dozen", 1, 12),
        # about/around/some/approximately/roughly N -> N-10% .. N+10%, rounded
        ("about 100", 90, 110),
        ("around 100", 90, 110),
        ("some 300", 270, 330),
        ("approximately 200", 180, 220),
        ("roughly 50", 45, 55),
        ("around a dozen", 11, 13),
        ("about 15", 14, 17),  # 13.5 and 16.5 round half up
        ("an estimated 1,000", 900, 1100),
        ("10 or so", 9, 11),
        # nearly/almost N -> N-10% .. N-1
        ("nearly 50", 45, 49),
        ("almost 50", 45, 49),
        ("close to 50", 45, 49),
        ("nearly a dozen", 11, 11),
        # N to M, between N and M, N-M -> N..M
        ("10 to 20", 10, 20),
        ("between 7 and 60", 7, 60),
        ("30-40", 30, 40),
        ("30–40", 30, 40),
        ("from 5 to 9", 5, 9),
        ("two or three", 2, 3),
        ("between seven and sixty", 7, 60),
        # vague words -> minimum..open
        ("tens", 20, None),
        ("dozens", 24, None),
        ("Dozens", 24, None),
        ("scores", 40, None),
        ("hundreds", 200, None),
        ("thousands", 2000, None),
        ("tens of thousands", 20000, None),
        ("hundreds of thousands", 200000, None),
        ("several", 2, None),
        ("a few", 2, None),
        ("a number of", 2, None),
        ("many", 2, None),
        ("several hundred", 200, None),
        ("a few dozen", 24, None),
    ],
)
def test_ranges_table(phrase: str, low: int, high: int | None) -> None:
    q = parse_quantity(phrase)
    assert q is not None, phrase
    assert (q.min, q.max, q.words, q.start, q.end) == (low, high, phrase, 0, len(phrase))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Around 300,000 people have fled.", [(270000, 330000, "Around 300,000")]),
        (
            "At least 44 people were killed and scores wounded.",
            [(44, None, "At least 44"), (40, None, "scores")],
        ),
        ("dozens of people", [(24, None, "dozens")]),
        ("tens of people", [(20, None, "tens")]),
        ("one dead, two hurt", [(1, 1, "one"), (2, 2, "two")]),
        ("killed 44 people and injured 12", [(44, 44, "44"), (12, 12, "12")]),
        ("(at least 44 people)", [(44, None, "at least 44")]),
        ("2000 people fled", [(2000, 2000, "2000")]),
        ("at least 2000 died", [(2000, None, "at least 2000")]),
        # a change is two figures, not a range
        ("the toll rose from 40 to 44", [(40, 40, "40"), (44, 44, "44")]),
        ("between 10 and 5", [(10, 10, "10"), (5, 5, "5")]),
        ("as many as 60 people", [(1, 60, "as many as 60")]),
    ],
)
def test_in_running_text(text: str, expected: list[tuple[int, int | None, str]]) -> None:
    assert ranges(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "in 2015",
        "2011",
        "since 2011",
        "the 2014-2015 campaign",
        "Nov. 29",
        "on Sept. 30",
        "September 30",
        "30 September",
        "Sunday, 29 November",
        "Nov. 29, 2015",
        "2015-12-23",
        "12/23/2015",
        "10:21",
        "at 10.30",
        "at 3 pm",
        "first",
        "the 5th",
        "twenty-first",
        "50%",
        "50 percent",
        "50 per cent",
        "$5 million",
        "US$ 5 million",
        "5 dollars",
        "a 37-year-old",
        "aged 37",
        "37 years old",
        "5 km",
        "6 miles",
        "a few blocks away",
        "300 metres",
        "three days",
        "two-thirds",
        "a five-storey building",
        "Resolution 2254",
        "Su-24 jets",
        "an F-16",
        "MH17",
        "the 1990s",
        "6.5 magnitude",
        "no one was killed",
        "how many",
        "children aged between 5 and 12",
        "5 to 10 km away",
        "1. Skip to content\n  2. Skip to main menu",
        "his 12- and",  # a suspended hyphen: "his 12- and 10-year-old sons"
        "Call 911 for help",  # the emergency number is dialled, not counted
        "a 911 call",
        "dispatchers took 911 calls",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_parse_quantity_needs_one_whole_quantity() -> None:
    assert parse_quantity("  at least 44 ") == Quantity(44, None, 2, 13, "at least 44")
    assert parse_quantity("44 people") is None
    assert parse_quantity("12 and 13") is None
    assert parse_quantity("in 2015") is None
    assert parse_quantity("") is None


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("three", 3),
        ("Three", 3),
        ("twenty-three", 23),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("1,200", 1200),
        ("12", 12),
        ("2011", 2011),
        ("nine hundred and ninety-nine", 999),
        ("several", None),
        ("dozens", None),
        ("people", None),
        ("three people", None),
        ("", None),
    ],
)
def test_number_value(word: str, value: int | None) -> None:
    assert number_value(word) == value


def test_spans_point_into_the_text() -> None:
    text = "Activists said nearly 50 civilians, among them a dozen children, died."
    found = find_quantities(text)
    assert [(q.min, q.max, q.words) for q in found] == [(45, 49, "nearly 50"), (12, 12, "a dozen")]
    for q in found:
        assert text[q.start : q.end] == q.words


def test_sample_articles_keep_their_headline_figures(samples: Path) -> None:
    text = (samples / "001.txt").read_text(encoding="utf-8")
    found = ranges(text)
    assert (44, None, "At least 44") in found
    assert (40, None, "scores") in found
    assert all(words not in ("30", "2015") for _, _, words in found)  # "since September 30"


# --- properties -----------------------------------------------------------------------------

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english(n: int, *, hyphen: bool = True, use_and: bool = True) -> str:
    """A small renderer of 0..999 in English words, independent of the parser under test."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _UNITS[unit] if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_UNITS[hundreds]} hundred"
    if not rest:
        return head
    return f"{head} {'and ' if use_and else ''}{english(rest, hyphen=hyphen)}"


@given(
    st.integers(0, 10**6),
    st.booleans(),
    st.sampled_from(["{} people were killed.", "It killed {} civilians"]),
)
def test_any_digits_number_is_found(n: int, separators: bool, template: str) -> None:
    rendered = f"{n:,}" if separators else str(n)
    found = find_quantities(template.format(rendered))
    assert [(q.min, q.max, q.words) for q in found] == [(n, n, rendered)]


@given(st.integers(0, 999), st.booleans(), st.booleans())
def test_any_english_number_is_read(n: int, hyphen: bool, use_and: bool) -> None:
    words = english(n, hyphen=hyphen, use_and=use_and)
    assert number_value(words) == n
    found = find_quantities(f"Officials said {words} people died.")
    assert [(q.min, q.max, q.words) for q in found] == [(n, n, words)]


def _check_spans(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.words == text[q.start : q.end]
        assert q.min >= 0
        assert q.max is None or q.max >= q.min


_PIECES = st.sampled_from(
    ["at least", "more than", "nearly", "about", "up to", "between", "and", "to", "or", "from", "-", "–",
     "dozens", "a dozen", "several", "many", "one", "twenty", "three", "hundred", "0", "1", "12", "1,000",
     "2015", "Nov.", "people", "km", "%", "$", "aged", "as", "more", "so", ",", ".", "1.5", "million",
     "no", "fewer", "than", "\n"]
)  # fmt: skip


@settings(deadline=None)
@given(st.text())
def test_spans_are_valid_for_any_text(text: str) -> None:
    _check_spans(text)


@settings(deadline=None)  # a property, not a timing: a loaded CI machine must not fail it
@given(st.lists(_PIECES, max_size=12).map(" ".join))
def test_spans_are_valid_for_number_like_text(text: str) -> None:
    _check_spans(text)


@given(st.integers(0, 10**6), st.sampled_from(["about", "nearly", "up to", "fewer than", "more than"]))
def test_hedged_ranges_contain_or_bound_the_number(n: int, hedge: str) -> None:
    q = parse_quantity(f"{hedge} {n}")
    assert q is not None
    assert q.max is None or q.max >= q.min
    if hedge == "about":
        assert q.max is not None and q.min <= n <= q.max
    if hedge in ("nearly", "fewer than") and n > 0:
        assert q.max == n - 1
    if hedge == "more than":
        assert (q.min, q.max) == (n + 1, None)
