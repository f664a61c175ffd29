"""An incident's casualty figures: each source's current figure, then the range over sources.

DESIGN.md, "Several sources for one incident": every report's figure stays a claim with its source; a
later figure from the same source supersedes its earlier one ("the toll rose to 44"); the incident's
range runs from the lowest to the highest current figure among its sources (Airwars' "7–60"), and an open
maximum anywhere keeps the maximum open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from civharm.records import Casualty, Figure, Group, Outcome, SourceFigure

# Groups that are civilians by definition; used for a source that gives no civilian or "people" total.
# Men are left out: a report's "men" may be fighters.
CIVILIAN_SUBGROUPS = (Group.CHILDREN, Group.WOMEN, Group.MEDICAL_STAFF)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class FigureClaim:
    """A casualty figure with the report context that decides which figure is current."""

    report_sha256: str
    published: dt.date | None
    source: str  # the casualty's attributed source, else the report's independent source
    casualty: Casualty


@dataclass(frozen=True)
class IncidentFigures:
    """The incident's ranges, one per count the Incident record carries."""

    civilians_killed: Figure | None
    civilians_injured: Figure | None
    children_killed: Figure | None
    women_killed: Figure | None
    fighters_killed: Figure | None


def _key(source: str) -> str:
    return " ".join(_WORD.findall(source.casefold()))


def _supersedes(later: FigureClaim, earlier: FigureClaim) -> bool:
    """True when ``later`` is the same source's newer figure.

    Across reports the later publication wins, up or down (corrections happen). Within one report a
    later figure wins only if it is not smaller: "the toll rose to 44" updates, while "a woman and her
    three children" after "four children" is a detail about some of the victims, not a correction.
    """
    if later.report_sha256 == earlier.report_sha256:
        return later.casualty.start > earlier.casualty.start and later.casualty.min >= earlier.casualty.min
    return later.published is not None and earlier.published is not None and later.published > earlier.published


def current_figures(claims: Sequence[FigureClaim]) -> tuple[SourceFigure, ...]:
    """Each source's current figures per group and outcome; identical copies (syndication) kept once."""
    by_slot: dict[tuple[str, Group, Outcome], list[FigureClaim]] = defaultdict(list)
    for claim in claims:
        by_slot[(_key(claim.source), claim.casualty.group, claim.casualty.outcome)].append(claim)
    out: list[SourceFigure] = []
    seen: set[tuple[str, Group, Outcome, int, int | None]] = set()
    for slot in sorted(by_slot, key=lambda s: (s[0], s[1].value, s[2].value)):
        group = by_slot[slot]
        ordered = sorted(group, key=lambda c: (c.published or dt.date.min, c.report_sha256, c.casualty.start))
        for claim in ordered:
            if any(_supersedes(other, claim) for other in group if other is not claim):
                continue
            c = claim.casualty
            if (slot[0], c.group, c.outcome, c.min, c.max) in seen:
                continue
            seen.add((slot[0], c.group, c.outcome, c.min, c.max))
            out.append(
                SourceFigure(
                    report_sha256=claim.report_sha256,
                    source=claim.source,
                    group=c.group,
                    outcome=c.outcome,
                    min=c.min,
                    max=c.max,
                    words=c.words,
                    start=c.start,
                    end=c.end,
                )
            )
    return tuple(out)


def span(figures: Sequence[Figure]) -> Figure | None:
    """From the lowest minimum to the highest maximum; open if any maximum is open."""
    if not figures:
        return None
    highs = [f.max for f in figures]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return Figure(min=min(f.min for f in figures), max=high)


def total(figures: Sequence[Figure]) -> Figure | None:
    """Sum of minima and of maxima; an open maximum makes the sum open ("at least N")."""
    if not figures:
        return None
    highs = [f.max for f in figures]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    return Figure(min=sum(f.min for f in figures), max=high)


def _per_source(figures: Sequence[SourceFigure], group: Group, outcome: Outcome) -> dict[str, Figure]:
    """Each source's range for one group and outcome (a source may have several current figures)."""
    by_source: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.group is group and f.outcome is outcome:
            by_source[_key(f.source)].append(Figure(min=f.min, max=f.max))
    return {s: fig for s, figs in by_source.items() if (fig := span(figs)) is not None}


def _civilians(figures: Sequence[SourceFigure], outcome: Outcome) -> Figure | None:
    """Civilians harmed, per source: its civilians figure; else its figure for people of unknown group
    ("12 people were killed" in an attack on a market is civilian harm as reported, the Airwars
    practice); else at least the sum of its children, women and medical staff."""
    civ = _per_source(figures, Group.CIVILIANS, outcome)
    unknown = _per_source(figures, Group.UNKNOWN, outcome)
    parts = [_per_source(figures, g, outcome) for g in CIVILIAN_SUBGROUPS]
    sources = set(civ) | set(unknown) | {s for p in parts for s in p}
    chosen: list[Figure] = []
    for s in sorted(sources):
        if s in civ:
            chosen.append(civ[s])
        elif s in unknown:
            chosen.append(unknown[s])
        else:
            summed = total([p[s] for p in parts if s in p])
            if summed is not None:
                chosen.append(Figure(min=summed.min, max=None))
    return span(chosen)


def incident_figures(figures: Sequence[SourceFigure]) -> IncidentFigures:
    """The incident's ranges from its sources' current figures."""

    def one(group: Group) -> Figure | None:
        return span(list(_per_source(figures, group, Outcome.KILLED).values()))

    return IncidentFigures(
        civilians_killed=_civilians(figures, Outcome.KILLED),
        civilians_injured=_civilians(figures, Outcome.INJURED),
        children_killed=one(Group.CHILDREN),
        women_killed=one(Group.WOMEN),
        fighters_killed=one(Group.FIGHTERS),
    )
