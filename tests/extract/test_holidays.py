"""Holidays fall on their day: fixed days, nth weekdays, and Easter by the computus."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from civharm.extract.holidays import HOLIDAYS, easter, holiday_day, latest_on_or_before


@given(st.integers(1950, 2090))
def test_moving_holidays_fall_on_their_weekday_in_their_month(year: int) -> None:
    assert HOLIDAYS["thanksgiving day"](year).weekday() == 3 and 22 <= HOLIDAYS["thanksgiving day"](year).day <= 28
    assert HOLIDAYS["memorial day"](year).weekday() == 0 and HOLIDAYS["memorial day"](year).day >= 25
    assert HOLIDAYS["labor day"](year).weekday() == 0 and HOLIDAYS["labor day"](year).day <= 7
    sunday = easter(year)
    assert sunday.weekday() == 6 and date(year, 3, 22) <= sunday <= date(year, 4, 25)


def test_easter_on_known_years() -> None:
    assert [easter(y) for y in (2014, 2016, 2019, 2024)] == [
        date(2014, 4, 20),
        date(2016, 3, 27),
        date(2019, 4, 21),
        date(2024, 3, 31),
    ]


def test_names_are_read_whatever_the_apostrophe_and_case() -> None:
    assert holiday_day("NEW YEAR’S  EVE") == (HOLIDAYS["new year's eve"], False)
    found = holiday_day("Christmas")
    assert found is not None and found[1] and found[0](2015) == date(2015, 12, 25)
    assert holiday_day("Groundhog Day") is None


def test_latest_on_or_before_takes_last_years_day_until_this_years_has_come() -> None:
    assert latest_on_or_before(HOLIDAYS["christmas day"], date(2016, 12, 24)) == date(2015, 12, 25)
    assert latest_on_or_before(HOLIDAYS["christmas day"], date(2016, 12, 25)) == date(2016, 12, 25)
