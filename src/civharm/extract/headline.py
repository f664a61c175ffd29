"""The one incident a report is mainly about, with its headline figures, place and date.

A local news story usually reports one attack; it may mention others in passing ("the third
shooting in the area this month"). Benchmarks and summaries need the story's own incident: the
attack mention with the most victims (ties: the one told first), its killed and injured as the
largest figure of each (repeated figures are the same people told twice, and a subgroup inside a
total is never added to it), its place (else the first town the report names) and its date (else
the first day-precise date in the text, else the publication date: local news runs the day of or
after the event).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from civharm.extract.dates import find_dates
from civharm.records import AttackMention, Casualty, DatePrecision, Extraction, Group, Outcome, Place

if TYPE_CHECKING:
    from civharm.extract.gazetteer import Gazetteer

# Groups whose harm is not the victims' toll: fighters and attackers or suspects.
NOT_VICTIMS = frozenset({Group.FIGHTERS})


@dataclass(frozen=True)
class Headline:
    """The main incident of one report: victims killed and injured, place and date (None when unknown)."""

    killed: int
    injured: int
    place: Place | None
    date: dt.date | None
    mention: AttackMention | None


def victims(mention: AttackMention, outcome: Outcome) -> int:
    """The largest lower bound among the mention's victim figures with this outcome."""
    return max((c.min for c in mention.casualties if _counts(c, outcome)), default=0)


def _harmed(mention: AttackMention) -> int:
    killed = victims(mention, Outcome.KILLED)
    injured = victims(mention, Outcome.INJURED)
    return max(killed + injured, victims(mention, Outcome.KILLED_OR_INJURED))


def _counts(casualty: Casualty, outcome: Outcome) -> bool:
    return casualty.outcome is outcome and casualty.group not in NOT_VICTIMS


def main_mention(extraction: Extraction) -> AttackMention | None:
    """The attack mention with the most victims killed, then injured; the first one on ties."""
    if not extraction.incidents:
        return None
    return max(
        enumerate(extraction.incidents),
        key=lambda item: (_harmed(item[1]), -item[0]),
    )[1]


def headline(extraction: Extraction, gazetteer: Gazetteer) -> Headline:
    """The report's main incident (see the module docstring for the fallbacks)."""
    mention = main_mention(extraction)
    killed = victims(mention, Outcome.KILLED) if mention else 0
    # "two people were shot, one fatally": those hit and not killed were injured.
    hit = victims(mention, Outcome.KILLED_OR_INJURED) if mention else 0
    injured = max(victims(mention, Outcome.INJURED) if mention else 0, hit - killed)
    country = _main_country(extraction)
    place = mention.place if mention and mention.place else None
    if place is None or place.feature != "city" or (country and place.country != country):
        place = _first_town(extraction, gazetteer, country) or place
    date = mention.date if mention and mention.date_precision is DatePrecision.DAY else None
    return Headline(killed, injured, place, date or _first_day(extraction) or extraction.report.published, mention)


def _main_country(extraction: Extraction) -> str | None:
    """The country most of the report's places lie in: a stray foreign namesake is not the scene."""
    counts = Counter(p.country for p in extraction.places if p.country)
    return counts.most_common(1)[0][0] if counts else None


def _first_day(extraction: Extraction) -> dt.date | None:
    """The first day-precise date the text names on or before publication: local news tells the event first."""
    report = extraction.report
    for mention in find_dates(report.text, report.published):
        day = mention.date if mention.precision is DatePrecision.DAY else None
        if day is not None and (report.published is None or day <= report.published):
            return day
    return None


def _first_town(extraction: Extraction, gazetteer: Gazetteer, country: str | None) -> Place | None:
    for found in extraction.places:
        if found.feature == "city" and found.lat is not None and (country is None or found.country == country):
            known = next((c for c in gazetteer.lookup(found.name) if c.geonameid == found.geonameid), None)
            return Place(
                name=found.name,
                admin1=known.admin1 if known else None,
                admin2=known.admin2 if known else None,
                geonameid=found.geonameid,
                lat=found.lat,
                lon=found.lon,
                country=found.country,
                feature=found.feature,
            )
    return None
