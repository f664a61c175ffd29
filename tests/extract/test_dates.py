"""Date phrases resolved against the publication date, with their precision."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civharm.extract.dates import (
    DATE_GRACE_DAYS,
    DateMention,
    counted_from_publication,
    find_dates,
    resolve_day_month,
    resolve_weekday,
)
from civharm.records import DatePrecision as P

PUBLISHED = date(2015, 12, 23)  # a Wednesday
MONDAY = date(2015, 11, 30)


def one(text: str, published: date | None = PUBLISHED) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def d(month: int, day: int, year: int = 2015) -> date:
    return date(year, month, day)


@pytest.mark.parametrize(
    ("text", "words", "first", "last", "precision"),
    [
        ("on Wednesday", "Wednesday", d(12, 23), d(12, 23), P.DAY),
        ("on Sunday", "Sunday", d(12, 20), d(12, 20), P.DAY),
        ("late on Thursday night", "Thursday", d(12, 17), d(12, 17), P.DAY),
        ("yesterday", "yesterday", d(12, 22), d(12, 22), P.DAY),
        ("Yesterday", "Yesterday", d(12, 22), d(12, 22), P.DAY),
        ("today", "today", d(12, 23), d(12, 23), P.DAY),
        ("last night", "last night", d(12, 22), d(12, 22), P.DAY),
        ("the day before yesterday", "the day before yesterday", d(12, 21), d(12, 21), P.DAY),
        ("three days ago", "three days ago", d(12, 20), d(12, 20), P.DAY),
        ("on Sept. 30", "Sept. 30", d(9, 30), d(9, 30), P.DAY),
        ("Sept 30", "Sept 30", d(9, 30), d(9, 30), P.DAY),
        ("September 30", "September 30", d(9, 30), d(9, 30), P.DAY),
        ("30 September", "30 September", d(9, 30), d(9, 30), P.DAY),
        ("on 20 October.", "20 October", d(10, 20), d(10, 20), P.DAY),
        ("the 30th of September", "30th of September", d(9, 30), d(9, 30), P.DAY),
        ("30 Sep 2014", "30 Sep 2014", d(9, 30, 2014), d(9, 30, 2014), P.DAY),
        ("Sept. 30, 2014", "Sept. 30, 2014", d(9, 30, 2014), d(9, 30, 2014), P.DAY),
        ("Sunday, Nov. 29", "Sunday, Nov. 29", d(11, 29), d(11, 29), P.DAY),
        ("Nov. 29", "Nov. 29", d(11, 29), d(11, 29), P.DAY),
        ("Dec 2015", "Dec 2015", d(12, 1), d(12, 31), P.MONTH),
        ("December 2014", "December 2014", d(12, 1, 2014), d(12, 31, 2014), P.MONTH),
        ("in May", "May", d(5, 1), d(5, 31), P.MONTH),
        ("2015-12-23", "2015-12-23", d(12, 23), d(12, 23), P.DAY),
        ("12/23/2015", "12/23/2015", d(12, 23), d(12, 23), P.DAY),
        ("23/12/2015", "23/12/2015", d(12, 23), d(12, 23), P.DAY),
        ("12/23/15", "12/23/15", d(12, 23), d(12, 23), P.DAY),
        ("last week", "last week", d(12, 14), d(12, 20), P.WEEK),
        ("earlier this week", "earlier this week", d(12, 21), d(12, 23), P.WEEK),
        ("earlier this month", "earlier this month", d(12, 1), d(12, 23), P.MONTH),
        ("last month", "last month", d(11, 1), d(11, 30), P.MONTH),
        ("last year", "last year", d(1, 1, 2014), d(12, 31, 2014), P.YEAR),
        ("in 2011", "2011", d(1, 1, 2011), d(12, 31, 2011), P.YEAR),
        ("between Sept. 30 and Nov. 29", "between Sept. 30 and Nov. 29", d(9, 30), d(11, 29), P.RANGE),
        ("from Sept. 30 to Nov. 29", "from Sept. 30 to Nov. 29", d(9, 30), d(11, 29), P.RANGE),
        ("Sept. 30 - Nov. 29", "Sept. 30 - Nov. 29", d(9, 30), d(11, 29), P.RANGE),
        ("since Sept. 30", "since Sept. 30", d(9, 30), PUBLISHED, P.RANGE),
        ("since September 30.", "since September 30", d(9, 30), PUBLISHED, P.RANGE),
        ("since 2011", "since 2011", d(1, 1, 2011), PUBLISHED, P.RANGE),
        ("up to Nov. 29", "up to Nov. 29", None, d(11, 29), P.RANGE),
        ("until Nov. 29", "until Nov. 29", None, d(11, 29), P.RANGE),
    ],
)
def test_phrases_resolve_against_publication(
    text: str, words: str, first: date | None, last: date, precision: P
) -> None:
    m = one(text)
    assert (m.words, m.date, m.end_date, m.precision, m.year_known) == (words, first, last, precision, True)
    assert text[m.start : m.end] == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", MONDAY),  # the day itself
        ("on Sunday", MONDAY - timedelta(days=1)),  # yesterday
        ("on Tuesday", MONDAY - timedelta(days=6)),
        ("last Monday", MONDAY - timedelta(days=7)),
        ("last Sunday", MONDAY - timedelta(days=1)),
    ],
)
def test_weekdays_in_a_monday_article(text: str, expected: date) -> None:
    m = one(text, MONDAY)
    assert (m.date, m.precision, m.words) == (expected, P.DAY, text.removeprefix("on "))


def test_resolve_weekday() -> None:
    assert resolve_weekday(0, MONDAY) == MONDAY
    assert resolve_weekday(6, MONDAY) == date(2015, 11, 29)
    assert resolve_weekday(2, PUBLISHED) == PUBLISHED
    assert resolve_weekday(3, PUBLISHED) == date(2015, 12, 17)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Sept. 30", date(2015, 12, 23), date(2015, 9, 30)),
        ("Dec. 30", date(2016, 1, 2), date(2015, 12, 30)),
        ("Jan. 3", date(2016, 1, 2), date(2016, 1, 3)),  # within the grace
        ("Jan. 5", date(2016, 1, 2), date(2015, 1, 5)),  # beyond it: last year's
        ("Feb. 29", date(2015, 12, 23), date(2012, 2, 29)),
        ("in December", date(2016, 1, 2), date(2015, 12, 1)),
    ],
)
def test_year_comes_from_publication(text: str, published: date, expected: date) -> None:
    assert one(text, published).date == expected


def test_grace_constant_is_small() -> None:
    assert 0 <= DATE_GRACE_DAYS <= 7
    assert resolve_day_month(1, 2 + DATE_GRACE_DAYS, date(2016, 1, 2)) == date(2016, 1, 2 + DATE_GRACE_DAYS)
    assert resolve_day_month(2, 30, date(2016, 1, 2)) is None


def test_range_start_moves_back_a_year_when_it_would_follow_the_end() -> None:
    m = one("between Sept. 30 and Nov. 29", date(2016, 10, 15))
    assert (m.date, m.end_date) == (date(2015, 9, 30), date(2015, 11, 29))


def test_a_period_of_weekdays_runs_forward_from_its_first_day() -> None:
    # dated on the Sunday: the Monday after it (the page's date may be a day early); dated on the Saturday:
    # the Sunday and Monday before
    text = "Seven people were shot from Sunday to early Monday."
    m = one(text, date(2017, 3, 19))
    assert (m.words, m.date, m.end_date) == ("from Sunday to early Monday", date(2017, 3, 19), date(2017, 3, 20))
    m = one(text, date(2017, 3, 18))
    assert (m.date, m.end_date) == (date(2017, 3, 12), date(2017, 3, 13))
    m = one("between Friday and late Saturday", date(2017, 3, 18))
    assert (m.date, m.end_date) == (date(2017, 3, 17), date(2017, 3, 18))


def test_without_publication_date_the_year_stays_unknown() -> None:
    m = one("on Sept. 30", None)
    assert (m.date, m.end_date, m.precision, m.year_known, m.month, m.day) == (
        None,
        None,
        P.DAY_MONTH,
        False,
        9,
        30,
    )
    m = one("on Wednesday", None)
    assert (m.date, m.precision, m.year_known, m.weekday) == (None, P.DAY, False, 2)
    m = one("yesterday", None)
    assert (m.date, m.precision, m.year_known) == (None, P.DAY, False)
    m = one("last week", None)
    assert (m.date, m.precision, m.year_known) == (None, P.WEEK, False)
    m = one("in May", None)
    assert (m.date, m.precision, m.year_known, m.month) == (None, P.MONTH, False, 5)
    m = one("between Sept. 30 and Nov. 29", None)
    assert (m.date, m.end_date, m.precision, m.year_known) == (None, None, P.RANGE, False)
    assert (m.month, m.day, m.end_month, m.end_day) == (9, 30, 11, 29)
    m = one("since Sept. 30", None)
    assert (m.date, m.end_date, m.precision, m.month, m.day) == (None, None, P.RANGE, 9, 30)


def test_a_year_in_the_phrase_needs_no_publication_date() -> None:
    m = one("30 Sep 2015", None)
    assert (m.date, m.precision, m.year_known) == (date(2015, 9, 30), P.DAY, True)
    m = one("in 2011", None)
    assert (m.date, m.end_date, m.precision) == (date(2011, 1, 1), date(2011, 12, 31), P.YEAR)
    m = one("since Sept. 30, 2015", None)
    assert (m.date, m.end_date, m.precision) == (date(2015, 9, 30), None, P.RANGE)


@pytest.mark.parametrize(
    "text",
    [
        "03/04/2015",  # day/month or month/day: ambiguous, left out
        "Sept. 31",
        "may 30 people",  # "may" is a verb
        "44 Nov",
        "some 2011 people",  # a bare year-like number with no preposition
        "10:21",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_mentions_in_running_text() -> None:
    text = (
        "The Russian air force has conducted air strikes since September 30. At least 44 people "
        "were killed on Sunday in Ariha, which rebels seized in May."
    )
    found = find_dates(text, date(2015, 11, 29))
    assert [(m.words, m.date, m.end_date, m.precision) for m in found] == [
        ("since September 30", d(9, 30), d(11, 29), P.RANGE),
        ("Sunday", d(11, 29), d(11, 29), P.DAY),
        ("May", d(5, 1), d(5, 31), P.MONTH),
    ]


# --- properties -----------------------------------------------------------------------------

_DATES = st.dates(date(1950, 1, 1), date(2090, 12, 31))
_PIECES = st.sampled_from(
    ["on", "Sunday", "last", "week", "month", "year", "since", "between", "and", "from", "to", "up", "until",
     "Sept.", "Nov", "May", "may", "30", "29", "2015", "12/23/2015", "2015-12-23", "-", "in", "earlier",
     "this", "yesterday", "days", "ago", "three", ",", "\n", "Christmas", "Eve", "New", "Year's", "Day"]
)  # fmt: skip


def _check(text: str, published: date | None) -> None:
    for m in find_dates(text, published):
        assert 0 <= m.start < m.end <= len(text)
        assert m.words == text[m.start : m.end]
        if m.date is not None and m.end_date is not None:
            assert m.date <= m.end_date
        if not m.year_known:
            assert m.date is None and m.end_date is None


@given(st.text(), st.none() | _DATES)
def test_never_raises_on_any_text(text: str, published: date | None) -> None:
    _check(text, published)


@given(st.lists(_PIECES, max_size=10).map(" ".join), st.none() | _DATES)
def test_spans_valid_on_date_like_text(text: str, published: date | None) -> None:
    _check(text, published)


@given(_DATES, st.integers(0, 6))
def test_weekday_is_latest_on_or_before_publication(published: date, weekday: int) -> None:
    resolved = resolve_weekday(weekday, published)
    assert resolved.weekday() == weekday
    assert 0 <= (published - resolved).days <= 6
    name = calendar.day_name[weekday]
    assert one(f"on {name}", published).date == resolved


@given(_DATES, st.integers(1, 12), st.integers(1, 28))
def test_day_month_is_latest_before_publication_plus_grace(published: date, month: int, day: int) -> None:
    found = one(f"{calendar.month_name[month]} {day}", published).date
    limit = published + timedelta(days=DATE_GRACE_DAYS)
    assert found is not None and (found.month, found.day) == (month, day)
    assert found <= limit
    assert date(found.year + 1, month, day) > limit


def test_a_pages_time_stamp_is_not_a_date_of_the_events() -> None:
    text = "Posted: Friday, January 31, 2014 10:21 AM EST\nThe shooting happened Wednesday night."
    assert [m.words for m in find_dates(text, date(2014, 1, 31))] == ["Wednesday"]
    assert [m.words for m in find_dates("It began on Jan. 2, 2014 at 10 p.m.", date(2014, 1, 31))] == ["Jan. 2, 2014"]


def test_a_weekday_the_text_dates_in_full_is_that_day_where_it_is_named_alone() -> None:
    # a follow-up published in August about a shooting on Monday, May 23
    text = "Police say Aryanna was shot Monday night. It happened around 11 p.m. Monday, May 23, at a home."
    found = find_dates(text, date(2016, 8, 10))
    assert [(m.words, m.date) for m in found] == [("Monday", date(2016, 5, 23)), ("Monday, May 23", date(2016, 5, 23))]
    # two Mondays dated in full leave the bare one to publication
    two = "Shot Monday. Charged Monday, June 6. Shot Monday, May 23."
    assert find_dates(two, date(2016, 8, 10))[0].date == date(2016, 8, 8)


def test_a_page_stamp_before_publication_is_when_the_text_was_written() -> None:
    # archived in August, written on Friday, Sept. 2: "Thursday" is the day before, not an August Thursday
    stamped = "Two men were shot Thursday. (Published Friday, Sept. 2, 2016)\nThe man was arrested Monday."
    assert [m.date for m in find_dates(stamped, date(2016, 10, 27))] == [date(2016, 9, 1), date(2016, 8, 29)]
    # a live story's update lines are stamps too, and a stamp without its year anchors nothing
    live = "Update (8:20 p.m. Sunday)\nOriginal story (11:45 p.m. Saturday)\nThree people were shot Saturday night."
    assert [m.words for m in find_dates(live, date(2016, 7, 17))] == ["Saturday"]
    assert find_dates("Update, 10:42 a.m. Monday: Police said more.", date(2017, 3, 26)) == []
    yearless = "UPDATE (Wednesday, April 5): A jury deadlocked. Four people were shot Sunday."
    assert find_dates(yearless, date(2016, 2, 29))[-1].date == date(2016, 2, 28)
    # a related story's stamp further down the page is its own
    related = "A man was shot Sunday." + " Details." * 150 + " Posted: Monday, May 2, 2016 2:20 PM EDT"
    assert find_dates(related, date(2016, 8, 10))[0].date == date(2016, 8, 7)


def test_a_possessive_day_after_from_is_that_day_not_a_period() -> None:
    mention = one("The death toll from Tuesday's air strike rose to 44.")
    assert (mention.date, mention.precision) == (d(12, 22), P.DAY)
    assert one("from Monday to Wednesday").precision is P.RANGE


def test_an_end_before_the_start_is_two_dates_not_a_period() -> None:
    found = find_dates("yesterday to Sunday", date(2000, 1, 1))  # a Saturday: Sunday is Dec. 26
    assert [(m.words, m.date, m.precision) for m in found] == [
        ("yesterday", date(1999, 12, 31), P.DAY),
        ("Sunday", date(1999, 12, 26), P.DAY),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("the girl was killed on New Year’s Eve", date(2016, 1, 18), date(2015, 12, 31)),
        ("shot on New Year's Day", date(2016, 1, 18), date(2016, 1, 1)),
        ("charged in the Christmas Eve shooting", date(2016, 2, 3), date(2015, 12, 24)),
        ("a Fourth of July party in Gary", date(2016, 7, 6), date(2016, 7, 4)),
        ("shot on Thanksgiving", date(2016, 12, 1), date(2016, 11, 24)),  # the fourth Thursday
        ("over the Memorial Day weekend", date(2015, 6, 2), date(2015, 5, 25)),  # the last Monday
        ("killed on Easter Sunday", date(2016, 4, 20), date(2016, 3, 27)),
        ("before Halloween night ended", date(2014, 11, 2), date(2014, 10, 31)),
        ("arrested for the Christmas Day 2014 shooting", date(2016, 3, 1), date(2014, 12, 25)),
        ("the New Year's Eve shooting", date(2016, 12, 31), date(2016, 12, 31)),  # not yet last year's
    ],
)
def test_holidays_are_their_day_of_the_latest_year_up_to_publication(
    text: str, published: date, expected: date
) -> None:
    found = one(text, published)
    assert (found.date, found.end_date, found.precision) == (expected, expected, P.DAY)


@pytest.mark.parametrize(
    "text", ["Christmas presents", "Thanksgiving dinner plans", "an Easter egg hunt", "a Halloween costume"]
)
def test_a_bare_festival_name_is_a_day_only_after_on_or_before_a_time_of_day(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_a_holiday_without_publication_date_keeps_a_fixed_day_and_drops_a_moving_one() -> None:
    eve = one("killed on New Year's Eve", None)
    assert (eve.date, eve.month, eve.day, eve.precision, eve.year_known) == (None, 12, 31, P.DAY_MONTH, False)
    assert find_dates("shot on Thanksgiving", None) == []


def test_days_after_count_back_from_the_day_named_before_them() -> None:
    published = date(2013, 2, 13)  # a Wednesday
    text = "The courthouse remained closed Wednesday, two days after a gunman killed two people."
    assert [(m.words, m.date) for m in find_dates(text, published)] == [
        ("Wednesday", date(2013, 2, 13)),
        ("two days after", date(2013, 2, 11)),
    ]
    # without a day before them in the sentence they count from an unknown moment: no date
    lead = "Four days after three men were wounded by gunfire, police got tips. It rained on Monday."
    assert [m.words for m in find_dates(lead, published)] == ["Monday"]
    apart = "He was hurt on Monday. A day after the shooting, police spoke."
    assert [m.words for m in find_dates(apart, published)] == ["Monday"]


def test_a_day_counted_from_the_page_is_told_apart_from_a_day_named() -> None:
    text = "Shot this morning, two days ago, last night, Sunday, on March 1 and Friday evening."
    counted = {m.words: counted_from_publication(m) for m in find_dates(text, date(2015, 3, 4))}
    assert counted == {
        "this morning": True,
        "two days ago": True,
        "last night": True,
        "Sunday": False,
        "March 1": False,
        "Friday": False,
    }
