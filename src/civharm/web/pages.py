"""The HTML pages: incident list, incident, report, tallies, and the API's own docs page.

Every page is server-rendered from the store through ``present``; nothing captured is ever
rendered as HTML, only as escaped text or ``highlight``'s marks over escaped text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from civharm.assess.parties import matches_any
from civharm.errors import NotFoundError
from civharm.publish.tally import format_range, stored_tally
from civharm.records import Grade, Incident, Position, SourceFigure
from civharm.settings import Settings
from civharm.store.desk import DeskStore
from civharm.store.repository import Store
from civharm.web import present, republish, tallies, timeline
from civharm.web.deps import (
    MAX_OFFSET,
    PAGE_SIZE,
    FilterError,
    FormDep,
    SettingsDep,
    StoreDep,
    public_filter,
    to_filter,
    visible_incident,
    visible_incidents,
)
from civharm.web.highlight import highlight
from civharm.web.templating import TEMPLATES

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """A template rendered with the request; ``section`` marks the current item of the main menu."""
    context.setdefault("section", "")
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


@dataclass(frozen=True)
class IncidentRow:
    incident: Incident
    date: str
    place: str
    killed: str
    injured: str


def _row(incident: Incident) -> IncidentRow:
    return IncidentRow(
        incident=incident,
        date=present.date_text(incident.date, incident.date_precision),
        place=present.place_text(incident.place),
        killed=present.figure_text(incident.civilians_killed),
        injured=present.figure_text(incident.civilians_injured),
    )


@router.get("/", name="incident_list")
def incident_list(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    form: FormDep,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    """Headline tallies, the timeline and incidents, newest first, narrowed by the filter form."""
    context: dict[str, Any] = {
        "section": "incidents",
        "form": form,
        "grades": [g.value for g in Grade],
        "rows": [],
        "errors": [],
        "offset": offset,
        "prev_url": None,
        "next_url": None,
        "headline": None,
        "chart": None,
    }
    try:
        # One row more than a page tells whether a next page exists without counting.
        found = visible_incidents(store, settings, to_filter(form, PAGE_SIZE + 1, offset))
        every = public_filter(settings, to_filter(form, None, 0))
    except FilterError as exc:
        context["errors"] = str(exc).split("; ")
        return render(request, "incidents.html", context, status_code=400)
    context["rows"] = [_row(i) for i in found[:PAGE_SIZE]]
    context["headline"] = stored_tally(store, every)
    context["chart"] = timeline.build(*timeline.stored_cells(store, every))
    if len(found) > PAGE_SIZE:
        context["next_url"] = "/?" + urlencode({**form.query(), "offset": offset + PAGE_SIZE})
    if offset > 0:
        context["prev_url"] = "/?" + urlencode({**form.query(), "offset": max(0, offset - PAGE_SIZE)})
    return render(request, "incidents.html", context)


@dataclass(frozen=True)
class FigureRow:
    figure: SourceFigure
    text: str
    anchor: str


@dataclass(frozen=True)
class PositionRow:
    position: Position
    report_sha256: str
    anchor: str
    accused: bool  # the party is one of the incident's alleged perpetrators


@router.get("/incidents/{incident_id}", name="incident_page")
def incident_page(request: Request, store: StoreDep, settings: SettingsDep, incident_id: str) -> HTMLResponse:
    """One incident: ranges, each source's figure, the accused party's positions, the sentences used."""
    incident = visible_incident(store, settings, incident_id)
    linked = [present.linked_report(incident, store.extraction(sha)) for sha in dict.fromkeys(incident.report_ids)]
    positions = [
        PositionRow(
            claim,
            stored.report_sha256,
            present.span_anchor(claim.start, claim.end),
            matches_any(claim.party, incident.perpetrators),
        )
        for stored in store.incident_claim_rows(incident_id)
        if isinstance(claim := stored.claim, Position)
    ]
    figures = [
        ("Civilians killed", present.figure_text(incident.civilians_killed)),
        ("Civilians injured", present.figure_text(incident.civilians_injured)),
        ("Children killed", present.figure_text(incident.children_killed)),
        ("Women killed", present.figure_text(incident.women_killed)),
        ("Fighters killed", present.figure_text(incident.fighters_killed)),
    ]
    source_figures = [
        FigureRow(f, format_range(f.min, f.max), present.span_anchor(f.start, f.end)) for f in incident.figures
    ]
    context = {
        "incident": incident,
        "heading": present.incident_heading(incident),
        "grade_meaning": present.GRADE_MEANINGS[incident.grade],
        "date": present.date_text(incident.date, incident.date_precision),
        "place": present.place_text(incident.place),
        "coordinates": present.coordinates_text(incident.place),
        "figures": figures,
        "source_figures": source_figures,
        "positions": [p for p in positions if p.accused],
        "other_positions": [p for p in positions if not p.accused],
        "reports": linked,
    }
    offer = republish.incident_offer(
        request, settings, incident, [r.report for r in linked], present.incident_summary(incident)
    )
    context["offer"] = offer if isinstance(offer, republish.Offer) else None
    context["refusal"] = offer.reason if isinstance(offer, republish.Refusal) else None
    return render(request, "incident.html", context)


def safe_url(url: str | None) -> str | None:
    """A report's URL fit for an ``href``: only http(s); ``javascript:`` and the like stay text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else None


def report_incidents(store: Store, settings: Settings, sha256: str) -> list[Incident]:
    """The incidents a report belongs to that the requester may see (never a link to a draft)."""
    shown: list[Incident] = []
    for incident_id in DeskStore(store.database).report_incident_ids(sha256):
        try:
            shown.append(visible_incident(store, settings, incident_id))
        except NotFoundError:
            continue
    return shown


@router.get("/reports/{sha256}", name="report_page")
def report_page(request: Request, store: StoreDep, settings: SettingsDep, sha256: str) -> HTMLResponse:
    """One report: its metadata, the incidents it belongs to, its full text with every extracted span marked."""
    extraction = store.extraction(sha256)
    marks = present.claim_marks(extraction)
    text_html = highlight(extraction.report.text, [m.as_span() for m in marks], anchors=[m.anchor for m in marks])
    context = {
        "report": extraction.report,
        "safe_url": safe_url(extraction.report.url),
        "marks": marks,
        "kinds": sorted({m.kind for m in marks}),
        "text_html": text_html,
        "incidents": [(i, present.incident_heading(i)) for i in report_incidents(store, settings, sha256)],
    }
    return render(request, "report.html", context)


@router.get("/tallies", name="tallies_page")
def tallies_page(
    request: Request, store: StoreDep, settings: SettingsDep, by: str = tallies.DEFAULT_BY
) -> HTMLResponse:
    """Tallies of incidents grouped ``by`` one key, headline grades apart, and sources' own tallies."""
    if by not in tallies.GROUPINGS:
        raise FilterError(f"by: {by!r} is not one of {', '.join(tallies.GROUPINGS)}")
    result = stored_tally(store, public_filter(settings), by)  # type: ignore[arg-type]  # one of GROUPINGS
    sections = tallies.sections(result, visible_incidents(store, settings) if result.ids_listed else [])
    context: dict[str, Any] = {
        "section": "tallies",
        "by": by,
        "by_label": tallies.GROUPINGS[by],
        "groupings": list(tallies.GROUPINGS.items()),
        "sections": sections,
        "reported": tallies.reported(store.tallies()),
        "offer": republish.tallies_offer(request, settings, by, tallies.summary_lines(sections, by)),
        "refusal": None,
    }
    return render(request, "tallies.html", context)
