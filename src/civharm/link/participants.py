"""Names of the people a report is about: victims, suspects, the shooter.

Local news names the people involved ("Keshawn Slaughter, 26, was shot"), and two reports naming the same
person are very likely about the same incident, so names help linking and answer "which incident
involved Johnson?". Names are read without a tagger: runs of two or three capitalised words, kept when
they sit near words about people in an incident (age after the name, "victim", "shot", "identified as",
"suspect", "charged") and contain no word that marks an organisation, a place or a title of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Words that make a capitalised run something other than a person's name.
_NOT_NAME = frozenset(
    [
        "police",
        "department",
        "county",
        "sheriff",
        "office",
        "city",
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "drive",
        "dr",
        "lane",
        "court",
        "ct",
        "park",
        "school",
        "high",
        "university",
        "college",
        "hospital",
        "center",
        "centre",
        "medical",
        "church",
        "news",
        "channel",
        "state",
        "states",
        "united",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "new",
        "fox",
        "abc",
        "nbc",
        "cbs",
        "cnn",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "by",
        "with",
        "from",
        "said",
        "says",
        "told",
        "according",
        "police's",
        "mr",
        "mrs",
        "ms",
        "dr",
        "officer",
        "officers",
        "deputy",
        "deputies",
        "detective",
        "sgt",
        "lt",
        "capt",
        "chief",
        "lieutenant",
        "sergeant",
        "captain",
        "copyright",
        "associated",
        "press",
        "reuters",
        "facebook",
        "twitter",
        "email",
        "updated",
        "posted",
        "click",
        "share",
        "comments",
        "inc",
        "llc",
        "co",
        "corp",
        "company",
        "apartments",
        "apartment",
        "hotel",
        "motel",
        "bar",
        "club",
        "restaurant",
        "store",
        "market",
        "mall",
        "highway",
        "interstate",
        "route",
        "township",
        "village",
        "town",
        "borough",
        "district",
        "division",
        "unit",
        "team",
        "bureau",
        "court's",
        "judge",
        "attorney",
        "prosecutor",
        "prosecutors",
        "jail",
        "prison",
        "correctional",
        # the outlets and the page around the story: "Chicago Tribune", "Copy Link Copy", "Buy Photo"
        "tribune",
        "times",
        "herald",
        "gazette",
        "journal",
        "wire",
        "media",
        "broadcasting",
        "corporation",
        "group",
        "images",
        "image",
        "photo",
        "photos",
        "caption",
        "gallery",
        "video",
        "transcript",
        "advertisement",
        "story",
        "link",
        # parts of a city and other places: "Southwest Side", "Northeast Portland", "Dauphin Island Parkway"
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "side",
        "area",
        "parkway",
        "trail",
        "place",
        "heights",
        "subdivision",
        "inn",
        "lounge",
        "armory",
        "memorial",
        "update",
        "incident",
        "day",
        "facility",
        # offices held, not people involved: "Mayor Rahm Emanuel", "Florida Gov"
        "mayor",
        "gov",
        "governor",
        "president",
        "coroner",
        "superintendent",
        "investigator",
        # a crime's or a headline's words: "Aggravated Assault", "Crime Stoppers", "Others Wounded"
        "assault",
        "robbery",
        "crime",
        "stoppers",
        "shooting",
        "wounded",
        "year",
    ]
)
# Words of one name are on one line: a headline's last word and the lead's first are not a name.
_RUN = re.compile(
    r"\b([A-Z][a-z'’]+(?:-[A-Z][a-z]+)?(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?){1,2})\b"
)
# Cues within a short window of the name that it is a person involved in the incident. An age told with
# the name ("Malijha Grant, 1,", "John Doe, a 26-year-old", "13-year-old Malijha Grant", "a 17-year-old
# student Jane Roe") says more: the report is about this person, not quoting a spokesperson, who is
# named with a title instead.
_AGE_AFTER = re.compile(r"^\s*(?:,\s*\d{1,2}\b|,?\s*(?:a|an|the)?\s*\d{1,2}-year-old|\(\d{1,2}\))")
_AGE_BEFORE = re.compile(r"\b\d{1,2}-year-old\s+(?:[a-z]+\s+){0,2}$")
# A name told with an age that then speaks is a witness or a neighbour quoted ("Belinda Harris, 45, said of
# the teen"), not someone the incident happened to. ("Police said Malijha Grant, 1, died" is the victim.)
_SPEAKS_AFTER = re.compile(
    r"^\s*(?:,\s*\d{1,2}\s*,?|,?\s*(?:a|an|the)?\s*\d{1,2}-year-old(?:\s+[a-z]+){0,3}\s*,?)\s*"
    r"(?:who\s+[^,.;]{1,40},\s*)?(?:said|says|recalled|added|explained|wrote)\b"
)
# Characters before a name searched for an age: "a 17-year-old high school student".
AGE_BEFORE_WINDOW = 40
_CUE_AFTER = re.compile(r"^\s*(?:was|had)\s")
_CUE_NEAR = re.compile(
    r"\b(?:victim|victims|identified|shot|killed|killing|died|dead|wounded|injured|suspect|charged|arrested|shooter"
    r"|murder|murdered|slain|slaying|indicted|accused|shooting|death"
    r"|gunman|son|daughter|mother|father|brother|sister|wife|husband|boyfriend|girlfriend|family|fired|burned)\b",
    re.IGNORECASE,
)
# Characters either side of a name searched for a cue: about one clause.
CUE_WINDOW = 80
# The word after a name and its suffix: "Martin Luther King Jr. Memorial Park", "Cesar Chavez Day".
NAMED_AFTER = re.compile(r"(?:,?\s+(?:Jr|Sr)\.?|\s+I{2,3}\b)?\s+([A-Z][a-z]+)")
# A line of at least this many words with at least this share capitalised is in title case.
TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.8
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Name:
    full: str
    first: str
    last: str
    aged: bool = False  # told with an age somewhere in the text (``_AGE_AFTER``, ``_AGE_BEFORE``)


def _is_name(words: list[str]) -> bool:
    """No word, nor part of a hyphenated one ("Lehigh Valley Hospital-Cedar Crest"), marks something else."""
    return not any(part in _NOT_NAME for w in words for part in re.split(r"-", w.casefold().strip(".'’")))


def _in_title_case(text: str, start: int) -> bool:
    """Whether the line around ``start`` capitalises nearly every word: a title-case headline, a caption or
    the page's menu ("Teen Boys Shot During Party", "Hide Transcript Show"), where capitals mark no name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    return len(words) >= TITLE_CASE_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def find_names(text: str) -> list[Name]:
    """Distinct person names near incident words, in order of first appearance."""
    seen: dict[str, Name] = {}
    for m in _RUN.finditer(text):
        words = [w for w in m.group(1).split() if not re.fullmatch(r"[A-Z]\.", w)]
        if len(words) > 2 and words[-1] in {"Jr", "Sr"}:
            words = words[:-1]  # "Lavontay White Jr": the man is Lavontay White
        if len(words) < 2 or not _is_name(words) or _in_title_case(text, m.start()):
            continue
        named_after = NAMED_AFTER.match(text, m.end())
        if named_after and named_after.group(1).casefold() in _NOT_NAME:
            continue  # "Martin Luther King Jr. Memorial Park", "Rosa Parks Boulevard": a place named for someone
        after = text[m.end() : m.end() + CUE_WINDOW]
        around = text[max(0, m.start() - CUE_WINDOW) : m.end() + CUE_WINDOW]
        before = text[max(0, m.start() - AGE_BEFORE_WINDOW) : m.start()]
        aged = (_AGE_AFTER.match(after) is not None or _AGE_BEFORE.search(before) is not None) and not (
            _SPEAKS_AFTER.match(after)
        )
        if not (aged or _CUE_AFTER.match(after) or _CUE_NEAR.search(around)):
            continue
        full = " ".join(words)
        known = seen.get(full.casefold())
        if known is None:
            seen[full.casefold()] = Name(full=full, first=words[0], last=words[-1], aged=aged)
        elif aged and not known.aged:
            seen[full.casefold()] = replace(known, aged=True)
    return list(seen.values())


def name_keys(names: list[Name]) -> frozenset[str]:
    """Keys for comparing people across reports: every full name, case-folded."""
    return frozenset(n.full.casefold() for n in names)


def mentions_name(names: list[Name], *, first: str | None, last: str | None, full: str | None) -> bool:
    """True when one of ``names`` has this first name, last name or full name (case-insensitive)."""
    for n in names:
        if full is not None and n.full.casefold() == full.casefold():
            return True
        if first is not None and n.first.casefold() == first.casefold():
            return True
        if last is not None and n.last.casefold() == last.casefold():
            return True
    return False
