"""Number phrases in running text turned into honest ``min``/``max`` ranges.

A casualty figure is never just a number: "at least 44", "nearly 50", "dozens" and
"between 7 and 60" each say something different about what is known. This module finds
every number expression with its hedge and turns it into a range by the conventions of
DESIGN.md ("Ranges"), kept here as named constants so they can be read and changed.

Numbers that are not counts are left out: years ("in 2015", a bare "2011"), dates
("Nov. 29"), times ("10:21"), ordinals ("5th"), percentages, money, ages
("a 37-year-old", "aged 37", "his 12- and 10-year-old sons"), numbers glued to units ("5 km",
"three days", "a few blocks"), references ("Resolution 2254") and an emergency number dialled
("call 911"). Single-person words ("a woman") are the caller's job.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from civharm.extract.dates import MONTH_NAMES, MONTH_PATTERN, word_alternation

# --- Range conventions (DESIGN.md, "Ranges") -------------------------------------------

ABOUT_MARGIN = Fraction(1, 10)
""""about/around/some/approximately/roughly N" -> N -/+ 10 %, rounded half up (DESIGN.md)."""

NEARLY_MARGIN = Fraction(1, 10)
""""nearly/almost/close to N" -> N - 10 % (rounded half up) .. N - 1 (DESIGN.md)."""

UP_TO_MIN = 1
""""up to N", "as many as N" -> 1 .. N: a reported figure implies at least one (DESIGN.md)."""

VAGUE_MINIMA: dict[str, int] = {
    "tens": 20,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,  # not in DESIGN.md; same rule as "thousands" (two of the unit)
}
"""Plural number nouns -> their smallest honest reading (two of the unit), max open (DESIGN.md)."""

SEVERAL_MIN = 2
""""several", "a few", "a number of", "many" (and "numerous", "a handful of") -> 2 .. open (DESIGN.md)."""

# Words naming the unit that "several"/"a few" multiply: "several hundred" -> 200 .. open.
_SCALE_WORDS: dict[str, int] = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}

YEAR_LIKE_MIN = 1900
YEAR_LIKE_MAX = 2099
"""A bare four-digit number in this span with no hedge and no people noun after it is a year."""

# --- Number words -------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_BIG_SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ALL_WORDS = [*_UNITS, *_TEENS, *_TENS, "hundred", "dozen", *_BIG_SCALES]


class _Hedge(Enum):
    EXACT = "exact"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    UP_TO = "up to"
    FEWER_THAN = "fewer than"
    ABOUT = "about"
    NEARLY = "nearly"


# Hedge words in front of a number (compared lower-case, words separated by single spaces).
# "close to"/"just under" read like "nearly" (below N); "fewer than"/"less than" are not in
# DESIGN.md and read as 1 .. N-1, like "up to".
_HEDGE_PHRASES: dict[str, _Hedge] = {
    **dict.fromkeys(
        ["at least", "no fewer than", "no less than", "not fewer than", "not less than", "a minimum of"],
        _Hedge.AT_LEAST,
    ),
    **dict.fromkeys(
        ["more than", "over", "well over", "just over", "slightly over", "slightly more than",
         "well more than", "upwards of", "in excess of"],
        _Hedge.MORE_THAN,
    ),
    **dict.fromkeys(["up to", "as many as", "a maximum of"], _Hedge.UP_TO),
    **dict.fromkeys(["fewer than", "less than"], _Hedge.FEWER_THAN),
    **dict.fromkeys(
        ["about", "around", "some", "approximately", "approx.", "roughly", "an estimated", "estimated",
         "circa"],
        _Hedge.ABOUT,
    ),
    **dict.fromkeys(["nearly", "almost", "close to", "just under", "just short of"], _Hedge.NEARLY),
}  # fmt: skip
_RANGE_OPENERS = ("between", "from")
_MAX_PREFIX_WORDS = 3  # the longest hedge phrase, in words
_SUFFIX_RE = re.compile(
    r"(?i)(?P<least>\s+or\s+(?:more|above|over)\b|\+|-plus\b)|(?P<about>\s+or\s+so\b)"
    r"|(?P<fewer>\s+or\s+(?:fewer|less|under)\b)"
)

# The longest number in words ("nine hundred and ninety-nine thousand nine hundred and
# ninety-nine") has 10 words after the first; the cap keeps "one one one ..." linear.
_MAX_NUMBER_WORDS = 12
_WORD_ALT = "|".join(sorted(_ALL_WORDS, key=len, reverse=True))
_NUM = (
    r"\b(?P<half>half\s+a\s+(?:dozen|million|billion))\b"
    r"|\b(?P<vague>(?:tens|dozens|scores|hundreds|thousands|millions)(?:\s+of\s+(?:thousands|millions))?)\b"
    r"|\b(?P<few>(?:several|a\s+few|a\s+number\s+of|a\s+handful\s+of|many|numerous)"
    r"(?:\s+(?:dozen|hundred|thousand|million)s?\b)?)\b"
    r"|(?P<digits>{lookbehind}(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+)(?:\.\d+)?"
    r"(?:\s+(?:hundred|thousand|million|billion)\b)?)"
    rf"|(?P<words>(?:\ba\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?\b(?:{_WORD_ALT})\b"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_WORD_ALT})\b){{0,{_MAX_NUMBER_WORDS}}})"
)
# Digits glued to what is before them ("Su-24", "$5", "No.5", "10:21") are not counts; the
# second number of "30-40" is read with the range, without this guard.
_NUM_RE = re.compile("(?i)" + _NUM.replace("{lookbehind}", r"(?<![\w$£€¥#/:.,\-–—+])"))
_SECOND_NUM_RE = re.compile("(?i)" + _NUM.replace("{lookbehind}", ""))
_LEAD_WORDS = ["a", "half", "several", "many", "numerous", *VAGUE_MINIMA, *_ALL_WORDS]


# Where a number can start: a digit, or a lead word in lower, Title or UPPER case. Explicit case
# forms instead of IGNORECASE keep this scan, the bulk of the work, about five times faster.
_CANDIDATE_RE = re.compile(
    r"\d|(?<![A-Za-z])(?:" + word_alternation(_LEAD_WORDS, (str.lower, str.capitalize, str.upper)) + r")(?![A-Za-z])"
)
_TAIL_RE = re.compile(r"(?i)(?P<conn>\s*(?:-|–|—)\s*|\s+(?:to|or|and)\s+)")
_WORD_TOKEN_RE = re.compile(r"[A-Za-z]+")

# --- What makes a number not a count -------------------------------------------------------

_UNIT_WORDS = (
    r"km|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|cm|mm|kg|kgs|kilo(?:gram)?s?|grams?|tonnes?|tons?"
    r"|lbs?|feet|foot|ft|inch(?:es)?|yards?|blocks|hectares?|ha|acres?|sq|square|degrees?|mph|kph|km/h|knots?"
    r"|lit(?:er|re)s?|gallons?|barrels?|times|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|yrs?|y/o|yo|counts?"
    r"|months?|years?|decades?|centuries|dollars?|euros?|pounds?|usd|eur|gbp|rupees?|riyals?|liras?|lira"
    r"|roubles?|rubles?|yuan|dinars?|percent|per\s+cent|percentage|pc|a\.m\.|p\.m\.|am|pm|gmt|utc|o'clock"
)
# "his 12- and 10-year-old sons": a suspended hyphen carries the unit of the number after it.
_AFTER_NOT_COUNT_RE = re.compile(
    rf"(?i)(?:\s*(?:%|‰)|\s*(?:{_UNIT_WORDS})(?![\w'])|-[A-Za-z]|-\s+(?:and|or|to)\b|[A-Za-z]|[:/,.]\d)"
)
# The word right before a number that makes it money, an age or a reference ("Resolution 2254").
_NOT_COUNT_WORDS_BEFORE = frozenset(
    {"$", "£", "€", "¥", "us$", "usd", "eur", "gbp", "rs", "rs.", "aged", "age", "resolution", "article",
     "no.", "nr.", "number", "chapter", "section", "page", "route", "highway", "flight", "brigade",
     "division", "battalion", "paragraph", "protocol", "phase", "room", "block", "unit", "platform", "gate",
     "grade", "level"}
)  # fmt: skip
# A bare year-like number is still a count when one of these follows it ("2000 people").
_PEOPLE_AFTER_RE = re.compile(
    r"(?i)\s+(?:people|persons|civilians|dead|killed|injured|wounded|casualties|deaths|victims|bodies"
    r"|children|women|men|fighters|soldiers|troops|militants|combatants|residents|refugees|families"
    r"|others|more)\b"
)
# The emergency number is dialled, not counted: "Call 911 for multiple people shot", "a 911 call".
_EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})
_DIALLED_BEFORE = frozenset({"call", "called", "calling", "calls", "dial", "dialed", "dialled", "dialing", "a", "the"})
_EMERGENCY_AFTER_RE = re.compile(
    r"(?i)\s+(?:calls?|callers?|dispatch\w*|operators?|centers?|centres?|system|tapes?|recordings?)\b"
)
_ONE_NOT_COUNT_BEFORE = frozenset({"no", "the", "this", "that", "any", "every", "each", "which"})
_ONE_NOT_COUNT_AFTER_RE = re.compile(r"(?i)\s+(?:another|hand)\b")
_MANY_NOT_COUNT_BEFORE = frozenset({"how", "as"})
_MANY_NOT_COUNT_AFTER_RE = re.compile(r"(?i)\s+as\b")
# "rose from 40 to 44" is a change, not a range.
_CHANGE_BEFORE_FROM_RE = re.compile(
    r"(?i)\b(?:rose|risen|rising|rises|climbed|climbing|increased|increasing|jumped|grew|grown|doubled"
    r"|surged|soared|raised|raising|revised|fell|fallen|dropped|dropping|decreased|lowered|up|down)\b[^.!?]{0,30}$"
)
# Day-month dates: "Nov. 29", "Sunday, Sept. 30", "30 September", "29th of November".
_LIST_MARKER_AFTER_RE = re.compile(r"[.)](?:\s|$)")
_MONTH_AFTER_RE = re.compile(rf"\s+(?:of\s+)?{MONTH_PATTERN}")
_BEFORE_WINDOW = 48  # characters read back for the words before a number: > three long words
_OPENING_PUNCTUATION = "([{\"'“‘«"  # stripped from the front of a word: "(at least 44)"


@dataclass(frozen=True)
class Quantity:
    """A number phrase at ``text[start:end]`` (``words``) read as ``min`` .. ``max`` (None = open)."""

    min: int
    max: int | None
    start: int
    end: int
    words: str


@dataclass(frozen=True)
class _Atom:
    """One number expression without its hedge: an exact ``value`` or a vague minimum."""

    start: int
    end: int
    value: int
    vague: bool = False
    year_like: bool = False


def _round_half_up(x: Fraction) -> int:
    return math.floor(x + Fraction(1, 2))


def _hedged(hedge: _Hedge, n: int) -> tuple[int, int | None]:
    """The DESIGN.md range for an exact number ``n`` under ``hedge``."""
    if hedge is _Hedge.AT_LEAST:
        return n, None
    if hedge is _Hedge.MORE_THAN:
        return n + 1, None
    if hedge is _Hedge.UP_TO:
        return min(UP_TO_MIN, n), n
    if hedge is _Hedge.FEWER_THAN:
        top = max(n - 1, 0)
        return min(UP_TO_MIN, top), top
    if hedge is _Hedge.ABOUT:
        return _round_half_up(n * (1 - ABOUT_MARGIN)), _round_half_up(n * (1 + ABOUT_MARGIN))
    if hedge is _Hedge.NEARLY:
        top = max(n - 1, 0)
        return min(_round_half_up(n * (1 - NEARLY_MARGIN)), top), top
    return n, n


def _parse_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Value and end offset of the longest well-formed number-word phrase at ``text[start:end]``.

    Grammar: [a] (unit|teen|tens[-unit]) [hundred] [and ...] [thousand|million ...] | N dozen.
    Parsing stops at the first token that does not fit ("one two" -> "one").
    """
    total, current, last, last_scale, consumed_end = 0, 0, "", 10**12, start
    pending_and = False
    for tok in _WORD_TOKEN_RE.finditer(text, start, end):
        word = tok.group().lower()
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            pending_and = True
            continue
        if word == "a" and last == "":
            current, last = 1, "a"
        elif word in _UNITS and (last in ("", "hundred", "scale") or (last == "tens" and not pending_and)):
            if word == "zero" and last != "":
                break
            current += _UNITS[word]
            last = "zero" if word == "zero" else "unit"
        elif word in _TEENS and last in ("", "hundred", "scale"):
            current, last = current + _TEENS[word], "teen"
        elif word in _TENS and last in ("", "hundred", "scale"):
            current, last = current + _TENS[word], "tens"
        elif word == "hundred" and last in ("a", "unit", "teen", "tens") and 0 < current < 100:
            current, last = current * 100, "hundred"
        elif word in _BIG_SCALES and last in ("a", "unit", "teen", "tens", "hundred"):
            if _BIG_SCALES[word] >= last_scale:
                break
            total, current, last = total + current * _BIG_SCALES[word], 0, "scale"
            last_scale = _BIG_SCALES[word]
        elif word == "dozen" and last in ("a", "unit", "teen", "tens") and total == 0:
            current, last = current * 12, "dozen"
            consumed_end = tok.end()
            break
        else:
            break
        pending_and = False
        consumed_end = tok.end()
    if last in ("", "a") or consumed_end == start:
        return None
    return total + current, consumed_end


def _atom(text: str, m: re.Match[str]) -> _Atom | None:
    """Read one ``_NUM_RE`` match; None when it is not a number after all."""
    if m["half"]:
        scale = {"dozen": 12, "million": 1_000_000, "billion": 1_000_000_000}[m["half"].split()[-1].lower()]
        return _Atom(m.start(), m.end(), scale // 2)
    if m["vague"]:
        words = m["vague"].lower().split()
        value = VAGUE_MINIMA[words[0]] * (_SCALE_WORDS[words[-1].rstrip("s")] if len(words) > 1 else 1)
        return _Atom(m.start(), m.end(), value, vague=True)
    if m["few"]:
        words = m["few"].lower().split()
        scale = _SCALE_WORDS.get(words[-1].rstrip("s"), 1)
        return _Atom(m.start(), m.end(), SEVERAL_MIN * scale, vague=True)
    if m["digits"]:
        return _digits_atom(m)
    parsed = _parse_words(text, m.start(), m.end())
    if parsed is None:
        return None
    return _Atom(m.start(), parsed[1], parsed[0])


def _digits_atom(m: re.Match[str]) -> _Atom | None:
    parts = m["digits"].split()
    number, scale_word = parts[0], (parts[-1] if len(parts) > 1 else "")
    plain = number.replace(",", "")
    scale = {"hundred": 100, **_BIG_SCALES}.get(scale_word.lower(), 1)
    if "." in plain and scale == 1:
        return None  # "6.5" without "million" is a measurement, not a count
    value = int(Decimal(plain) * scale)
    bare_four_digits = scale == 1 and "," not in number and len(plain) == 4
    year_like = bare_four_digits and YEAR_LIKE_MIN <= value <= YEAR_LIKE_MAX
    return _Atom(m.start(), m.end(), value, year_like=year_like)


def _next_atom(text: str, pos: int) -> tuple[_Atom | None, int] | None:
    """The next number match at or after ``pos``: its atom (None if unreadable) and where to resume.

    ``_CANDIDATE_RE`` (a digit or a word that can start a number) finds where to try the full
    pattern: several times faster than searching with ``_NUM_RE`` at every character.
    """
    while (candidate := _CANDIDATE_RE.search(text, pos)) is not None:
        m = _NUM_RE.match(text, candidate.start())
        if m is None:
            pos = candidate.end()
            continue
        atom = _atom(text, m)
        return atom, (atom.end if atom is not None else m.end())
    return None


def _words_before(text: str, offset: int) -> list[str]:
    """The last few whitespace-separated words right before ``offset``, lower-cased.

    Empty when a non-space character touches ``offset`` (a hedge needs a space before its number).
    Splitting a short window is several times cheaper than a backward regex search.
    """
    low = max(0, offset - _BEFORE_WINDOW)
    head = text[low:offset]
    if not head[-1:].isspace():
        return []
    words = head.split()
    if words and low > 0 and not head[0].isspace() and not text[low - 1].isspace():
        words = words[1:]  # cut in half by the window
    return [w.lower().lstrip(_OPENING_PUNCTUATION) for w in words[-(_MAX_PREFIX_WORDS + 1) :]]


def _start_of_words(text: str, offset: int, count: int) -> int:
    """Where the ``count`` whitespace-separated words before ``offset`` begin."""
    pos = offset
    for _ in range(count):
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
    return pos + len(text[pos:offset]) - len(text[pos:offset].lstrip(_OPENING_PUNCTUATION))


def _is_list_marker(text: str, atom: _Atom) -> bool:
    """ "1. Skip to content", "2) ...": a number opening its line and followed by "." or ")"."""
    if not _LIST_MARKER_AFTER_RE.match(text, atom.end):
        return False
    line_start = text.rfind("\n", 0, atom.start) + 1
    return not text[line_start : atom.start].strip()


def _is_month(word: str) -> bool:
    """``word`` as written (not lower-cased) is a month: "Nov." and "NOV" are, "may" is not."""
    bare = word.rstrip(".")
    return (bare.istitle() or bare.isupper()) and bare.lower() in MONTH_NAMES


def _last_word_as_written(text: str, offset: int) -> str:
    """The word right before ``offset`` with its case, if only whitespace separates them."""
    head = text[max(0, offset - _BEFORE_WINDOW) : offset]
    if not head[-1:].isspace():
        return ""
    words = head.split()
    return words[-1].lstrip(_OPENING_PUNCTUATION) if words else ""


def _is_not_count(text: str, atom: _Atom, *, before: int, end: int, hedged: bool) -> bool:
    """Years, money, units, ages, references and the like: numbers that are not counts.

    ``before`` is where the whole phrase starts (its hedge, if any), ``end`` where it ends.
    """
    if _AFTER_NOT_COUNT_RE.match(text, end) or _is_list_marker(text, atom):
        return True
    lead = _words_before(text, before)
    if lead and (lead[-1] in _NOT_COUNT_WORDS_BEFORE or lead[-2:] == ["ages", "of"]):
        return True
    if text[atom.start].isdigit() and (
        _is_month(_last_word_as_written(text, atom.start)) or _MONTH_AFTER_RE.match(text, atom.end)
    ):
        return True
    if atom.year_like and not hedged and not _PEOPLE_AFTER_RE.match(text, end):
        return True
    words = text[atom.start : atom.end].lower()
    if words in _EMERGENCY_NUMBERS and (
        (lead and lead[-1] in _DIALLED_BEFORE) or _EMERGENCY_AFTER_RE.match(text, end) is not None
    ):
        return True
    if words in ("one", "many"):
        adjacent = _words_before(text, atom.start)
        last = adjacent[-1] if adjacent else ""
        if words == "one":
            return last in _ONE_NOT_COUNT_BEFORE or bool(_ONE_NOT_COUNT_AFTER_RE.match(text, end))
        return last in _MANY_NOT_COUNT_BEFORE or bool(_MANY_NOT_COUNT_AFTER_RE.match(text, end))
    return False


def _prefix(text: str, start: int) -> tuple[str, _Hedge | None, int] | None:
    """The hedge or range word right before ``start``: (kind, hedge, where it starts); longest phrase wins."""
    words = _words_before(text, start)
    for k in range(min(_MAX_PREFIX_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[-k:])
        if phrase in _HEDGE_PHRASES:
            return "hedge", _HEDGE_PHRASES[phrase], _start_of_words(text, start, k)
        if phrase in _RANGE_OPENERS:
            return phrase, None, _start_of_words(text, start, k)
    return None


def _range_end(text: str, first: _Atom, prefix_kind: str | None, prefix_start: int) -> _Atom | None:
    """The second number of "N to M", "N-M", "N or M", "between N and M", "from N to M" if there is one."""
    tail = _TAIL_RE.match(text, first.end)
    if tail is None or first.vague or first.year_like:
        return None
    conn = tail["conn"].strip().lower()
    if conn == "and" and prefix_kind != "between":
        return None
    if prefix_kind == "between" and conn != "and":
        return None
    if prefix_kind == "from":
        window_start = max(0, prefix_start - _BEFORE_WINDOW)
        if _CHANGE_BEFORE_FROM_RE.search(text, window_start, prefix_start):
            return None
    m = _SECOND_NUM_RE.match(text, tail.end())
    if m is None:
        return None
    second = _atom(text, m)
    if second is None or second.vague or second.value <= first.value:
        return None
    return second


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in ``text`` with its hedge, as a DESIGN.md range, in text order."""
    found: list[Quantity] = []
    pos = 0
    while (step := _next_atom(text, pos)) is not None:
        atom, pos = step
        if atom is None:
            continue
        quantity, resume = _quantity_at(text, atom)
        pos = max(pos, resume)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity_at(text: str, atom: _Atom) -> tuple[Quantity | None, int]:
    """Combine ``atom`` with its hedge, range partner and suffix, and say where to go on.

    The quantity is None when the phrase is not a count; a rejected range ("aged between 5
    and 12", "5 to 10 km") is skipped as a whole.
    """
    prefix = _prefix(text, atom.start)
    kind, hedge, prefix_start = prefix if prefix is not None else (None, None, atom.start)
    second = _range_end(text, atom, kind, prefix_start)
    if second is not None:
        if _is_not_count(text, atom, before=prefix_start, end=atom.end, hedged=True) or _is_not_count(
            text, second, before=second.start, end=second.end, hedged=True
        ):
            return None, second.end
        h = hedge or _Hedge.EXACT
        low, high = _hedged(h, atom.value)[0], _hedged(h, second.value)[1]
        return _make(text, low, high, prefix_start, second.end), second.end
    if atom.vague:
        if _is_not_count(text, atom, before=atom.start, end=atom.end, hedged=True):
            return None, atom.end
        return _make(text, atom.value, None, atom.start, atom.end), atom.end
    start = prefix_start if hedge is not None else atom.start
    end, suffix_hedge = atom.end, None
    suffix = _SUFFIX_RE.match(text, atom.end)
    if suffix is not None and hedge is None:
        # "N or more" -> at least N; "N or so" -> about N; "N or fewer" includes N -> up to N.
        suffix_hedge = _Hedge.AT_LEAST if suffix["least"] else (_Hedge.ABOUT if suffix["about"] else _Hedge.UP_TO)
        end = suffix.end()
    if _is_not_count(text, atom, before=start, end=end, hedged=(hedge or suffix_hedge) is not None):
        return None, atom.end
    low, high = _hedged(hedge or suffix_hedge or _Hedge.EXACT, atom.value)
    return _make(text, low, high, start, end), end


def _make(text: str, low: int, high: int | None, start: int, end: int) -> Quantity:
    return Quantity(low, high, start, end, text[start:end])


def parse_quantity(phrase: str) -> Quantity | None:
    """The one quantity that ``phrase`` is (surrounding whitespace aside), or None."""
    found = find_quantities(phrase)
    if len(found) != 1:
        return None
    q = found[0]
    if phrase[: q.start].strip() or phrase[q.end :].strip():
        return None
    return q


def number_value(word: str) -> int | None:
    """The value of one plain number ("three", "twenty-three", "a dozen", "1,200"), or None.

    Years are values here ("2011" -> 2011): this reads a number, it does not judge context.
    """
    phrase = word.strip()
    m = _NUM_RE.fullmatch(phrase)
    if m is None or m["vague"] or m["few"]:
        return None
    atom = _atom(phrase, m)
    if atom is None or atom.end != len(phrase):
        return None
    return atom.value
