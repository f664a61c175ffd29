"""Where an outlet is: the places its web address names.

A local reader of the Dayton Daily News knows which Hamilton a "Hamilton bar shooting" is; the report
itself often does not say. Local outlets write their town or state into their address
("daytondailynews.com", "nbcconnecticut.com", "fox13memphis.com", "chicago.cbslocal.com",
".../news/local/michigan/...") and the geoparser takes those places as weak context: they choose
between namesakes in the countries the text is about, and never become a place of the report.

A host label is read as broadcaster and compass words, a place, then newspaper words; a path
segment counts only when it is a place's name as a whole (a section, not the story's slug). An
archived copy's address is read as the original's (``capture.publisher.original_url``).

An address may also tell the outlet's country: a country-code domain (".co.uk", ".ua"; not the codes
sold worldwide, ".tv", ".io") or a US broadcaster's call sign ("whio.com", "wusa9.com": the ITU gives
the letters K and W to the United States). For a report that implies no country by itself, that
country is where its namesakes are looked for first ("Kettering" in a Dayton station's story).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from civharm.capture.publisher import original_url
from civharm.extract.gazetteer import Gazetteer, Match, light_key

# Words around the place in an outlet's host name: "nbc|connecticut", "my|sanantonio",
# "dayton|daily|news", "northwest|georgia|news", "myrtlebeach|online".
PREFIX_WORDS = frozenset(
    {"nbc", "abc", "cbs", "fox", "cw", "my", "the", "www", "news", "north", "south", "east", "west"}
)
SUFFIX_WORDS = frozenset(
    {
        "news", "daily", "herald", "press", "times", "tribune", "journal", "gazette", "sentinel", "post", "star",
        "bee", "courier", "democrat", "republican", "record", "register", "observer", "online", "today", "now",
        "live", "reporter", "leader", "telegram", "independent", "enterprise", "examiner", "chronicle",
        "dispatch", "inquirer", "review", "standard", "citizen", "mercury", "advocate", "tv", "radio", "gov",
        "weekly", "magazine", "media", "local", "patch", "voice", "sun", "ledger", "eagle", "statesman",
        "freepress", "union", "bulletin", "argus", "beacon", "banner", "messenger", "mail", "globe", "city",
    }
)  # fmt: skip
OUTLET_WORDS = PREFIX_WORDS | SUFFIX_WORDS
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# Labels that are never an outlet's own name: "www", country and generic second levels.
GENERIC_LABELS = frozenset({"www", "m", "amp", "mobile", "com", "org", "net", "co", "gov", "edu", "us", "uk", "info"})
# Sections that are no place, whatever town is called so: "/metro/", "/east/", "/mobile/".
SECTION_WORDS = OUTLET_WORDS | COMPASS | GENERIC_LABELS | {"metro", "region", "state", "nation", "world"}
# A hidden place shorter than this is a word or a call sign's letters ("wbal"), not a town.
MIN_CORE = 4
OUTLET_FEATURES = frozenset({"city", "admin1"})
# Places named in a section path must be big enough not to be a topic word ("crime", "local").
MIN_PATH_POPULATION = 50_000
# Country-code domains sold to anyone for their letters, which say nothing of where the outlet is.
OPEN_COUNTRY_CODES = frozenset(
    {"tv", "io", "me", "co", "ly", "fm", "am", "ai", "cc", "ws", "to", "gg", "la", "nu", "tk", "ag", "sh", "im", "gd"}
)
ISO_OF_DOMAIN = {"uk": "GB"}
# "wral", "kiiitv", "wusa9", "kfor4news": a call sign, a channel number, the station's words.
US_CALL_SIGN = re.compile(r"[kw][a-z]{2,3}(?:tv|news|\d{1,2}(?:news)?)?")
CALL_SIGN_DOMAINS = frozenset({"com", "net", "org"})


# A page title's "<place> News": "WALB.com, South Georgia News, Weather", "Youngstown news, ...",
# "WDRB 41 Louisville News": the words before "News", without compass and outlet words before the place.
TITLE_NEWS = re.compile(r"((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+),?\s+(?:News|NEWS|news)\b")


@dataclass(frozen=True)
class OutletPlace:
    """A place name read from an address, with every entry it may mean (the geoparser chooses)."""

    name: str
    matches: tuple[Match, ...]


def outlet_places(url: str | None, gazetteer: Gazetteer) -> tuple[OutletPlace, ...]:
    """The places a report's web address names (see the module docstring); empty without a URL."""
    if not url:
        return ()
    try:
        parts = urlsplit(original_url(url))
        host = (parts.hostname or "").lower()
    except ValueError:
        return ()
    labels = [label for label in host.split(".")[:-1] if label not in GENERIC_LABELS]
    found = [_host_place(label, gazetteer) for label in labels]
    found.extend(_section_place(segment.lower(), gazetteer) for segment in unquote(parts.path).split("/")[1:-1])
    found.append(_country(host.rsplit(".", 1)[-1], labels, gazetteer))
    return tuple(dict.fromkeys(place for place in found if place is not None))


def masthead_places(title: str | None, gazetteer: Gazetteer) -> tuple[OutletPlace, ...]:
    """The places a page title names as its outlet's region ("South Georgia News", "Youngstown news"):
    the same weak context as an address's places, since a station's title names where it broadcasts."""
    if not title:
        return ()
    found = []
    for m in TITLE_NEWS.finditer(title):
        words = m.group(1).lower().split()
        while len(words) > 1 and words[0] in PREFIX_WORDS | COMPASS:
            words = words[1:]  # "South Georgia", "My San Antonio": the outlet's words around the place
        found.append(_named("".join(words), gazetteer, 0))
    return tuple(dict.fromkeys(place for place in found if place is not None))


def _country(domain: str, labels: list[str], gazetteer: Gazetteer) -> OutletPlace | None:
    """The outlet's country, from a country-code domain or a US call sign (see the module docstring)."""
    if len(domain) == 2 and domain not in OPEN_COUNTRY_CODES:
        iso = ISO_OF_DOMAIN.get(domain, domain.upper())
    elif domain in CALL_SIGN_DOMAINS and any(
        US_CALL_SIGN.fullmatch(label) and _host_place(label, gazetteer) is None for label in labels
    ):
        iso = "US"
    else:
        return None
    entry = gazetteer.country(iso)
    return OutletPlace(iso.lower(), (Match(entry, 0),)) if entry else None


@lru_cache(maxsize=4096)
def _host_place(label: str, gazetteer: Gazetteer) -> OutletPlace | None:
    """The place a host label is built around: the longest core between outlet words that names one."""
    letters = re.sub(r"[^a-z]", "", label)
    if len(letters) == 2:  # "nj.com", "al.com": a state's postal code
        matches = tuple(m for m in gazetteer.matches(letters, abbreviations=True) if m.candidate.feature == "admin1")
        return OutletPlace(letters, matches) if matches else None
    starts = _ends_of_words(letters, PREFIX_WORDS | COMPASS)
    ends = {len(letters) - i for i in _ends_of_words(letters[::-1], {w[::-1] for w in SUFFIX_WORDS})}
    cores = sorted(((i, j) for i in starts for j in ends if j - i >= MIN_CORE), key=lambda span: span[0] - span[1])
    for i, j in cores:
        if letters[i:j] in OUTLET_WORDS:
            continue
        place = _named(letters[i:j], gazetteer, 0)
        if place is not None:
            return place
    return None


def _ends_of_words(text: str, words: set[str] | frozenset[str]) -> set[int]:
    """Positions reachable from the start of ``text`` by whole words of ``words`` (0 included)."""
    reached = {0}
    frontier = [0]
    while frontier:
        at = frontier.pop()
        for word in words:
            if text.startswith(word, at) and at + len(word) not in reached:
                reached.add(at + len(word))
                frontier.append(at + len(word))
    return reached


def _section_place(segment: str, gazetteer: Gazetteer) -> OutletPlace | None:
    words = [w for w in re.split(r"[-_ ]+", segment) if w]
    if not words or any(not w.isalpha() for w in words) or segment in SECTION_WORDS:
        return None
    return _named("".join(words), gazetteer, MIN_PATH_POPULATION)


def _named(compact: str, gazetteer: Gazetteer, min_population: int) -> OutletPlace | None:
    """Cities and first-level areas whose own name, spaces removed, is exactly ``compact`` (an alternate
    name is too loose a tie for an address: "Rome" is also an alias of Lomé)."""
    matches = tuple(
        Match(m.candidate, 0)
        for m in gazetteer.matches(compact)
        if m.candidate.feature in OUTLET_FEATURES
        and (m.candidate.feature == "admin1" or m.candidate.population >= min_population)
        and light_key(m.candidate.name).replace(" ", "") == compact
    )
    return OutletPlace(compact, matches) if matches else None
