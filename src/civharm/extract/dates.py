"""Date mentions in report text, resolved against the report's publication date.

News copy rarely writes full dates: "on Sunday", "yesterday", "Sept. 30", "last week".
Each is only meaningful against the day the report was published, so every mention
carries what the phrase itself says (month, day, weekday) and, when a publication
date is known, the resolved calendar dates plus a precision (day, week, month,
year, range). A year is never taken from anywhere but the phrase or ``published``.

Every mention covers the closed interval ``[date, end_date]``: for a single day both
are that day; for "December 2015" they are Dec 1 and Dec 31; for "up to Nov. 29" only
``end_date`` is set; for "since Sept. 30" ``end_date`` is the publication date.
When the year cannot be known (no publication date) both are ``None``, ``year_known``
is ``False`` and ``month``/``day``/``weekday`` keep what the words say.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from civharm.extract.holidays import BARE_HOLIDAYS, HOLIDAYS, holiday_day, latest_on_or_before
from civharm.records import DatePrecision

# A day+month without a year resolves to the latest such date not after publication
# plus this many days. Two days absorbs time-zone shifts and publication dates taken
# from the capture day rather than the story's dateline, without turning "Dec. 30" in
# a Jan. 2 article into next December.
DATE_GRACE_DAYS = 2

# Years accepted in "in 2011", "Dec 2015", "2015-12-23": modern reporting only, so that
# "in 1,200 homes" or "in 300" never becomes a year.
YEAR_MIN = 1900
YEAR_MAX = 2099

# How far back (in years) to look for a valid day+month: 8 covers Feb. 29.
_YEAR_SEARCH_SPAN = 8

MONTH_NAMES: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAY_NAMES: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip


def word_alternation(words: list[str], forms: tuple[Callable[[str], str], ...] = (str.capitalize, str.upper)) -> str:
    """A regex matching any of ``words`` written in one of ``forms``, shared by prefix as a trie.

    ``re`` tries alternatives one by one; "t(?:en|wo|...)" fails at the first letter instead, and
    explicit case forms instead of IGNORECASE let it skip non-matching positions fast. A space in a
    word matches any run of whitespace. The default forms (Title, UPPER) make "May" a month and
    "may" a verb.
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in {form(w) for w in words for form in forms}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_ANY_CASE = (str.lower, str.capitalize, str.upper)
_NOT_AFTER_LETTER = r"(?<![A-Za-z])"

_FULL_MONTHS = [m for m in MONTH_NAMES if len(m) > 4 or m in ("may", "june", "july")]
_FULL_MONTH_PATTERN = rf"(?:{word_alternation(_FULL_MONTHS)})\b"
_MONTH_ABBREVIATIONS = [m for m in MONTH_NAMES if m not in _FULL_MONTHS]

MONTH_PATTERN = rf"(?:{_FULL_MONTH_PATTERN}|(?:{word_alternation(_MONTH_ABBREVIATIONS)})\b\.?)"
"""A month name, or an abbreviation with an optional dot ("Sept."), Title or UPPER case."""
_WEEKDAY_PATTERN = rf"(?:{word_alternation(list(WEEKDAY_NAMES))})\b"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<y>(?:19|20)\d\d)\b"
_LEAD_WEEKDAY = rf"(?:(?P<lwd>{_WEEKDAY_PATTERN}),?\s+(?:the\s+)?)?"

_MONTH_DAY_RE = re.compile(
    rf"{_NOT_AFTER_LETTER}{_LEAD_WEEKDAY}(?P<m>{MONTH_PATTERN})\s+{_DAY}(?![:.]\d)(?:,?\s+{_YEAR})?(?![-/]\d)"
)
_DAY_MONTH_RE = re.compile(
    rf"(?<![\w-]){_LEAD_WEEKDAY}{_DAY}\s+(?:of\s+)?(?P<m>{MONTH_PATTERN})(?:,?\s+{_YEAR})?(?![-/]\d)"
)
_MONTH_YEAR_RE = re.compile(rf"{_NOT_AFTER_LETTER}(?P<m>{MONTH_PATTERN}),?\s+{_YEAR}(?![-/]\d)")
_PERIOD_LEAD = word_alternation(
    ["in", "during", "since", "until", "till", "through", "throughout", "early", "late", "mid",
     "the start of", "the end of", "the middle of", "the beginning of", "start of", "end of", "middle of",
     "beginning of"],
    _ANY_CASE,
)  # fmt: skip
_MONTH_ALONE_RE = re.compile(rf"{_NOT_AFTER_LETTER}{_PERIOD_LEAD}(?:\s+|-)(?P<m>{_FULL_MONTH_PATTERN})")
_YEAR_ALONE_RE = re.compile(rf"{_NOT_AFTER_LETTER}{_PERIOD_LEAD}(?:\s+|-){_YEAR}(?![-/,.]\d)")
_ISO_RE = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")
_SLASH_RE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
# Patterns that start with a plain word alternation let ``re`` skip ahead fast; the word
# boundary before them is checked in Python (``_starts_word``).
_WEEKDAY_RE = re.compile(rf"(?P<wd>{_WEEKDAY_PATTERN})")
_LAST_BEFORE_RE = re.compile(r"(?i)\blast\s+$")


def _title(words: str) -> str:
    return " ".join(w if w == "of" else w[:1].upper() + w[1:] for w in words.split())


# "New Year's Eve", "the Fourth of July", "Christmas Day 2015"; a bare "Christmas" only as a day:
# "on Christmas", "Christmas night" (``_holiday_point``).
_HOLIDAY_RE = re.compile(
    "(?P<h>" + word_alternation([*HOLIDAYS, *BARE_HOLIDAYS], (_title, str.upper)).replace("'", "['’]") + ")"
    rf"(?![\w'’])(?:,?\s+{_YEAR})?"
)
_ON_BEFORE_RE = re.compile(r"(?i)\b(?:on|this past|last)\s+$")
_TIME_OF_DAY_AFTER = re.compile(r"(?i)\s+(?:night|morning|evening|afternoon)\b")

_SMALL_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_DAYS_AGO_RE = re.compile(
    rf"(?:(?P<d>\d{{1,2}})|(?P<w>{word_alternation(list(_SMALL_NUMBERS), _ANY_CASE)}))\s+(?i:days?\s+ago)\b"
)
# "closed Wednesday, two days after a gunman killed two people": the days before the day named just before
# in the sentence. Without such a day the phrase is not read: "Four days after three men were wounded"
# counts from when the words were written, which a page's date often is not.
_DAYS_AFTER_RE = re.compile(
    rf"(?:(?P<d>\d{{1,2}})|(?P<w>{word_alternation(list(_SMALL_NUMBERS), _ANY_CASE)}))\s+(?i:days?\s+after)\b"
)
_ANCHOR_CHARS = 60
_SENTENCE_STOP = re.compile(r"[.!?;\n]\s")
# Relative phrases -> (kind, offset). Kinds: "day" (published + offset days), "week",
# "week_to_date", "month", "month_to_date", "year", "year_to_date" (offset in those units).
_RELATIVE: dict[str, tuple[str, int]] = {
    "the day before yesterday": ("day", -2),
    "yesterday": ("day", -1),
    "last night": ("day", -1),
    **dict.fromkeys(["today", "tonight", "this morning", "this afternoon", "this evening"], ("day", 0)),
    "last week": ("week", -1),
    **dict.fromkeys(["this week", "earlier this week"], ("week_to_date", 0)),
    "last month": ("month", -1),
    **dict.fromkeys(["this month", "earlier this month"], ("month_to_date", 0)),
    "last year": ("year", -1),
    **dict.fromkeys(["this year", "earlier this year"], ("year_to_date", 0)),
}
_RELATIVE_RE = re.compile(rf"{_NOT_AFTER_LETTER}{word_alternation(list(_RELATIVE), _ANY_CASE)}(?![A-Za-z])")

# Range connectors, looked for around point mentions.
_BETWEEN_BEFORE_RE = re.compile(r"(?i)\bbetween\s+$")
_FROM_BEFORE_RE = re.compile(r"(?i)\bfrom\s+$")
_SINCE_BEFORE_RE = re.compile(r"(?i)\b(?:since|starting|beginning)\s+(?:on\s+)?$")
_UNTIL_BEFORE_RE = re.compile(r"(?i)\b(?:up\s+(?:to|until|till)|until|till|through)\s+$")
# "between Sunday and early Monday", "from Sunday to late Monday": the time of day before the end
_AND_BETWEEN_RE = re.compile(r"(?i)\s+and\s+(?:early\s+|late\s+)?")
_TO_BETWEEN_RE = re.compile(r"(?i)\s*(?:-|–|—|\s(?:to|until|till|through)\s)\s*(?:early\s+|late\s+)?")
_LOOKBACK_CHARS = 32
# A page's time stamp: "Posted: Friday, May 29, 2015 2:20 PM EDT", "Updated: 6:31 PM EST, Feb 21, 2014".
# A live story's update lines: "Update (8:20 p.m. Sunday)", "Original story (11:45 p.m. Saturday)".
_STAMP_BEFORE = re.compile(
    r"(?i)\b(?:posted|updated|published|last modified)(?:\s+on)?:?\s+(?:\w+,?\s+)?$"
    r"|\b(?:update|updated|original story)\s*[(,:]\s*(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?:?\s*)?$"
)
_CLOCK_AFTER = re.compile(r",?\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)")
STAMP_CHARS = 1000
_STAMP_YEAR = re.compile(r"\b\d{4}\b")
_STAMP_WORD = re.compile(r"(?i)\b(?:posted|updated?|published|last modified|original story)\b")


@dataclass(frozen=True)
class DateMention:
    """A date phrase at ``text[start:end]`` and the interval ``[date, end_date]`` it names.

    ``month``/``day``/``weekday`` (0 = Monday) keep what the words said, so a mention whose
    year is unknown can still be resolved later; ``end_month``/``end_day`` do the same for
    the end of a range.
    """

    start: int
    end: int
    words: str
    date: dt.date | None
    end_date: dt.date | None
    precision: DatePrecision
    year_known: bool
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class _Point:
    """A date phrase before ranges are formed; ``inferred_year``: its year was taken from ``published``."""

    mention: DateMention
    inferred_year: bool = False


def counted_from_publication(mention: DateMention) -> bool:
    """Whether the mention names its day only by the page's date ("today", "last night", "two days ago").

    A page's date is often a day later than the words were written (a story filed at night, a page
    updated the next morning), so such a day is weaker than one the words name ("Sunday", "March 3").
    """
    words = " ".join(mention.words.split())
    return _RELATIVE_RE.fullmatch(words) is not None or _DAYS_AGO_RE.fullmatch(words) is not None


def resolve_weekday(weekday: int, published: date) -> date:
    """The latest ``weekday`` (0 = Monday) on or before ``published``.

    "on Monday" in a Monday article is that day; "on Sunday" in a Monday article is yesterday.
    """
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def resolve_day_month(month: int, day: int, published: date) -> date | None:
    """The latest valid ``month``/``day`` up to ``published`` + ``DATE_GRACE_DAYS`` (None: no such day)."""
    limit = published + timedelta(days=DATE_GRACE_DAYS)
    for year in range(limit.year, limit.year - _YEAR_SEARCH_SPAN - 1, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return candidate
    return None


def _starts_word(text: str, offset: int) -> bool:
    """No letter or digit right before ``offset``."""
    return offset == 0 or not text[offset - 1].isalnum()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_number(word: str) -> int:
    return MONTH_NAMES[word.rstrip(".").lower()]


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date phrase in ``text``, resolved against ``published`` when it is known.

    Point mentions are found first (overlaps keep the longest, then the earliest), then
    "between A and B", "from A to B", "A to B", "since A" and "up to A" are formed from them.
    """
    published = _first_stamp(text, published)
    points = _anchored_weekdays(text, _non_overlapping(_find_points(text, published), len(text)))
    points = _days_after(text, points)
    return [m for m in _combine_ranges(text, points, published) if not _is_stamp(text, m)]


def _days_after(text: str, points: list[_Point]) -> list[_Point]:
    """Points for "N days after": the day N days before the day named just before in the sentence
    (``_DAYS_AFTER_RE``)."""
    found = []
    for m in _DAYS_AFTER_RE.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        anchors = [
            p.mention.date
            for p in points
            if p.mention.precision is DatePrecision.DAY
            and p.mention.date is not None
            and 0 <= m.start() - p.mention.end <= _ANCHOR_CHARS
            and not _SENTENCE_STOP.search(text, p.mention.end, m.start())
        ]
        if anchors:
            days = int(m["d"]) if m["d"] else _SMALL_NUMBERS[m["w"].lower()]
            found.append(_relative_point(text, m.start(), m.end(), ("day", -days), anchors[-1]))
    if not found:
        return points
    return sorted([*points, *found], key=lambda p: p.mention.start)


def _first_stamp(text: str, published: date | None) -> date | None:
    """The day the text was first published, by its own stamp ("Published Friday, Sept. 2, 2016"), when
    that is before ``published``: a page fetched or archived weeks later still says "Thursday" of the
    week it was written in. Only the page's head is read: a related story further down has its own."""
    if published is None or not _STAMP_WORD.search(text):
        return published
    stamps = [
        day
        for p in _non_overlapping(_find_points(text[:STAMP_CHARS], published), STAMP_CHARS)
        if (day := p.mention.date) is not None and _STAMP_YEAR.search(p.mention.words) and _is_stamp(text, p.mention)
    ]
    return min([published, *stamps])


_BARE_WEEKDAY = re.compile(rf"(?i)(?:last\s+)?{_WEEKDAY_PATTERN}")


def _anchored_weekdays(text: str, points: list[_Point]) -> list[_Point]:
    """A weekday the text also dates in full ("around 11 p.m. Monday, May 23") is that day wherever it is
    named alone: a follow-up published weeks later still tells of that Monday, not the latest one."""
    full: dict[int, set[date]] = {}
    for p in points:
        m = p.mention
        dated = m.weekday is not None and m.date is not None and m.year_known and m.date.weekday() == m.weekday
        if dated and m.date is not None and not _BARE_WEEKDAY.fullmatch(m.words) and not _is_stamp(text, m):
            full.setdefault(m.date.weekday(), set()).add(m.date)
    out = []
    for p in points:
        m = p.mention
        days = full.get(m.weekday) if m.weekday is not None else None
        if days and len(days) == 1 and m.date is not None and _BARE_WEEKDAY.fullmatch(m.words):
            [day] = days
            if day < m.date:
                p = replace(p, mention=replace(m, date=day, end_date=day, month=day.month, day=day.day))
        out.append(p)
    return out


def _is_stamp(text: str, mention: DateMention) -> bool:
    """A web page's own time stamp ("Posted: Friday, January 31, 2014 10:21 AM EST") dates the page,
    not anything the page reports."""
    if _STAMP_BEFORE.search(text, max(0, mention.start - _LOOKBACK_CHARS), mention.start):
        return True
    return mention.year_known and _CLOCK_AFTER.match(text, mention.end) is not None and mention.words[-4:].isdigit()


def _find_points(text: str, published: date | None) -> list[_Point]:
    points: list[_Point] = []
    for regex in (_MONTH_DAY_RE, _DAY_MONTH_RE):
        for m in regex.finditer(text):
            point = _day_month_point(text, m, published)
            if point is not None:
                points.append(point)
    for m in _MONTH_YEAR_RE.finditer(text):
        month, year = _month_number(m["m"]), int(m["y"])
        points.append(_month_point(text, m.start(), m.end(), month, year, inferred=False))
    for m in _MONTH_ALONE_RE.finditer(text):
        points.append(_month_alone_point(text, m, published))
    for m in _YEAR_ALONE_RE.finditer(text):
        year = int(m["y"])
        start, end = m.start("y"), m.end("y")
        mention = DateMention(
            start, end, text[start:end], date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, True
        )
        points.append(_Point(mention))
    for m in _ISO_RE.finditer(text):
        _append_full_date(points, text, m, int(m["y"]), int(m["m"]), int(m["d"]))
    for m in _SLASH_RE.finditer(text):
        month_day = _slash_month_day(int(m["a"]), int(m["b"]))
        if month_day is not None:
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
            _append_full_date(points, text, m, year, *month_day)
    for m in _WEEKDAY_RE.finditer(text):
        if _starts_word(text, m.start()):
            points.append(_weekday_point(text, m, published))
    for m in _DAYS_AGO_RE.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        days = int(m["d"]) if m["d"] else _SMALL_NUMBERS[m["w"].lower()]
        points.append(_relative_point(text, m.start(), m.end(), ("day", -days), published))
    for m in _RELATIVE_RE.finditer(text):
        rule = _RELATIVE[" ".join(m.group().lower().split())]
        points.append(_relative_point(text, m.start(), m.end(), rule, published))
    for m in _HOLIDAY_RE.finditer(text):
        holiday = _holiday_point(text, m, published)
        if holiday is not None:
            points.append(holiday)
    return points


def _slash_month_day(a: int, b: int) -> tuple[int, int] | None:
    """(month, day) of "a/b/yyyy": US month/day unless only day/month is possible; None when ambiguous."""
    if a == b or (a <= 12 < b):
        return a, b
    if b <= 12 < a:
        return b, a
    return None


def _append_full_date(points: list[_Point], text: str, m: re.Match[str], year: int, month: int, day: int) -> None:
    """A fully written date (ISO or slashed); impossible dates and out-of-range years are skipped."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        return
    when = _safe_date(year, month, day)
    if when is None:
        return
    mention = DateMention(m.start(), m.end(), m.group(), when, when, DatePrecision.DAY, True, month=month, day=day)
    points.append(_Point(mention))


def _day_month_point(text: str, m: re.Match[str], published: date | None) -> _Point | None:
    """ "Sept. 30", "30 September 2015", "Nov. 29": a day; its year from the phrase or ``published``."""
    month, day = _month_number(m["m"]), int(m["d"])
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: only impossible days fail
        return None
    start, end = m.start(), m.end()
    weekday = WEEKDAY_NAMES[m["lwd"].lower()] if m["lwd"] else None
    if m["y"]:
        when = _safe_date(int(m["y"]), month, day)
        if when is None:
            return None
        mention = DateMention(start, end, text[start:end], when, when, DatePrecision.DAY, True, month, day)
        return _Point(replace(mention, weekday=weekday))
    if published is None:
        mention = DateMention(start, end, text[start:end], None, None, DatePrecision.DAY_MONTH, False, month, day)
        return _Point(replace(mention, weekday=weekday))
    when = resolve_day_month(month, day, published)
    if when is None:
        return None
    mention = DateMention(start, end, text[start:end], when, when, DatePrecision.DAY, True, month, day)
    return _Point(replace(mention, weekday=weekday), inferred_year=True)


def _holiday_point(text: str, m: re.Match[str], published: date | None) -> _Point | None:
    """ "on New Year's Eve", "the Christmas Day 2015 shooting": the holiday's day in the year the phrase
    gives, else the latest one up to publication (+ grace). A bare festival name ("Christmas") is a day
    only after "on" or before a time of day; without a year or a publication date, a holiday whose day
    moves from year to year (Thanksgiving) dates nothing."""
    if not _starts_word(text, m.start()):
        return None
    found = holiday_day(m["h"])
    if found is None:
        return None
    rule, bare = found
    if bare and not (
        _ON_BEFORE_RE.search(text, max(0, m.start() - _LOOKBACK_CHARS), m.start())
        or _TIME_OF_DAY_AFTER.match(text, m.end("h"))
    ):
        return None
    start, end = m.start(), m.end()
    if m["y"]:
        when = rule(int(m["y"]))
        return _Point(
            DateMention(start, end, text[start:end], when, when, DatePrecision.DAY, True, when.month, when.day)
        )
    if published is None:
        day = rule(2015)
        if rule(2016) != day.replace(year=2016):  # a day that moves from year to year (Thanksgiving)
            return None
        mention = DateMention(
            start, end, text[start:end], None, None, DatePrecision.DAY_MONTH, False, day.month, day.day
        )
        return _Point(mention)
    when = latest_on_or_before(rule, published + timedelta(days=DATE_GRACE_DAYS))
    mention = DateMention(start, end, text[start:end], when, when, DatePrecision.DAY, True, when.month, when.day)
    return _Point(mention, inferred_year=True)


def _month_point(text: str, start: int, end: int, month: int, year: int, *, inferred: bool) -> _Point:
    mention = DateMention(
        start,
        end,
        text[start:end],
        date(year, month, 1),
        _month_end(year, month),
        DatePrecision.MONTH,
        True,
        month=month,
    )
    return _Point(mention, inferred_year=inferred)


def _month_alone_point(text: str, m: re.Match[str], published: date | None) -> _Point:
    """ "in May": the latest such month starting on or before publication (+ grace)."""
    month = _month_number(m["m"])
    start, end = m.start("m"), m.end("m")
    if published is None:
        mention = DateMention(start, end, text[start:end], None, None, DatePrecision.MONTH, False, month)
        return _Point(mention)
    limit = published + timedelta(days=DATE_GRACE_DAYS)
    year = limit.year if month <= limit.month else limit.year - 1
    return _month_point(text, start, end, month, year, inferred=True)


def _weekday_point(text: str, m: re.Match[str], published: date | None) -> _Point:
    """ "on Sunday" -> the latest Sunday on or before publication; "last Sunday" -> strictly before it."""
    weekday = WEEKDAY_NAMES[m["wd"].lower()]
    start, end = m.start(), m.end()
    last = _LAST_BEFORE_RE.search(text, max(0, start - _LOOKBACK_CHARS), start)
    if last is not None:
        start = last.start()
    if published is None:
        mention = DateMention(start, end, text[start:end], None, None, DatePrecision.DAY, False, weekday=weekday)
        return _Point(mention)
    anchor = published - timedelta(days=1) if last is not None else published
    when = resolve_weekday(weekday, anchor)
    mention = DateMention(
        start,
        end,
        text[start:end],
        when,
        when,
        DatePrecision.DAY,
        True,
        when.month,
        when.day,
        weekday=weekday,
    )
    return _Point(mention)


def _relative_point(text: str, start: int, end: int, rule: tuple[str, int], published: date | None) -> _Point:
    """ "yesterday", "last week", "earlier this month", "3 days ago" resolved against ``published``."""
    kind, offset = rule
    precision = {
        "day": DatePrecision.DAY,
        "week": DatePrecision.WEEK,
        "week_to_date": DatePrecision.WEEK,
        "month": DatePrecision.MONTH,
        "month_to_date": DatePrecision.MONTH,
    }.get(kind, DatePrecision.YEAR)
    words = text[start:end]
    if published is None:
        return _Point(DateMention(start, end, words, None, None, precision, False))
    first, last = _relative_interval(kind, offset, published)
    day = first.day if precision is DatePrecision.DAY else None
    month = first.month if precision in (DatePrecision.DAY, DatePrecision.MONTH) else None
    return _Point(DateMention(start, end, words, first, last, precision, True, month, day))


def _relative_interval(kind: str, offset: int, published: date) -> tuple[date, date]:
    if kind == "day":
        when = published + timedelta(days=offset)
        return when, when
    if kind in ("week", "week_to_date"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday, (published if kind == "week_to_date" else monday + timedelta(days=6))
    if kind in ("month", "month_to_date"):
        index = published.year * 12 + published.month - 1 + offset
        year, month = divmod(index, 12)
        first = date(year, month + 1, 1)
        return first, (published if kind == "month_to_date" else _month_end(year, month + 1))
    year = published.year + offset
    return date(year, 1, 1), (published if kind == "year_to_date" else date(year, 12, 31))


def _non_overlapping(points: list[_Point], length: int) -> list[_Point]:
    """Keep the longest of overlapping mentions (earliest on ties), in text order.

    A map of taken characters keeps this linear in the text, however many mentions there are.
    """
    ordered = sorted(points, key=lambda p: (-(p.mention.end - p.mention.start), p.mention.start))
    taken = bytearray(length)
    kept: list[_Point] = []
    for point in ordered:
        m = point.mention
        if taken.find(1, m.start, m.end) == -1:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            kept.append(point)
    return sorted(kept, key=lambda p: p.mention.start)


def _combine_ranges(text: str, points: list[_Point], published: date | None) -> list[DateMention]:
    """Turn "between A and B", "from A to B", "A to B", "since A", "up to A" into RANGE mentions."""
    out: list[DateMention] = []
    i = 0
    while i < len(points):
        a = points[i]
        start = a.mention.start
        window_start = max(0, start - _LOOKBACK_CHARS)
        between = _BETWEEN_BEFORE_RE.search(text, window_start, start)
        from_ = _FROM_BEFORE_RE.search(text, window_start, start)
        if text.startswith(("'s", "’s"), a.mention.end):
            from_ = None  # "the toll from Tuesday's strike": the strike's day, not a period from it
        b = points[i + 1] if i + 1 < len(points) else None
        if b is not None:
            gap = (a.mention.end, b.mention.start)
            joined_and = between is not None and _AND_BETWEEN_RE.fullmatch(text, *gap) is not None
            joined_to = between is None and _TO_BETWEEN_RE.fullmatch(text, *gap) is not None
            if joined_and or joined_to:
                lead = between or from_
                joined = _span_range(text, a, b, lead.start() if lead else start, published)
                if joined.date is None or joined.end_date is None or joined.date <= joined.end_date:
                    out.append(joined)
                    i += 2
                    continue
                # An end before the start ("yesterday to Sunday" read on a Saturday) names two days,
                # not a period: each stays a mention of its own.
        since = _SINCE_BEFORE_RE.search(text, window_start, start) or from_
        until = _UNTIL_BEFORE_RE.search(text, window_start, start)
        if since is not None:
            out.append(_open_range(text, a, since.start(), published))
        elif until is not None:
            out.append(_end_bound(text, a, until.start()))
        else:
            out.append(a.mention)
        i += 1
    return out


def _span_range(text: str, a: _Point, b: _Point, start: int, published: date | None) -> DateMention:
    """A RANGE from the start of ``a`` to the end of ``b``.

    "between Sept. 30 and Nov. 29" in an October article: the inferred start year moves back one.
    "from Sunday to early Monday" dated on the Sunday: each weekday alone is the latest on or before
    publication, the Monday a week before the Sunday; as a period the Monday is the one after it (a
    page's date can be a day early), or, when that is later still, the Sunday is the one before.
    """
    first, last = a.mention.date, b.mention.end_date
    if first is not None and last is not None and first > last and a.inferred_year:
        first = _safe_date(first.year - 1, first.month, first.day)
    if (
        first is not None
        and last is not None
        and first > last
        and a.mention.weekday is not None
        and b.mention.weekday is not None
        and published is not None
    ):
        week = timedelta(days=7)
        if last + week <= published + timedelta(days=1):
            last += week
        else:
            first -= week
    known = first is not None and last is not None
    end = b.mention.end
    return DateMention(
        start,
        end,
        text[start:end],
        first if known else None,
        last if known else None,
        DatePrecision.RANGE,
        known,
        a.mention.month,
        a.mention.day,
        b.mention.month,
        b.mention.day,
    )


def _open_range(text: str, a: _Point, start: int, published: date | None) -> DateMention:
    """ "since Sept. 30": from the start of the mention to publication (end unknown without it)."""
    m = a.mention
    # A "since" date after publication contradicts it: keep the start, leave the end unknown.
    end_date = published if m.date is not None and published is not None and published >= m.date else None
    return DateMention(
        start, m.end, text[start : m.end], m.date, end_date, DatePrecision.RANGE, m.year_known, m.month, m.day
    )


def _end_bound(text: str, a: _Point, start: int) -> DateMention:
    """ "up to Nov. 29": only the end of the period is known."""
    m = a.mention
    return DateMention(
        start,
        m.end,
        text[start : m.end],
        None,
        m.end_date,
        DatePrecision.RANGE,
        m.year_known,
        end_month=m.month,
        end_day=m.day,
    )
