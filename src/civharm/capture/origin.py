"""Who really wrote a report: the wire agency or original publisher behind a republication.

Linking needs it: ten papers running the same Reuters story are one source, not ten.
Signals, strongest first:

1. a dateline credit: "PARIS (Reuters) -", "(AP) —", or an agency alone on a byline line
   ("AFP , Sunday 11 Oct 2015");
2. a credit line: "Source: AFP, AP", "SOURCE: Al Jazeera And Agencies" ("agencies"),
   "Reporting by ...; Editing by ..." (Reuters house style), "This article originally
   appeared in X";
3. a section label that a publisher uses only for wire copy (``WIRE_SECTIONS``);
4. weak mentions: "Reuters reported", "according to Agence France-Presse".

A signal naming the publisher itself is not a republication and is skipped.
"""

from __future__ import annotations

import re

UNNAMED_WIRE = "wire service (unnamed)"
AGENCIES = "agencies"

# Wire agencies as they are spelled in credits (case matters: "AP" is an agency, "ap" is not)
# -> the name we record.
WIRE_AGENCIES: dict[str, str] = {
    "Reuters": "Reuters",
    "REUTERS": "Reuters",
    "Thomson Reuters": "Reuters",
    "AP": "AP",
    "Associated Press": "AP",
    "The Associated Press": "AP",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP",
    "UPI": "UPI",
    "dpa": "dpa",
    "DPA": "dpa",
    "Xinhua": "Xinhua",
    "Anadolu": "Anadolu Agency",
    "Anadolu Agency": "Anadolu Agency",
    "TASS": "TASS",
    "Tass": "TASS",
    "RIA Novosti": "RIA Novosti",
    "PTI": "PTI",
    "IANS": "IANS",
    "ANI": "ANI",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "SANA": "SANA",
    "Bloomberg": "Bloomberg",
}
_BY_LOWER = {k.lower(): v for k, v in WIRE_AGENCIES.items()}

_GENERIC_SUFFIXES = frozenset({"agency", "wire", "service", "news", "press", "newswire"})

# Section labels under which a publisher runs wire copy without naming the agency on the page.
# Keep this tiny and documented: each entry is a label -> the publisher that uses it.
# - "Fast Forward": The Forward's news-brief section, which republishes agency copy (Reuters, JTA, AP).
WIRE_SECTIONS: dict[str, str] = {
    "fast forward": "The Forward",
}
# A section label is a line of its own near the top of the page.
SECTION_SEARCH_LINES = 12
BYLINE_SEARCH_LINES = 15

_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in WIRE_AGENCIES), key=len, reverse=True))
_AGENCY_TOKEN = rf"(?:{_AGENCY_ALT})"
_I = re.IGNORECASE

_DATELINE = re.compile(rf"\((?P<agency>{_AGENCY_TOKEN})\)\s*[-–—:]")
# The wire dateline convention names any agency: "ARIHA, Syria (Meridian Wire Agency) - ...".
_ANY_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:, [A-Z][\w .'-]{1,40})? \((?P<agency>[A-Z][\w .&'-]{1,60})\)\s*[-–—]\s", re.M
)
_TRAILING_CREDIT = re.compile(rf"\s[-–—]\s*(?P<agency>{_AGENCY_TOKEN})\s*$", re.M)
_BYLINE_AGENCY = re.compile(rf"^(?P<agency>{_AGENCY_TOKEN})\s*(?:[,|/–—-]|$)", re.M)
_SOURCE_LINE = re.compile(r"^\(?sources?\s*:\s*(?P<names>[^\n]{1,120}?)\)?\s*$", _I | re.M)
_AND_AGENCIES = re.compile(r"^[^\n]{0,60}\band agencies\b\.?\)?\s*$", _I | re.M)
_REUTERS_STYLE = re.compile(r"\breporting by\b[^\n]{1,200}\bediting by\b", _I)
_ORIGINALLY = re.compile(
    r"\b(?:(?:this|the) (?:article|story|piece|report|post) (?:was )?(?:originally|first) "
    r"(?:appeared|published|ran)|originally (?:appeared|published|ran))(?: (?:in|on|by|at))? "
    r"(?P<name>(?-i:(?:the |The )?[A-Z][\w'&-]*(?: [A-Z][\w'&-]*){0,5}))",
    _I,
)
_WEAK = re.compile(
    rf"\b(?:(?P<a>{_AGENCY_TOKEN}) (?:news agency )?(?:reported|reports)\b|according to (?:the )?"
    rf"(?P<b>{_AGENCY_TOKEN})(?: news agency)?\b)"
)


def detect_origin(text: str, publisher: str | None) -> str | None:
    """The wire agency or original publisher of a republished report, else None."""
    own = _key(publisher) if publisher else None
    for finder in (_dateline, _credit_lines, _originally, _section_label, _weak_mention):
        found = finder(text, publisher)
        if found and _key(found) != own and not (own and _same_agency(found, own)):
            return found
    return None


def _dateline(text: str, publisher: str | None) -> str | None:
    head = "\n".join(text.split("\n")[:BYLINE_SEARCH_LINES])
    patterns = ((_DATELINE, text), (_ANY_DATELINE, text), (_BYLINE_AGENCY, head), (_TRAILING_CREDIT, text))
    for pattern, where in patterns:
        match = pattern.search(where)
        if match:
            return _agency(match.group("agency"))
    return None


def _credit_lines(text: str, publisher: str | None) -> str | None:
    if _AND_AGENCIES.search(text):
        return AGENCIES
    for match in _SOURCE_LINE.finditer(text):
        names = [n.strip(" .") for n in re.split(r",|/|&|\band\b|\+", match.group("names")) if n.strip(" .")]
        agencies = [_agency(n) for n in names if n.lower() in _BY_LOWER]
        if agencies:
            return ", ".join(dict.fromkeys(agencies))
        if len(names) == 1 and (publisher is None or _key(names[0]) != _key(publisher)):
            return names[0]
    if _REUTERS_STYLE.search(text):
        return "Reuters"
    return None


def _originally(text: str, publisher: str | None) -> str | None:
    match = _ORIGINALLY.search(text)
    if not match:
        return None
    name = match.group("name").strip(" .")
    return _agency(name)


def _section_label(text: str, publisher: str | None) -> str | None:
    for line in text.split("\n")[:SECTION_SEARCH_LINES]:
        owner = WIRE_SECTIONS.get(" ".join(line.split()).lower())
        if owner and (publisher is None or _key(owner) == _key(publisher)):
            return UNNAMED_WIRE
    return None


def _weak_mention(text: str, publisher: str | None) -> str | None:
    match = _WEAK.search(text)
    if not match:
        return None
    return _agency(match.group("a") or match.group("b"))


def _agency(name: str) -> str:
    name = " ".join(name.split())
    return WIRE_AGENCIES.get(name) or _BY_LOWER.get(name.lower(), name)


def _key(name: str) -> str:
    """Compare names without case, a leading "The" or a generic suffix ("Meridian Wire Agency")."""
    words = name.lower().replace("-", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _GENERIC_SUFFIXES:
        words.pop()
    return " ".join(words)


def _same_agency(found: str, own_key: str) -> bool:
    """ "Reuters" found in a page published by "Reuters UK" or "Thomson Reuters"."""
    return _key(_agency(own_key)) == _key(found) or _key(found) in own_key.split()
