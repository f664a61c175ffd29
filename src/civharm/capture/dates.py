"""Full calendar dates written out in page text ("Friday, January 31, 2014", "16 December, 2015").

Only complete dates (day, month and year) are recognised: a bare year ("whatever news 2025
brings") or a day without a year says nothing reliable about when a page was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# Publication dates before the web or far in the future are misreadings, not dates.
MIN_YEAR = 1990
MAX_YEAR = 2100

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_PATTERNS = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
)
# 20/03/2016 or 03/20/2016: read only when one field is over 12, so the order is not a guess.
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every full date in ``text``, in order of position."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _make(match.group("year"), match.group("month"), match.group("day"))
            if value and not _overlaps(match.span(), taken):
                found.append(FoundDate(value, match.start(), match.end()))
                taken.append(match.span())
    for match in _NUMERIC.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if a > 12 >= b:
            value = _make(match.group("year"), str(b), str(a))
        elif b > 12 >= a:
            value = _make(match.group("year"), str(a), str(b))
        else:
            value = None
        if value and not _overlaps(match.span(), taken):
            found.append(FoundDate(value, match.start(), match.end()))
            taken.append(match.span())
    return sorted(found, key=lambda f: f.start)


def _make(year: str, month: str, day: str) -> date | None:
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        value = date(int(year), month_number, int(day))
    except ValueError:
        return None
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)
