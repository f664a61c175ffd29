"""Search over reports: the ``/search`` page and ``GET /api/search``, both over ``store.search``.

Anonymous visitors find only reports linked to a published incident whenever the public-status rule
is in force (``deps.sees_unpublished``), and see only published incidents beside them. A query that
cannot be searched is one line: next to the search box on the page, ``{"detail": ...}`` in the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from civharm.store.repository import Store
from civharm.store.search import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    LinkedIncident,
    SearchError,
    SearchHit,
    SearchPage,
    search_reports,
)
from civharm.web.api import ERRORS
from civharm.web.deps import StoreDep, sees_unpublished
from civharm.web.highlight import highlight
from civharm.web.pages import render

api_router = APIRouter(prefix="/api", tags=["api"])
page_router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def _search(request: Request, store: Store, q: str, limit: int, offset: int) -> SearchPage:
    return search_reports(store.database, q, limit=limit, offset=offset, public=not sees_unpublished(request))


@api_router.get("/search", response_model=SearchPage, responses=ERRORS)
def search_api(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(description='words, "quoted phrases", -word to leave reports out')],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="reports per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="reports to skip")] = 0,
) -> SearchPage:
    """Full-text search over reports' titles and text, best match first, with marked snippets."""
    return _search(request, store, q, limit, offset)


@dataclass(frozen=True)
class ResultRow:
    """A hit as the page shows it: its snippet escaped with the matching words marked."""

    hit: SearchHit
    snippet_html: Markup
    incidents: list[tuple[LinkedIncident, str]]


def _label(incident: LinkedIncident) -> str:
    place = incident.place_name or "place unknown"
    return f"{place}, {incident.date.isoformat()}" if incident.date else place


def _row(hit: SearchHit) -> ResultRow:
    spans = [(mark.start, mark.end, "match", "matches the search") for mark in hit.marks]
    return ResultRow(hit, highlight(hit.snippet, spans), [(i, _label(i)) for i in hit.incidents])


def _page_url(q: str, offset: int) -> str:
    return "/search?" + urlencode({"q": q, "offset": offset} if offset else {"q": q})


@page_router.get("/search", name="search_page")
def search_page(
    request: Request,
    store: StoreDep,
    q: str = "",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    """Search reports: a plain GET form and ranked results with marked snippets and their incidents."""
    context: dict[str, Any] = {"q": q, "error": None, "page": None, "rows": [], "prev_url": None, "next_url": None}
    if not q.strip():
        return render(request, "search.html", context)
    try:
        page = _search(request, store, q, DEFAULT_LIMIT, offset)
    except SearchError as exc:
        context["error"] = str(exc)
        return render(request, "search.html", context, status_code=400)
    context["page"] = page
    context["rows"] = [_row(hit) for hit in page.items]
    if page.next_offset is not None:
        context["next_url"] = _page_url(q, page.next_offset)
    if offset > 0:
        context["prev_url"] = _page_url(q, max(0, offset - DEFAULT_LIMIT))
    return render(request, "search.html", context)
