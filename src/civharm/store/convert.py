"""Turn records into table rows and back, exactly.

Kept apart from the repository so the mapping (which claim kind is which model, how an
Extraction becomes rows and is rebuilt from them) is one pure, testable place with no
transactions in it. Every claim row keeps the claim's ``model_dump(mode="json")``; rebuilding
validates that JSON with the model of the row's kind, so what comes out equals what went in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from civharm.errors import CivharmError
from civharm.records import (
    AttackMention,
    Casualty,
    EvidenceMention,
    Extraction,
    Figure,
    Incident,
    LegalMention,
    PlaceMention,
    Position,
    Report,
    Span,
    Tally,
    stable_id,
)
from civharm.store.models import ClaimRow, IncidentRow, ReportRow


class ClaimKind(StrEnum):
    """The ``claims.kind`` values; the order here is the order claims are listed in."""

    ATTACK = "attack"
    CASUALTY = "casualty"
    TALLY = "tally"
    POSITION = "position"
    EVIDENCE = "evidence"
    LEGAL = "legal"
    PLACE = "place"


Claim = AttackMention | Casualty | Tally | Position | EvidenceMention | LegalMention | PlaceMention

CLAIM_MODELS: dict[ClaimKind, type[Claim]] = {
    ClaimKind.ATTACK: AttackMention,
    ClaimKind.CASUALTY: Casualty,
    ClaimKind.TALLY: Tally,
    ClaimKind.POSITION: Position,
    ClaimKind.EVIDENCE: EvidenceMention,
    ClaimKind.LEGAL: LegalMention,
    ClaimKind.PLACE: PlaceMention,
}

KIND_ORDER = {kind: rank for rank, kind in enumerate(ClaimKind)}


def claim_id(report_sha256: str, kind: ClaimKind, index: int, span: Span) -> str:
    """The stable id of a claim: the same report, kind, index and span always give the same id."""
    return stable_id(report_sha256, kind.value, index, span.start, span.end)


def _json(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def check_storable(report: Report) -> None:
    """Refuse text PostgreSQL cannot hold (NUL), on every backend, so both behave the same."""
    for name, value in report:
        if isinstance(value, str) and "\x00" in value:
            raise CivharmError(f"report {report.sha256[:12]}: {name} contains a NUL character, which cannot be stored")


def report_row(report: Report) -> ReportRow:
    return ReportRow(
        sha256=report.sha256,
        url=report.url,
        canonical_url=report.canonical_url,
        title=report.title,
        publisher=report.publisher,
        author=report.author,
        published=report.published,
        origin=report.origin,
        language=report.language,
        media_type=report.media_type,
        text=report.text,
        captured_at=report.captured_at,
        captured_by=report.captured_by,
    )


def report_from_row(row: ReportRow) -> Report:
    return Report(
        sha256=row.sha256,
        url=row.url,
        canonical_url=row.canonical_url,
        title=row.title,
        publisher=row.publisher,
        author=row.author,
        published=row.published,
        origin=row.origin,
        language=row.language,
        media_type=row.media_type,
        text=row.text,
        captured_at=row.captured_at,
        captured_by=row.captured_by,
    )


def _row(sha256: str, kind: ClaimKind, index: int, claim: Claim, parent_id: str | None = None) -> ClaimRow:
    return ClaimRow(
        id=claim_id(sha256, kind, index, claim),
        report_sha256=sha256,
        kind=kind.value,
        idx=index,
        start=claim.start,
        end=claim.end,
        parent_id=parent_id,
        data=_json(claim),
        incident_id=None,
    )


def claim_rows(extraction: Extraction) -> list[ClaimRow]:
    """All claim rows of one extraction; an attack's row comes before its casualties' rows.

    Casualties are stored inside their attack's ``data`` (that is what rebuilds the Extraction)
    and also as rows of their own, numbered across the report's attacks, so they can be listed
    and linked to incidents like any other claim.
    """
    sha = extraction.report.sha256
    rows: list[ClaimRow] = []
    casualty_index = 0
    for index, attack in enumerate(extraction.incidents):
        attack_row = _row(sha, ClaimKind.ATTACK, index, attack)
        rows.append(attack_row)
        for casualty in attack.casualties:
            rows.append(_row(sha, ClaimKind.CASUALTY, casualty_index, casualty, parent_id=attack_row.id))
            casualty_index += 1
    plain: tuple[tuple[ClaimKind, Iterable[Claim]], ...] = (
        (ClaimKind.TALLY, extraction.tallies),
        (ClaimKind.POSITION, extraction.positions),
        (ClaimKind.EVIDENCE, extraction.evidence),
        (ClaimKind.LEGAL, extraction.legal),
        (ClaimKind.PLACE, extraction.places),
    )
    for kind, claims in plain:
        rows.extend(_row(sha, kind, index, claim) for index, claim in enumerate(claims))
    return rows


def claim_from_row(row: ClaimRow) -> Claim:
    """The claim record a row holds, validated by the model of its kind."""
    try:
        kind = ClaimKind(row.kind)
    except ValueError as exc:
        raise CivharmError(f"claim {row.id} has an unknown kind {row.kind!r}") from exc
    return CLAIM_MODELS[kind].model_validate(row.data)


def extraction_from_rows(report: ReportRow, claims: Iterable[ClaimRow]) -> Extraction:
    """Rebuild an Extraction from its report row and claim rows (casualty rows are skipped:
    they are already inside their attacks)."""
    by_kind: dict[ClaimKind, list[tuple[int, Claim]]] = {kind: [] for kind in ClaimKind}
    for row in claims:
        claim = claim_from_row(row)  # checks the kind first
        by_kind[ClaimKind(row.kind)].append((row.idx, claim))

    def ordered(kind: ClaimKind) -> list[Any]:
        return [claim for _, claim in sorted(by_kind[kind], key=lambda pair: pair[0])]

    return Extraction(
        report=report_from_row(report),
        incidents=tuple(ordered(ClaimKind.ATTACK)),
        tallies=tuple(ordered(ClaimKind.TALLY)),
        positions=tuple(ordered(ClaimKind.POSITION)),
        evidence=tuple(ordered(ClaimKind.EVIDENCE)),
        legal=tuple(ordered(ClaimKind.LEGAL)),
        places=tuple(ordered(ClaimKind.PLACE)),
    )


def _bounds(figure: Figure | None) -> tuple[int | None, int | None]:
    return (None, None) if figure is None else (figure.min, figure.max)


def incident_row(
    incident: Incident, created_at: dt.datetime, updated_at: dt.datetime, *, published: Iterable[dt.date | None]
) -> IncidentRow:
    """Flat, indexed columns for filtering plus the whole record in ``data``; ``published`` are the
    publication dates of its attack mentions' reports, of which the row keeps the first and last."""
    place = incident.place
    days = sorted(day for day in published if day is not None)
    killed = _bounds(incident.civilians_killed)
    injured = _bounds(incident.civilians_injured)
    children = _bounds(incident.children_killed)
    women = _bounds(incident.women_killed)
    fighters = _bounds(incident.fighters_killed)
    return IncidentRow(
        id=incident.id,
        date=incident.date,
        date_precision=None if incident.date_precision is None else incident.date_precision.value,
        place_name=None if place is None else place.name,
        geonameid=None if place is None else place.geonameid,
        lat=None if place is None else place.lat,
        lon=None if place is None else place.lon,
        country=None if place is None else place.country,
        admin1=None if place is None else place.admin1,
        admin2=None if place is None else place.admin2,
        place_precision=None if place is None else place.precision.value,
        attack_type=incident.attack_type.value,
        perpetrators=list(incident.perpetrators),
        targets=list(incident.targets),
        civilians_killed_min=killed[0],
        civilians_killed_max=killed[1],
        civilians_injured_min=injured[0],
        civilians_injured_max=injured[1],
        children_killed_min=children[0],
        children_killed_max=children[1],
        women_killed_min=women[0],
        women_killed_max=women[1],
        fighters_killed_min=fighters[0],
        fighters_killed_max=fighters[1],
        source_count=incident.source_count,
        grade=incident.grade.value,
        grade_rule=incident.grade_rule,
        status=incident.status.value,
        published_first=days[0] if days else None,
        published_last=days[-1] if days else None,
        data=_json(incident),
        created_at=created_at,
        updated_at=updated_at,
    )


def incident_from_data(data: dict[str, Any]) -> Incident:
    return Incident.model_validate(data)
