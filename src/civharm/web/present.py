"""Turn records into what the pages show: honest ranges, dates with their precision, marked spans.

Kept apart from the routes so the wording of a figure or a span's tooltip is one function,
tested on its own, and shared by every page that shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from civharm.publish.tally import format_range
from civharm.records import (
    AttackMention,
    Casualty,
    DatePrecision,
    Extraction,
    Figure,
    Grade,
    Incident,
    Place,
    PlacePrecision,
    Position,
    Report,
    SourceFigure,
    Tally,
)
from civharm.web.highlight import Excerpt, HighlightSpan, excerpts

NOT_REPORTED = "not reported"


def figure_text(figure: Figure | None) -> str:
    """An incident's count as words ("at least 200", "7–60"), or that no source gave one."""
    if figure is None:
        return NOT_REPORTED
    return format_range(figure.min, figure.max)


def date_text(date: dt.date | None, precision: DatePrecision | None) -> str:
    """A date shown no more precisely than it is known."""
    if date is None:
        return "date unknown"
    match precision:
        case DatePrecision.MONTH:
            return f"{date:%B %Y} (month)"
        case DatePrecision.YEAR:
            return f"{date.year} (year)"
        case DatePrecision.WEEK:
            return f"week of {date.isoformat()}"
        case DatePrecision.DAY_MONTH:
            return f"{date.day} {date:%B} (year not stated)"
        case DatePrecision.RANGE:
            return f"{date.isoformat()} (approximate, a range)"
        case _:
            return date.isoformat()


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """A tally's period; an unknown end or start is said, not guessed."""
    if start is None and end is None:
        return "period not stated"
    return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"


_PRECISION_WORDS = {
    PlacePrecision.NEAR: "near ",
    PlacePrecision.ADMIN2: "district of ",
    PlacePrecision.ADMIN1: "province of ",
    PlacePrecision.COUNTRY: "somewhere in ",
}


def place_text(place: Place | None) -> str:
    """A place with its precision and the larger units it lies in ("near Ariha, Idlib, SY")."""
    if place is None:
        return "place unknown"
    parts = [_PRECISION_WORDS.get(place.precision, "") + place.name]
    parts += [p for p in (place.admin1, place.country) if p and p != place.name]
    return ", ".join(parts)


def coordinates_text(place: Place | None) -> str:
    """Coordinates as text, with what they stand for, or why there are none."""
    if place is None or place.lat is None or place.lon is None:
        return "no coordinates"
    lat = f"{abs(place.lat):.4f}° {'N' if place.lat >= 0 else 'S'}"
    lon = f"{abs(place.lon):.4f}° {'E' if place.lon >= 0 else 'W'}"
    ref = f"GeoNames {place.geonameid}, " if place.geonameid is not None else ""
    return f"{lat}, {lon} ({ref}precision: {place.precision.value})"


def casualty_text(group: str, outcome: str, low: int, high: int | None) -> str:
    """ "civilians killed: at least 200"."""
    return f"{group} {outcome}: {format_range(low, high)}"


def tally_text(tally: Tally) -> str:
    """A source's cumulative count in one line: "Amnesty: at least 200 civilians killed, <period>"."""
    who = tally.source or "unnamed source"
    what = f"{format_range(tally.min, tally.max)} {tally.group.value} {tally.outcome.value}"
    by = f" by {tally.perpetrator}" if tally.perpetrator else ""
    return f"{who}: {what}{by}, {period_text(tally.period_start, tally.period_end)}"


def position_text(position: Position) -> str:
    who = position.party or "unnamed party"
    speaker = ", ".join(p for p in (position.speaker, position.role) if p)
    return f"{who} {position.stance.value}" + (f" ({speaker})" if speaker else "")


@dataclass(frozen=True)
class ClaimMark:
    """One extracted span of a report: where it is, what it is, and its anchor on the report page."""

    start: int
    end: int
    kind: str  # attack, casualty, place, tally, position, evidence, legal
    title: str  # the tooltip: what was extracted from these words
    anchor: str
    words: str  # the marked words, shortened when a span is long

    def as_span(self) -> HighlightSpan:
        return (self.start, self.end, self.kind, self.title)


def span_anchor(start: int, end: int) -> str:
    """The id of a span on its report page; links from other pages use the same function."""
    return f"span-{start}-{end}"


def _attack_title(attack: AttackMention) -> str:
    parts = [f"attack: {attack.attack_type.value}", date_text(attack.date, attack.date_precision)]
    if attack.place is not None:
        parts.append(place_text(attack.place))
    if attack.perpetrator:
        hedge = "suspected " if attack.perpetrator_hedged else ""
        parts.append(f"{hedge}perpetrator: {attack.perpetrator}")
    if attack.targets:
        parts.append("targets: " + ", ".join(attack.targets))
    return " · ".join(parts)


def _casualty_title(casualty: Casualty) -> str:
    text = "casualty range: " + casualty_text(casualty.group.value, casualty.outcome.value, casualty.min, casualty.max)
    return text + (f" (according to {casualty.source})" if casualty.source else "")


def _raw_marks(extraction: Extraction) -> Iterable[tuple[int, int, str, str]]:
    for attack in extraction.incidents:
        yield attack.start, attack.end, "attack", _attack_title(attack)
        for casualty in attack.casualties:
            yield casualty.start, casualty.end, "casualty", _casualty_title(casualty)
    for place in extraction.places:
        resolved = f"{place.name}" + (f", {place.country}" if place.country else "")
        if place.lat is not None and place.lon is not None:
            resolved += f" ({place.lat:.4f}, {place.lon:.4f})"
        elif place.geonameid is None:
            resolved = "unresolved"
        yield place.start, place.end, "place", f"place → {resolved}"
    for tally in extraction.tallies:
        yield tally.start, tally.end, "tally", "tally: " + tally_text(tally)
    for position in extraction.positions:
        yield position.start, position.end, "position", "position: " + position_text(position)
    for evidence in extraction.evidence:
        yield evidence.start, evidence.end, "evidence", f"evidence: {evidence.type}"
    for legal in extraction.legal:
        by = f" (by {legal.by})" if legal.by else ""
        yield legal.start, legal.end, "legal", f"legal: {legal.words}{by}"


# Longer spans (an attack mention may run over a whole sentence) are shortened in claim lists.
MAX_WORDS_CHARS = 120


def shorten(words: str, limit: int = MAX_WORDS_CHARS) -> str:
    """Words on one line, cut with an ellipsis past ``limit`` characters."""
    flat = " ".join(words.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def claim_marks(extraction: Extraction) -> list[ClaimMark]:
    """Every extracted span of a report, in text order, each with a unique anchor."""
    text = extraction.report.text
    seen: dict[str, int] = {}
    marks = []
    for start, end, kind, title in sorted(_raw_marks(extraction), key=lambda m: (m[0], -m[1], m[2])):
        base = span_anchor(start, end)
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        marks.append(ClaimMark(start, end, kind, title, anchor, shorten(text[start:end])))
    return marks


@dataclass(frozen=True)
class LinkedReport:
    """A report linked to an incident, with the sentences that fed the incident marked."""

    report: Report
    excerpts: tuple[Excerpt, ...]


def fed_spans(incident: Incident, extraction: Extraction) -> list[HighlightSpan]:
    """The spans of one report that fed an incident: its attack mentions, their casualty figures,
    the places inside them, and the source figures the incident keeps for that report."""
    sha = extraction.report.sha256
    spans: list[HighlightSpan] = []
    for report_sha, index in incident.mentions:
        if report_sha != sha or not 0 <= index < len(extraction.incidents):
            continue
        attack = extraction.incidents[index]
        spans.append((attack.start, attack.end, "attack", _attack_title(attack)))
        spans += [(c.start, c.end, "casualty", _casualty_title(c)) for c in attack.casualties]
        spans += [
            (p.start, p.end, "place", f"place → {p.name}")
            for p in extraction.places
            if attack.start <= p.start and p.end <= attack.end
        ]
    for figure in incident.figures:
        span = (figure.start, figure.end, "casualty", "source figure: " + figure_words(figure))
        if figure.report_sha256 == sha and not any(s[:2] == span[:2] for s in spans):
            spans.append(span)
    return spans


def figure_words(figure: SourceFigure) -> str:
    """One source's figure as "civilians killed: 7–60"."""
    return casualty_text(figure.group.value, figure.outcome.value, figure.min, figure.max)


def linked_report(incident: Incident, extraction: Extraction) -> LinkedReport:
    """One linked report with the excerpts around the spans that fed ``incident``."""
    spans = fed_spans(incident, extraction)
    return LinkedReport(extraction.report, tuple(excerpts(extraction.report.text, spans)))


# What each grade means, in the words of DESIGN.md (Airwars-compatible); shown next to every grade.
GRADE_MEANINGS = {
    Grade.CONFIRMED: "a belligerent has accepted responsibility for the civilian harm",
    Grade.FAIR: "reported by two or more independent credible sources, with likely belligerent action nearby",
    Grade.WEAK: "a single-source claim",
    Grade.CONTESTED: "competing claims of responsibility",
    Grade.DISCOUNTED: "those killed were combatants, or another party was most likely responsible",
}


def incident_heading(incident: Incident) -> str:
    """ "Air strike in Ariha, 2024-03-10": what the incident page and feed call an incident."""
    where = f" in {incident.place.name}" if incident.place else ""
    when = date_text(incident.date, incident.date_precision)
    return f"{incident.attack_type.value.capitalize()}{where}, {when}"


def incident_summary(incident: Incident) -> list[str]:
    """The incident in a few sentences of our own words: heading first (the republish snippet, the feed)."""
    by = ", ".join(incident.perpetrators) or "not named"
    lines = [
        incident_heading(incident),
        f"Place: {place_text(incident.place)}. Date: {date_text(incident.date, incident.date_precision)}.",
        f"Attack: {incident.attack_type.value}. Alleged perpetrator: {by}.",
        f"Civilians reported killed: {figure_text(incident.civilians_killed)}; "
        f"injured: {figure_text(incident.civilians_injured)} (ranges over what the sources report).",
        f"Grade: {incident.grade.value} — {GRADE_MEANINGS[incident.grade]}.",
    ]
    return lines
