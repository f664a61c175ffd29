"""Answering the task's questions with structured queries over incidents.

A question names an event type and two of place (a DBpedia URI of a city or a state), time (day, month
or year) and participant (first, last or full name). An incident answers it when it matches every part.
S1 wants the one incident, S2 how many, S3 how many people were killed or injured in them. Every
question gets an answer: when no incident matches every part, the incidents matching the most parts
(time and place first) stand in, so that the answer is our best guess rather than a blank.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from civharm.bench.semeval_data import Answer, Question
from civharm.bench.semeval_incidents import TaskIncident
from civharm.extract.gazetteer import Candidate, Gazetteer
from civharm.extract.geoparse import closest
from civharm.geo import haversine_km
from civharm.link.participants import mentions_name

# A city question covers the incidents placed within this distance of the city's gazetteer point: GVA
# files neighbourhoods and suburbs under the city DBpedia names ("Antioch" under Nashville). 25 km is the
# linker's own place radius (civharm.link.compat.PLACE_RADIUS_KM); checked on the trial split.
CITY_RADIUS_KM = 25.0
# How much each part of a question weighs when no incident matches them all: time and place are what
# the questions are built around, the event type and names refine them.
WEIGHTS = {"time": 4, "place": 4, "participant": 3, "type": 2}


@dataclass(frozen=True)
class Where:
    """A question's place resolved against the gazetteer."""

    name: str
    state: str | None  # the US state's name
    point: tuple[float, float] | None  # a city's coordinates; None for a state


class Locator:
    """DBpedia URIs to gazetteer places, cached: the same cities come back in many questions."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.resolve = functools.lru_cache(maxsize=4096)(self._resolve)

    def _us(self, name: str, feature: str) -> list[Candidate]:
        us = [m for m in self.gazetteer.matches(name) if m.candidate.country == "US" and m.candidate.feature == feature]
        return sorted((m.candidate for m in closest(us)), key=lambda c: -c.population)

    def _resolve(self, uri: str, is_state: bool) -> Where:
        label = unquote(uri.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ")
        label = label.split(" (")[0]
        if is_state:
            states = self._us(label, "admin1")
            return Where(name=label, state=states[0].admin1 or label if states else label, point=None)
        city, _, hint = label.partition(", ")
        cities = self._us(city, "city")
        if hint:
            in_state = [c for c in cities if c.admin1 and c.admin1.casefold() == hint.casefold()]
            cities = in_state or cities
        if not cities:
            return Where(name=city, state=hint or None, point=None)
        best = cities[0]
        return Where(name=city, state=best.admin1, point=(best.lat, best.lon))


def _time_ok(q: Question, date: dt.date | None) -> bool:
    if date is None:
        return False
    if q.day is not None:
        return date == q.day
    if q.month is not None:
        return (date.year, date.month) == q.month
    if q.year is not None:
        return date.year == q.year
    return True


def _place_ok(where: Where | None, inc: TaskIncident) -> bool:
    if where is None:
        return True
    place = inc.place
    if place is None:
        return False
    if where.point is None:  # a state
        return where.state is not None and (place.admin1 or "").casefold() == where.state.casefold()
    if place.name.casefold() == where.name.casefold() and (place.admin1 or where.state) == where.state:
        return True
    if place.lat is None or place.lon is None:
        return False
    return haversine_km(place.lat, place.lon, *where.point) <= CITY_RADIUS_KM


def _type_ok(q: Question, inc: TaskIncident) -> bool:
    if q.event_type == "killing":
        return inc.killed > 0 and not inc.types & {"fire_burning", "job_firing"}
    if q.event_type == "injuring":
        return not inc.types & {"fire_burning", "job_firing"}
    return q.event_type in inc.types


def _participant_ok(q: Question, inc: TaskIncident) -> bool:
    if q.first is None and q.last is None and q.full_name is None:
        return True
    # Counting wants the people the incident happened to or was done by; reports give those with their
    # ages, and the police chief or the neighbour quoted without one. Finding one incident takes any name.
    names = list(inc.names) if q.subtask == 1 else [n for n in inc.names if n.aged]
    if mentions_name(names, first=q.first, last=q.last, full=q.full_name):
        return True
    if q.subtask != 1:  # counting wants names read as names; finding one incident may take any capitalised word
        return False
    wanted = [q.first, q.last] if q.full_name is None else q.full_name.split()
    words = [w.casefold() for w in wanted if w]
    return bool(words) and all(w in inc.words for w in words)


def _parts(q: Question, inc: TaskIncident, where: Where | None) -> dict[str, bool]:
    return {
        "time": _time_ok(q, inc.date),
        "place": _place_ok(where, inc),
        "participant": _participant_ok(q, inc),
        "type": _type_ok(q, inc),
    }


def _victims(q: Question, inc: TaskIncident) -> int:
    return inc.killed if q.event_type == "killing" else inc.injured if q.event_type == "injuring" else 0


class Answerer:
    def __init__(self, incidents: Sequence[TaskIncident], locator: Locator) -> None:
        self.incidents = incidents
        self.locator = locator
        # Blocking: a question with a time looks at its year, one with a place at its state.
        self.by_year: dict[int | None, list[TaskIncident]] = defaultdict(list)
        self.by_state: dict[str, list[TaskIncident]] = defaultdict(list)
        for inc in incidents:
            self.by_year[inc.date.year if inc.date else None].append(inc)
            if inc.place is not None and inc.place.admin1:
                self.by_state[inc.place.admin1.casefold()].append(inc)

    def _pool(self, q: Question, where: Where | None) -> Sequence[TaskIncident]:
        year = q.day.year if q.day else q.month[0] if q.month else q.year
        pools: list[Sequence[TaskIncident]] = []
        if year is not None:
            pools.append(self.by_year.get(year, []))
        if where is not None and where.state:
            pools.append(self.by_state.get(where.state.casefold(), []))
        if not pools:
            return self.incidents
        seen: dict[str, TaskIncident] = {}
        for pool in pools:
            for inc in pool:
                seen.setdefault(inc.id, inc)
        return [seen[k] for k in sorted(seen)]

    def _where(self, q: Question) -> Where | None:
        if q.city:
            return self.locator.resolve(q.city, False)
        if q.state:
            return self.locator.resolve(q.state, True)
        return None

    def matches(self, q: Question) -> list[TaskIncident]:
        """The incidents matching every part of the question; else those matching the most weight."""
        where = self._where(q)
        scored: list[tuple[int, TaskIncident]] = []
        for inc in self._pool(q, where) or self.incidents:
            parts = _parts(q, inc, where)
            scored.append((sum(WEIGHTS[k] for k, ok in parts.items() if ok), inc))
        top = max((s for s, _ in scored), default=0)
        if top == sum(WEIGHTS.values()):
            return [inc for s, inc in scored if s == top]
        return [max(scored, key=lambda si: (si[0], len(si[1].doc_ids)))[1]] if scored else []

    def answer(self, q: Question) -> Answer:
        found = self.matches(q)
        if q.subtask == 1:
            found = sorted(found, key=lambda i: (-len(i.doc_ids), i.id))[:1]
        number = len(found) if q.subtask != 3 else sum(_victims(q, i) for i in found)
        if q.subtask == 1:
            number = 1
        return Answer(numerical_answer=number, answer_docs={i.id: i.doc_ids for i in found})
