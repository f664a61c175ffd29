"""Casualties, places and dates against the Gun Violence Archive records (gva-dev).

Each document reports one incident; the gold is the incident's final record. Per document we read
the report's main incident (``civharm.extract.headline``) and score killed and injured (exact and
within one; the record counts everyone shot, so the attackers and suspects the report says were harmed are
added to the victims here), the town (within 25 km of the gold coordinates), the state and the date. A document
may have been written before the toll was final; misses where we read fewer than the record are
counted apart, with how many of them the early publication date or a victim who died later explains.

    civharm bench gva ../shared/benchmarks/gva-dev [--every 10] [--misses misses.jsonl]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from civharm import TOOL
from civharm.errors import CivharmError
from civharm.extract.gazetteer import medium_key
from civharm.extract.headline import Headline, headline
from civharm.geo import haversine_km
from civharm.records import Report
from civharm.settings import load_settings

if TYPE_CHECKING:
    from civharm.extract.gazetteer import Gazetteer

# The gold town counts as found when our place is this close (DESIGN.md: same place within 25 km).
CITY_KM = 25.0
# A document published within this many days of the incident may predate the final toll.
EARLY_DAYS = 1
# Reports handed to extract_many at a time: a batch keeps nlp.pipe busy and memory bounded.
CHUNK = 256


@dataclass(frozen=True)
class Gold:
    killed: int
    injured: int
    city: str
    state: str
    date: dt.date | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Doc:
    doc_id: str
    incident_id: str
    title: str
    dct: dt.date | None
    content: str
    url: str | None = None


@dataclass(frozen=True)
class Row:
    """One document's outcome, for the summary and the misses file."""

    doc_id: str
    killed: tuple[int, int]  # (ours, gold)
    injured: tuple[int, int]
    city_ok: bool
    state_ok: bool
    date_ok: bool
    early: bool  # published within EARLY_DAYS of the incident
    place: str | None
    date: str | None
    gold_place: str
    gold_date: str | None


def _date(value: str | None, fmt: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", fmt).date()
    except ValueError:
        return None


def read_gold(path: Path) -> dict[str, Gold]:
    gold: dict[str, Gold] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[str(row["incident_id"])] = Gold(
            killed=int(row["num_killed"]),
            injured=int(row["num_injured"]),
            city=str(row.get("city_or_county") or ""),
            state=str(row.get("state") or ""),
            date=_date(row.get("date"), "%B %d, %Y"),
            lat=row.get("lat"),
            lon=row.get("lon"),
        )
    return gold


def read_docs(path: Path, every: int = 1) -> list[Doc]:
    """The documents, or every ``every``-th one (a fixed development subset)."""
    docs = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if i % every:
            continue
        row = json.loads(line)
        docs.append(
            Doc(
                doc_id=str(row["doc_id"]),
                incident_id=str(row["incident_id"]),
                title=str(row.get("title") or ""),
                dct=_date(row.get("dct"), "%Y-%m-%d"),
                content=str(row.get("content") or ""),
                url=row.get("uri") or None,
            )
        )
    return docs


def to_report(doc: Doc) -> Report:
    """The document as a captured plain-text report: its title line, then its body."""
    text = f"{doc.title}\n\n{doc.content}" if doc.title else doc.content
    return Report(
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=doc.title or None,
        url=doc.url,
        published=doc.dct,
        text=text,
        captured_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        captured_by=TOOL,
    )


def headlines(docs: Iterable[Doc], gazetteer: Gazetteer) -> Iterator[tuple[Doc, Headline]]:
    """Each document with its main incident, extracted in batches (spaCy loads on first use)."""
    from civharm.extract.pipeline import extract_many

    batch: list[Doc] = []
    for doc in [*docs, None]:
        if doc is not None:
            batch.append(doc)
        if batch and (doc is None or len(batch) >= CHUNK):
            for item, extraction in zip(batch, extract_many(map(to_report, batch), gazetteer), strict=True):
                yield item, headline(extraction, gazetteer)
            batch = []


def state_names(state: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The names our gazetteer may give a record's state, case-folded: its own, and for a name the
    gazetteer knows only as a city's ("District of Columbia" is Washington's), that city's area
    ("Washington, D.C.")."""
    matches = [m.candidate for m in gazetteer.matches(state) if m.tier == 0 and m.candidate.country == "US"]
    areas = [c for c in matches if c.feature == "admin1"] or [c for c in matches if c.feature == "city"]
    return frozenset({state.casefold()} | {c.admin1.casefold() for c in areas if c.admin1})


def locate(gold: Gold, states: frozenset[str], gazetteer: Gazetteer) -> Gold:
    """A record without coordinates placed at its town, when the gazetteer has a town of that name in the
    record's state: "Chicago (West Town)" at West Town, else at Chicago (the most populous namesake)."""
    if gold.lat is not None:
        return gold
    for name in reversed([n.strip() for n in re.split(r"[()]", gold.city) if n.strip()]):
        towns = [
            m.candidate
            for m in gazetteer.matches(name)
            if m.tier == 0  # the name itself, not a transliteration ("Mt Holly" is not Mint Hill)
            and m.candidate.feature == "city"
            and (m.candidate.admin1 or "").casefold() in states | {gold.state.casefold()}
        ]
        if towns:
            town = max(towns, key=lambda c: c.population)
            return replace(gold, lat=town.lat, lon=town.lon)
    return gold


def score(doc: Doc, found: Headline, gold: Gold, states: frozenset[str] = frozenset()) -> Row:
    """One document's row; ``states`` are the record state's names (``state_names``)."""
    place = found.place
    city_ok = False
    if place is not None and place.lat is not None and place.lon is not None and gold.lat is not None:
        city_ok = place.feature == "city" and haversine_km(place.lat, place.lon, gold.lat, gold.lon or 0.0) <= CITY_KM
    elif place is not None:  # a few records have no coordinates: "Pittsburgh (Wilkinsburg)" by name
        # ("St. Joseph" is the record's "Saint Joseph")
        names = {medium_key(n) for n in re.split(r"[()]", gold.city) if n.strip()}
        city_ok = place.feature == "city" and medium_key(place.name) in names
    state = (place.name if place.feature == "admin1" else place.admin1) if place else None
    state_ok = state is not None and state.casefold() in states | {gold.state.casefold()}
    if place is not None and place.feature == "admin2" and state_ok:
        # the record itself names a county ("Wise (county)", "Accomack County"): that county, in that state,
        # is its place
        county = re.fullmatch(r"(.+?)(?: \((?:county|parish)\)| (?:County|Parish))", gold.city)
        city_ok = county is not None and _county_key(place.name) == _county_key(county.group(1))
    early = doc.dct is not None and gold.date is not None and (doc.dct - gold.date).days <= EARLY_DAYS
    return Row(
        doc_id=doc.doc_id,
        # the record counts everyone shot, suspects too: so do we here
        killed=(found.killed + found.attackers_killed, gold.killed),
        injured=(found.injured + found.attackers_injured, gold.injured),
        city_ok=city_ok,
        state_ok=state_ok,
        date_ok=found.date is not None and found.date == gold.date,
        early=early,
        place=f"{place.name}, {place.admin1}" if place else None,
        date=found.date.isoformat() if found.date else None,
        gold_place=f"{gold.city}, {gold.state}",
        gold_date=gold.date.isoformat() if gold.date else None,
    )


def _county_key(name: str) -> str:
    """A county's name without its county word, so "Wise County" and the record's "Wise" compare equal."""
    return re.sub(r"\s+(county|parish)$", "", name.strip().casefold())


def summarise(rows: list[Row]) -> dict[str, Any]:
    n = len(rows) or 1
    figures: dict[str, Any] = {"documents": len(rows)}
    for name in ("killed", "injured"):
        pairs = [getattr(r, name) for r in rows]
        figures[f"{name}_exact"] = round(sum(a == b for a, b in pairs) / n, 4)
        figures[f"{name}_within1"] = round(sum(abs(a - b) <= 1 for a, b in pairs) / n, 4)
    figures["city"] = round(sum(r.city_ok for r in rows) / n, 4)
    figures["state"] = round(sum(r.state_ok for r in rows) / n, 4)
    figures["date"] = round(sum(r.date_ok for r in rows) / n, 4)
    misses = Counter[str]()
    for r in rows:
        (ko, kg), (io, ig) = r.killed, r.injured
        if (ko, io) == (kg, ig):
            continue
        misses["figure_misses"] += 1
        if ko <= kg and ko + io <= kg + ig:  # fewer dead, and no more harmed in all, than the record
            misses["lower_than_record"] += 1
            if ko + io == kg + ig:
                misses["lower_victim_died_later"] += 1
            elif r.early:
                misses["lower_published_early"] += 1
        else:
            misses["higher_than_record"] += 1
    figures["misses"] = dict(misses)
    return figures


def run(data_dir: Path, every: int = 1, misses: Path | None = None) -> dict[str, Any]:
    incidents, docs_path = data_dir / "incidents.jsonl", data_dir / "docs.jsonl"
    if not incidents.is_file() or not docs_path.is_file():
        raise CivharmError(f"{data_dir} has no incidents.jsonl and docs.jsonl")
    gold = read_gold(incidents)
    from civharm.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(load_settings().cache_dir)
    docs = read_docs(docs_path, every)
    scored = [doc for doc in docs if doc.incident_id in gold]  # a few documents' incidents have no record
    states = {g.state: state_names(g.state, gazetteer) for g in gold.values()}
    gold = {key: locate(g, states[g.state], gazetteer) for key, g in gold.items()}
    rows = [
        score(doc, found, gold[doc.incident_id], states[gold[doc.incident_id].state])
        for doc, found in headlines(scored, gazetteer)
    ]
    if misses is not None:
        with misses.open("w", encoding="utf-8") as out:
            for row in rows:
                if (
                    row.killed[0] != row.killed[1]
                    or row.injured[0] != row.injured[1]
                    or not row.city_ok
                    or not row.date_ok
                ):
                    out.write(json.dumps(asdict(row)) + "\n")
    return {**summarise(rows), "documents_without_record": len(docs) - len(scored)}


@click.command("gva")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path), default="../shared/benchmarks/gva-dev")
@click.option("--every", default=1, show_default=True, help="Score every N-th document only (a fixed dev subset).")
@click.option("--misses", type=click.Path(dir_okay=False, path_type=Path), help="Write the misses as JSON Lines.")
def command(data_dir: Path, every: int, misses: Path | None) -> None:
    """Killed, injured, city, state and date per document against gva-dev's incident records."""
    click.echo(json.dumps(run(data_dir, every, misses), indent=2))
