"""An analyst's decisions about an incident, and how they are laid over what the machine linked.

Machines propose; analysts decide. The linker rebuilds every incident from its mentions on each
``civharm run``; a ``Review`` (kept in its own table, keyed by incident id) is then laid over the
linked record by ``apply_review``: status, a reviewer's grade with its reason, corrected figures,
date, place, perpetrators and targets. So a decision survives every relink, and the suggestion the
machine would make now stays visible next to the reviewer's grade.

``Private`` holds what never leaves the desk: witness identities and contacts, analyst notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import StrEnum

from civharm.errors import CivharmError
from civharm.records import DatePrecision, Figure, Grade, Incident, Place, PlacePrecision, Record, Status


class StrikeStatus(StrEnum):
    """Whether a strike by the accused party is established (Airwars' "strike status")."""

    NOT_ASSESSED = "not assessed"
    DECLARED = "declared strike"
    LIKELY = "likely strike"
    CONTESTED = "contested strike"
    SINGLE_SOURCE = "single source claim"


class PositionKind(StrEnum):
    """A belligerent's position on the harm it is accused of."""

    NOT_ASSESSED = "not assessed"
    DENIES = "denies"
    ACKNOWLEDGES = "acknowledges"
    NO_COMMENT = "no comment"


FIGURE_FIELDS = ("civilians_killed", "civilians_injured", "children_killed", "women_killed", "fighters_killed")


class Corrections(Record):
    """Fields an analyst corrected; None keeps what the linker found."""

    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    place: Place | None = None
    perpetrators: tuple[str, ...] | None = None
    targets: tuple[str, ...] | None = None
    civilians_killed: Figure | None = None
    civilians_injured: Figure | None = None
    children_killed: Figure | None = None
    women_killed: Figure | None = None
    fighters_killed: Figure | None = None


class StatementRef(Record):
    """A statement carrying a position: the report span it is read from."""

    report_sha256: str
    start: int
    end: int


class BelligerentPosition(Record):
    party: str
    position: PositionKind = PositionKind.NOT_ASSESSED
    conceded_min: int | None = None
    conceded_max: int | None = None
    statements: tuple[StatementRef, ...] = ()


class Review(Record):
    """The public part of the decisions about one incident."""

    status: Status | None = None
    grade: Grade | None = None
    grade_reason: str = ""
    suggested_grade: Grade | None = None  # the machine's grade when the reviewer set one
    suggested_rule: str = ""
    strike_status: StrikeStatus = StrikeStatus.NOT_ASSESSED
    corrections: Corrections = Corrections()
    rejected_reason: str | None = None
    positions: tuple[BelligerentPosition, ...] = ()


class Witness(Record):
    name: str
    contact: str = ""


class Private(Record):
    """Restricted: never in a public page, API response, feed or export."""

    notes: str = ""
    witnesses: tuple[Witness, ...] = ()


def grade_rule_text(grade: Grade, reason: str, suggested: Grade | None, rule: str) -> str:
    """The rule shown for a reviewer's grade: their reason, then what the machine suggests."""
    suggestion = f"; suggested {suggested.value}: {rule}" if suggested is not None else ""
    return f"set by a reviewer: {reason}{suggestion}"


def apply_review(incident: Incident, review: Review | None) -> Incident:
    """``incident`` as the machine linked it, with the analysts' decisions laid over it."""
    if review is None:
        return incident
    update: dict[str, object] = {}
    fixed = review.corrections
    for name in ("date", "date_precision", "place", "perpetrators", "targets", *FIGURE_FIELDS):
        value = getattr(fixed, name)
        if value is not None:
            update[name] = value
    if review.grade is not None:
        update["grade"] = review.grade
        update["grade_rule"] = grade_rule_text(review.grade, review.grade_reason, incident.grade, incident.grade_rule)
    if review.rejected_reason is not None:
        update["status"] = Status.DRAFT
    elif review.status is not None:
        update["status"] = review.status
    return incident.model_copy(update=update)


def apply_reviews(incidents: Sequence[Incident], reviews: Mapping[str, Review]) -> list[Incident]:
    return [apply_review(incident, reviews.get(incident.id)) for incident in incidents]


def figure(min_text: str, max_text: str) -> Figure | None:
    """A corrected figure from a form: empty min means "no correction"; empty max means open."""
    if not min_text.strip():
        return None
    try:
        low = int(min_text)
        high = int(max_text) if max_text.strip() else None
    except ValueError as exc:
        raise CivharmError(f"figures must be whole numbers, not {min_text!r}–{max_text!r}") from exc
    if low < 0 or (high is not None and high < low):
        raise CivharmError(f"invalid range {low}–{high}: the minimum must be 0 or more and at most the maximum")
    return Figure(min=low, max=high)


def place(name: str, country: str, lat: str, lon: str) -> Place | None:
    """A corrected place from a form; coordinates are optional but come in pairs."""
    if not name.strip():
        return None
    try:
        la = float(lat) if lat.strip() else None
        lo = float(lon) if lon.strip() else None
    except ValueError as exc:
        raise CivharmError("latitude and longitude must be numbers") from exc
    if (la is None) != (lo is None):
        raise CivharmError("give both latitude and longitude, or neither")
    if la is not None and lo is not None and not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise CivharmError("latitude must be within ±90 and longitude within ±180")
    return Place(
        name=name.strip(), country=country.strip().upper() or None, lat=la, lon=lo, precision=PlacePrecision.EXACT
    )
