"""Full dates written out in page text."""

from __future__ import annotations

from datetime import date

import pytest

from civharm.capture.dates import find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted: Friday, January 31, 2014", date(2014, 1, 31)),
        ("Last Updated : Dec 16 2015 | 9:39 AM IST", date(2015, 12, 16)),
        ("Saturday, 10 October 2015 17:11", date(2015, 10, 10)),
        ("16 December, 2015", date(2015, 12, 16)),
        ("Oct. 1, 2015, image taken from video", date(2015, 10, 1)),
        ("Sept. 30, 2015", date(2015, 9, 30)),
        ("2015-12-23", date(2015, 12, 23)),
        ("20/03/2016", date(2016, 3, 20)),
        ("03/20/2016", date(2016, 3, 20)),
    ],
)
def test_full_dates(text: str, expected: date) -> None:
    assert [f.value for f in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "whatever news 2025 brings",
        "up to Nov. 29",
        "03/04/2016",
        "February 30, 2015",
        "May 5, 1066",
        "2015-13-01",
    ],
)
def test_partial_ambiguous_or_impossible_dates_are_not_dates(text: str) -> None:
    assert find_dates(text) == []
