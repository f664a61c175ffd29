"""Where a US local-news document is, read from all the places it names at once.

A local report names its city, a neighbourhood or two, streets, sometimes the state ("Memphis, Tenn.").
Resolving each name on its own sends "Louisville" to Ohio or "Walnut Park" to California; read together,
the names agree on one state. The state is the one the document's names support most (a state named
outright counts most, then each town weighed by the population of its largest namesake there, more for
the namesake the geoparser chose), and the document's place is the first town it names that lies in that
state.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from civharm.extract.gazetteer import Candidate, Gazetteer
from civharm.extract.geoparse import closest, dateline_spans
from civharm.records import Extraction, Place, PlacePrecision

# A state named outright ("in Tennessee", "Memphis, Tenn.") weighs as much as a town of this many people.
STATE_WEIGHT = math.log1p(1_000_000)
# The namesake the geoparser chose from the whole text (its neighbours, its country) counts this much more
# than its population alone: as much as its state named outright.
CHOSEN_WEIGHT = STATE_WEIGHT
# A town written with its state ("Memphis, Tenn.") is the surest sign of where the report is.
PAIR_WEIGHT = 2 * STATE_WEIGHT
_TOWN_STATE = re.compile(
    r"\b([A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,2}),\s+([A-Z][a-z]{1,3}\.(?: ?[A-Z][a-z]?\.)?|[A-Z]{2}\b|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)
# A dateline opens the body: the title and a byline come first.
DATELINE_CHARS = 600
# Only the first names of a document: the lead names the incident's place, the rest often other cities.
FIRST_PLACES = 12


def _us(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """The US places a name may mean, spelled that way if any is (``geoparse.closest``)."""
    us = [m for m in gazetteer.matches(name, abbreviations=True) if m.candidate.country == "US"]
    return [m.candidate for m in closest(us)]


def _state_of(word: str, gazetteer: Gazetteer) -> str | None:
    for c in _us(gazetteer, word):
        if c.feature == "admin1" and c.admin1:
            return c.admin1
    return None


def town_state_pairs(text: str, gazetteer: Gazetteer) -> list[tuple[Candidate, str]]:
    """Towns written with their state ("JACKSONVILLE, Fla. -", "in Memphis, Tenn."), resolved, in order."""
    pairs: list[tuple[Candidate, str]] = []
    for m in _TOWN_STATE.finditer(text):
        state = _state_of(m.group(2).rstrip("."), gazetteer) or _state_of(m.group(2), gazetteer)
        if state is None:
            continue
        words = m.group(1).split()
        towns: list[Candidate] = []
        for k in range(len(words)):  # the longest run of last words that is a town of that state
            town = " ".join(words[k:])
            towns = [c for c in _us(gazetteer, town.title()) if c.feature == "city" and c.admin1 == state]
            if towns:
                break
        if towns:
            pairs.append((max(towns, key=lambda c: c.population), state))
    return pairs


def dateline_town(text: str, gazetteer: Gazetteer) -> Candidate | None:
    """The town of an upper-case dateline without a state ("FORT WORTH --", "CROSSVILLE (WATE) –"): the
    most populous US town of that name, as a reader of the local paper would take it. One with its state
    ("PORTLAND, Maine") is a town-state pair (``town_state_pairs``)."""
    spans = dateline_spans(text[:DATELINE_CHARS])
    if not spans or text.startswith(",", spans[0][1]):
        return None
    towns = [c for c in _us(gazetteer, text[spans[0][0] : spans[0][1]].title()) if c.feature == "city"]
    return max(towns, key=lambda c: c.population) if towns else None


def _pinned(text: str, gazetteer: Gazetteer) -> list[tuple[Candidate, str]]:
    """Towns the text pins down: written with their state, or in an upper-case dateline."""
    pairs = town_state_pairs(text, gazetteer)
    dateline = dateline_town(text, gazetteer)
    if dateline is not None and dateline.admin1:
        pairs.insert(0, (dateline, dateline.admin1))
    return pairs


def document_state(extraction: Extraction, gazetteer: Gazetteer) -> str | None:
    """The US state the document's place names agree on, or None for a document outside the US."""
    support: dict[str, float] = defaultdict(float)
    for _, state in set(_pinned(extraction.report.text, gazetteer)):  # a repeated page footer counts once
        support[state] += PAIR_WEIGHT
    for mention in extraction.places[:FIRST_PLACES]:
        best: dict[str, float] = {}
        for c in _us(gazetteer, mention.name):
            if c.admin1 is None:
                continue
            weight = STATE_WEIGHT if c.feature == "admin1" else math.log1p(c.population)
            if c.geonameid is not None and c.geonameid == mention.geonameid:
                weight += CHOSEN_WEIGHT
            best[c.admin1] = max(best.get(c.admin1, 0.0), weight)
        for state, weight in best.items():
            support[state] += weight
    if not support:
        return None
    return max(sorted(support), key=lambda s: support[s])


def document_place(extraction: Extraction, gazetteer: Gazetteer) -> Place | None:
    """The first town the document names in its state, as a Place with coordinates and state."""
    state = document_state(extraction, gazetteer)
    if state is None:
        return None
    found = [c for c, st in _pinned(extraction.report.text, gazetteer) if st == state]
    for mention in extraction.places[:FIRST_PLACES]:
        towns = [c for c in _us(gazetteer, mention.name) if c.feature == "city" and c.admin1 == state]
        if towns:
            found.append(max(towns, key=lambda t: t.population))
    if found:
        c = found[0]
        return Place(
            name=c.name,
            geonameid=c.geonameid,
            lat=c.lat,
            lon=c.lon,
            country=c.country,
            admin1=c.admin1,
            admin2=c.admin2,
            feature="city",
        )
    return Place(name=state, country="US", admin1=state, feature="admin1", precision=PlacePrecision.ADMIN1)
