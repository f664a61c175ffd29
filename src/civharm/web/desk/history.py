"""The public revision history of a published incident: what changed and why, no private notes.

Changes to restricted fields (witnesses, analyst notes) are left out entirely, and so are the
analysts' names; desk users see the full history on the desk's incident page.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict

from civharm.store.desk import DeskStore
from civharm.store.repository import Store
from civharm.web.deps import StoreDep
from civharm.web.templating import TEMPLATES

router = APIRouter()
api_router = APIRouter()  # the JSON twin, described in the OpenAPI document with the rest of /api


class RevisionOut(BaseModel):
    """One public revision: when, what kind of decision, field -> [before, after], and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    at: dt.datetime
    action: str
    changes: dict[str, Any]
    reason: str


class HistoryOut(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    incident_id: str
    revisions: list[RevisionOut]


def _history(store: Store, incident_id: str) -> HistoryOut:
    store.incident(incident_id)  # the public view: 404 unless the requester may see it
    revisions = DeskStore(store.database).revisions(incident_id, public=True)
    return HistoryOut(
        incident_id=incident_id,
        revisions=[RevisionOut(at=r.at, action=r.action, changes=r.changes, reason=r.reason) for r in revisions],
    )


@api_router.get(
    "/api/incidents/{incident_id}/history",
    response_model=HistoryOut,
    tags=["api"],
    responses={404: {"description": "No published incident with this id"}},
)
def api_history(store: StoreDep, incident_id: Annotated[str, Path(description="the incident's id")]) -> HistoryOut:
    """An incident's public revision history: what changed and why, oldest first."""
    return _history(store, incident_id)


@router.get("/incidents/{incident_id}/history", response_class=HTMLResponse, include_in_schema=False)
def page_history(request: Request, store: StoreDep, incident_id: str) -> HTMLResponse:
    """An incident's public revision history as a page."""
    history = _history(store, incident_id)
    context = {"section": "incidents", "history": history}
    return TEMPLATES.TemplateResponse(request, "desk/history.html", context)
