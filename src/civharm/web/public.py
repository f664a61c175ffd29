"""Public publishing pages: map, methodology, Atom feed, the republish pixel and republications.

Every incident shown goes through ``deps.visible_incidents`` (the one visibility rule). The pixel
answers every well-formed request with the same 1×1 GIF, recorded or not, so it never breaks a
republisher's page; only hits for pages that exist are recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from civharm.errors import NotFoundError
from civharm.publish.export import point_feature
from civharm.publish.feed import FeedInfo, atom_feed
from civharm.records import Grade, Incident, PlacePrecision
from civharm.settings import Settings
from civharm.store.repository import Store
from civharm.store.republish import RepublishLog, incident_times
from civharm.web import present, republish, tallies
from civharm.web.deps import (
    FilterError,
    FormDep,
    SettingsDep,
    StoreDep,
    to_filter,
    visible_incident,
    visible_incidents,
)
from civharm.web.templating import TEMPLATES

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

# How far an imprecise location may be from its drawn point, as the radius of the circle the map draws
# (km). Rough sizes of a town's surroundings, a district, a province and a country in the regions civharm
# covers (Syria's governorates are ~50–150 km across); they show uncertainty, not a measured area.
UNCERTAINTY_KM = {
    PlacePrecision.EXACT: 0,
    PlacePrecision.NEAR: 8,
    PlacePrecision.ADMIN2: 25,
    PlacePrecision.ADMIN1: 75,
    PlacePrecision.COUNTRY: 250,
}


def _render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    context.setdefault("section", "")
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def with_image_origin(response: Response, tiles_url: str) -> None:
    """Let one page load map tiles from the configured tile server (every other page: our host only)."""
    from civharm.web.app import CONTENT_SECURITY_POLICY  # the app imports this module

    parts = urlsplit(tiles_url.replace("{s}", "*"))
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return
    origin = f"{parts.scheme}://{parts.netloc}"
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "img-src 'self' data:", f"img-src 'self' data: {origin}"
    )


@router.get("/map", name="map_page")
def map_page(
    request: Request,
    settings: SettingsDep,
    form: FormDep,
) -> HTMLResponse:
    """A map of incidents (Leaflet, offline country outlines); imprecise places drawn as circles."""
    errors: list[str] = []
    try:
        to_filter(form, None, 0)
    except FilterError as exc:
        errors = str(exc).split("; ")
    context = {
        "section": "map",
        "form": form,
        "grades": [g.value for g in Grade],
        "errors": errors,
        "data_url": "/map/incidents.geojson?" + urlencode(form.query()),
        "tiles_url": settings.tiles_url,
        "vendor_ready": bool(request.app.state.vendor_ready),
        "action": "/map",
    }
    response = _render(request, "map.html", context, 400 if errors else 200)
    if settings.tiles_url:
        with_image_origin(response, settings.tiles_url)
    return response


def _map_properties(incident: Incident) -> dict[str, Any]:
    """What a map marker's popup shows (only called for incidents with a place)."""
    place = incident.place
    assert place is not None
    return {
        "url": f"/incidents/{incident.id}",
        "heading": present.incident_heading(incident),
        "place": present.place_text(place),
        "precision": place.precision.value,
        "radius_km": UNCERTAINTY_KM[place.precision],
        "killed": present.figure_text(incident.civilians_killed),
        "perpetrators": ", ".join(incident.perpetrators) or "not named",
        "grade": incident.grade.value,
    }


@router.get("/map/incidents.geojson", name="map_data", response_class=JSONResponse)
def map_data(
    store: StoreDep,
    settings: SettingsDep,
    form: FormDep,
) -> JSONResponse:
    """The map's incidents as GeoJSON ([lon, lat]), with the same filters as the list."""
    found = visible_incidents(store, settings, to_filter(form, None, 0))
    features = [f for i in found if (f := point_feature(i, _map_properties)) is not None]
    body = {"type": "FeatureCollection", "features": features, "skipped": len(found) - len(features)}
    return JSONResponse(body, media_type="application/geo+json")


@router.get("/methodology", name="methodology")
def methodology(request: Request) -> HTMLResponse:
    """How incidents are graded and how ranges are read and added up."""
    grades = [(g.value, present.GRADE_MEANINGS[g]) for g in Grade]
    return _render(request, "methodology.html", {"section": "methodology", "grades": grades})


@router.get("/feed.atom", name="feed", response_class=Response)
def feed(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """An Atom feed of newly published or updated incidents."""
    times = {k: (v.created_at, v.updated_at) for k, v in incident_times(store).items()}
    info = FeedInfo(
        f"{settings.publisher_name}: incidents", republish.base_url(request, settings), settings.publisher_name
    )
    body = atom_feed(info, visible_incidents(store, settings), times, present.incident_summary)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def _page_exists(store: Store, settings: Settings, key: str) -> bool:
    path = republish.page_path(key)
    if path is None:
        return False
    kind, _, rest = key.partition("-")
    if kind == "tallies":
        return rest in tallies.GROUPINGS
    try:
        visible_incident(store, settings, rest)
    except NotFoundError:
        return False
    return True


@router.get("/pixel/{page}.gif", name="pixel", response_class=Response)
def pixel(request: Request, store: StoreDep, settings: SettingsDep, page: str) -> Response:
    """A 1×1 image in republished copies: records the page, referring URL and time (no address kept)."""
    if _page_exists(store, settings, page):
        client = request.client.host if request.client else ""
        reader = republish.reader_digest(republish.reader_salt(settings), client, request.headers.get("user-agent", ""))
        RepublishLog(store).record(page, request.headers.get("referer"), reader, dt.datetime.now(dt.UTC))
    headers = {"Cache-Control": "no-store, max-age=0", "Cross-Origin-Resource-Policy": "cross-origin"}
    return Response(republish.PIXEL_GIF, media_type="image/gif", headers=headers)


@dataclass(frozen=True)
class RepublicationView:
    page_url: str
    page: str
    referrer: str | None
    referrer_href: str | None  # only http(s) URLs become links
    hits: int
    readers: int
    first_seen: str
    last_seen: str


def _href(url: str | None) -> str | None:
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in {"http", "https"} else None


@router.get("/republications", name="republications")
def republications(request: Request, store: StoreDep) -> HTMLResponse:
    """Where each page was republished: referring pages, hits and distinct readers."""
    views = [
        RepublicationView(
            republish.page_path(r.page) or "/",
            r.page,
            r.referrer,
            _href(r.referrer),
            r.hits,
            r.readers,
            r.first_seen.strftime("%Y-%m-%d %H:%M UTC"),
            r.last_seen.strftime("%Y-%m-%d %H:%M UTC"),
        )
        for r in RepublishLog(store).republications()
    ]
    return _render(request, "republications.html", {"section": "republications", "rows": views})
