"""The suggested grade of an incident and the rule that produced it (DESIGN.md, "Grades").

The suggestion is shown next to the rule so an analyst can see why and override it with a reason.
Rules are tried in the order of the grade table's precedence: an acknowledgement settles responsibility
whatever else is reported, competing attributions come before counting sources, and counting sources
decides between Fair and Weak. Competing attributions are several parties blamed, or the blamed party
accusing another (its position's stance is "accuses": that is a second allegation of responsibility).
Discounted is an analyst's decision and is never suggested.
A denial does not change the grade: it is the denying party's position, nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence

from civharm.assess.parties import distinct_parties
from civharm.records import Grade, Incident, Position, Stance

# Airwars' "Fair": reported by two or more independent credible sources.
FAIR_MIN_SOURCES = 2


def suggest_grade(incident: Incident, positions: Sequence[Position], sources: Sequence[str] = ()) -> tuple[Grade, str]:
    """Suggest a grade for ``incident`` given the positions attached to it.

    ``positions`` are the parties' positions already matched to this incident (see
    ``civharm.assess.positions``); ``sources`` optionally names the independent sources so the rule
    can say which ones ("2 independent sources: Al Jazeera, Reuters").
    """
    for position in positions:
        if position.stance is Stance.ACKNOWLEDGES:
            who = position.party or "a belligerent"
            said = f" ({position.speaker})" if position.speaker else ""
            return Grade.CONFIRMED, f"acknowledged by {who}{said}"
    parties = distinct_parties(incident.perpetrators)
    if len(parties) > 1:
        return Grade.CONTESTED, f"{len(parties)} parties alleged responsible: {', '.join(parties)}"
    for position in positions:
        # a party blamed for the attack that blames someone else is a competing claim of responsibility
        if position.stance is Stance.ACCUSES:
            return Grade.CONTESTED, f"{position.party or 'the party blamed'} blames another party"
    count = incident.source_count
    named = f": {', '.join(sources)}" if sources else ""
    if count >= FAIR_MIN_SOURCES:
        return Grade.FAIR, f"{count} independent sources{named}"
    if count == 1:
        return Grade.WEAK, f"single source{named}"
    return Grade.WEAK, "no independent source recorded"
