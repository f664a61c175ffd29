"""Main text, title and date from plain page text (what a browser's "select all, copy" gives).

A copied page is header (skip links, taglines, section labels, title, byline, dateline,
captions), then the article, then a tail (donation appeal, republishing box, browser
notice, credits, related headlines). Each paragraph is classified by cue phrases
(``cues``); the reading runs as a small state machine:

* header: until the first paragraph that reads like article prose. The title, the
  standfirst and the dateline are found here; labels and captions are dropped.
* body: inline boilerplate (captions, "Related:" links, share prompts) is dropped one
  paragraph at a time, and so are short fragments that are not sentences (subheads,
  teaser headlines).
* tail: a closing cue (appeal, republish box, browser notice, credit line, "Most read")
  drops everything after it, unless the article clearly resumes: two consecutive
  paragraphs of third-person prose with no cue (a donation box in the middle of an
  article is followed by more article; an appeal's own prose is one paragraph between cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from civharm.capture.cues import CLOSING, Cue, cue_of, normalise, word_count
from civharm.capture.dates import find_dates
from civharm.capture.publisher import publisher_from_credit

# Prose: a paragraph of article text has at least this many words (shorter ones are labels or headlines).
MIN_BODY_WORDS = 8
# Without a full stop, a paragraph this long is still prose (standfirsts often lack the stop).
LONG_BODY_WORDS = 20
# Headlines: a title has 3 to 30 words (news headlines run 5-15; 30 allows long NGO report titles).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
# In the body, a line under this many words with no sentence end and no number is a subhead or teaser.
FRAGMENT_MAX_WORDS = 12
# A dateline is short ("Posted: Friday, January 31, 2014 | 9:39 AM"); longer lines are prose with a date.
DATELINE_MAX_WORDS = 12
# A dateline may follow the standfirst: it still dates the page within the first body paragraphs.
DATELINE_BODY_UNITS = 3
# The tail resumes into article only after this many consecutive prose paragraphs without a cue.
RESUME_RUN = 2
RESUME_MIN_WORDS = 12
# Hard-wrapped text: blocks of 3+ lines, most of them long and not ending a sentence.
WRAP_MIN_LINES = 3
WRAP_MIN_CHARS = 40
WRAP_SHARE = 0.6

_SENTENCE_END = tuple(".!?…\"”’')]:;")
_BYLINE = re.compile(r"^by\s+\S|\b(?:staff|correspondent|editor|reporter|writer|contributor)s?$", re.I)
_DATE_CUES = re.compile(r"\b(?:posted|published|first published)\b", re.I)
_UPDATE_CUES = re.compile(r"\b(?:updated|last updated|modified)\b", re.I)
_PRONOUNS = re.compile(r"\b(?:i|we|our|us|you|your)\b", re.I)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# Cues whose paragraphs still say who wrote or supplied the article (for origin detection).
_HINT_CUES = frozenset({None, Cue.CREDIT, Cue.TAGLINE, Cue.UI_LABEL})
# How far into the first body paragraph a dateline may start ("December 23, 2015 - Russia said ...").
_DATELINE_START = 3
# A place dateline on its own line: a town in capitals with its state or the newsroom's call sign, maybe a
# dash ("JACKSON, Tenn. —", "NASHVILLE , Tenn. ( WKRN ) –", "INDIANAPOLIS (WISH) –"). It says where the
# story files from, so it stays, in front of the paragraph it heads, as the page printed it.
_PLACE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"
    r"(?: ?, ?(?:[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?|[A-Z]\.?[A-Z]\.?)(?: ?\([^()]{1,40}\))?| ?\([^()]{1,40}\))"
    r" ?(?:--?|–|—|:)?$"
)


class _State(Enum):
    HEADER = "header"
    BODY = "body"
    TAIL = "tail"


@dataclass(frozen=True)
class Unit:
    """A paragraph: one line, or the lines of a hard-wrapped block."""

    text: str  # as in the input, lines stripped
    flat: str  # normalised to one line, for matching
    blank_before: bool


@dataclass(frozen=True)
class PlainText:
    text: str
    title: str | None
    published: date | None
    publisher: str | None  # named by a credit cue in the page
    origin_hints: str  # header, article and credit lines: where a wire credit may stand


def extract_plain(raw: str, masthead: str | None = None) -> PlainText:
    """Article text and metadata of a copied page; ``masthead`` is the publisher's name if known."""
    units = split_units(raw)
    cues = _cues(units)
    reading = _Reading(units, cues, masthead)
    reading.run()
    return PlainText(
        text=reading.text(),
        title=" ".join(units[reading.title].text.split()) if reading.title is not None else None,
        published=reading.published(),
        publisher=publisher_from_credit(normalise(raw)),
        origin_hints="\n".join(units[i].flat for i in sorted(reading.hints)),
    )


def split_units(raw: str) -> list[Unit]:
    """Paragraph units: each line, except that a hard-wrapped block is one unit."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return _blocks_to_units(lines)


def _blocks_to_units(lines: list[str]) -> list[Unit]:
    units: list[Unit] = []
    block: list[str] = []
    block_blank = False
    pending_blank = False

    def flush() -> None:
        if not block:
            return
        if _is_hard_wrapped(block):
            units.append(Unit("\n".join(block), normalise(" ".join(block)), block_blank))
        else:
            for n, line in enumerate(block):
                units.append(Unit(line, normalise(line), block_blank if n == 0 else False))

    for line in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            block = []
            pending_blank = True
            continue
        if not block:
            block_blank = pending_blank
            pending_blank = False
        block.append(stripped)
    flush()
    return units


def _is_hard_wrapped(block: list[str]) -> bool:
    if len(block) < WRAP_MIN_LINES:
        return False
    inner = block[:-1]
    wrapped = sum(1 for line in inner if len(line) >= WRAP_MIN_CHARS and not line.endswith(_SENTENCE_END))
    return wrapped / len(inner) >= WRAP_SHARE


def _cues(units: list[Unit]) -> list[Cue | None]:
    cues = [cue_of(u.flat) for u in units]
    # A caption is often printed twice, once with its credit: "A damaged building ..." / "... (Reuters)".
    for i, unit in enumerate(units):
        if cues[i] is not None or len(unit.flat) < WRAP_MIN_CHARS // 2:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and cues[j] is Cue.CAPTION and units[j].flat.startswith(unit.flat):
                cues[i] = Cue.CAPTION
    return cues


class _Reading:
    """One pass over the units, deciding for each whether it is article text."""

    def __init__(self, units: list[Unit], cues: list[Cue | None], masthead: str | None) -> None:
        self.units = units
        self.cues = cues
        self.masthead = _bare_name(masthead) if masthead else None
        self.kept: list[int] = []
        self.hints: set[int] = set()
        self.title: int | None = None
        self.header_dates: list[tuple[int, int, date]] = []  # (priority, position, date)
        self.first_body: int | None = None
        self.dateline: int | None = None  # a place dateline waiting for the paragraph it heads
        self.headed: dict[int, int] = {}  # kept paragraph -> the place dateline printed before it

    def run(self) -> None:
        state = _State.HEADER
        for i, unit in enumerate(self.units):
            cue = self.cues[i]
            if cue is Cue.CREDIT:
                self.hints.add(i)
            if cue in (None, Cue.TAGLINE) and _PLACE_DATELINE.match(unit.flat):
                self.dateline = i
                continue
            if state is _State.HEADER:
                if self._is_title_candidate(i):
                    self.title = i
                    self.kept.append(i)
                    self.hints.add(i)
                    continue
                if not (cue is None and _is_prose(unit.flat)):
                    self._header_line(i)
                    continue
                state = _State.BODY
                self.first_body = i
            if state is _State.TAIL:
                if not self._resumes(i):
                    continue
                state = _State.BODY
            if cue in CLOSING:
                state = _State.TAIL
                continue
            if cue is None and _is_dateline(unit.flat) and not unit.flat.endswith(_SENTENCE_END):
                if self._body_units_kept() < DATELINE_BODY_UNITS:
                    self._note_dates(i)  # "16 December, 2015" printed just under the standfirst
                continue
            if cue is None and not self._is_fragment(i):
                self.kept.append(i)
                self.hints.add(i)
                if self.dateline is not None:
                    self.headed[i] = self.dateline
                    self.dateline = None

    def _header_line(self, i: int) -> None:
        unit, cue = self.units[i], self.cues[i]
        if cue in _HINT_CUES:
            self.hints.add(i)
            if _is_dateline(unit.flat):  # "Editor | 30 September, 2015" reads as a menu but dates the page
                self._note_dates(i)
                return
        if cue is not None:
            return
        if word_count(unit.flat) >= MIN_BODY_WORDS and not _BYLINE.search(unit.flat) and not self._is_title_copy(i):
            self.kept.append(i)  # a standfirst without a full stop

    def _body_units_kept(self) -> int:
        return sum(1 for k in self.kept if self.first_body is not None and k >= self.first_body)

    def _note_dates(self, i: int) -> None:
        flat = self.units[i].flat
        priority = 0 if _DATE_CUES.search(flat) else 2 if _UPDATE_CUES.search(flat) else 1
        for found in find_dates(flat):
            self.header_dates.append((priority, i, found.value))

    def _is_title_candidate(self, i: int) -> bool:
        if self.title is not None or self.cues[i] is not None:
            return False
        flat = self.units[i].flat
        words = word_count(flat)
        if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS or flat.endswith("."):
            return False
        if _is_dateline(flat) or _BYLINE.search(flat):
            return False
        return not (self.masthead and _bare_name(flat) == self.masthead)

    def _is_title_copy(self, i: int) -> bool:
        if self.title is None:
            return False
        title = self.units[self.title].flat.lower()
        flat = self.units[i].flat.lower()
        # the title again, or a breadcrumb trail ending in it ("Home News Political News <title>")
        return flat == title or (flat.endswith(title) and len(flat) > len(title))

    def _is_fragment(self, i: int) -> bool:
        flat = self.units[i].flat
        if self._is_title_copy(i):
            return True
        if word_count(flat) >= FRAGMENT_MAX_WORDS or flat.endswith(_SENTENCE_END):
            return False
        return not any(c.isdigit() for c in flat)

    def _resumes(self, i: int) -> bool:
        """The article goes on after a closing block: a run of plain prose paragraphs follows."""
        run = range(i, min(i + RESUME_RUN, len(self.units)))
        return len(run) == RESUME_RUN and all(self._is_article_prose(j) for j in run)

    def _is_article_prose(self, j: int) -> bool:
        flat = self.units[j].flat
        if self.cues[j] is not None or word_count(flat) < RESUME_MIN_WORDS or not flat.endswith(_SENTENCE_END):
            return False
        return len(_PRONOUNS.findall(_QUOTED.sub(" ", flat))) <= 1

    def published(self) -> date | None:
        if self.header_dates:
            return min(self.header_dates, key=lambda d: (d[0], d[1]))[2]
        if self.first_body is not None:
            for found in find_dates(self.units[self.first_body].flat):
                if found.start <= _DATELINE_START:
                    return found.value
        return None

    def text(self) -> str:
        parts: list[str] = []
        previous = -1
        for i in self.kept:
            if parts:
                gap = any(u.blank_before for u in self.units[previous + 1 : i + 1])
                parts.append("\n\n" if gap else "\n")
            if i in self.headed:
                parts.append(self.units[self.headed[i]].text + " ")
            parts.append(self.units[i].text)
            previous = i
        return "".join(parts)


def _is_prose(flat: str) -> bool:
    words = word_count(flat)
    if words < MIN_BODY_WORDS or _is_dateline(flat):
        return False
    return flat.endswith(_SENTENCE_END) or words >= LONG_BODY_WORDS


def _is_dateline(flat: str) -> bool:
    """A short line carrying a full date: "Posted Feb 15, 2016 2:00 PM CST", "16 December, 2015"."""
    return word_count(flat) <= DATELINE_MAX_WORDS and bool(find_dates(flat))


def _bare_name(name: str) -> str:
    lowered = normalise(name).lower()
    return lowered.removeprefix("the ").strip()
