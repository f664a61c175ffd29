"""Merging, splitting and moving reports between incidents: pure functions over incident records.

Each takes the incidents involved (or more) and returns them regrouped; the caller recomputes their
figures, sources and suggested grade from the mentions and writes them (``civharm.web.desk.actions``).
The linker keeps existing incidents and their mentions, so a regrouping decided by an analyst stays
as decided on every later run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from civharm.errors import CivharmError, NotFoundError
from civharm.records import Incident, stable_id

Mention = tuple[str, int]


def _find(incidents: Sequence[Incident], incident_id: str) -> Incident:
    for incident in incidents:
        if incident.id == incident_id:
            return incident
    raise NotFoundError(f"no incident {incident_id!r}")


def _with(incident: Incident, mentions: Iterable[Mention], reports: Iterable[str]) -> Incident:
    return incident.model_copy(
        update={"mentions": tuple(sorted(set(mentions))), "report_ids": tuple(sorted(set(reports)))}
    )


def merge(incidents: Sequence[Incident], keep_id: str, other_id: str) -> list[Incident]:
    """``other`` folded into ``keep``: its mentions and reports move over and it disappears."""
    if keep_id == other_id:
        raise CivharmError("cannot merge an incident with itself")
    keep, other = _find(incidents, keep_id), _find(incidents, other_id)
    merged = _with(keep, (*keep.mentions, *other.mentions), (*keep.report_ids, *other.report_ids))
    return [merged if i.id == keep_id else i for i in incidents if i.id != other_id]


def split(incidents: Sequence[Incident], incident_id: str, moved: Sequence[Mention]) -> tuple[list[Incident], str]:
    """The given mentions taken out of an incident into a new one; returns (incidents, new id)."""
    source = _find(incidents, incident_id)
    chosen = set(moved)
    if not chosen or not chosen <= set(source.mentions):
        raise CivharmError("choose some of the incident's own report mentions to split off")
    if chosen == set(source.mentions):
        raise CivharmError("splitting off every mention would leave the incident empty")
    left = [m for m in source.mentions if m not in chosen]
    new_id = stable_id("split", incident_id, *sorted(chosen))
    kept = _with(source, left, {sha for sha, _ in left})
    new = _with(source, chosen, {sha for sha, _ in chosen}).model_copy(update={"id": new_id, "figures": ()})
    out = [kept if i.id == incident_id else i for i in incidents]
    return [*out, new], new_id


def move_report(incidents: Sequence[Incident], sha256: str, from_id: str, to_id: str) -> list[Incident]:
    """Every mention of one report moved from one incident to another; an emptied incident goes."""
    if from_id == to_id:
        raise CivharmError("the report is already in that incident")
    source, target = _find(incidents, from_id), _find(incidents, to_id)
    if sha256 not in source.report_ids:
        raise CivharmError(f"report {sha256[:12]} is not linked to incident {from_id!r}")
    moving = [m for m in source.mentions if m[0] == sha256]
    left = [m for m in source.mentions if m[0] != sha256]
    target2 = _with(target, (*target.mentions, *moving), (*target.report_ids, sha256))
    out: list[Incident] = []
    for incident in incidents:
        if incident.id == to_id:
            out.append(target2)
        elif incident.id == from_id:
            if left:
                out.append(_with(source, left, {sha for sha, _ in left}))
        else:
            out.append(incident)
    return out
