"""The JSON API under ``/api``: incidents, reports, tallies and exports, described by OpenAPI.

Responses are the domain records themselves (frozen pydantic models), wrapped only where a
list needs paging or an incident needs its claims and reports beside it. Errors are
``{"detail": "..."}`` with 404 for an unknown id and 422 for a bad parameter.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict

from civharm.publish.export import EXPORT_MEDIA_TYPES, EXPORT_SUFFIXES, stream_export
from civharm.publish.tally import stored_tally
from civharm.records import Extraction, Grade, Incident, Report, Status
from civharm.store.convert import Claim
from civharm.store.cursor import Cursor
from civharm.web import tallies
from civharm.web.deps import (
    MAX_OFFSET,
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    FilterForm,
    SettingsDep,
    StoreDep,
    public_filter,
    to_filter,
    visible_incident,
    visible_incidents,
)

router = APIRouter(prefix="/api", tags=["api"])


class ApiModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Error(ApiModel):
    """Every error response: one line a person can read."""

    detail: str


ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": Error, "description": "No record with this id"},
    422: {"model": Error, "description": "A parameter is invalid"},
}


class IncidentPage(ApiModel):
    """One page of incidents. ``next_after`` (and ``next_offset``, when paging by offset) are null on
    the last page; pass ``next_after`` as ``after`` to get the next page however deep it is."""

    items: list[Incident]
    limit: int
    offset: int
    next_offset: int | None
    next_after: str | None


class StoredClaimOut(ApiModel):
    """A claim with where it is stored."""

    id: str
    report_sha256: str
    kind: str
    index: int
    incident_id: str | None
    claim: Claim


class IncidentDetail(ApiModel):
    """An incident with its claims (attack, casualty; positions, evidence and legal of its reports)."""

    incident: Incident
    claims: list[StoredClaimOut]
    reports: list[Report]


@router.get("/incidents", response_model=IncidentPage, responses=ERRORS)
def list_incidents(
    store: StoreDep,
    settings: SettingsDep,
    date_from: Annotated[dt.date | None, Query(description="earliest incident date (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(description="latest incident date (YYYY-MM-DD)")] = None,
    place: Annotated[str | None, Query(description="place name, admin1/admin2 (substring) or country code")] = None,
    perpetrator: Annotated[str | None, Query(description="alleged perpetrator (substring)")] = None,
    grade: Annotated[Grade | None, Query(description="one of " + ", ".join(Grade))] = None,
    status: Annotated[Status | None, Query(description="one of " + ", ".join(Status))] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="incidents per page")] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="incidents to skip")] = 0,
    after: Annotated[str, Query(max_length=200, description="next_after of the previous page (not with offset)")] = "",
) -> IncidentPage:
    """Incidents, newest first, with the same filters as the incident list page."""
    form = FilterForm(
        date_from.isoformat() if date_from else "",
        date_to.isoformat() if date_to else "",
        place or "",
        perpetrator or "",
        grade.value if grade else "",
        status.value if status else "",
    )
    found = visible_incidents(store, settings, to_filter(form, limit + 1, offset, after))
    items, more = found[:limit], len(found) > limit
    return IncidentPage(
        items=items,
        limit=limit,
        offset=offset,
        next_offset=offset + limit if more and not after else None,
        next_after=str(Cursor.of(items[-1])) if more else None,
    )


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses=ERRORS)
def get_incident(
    store: StoreDep, settings: SettingsDep, incident_id: Annotated[str, Path(description="the incident's id")]
) -> IncidentDetail:
    """One incident, its claims and the reports linked to it."""
    incident = visible_incident(store, settings, incident_id)
    claims = [
        StoredClaimOut(
            id=c.id,
            report_sha256=c.report_sha256,
            kind=c.kind.value,
            index=c.index,
            incident_id=c.incident_id,
            claim=c.claim,
        )
        for c in store.incident_claim_rows(incident_id)
    ]
    reports = [store.report(sha) for sha in dict.fromkeys(incident.report_ids)]
    return IncidentDetail(incident=incident, claims=claims, reports=reports)


@router.get("/reports/{sha256}", response_model=Extraction, responses=ERRORS)
def get_report(
    store: StoreDep, sha256: Annotated[str, Path(description="SHA-256 of the report's original bytes")]
) -> Extraction:
    """A report (text exactly as stored) and everything extracted from it."""
    return store.extraction(sha256)


class By(StrEnum):
    PERPETRATOR = "perpetrator"
    MONTH = "month"
    PLACE = "place"
    GRADE = "grade"


@router.get("/tally", response_model=tallies.TallyResponse, responses=ERRORS)
def get_tally(
    store: StoreDep,
    settings: SettingsDep,
    by: Annotated[By, Query(description="group by " + ", ".join(By))] = By.PERPETRATOR,
) -> tallies.TallyResponse:
    """Incidents tallied by one key, headline grades apart, and sources' own cumulative tallies.

    Headline rows count incidents graded Fair or Confirmed; the other grades are listed apart.
    """
    result = stored_tally(store, public_filter(settings), by.value)
    return tallies.response(result, store.tallies(), by.value)


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    GEOJSON = "geojson"
    ACLED = "acled"
    UCDP = "ucdp"


@router.get(
    "/export/{fmt}",
    responses={
        200: {
            "description": "The export file",
            "content": {"application/json": {}, "text/csv": {}, "application/geo+json": {}},
        },
        **ERRORS,
    },
)
def export(
    store: StoreDep,
    settings: SettingsDep,
    fmt: Annotated[ExportFormat, Path(description="one of " + ", ".join(ExportFormat))],
) -> Response:
    """Every incident as a downloadable JSON, CSV, GeoJSON, ACLED-shaped or UCDP-GED-shaped CSV file."""
    body = stream_export(fmt.value, store.stream_incidents(public_filter(settings)), store)
    headers = {"Content-Disposition": f'attachment; filename="civharm-incidents.{EXPORT_SUFFIXES[fmt.value]}"'}
    return StreamingResponse(body, media_type=EXPORT_MEDIA_TYPES[fmt.value], headers=headers)
