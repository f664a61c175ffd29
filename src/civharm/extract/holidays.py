"""Named days that date an attack in news copy: "killed on New Year's Eve", "the Fourth of July shooting".

A report often names the day by its holiday instead of its date, most of all a follow-up story weeks
later ("charged in the Christmas Eve shooting"). Each name maps to the day it falls on in a given year:
fixed days by month and day, the others by their rule (Thanksgiving, the fourth Thursday of November)
or, for Easter, by the Gregorian computus. These are the US and Western holidays of the English-language
local news this reads; a day the table does not know is simply not a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    """The ``n``-th ``weekday`` (0 = Monday) of ``month``; n = -1 is the last."""

    def day(year: int) -> dt.date:
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)

    return day


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus, as Meeus gives it)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# The words, case-folded with straight apostrophes, and the day they name. Names that are a day by
# themselves ("New Year's Eve") are here; bare festival names that also name a season or an event
# ("Christmas", "Thanksgiving") are in BARE_HOLIDAYS, read as a day only after "on" or before a time of day.
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's eve": _fixed(12, 31),
    "new years eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "new years day": _fixed(1, 1),
    "christmas eve": _fixed(12, 24),
    "christmas day": _fixed(12, 25),
    "valentine's day": _fixed(2, 14),
    "fourth of july": _fixed(7, 4),
    "independence day": _fixed(7, 4),
    "veterans day": _fixed(11, 11),
    "thanksgiving day": _nth_weekday(11, 3, 4),
    "memorial day": _nth_weekday(5, 0, -1),
    "labor day": _nth_weekday(9, 0, 1),
    "mother's day": _nth_weekday(5, 6, 2),
    "father's day": _nth_weekday(6, 6, 3),
    "easter sunday": easter,
}
BARE_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": _fixed(12, 25),
    "thanksgiving": _nth_weekday(11, 3, 4),
    "halloween": _fixed(10, 31),
    "easter": easter,
}


def holiday_day(words: str) -> tuple[Callable[[int], dt.date], bool] | None:
    """The rule for a holiday's name as written ("New Year’s Eve") and whether it is a bare festival
    name (``BARE_HOLIDAYS``); None for other words."""
    key = " ".join(words.replace("’", "'").casefold().split())
    if key in HOLIDAYS:
        return HOLIDAYS[key], False
    return (BARE_HOLIDAYS[key], True) if key in BARE_HOLIDAYS else None


def latest_on_or_before(rule: Callable[[int], dt.date], limit: dt.date) -> dt.date:
    """The latest day ``rule`` gives that is not after ``limit``: this year's, or else last year's."""
    this_year = rule(limit.year)
    return this_year if this_year <= limit else rule(limit.year - 1)
