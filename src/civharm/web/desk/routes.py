"""Sign-in, sign-out, the review queue and the desk's incident page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from civharm.assess.review import FIGURE_FIELDS, PositionKind, StrikeStatus
from civharm.auth.accounts import LoginThrottled
from civharm.auth.roles import Role
from civharm.errors import CivharmError
from civharm.records import Grade, Status
from civharm.store.repository import IncidentFilter
from civharm.web import present
from civharm.web.desk.common import PREFIX, back_to, copies_of, desk_store, evidence_of, full_store, render
from civharm.web.desk.security import (
    SESSION_COOKIE,
    CsrfField,
    Viewer,
    accounts,
    check_csrf,
    check_login_csrf,
    clear_session_cookie,
    client_address,
    login_csrf,
    principal,
    set_login_csrf,
    set_session_cookie,
)

router = APIRouter(prefix=PREFIX, include_in_schema=False, default_response_class=HTMLResponse)

QUEUE_VIEWS = ("to review", "in review", "published", "rejected", "all")


@router.get("/login")
def login_form(request: Request) -> Response:
    """The sign-in form."""
    token = login_csrf(request)
    response = render(request, "login.html", principal(request), {"error": "", "login_csrf": token})
    set_login_csrf(request, response, token)
    return response


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf: CsrfField = "",
) -> Response:
    """Check the password; a new session id on every sign-in."""
    check_login_csrf(request, csrf)
    try:
        cookie, _who = accounts(request).login(username, password, client_address(request))
    except LoginThrottled as exc:
        response = render(request, "login.html", None, {"error": str(exc), "login_csrf": csrf}, status=429)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except CivharmError as exc:
        return render(request, "login.html", None, {"error": str(exc), "login_csrf": csrf}, status=401)
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        accounts(request).logout(old)  # a session id from before sign-in is never reused
    redirect = back_to(f"{PREFIX}/")
    set_session_cookie(request, redirect, cookie)
    return redirect


@router.post("/logout")
def logout(request: Request, who: Viewer, csrf: CsrfField = "") -> Response:
    """End the session."""
    check_csrf(who, csrf)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        accounts(request).logout(cookie)
    response = back_to(f"{PREFIX}/login")
    clear_session_cookie(request, response)
    return response


@router.get("/")
def queue(request: Request, who: Viewer, view: str = "to review") -> Response:
    """The review queue: extracted incidents waiting for a decision, with their suggested grades."""
    if view not in QUEUE_VIEWS:
        raise HTTPException(400, f"view must be one of {', '.join(QUEUE_VIEWS)}")
    reviews = desk_store(request).reviews()
    rows: list[dict[str, Any]] = []
    for incident in full_store(request).incidents(IncidentFilter()):
        review = reviews.get(incident.id)
        rejected = review is not None and review.rejected_reason is not None
        shown = {
            "to review": not rejected and incident.status is Status.DRAFT,
            "in review": not rejected and incident.status is Status.IN_REVIEW,
            "published": incident.status is Status.PUBLISHED,
            "rejected": rejected,
            "all": True,
        }[view]
        if shown:
            rows.append(
                {
                    "incident": incident,
                    "date": present.date_text(incident.date, incident.date_precision),
                    "place": present.place_text(incident.place),
                    "killed": present.figure_text(incident.civilians_killed),
                    "rejected": rejected,
                }
            )
    return render(request, "queue.html", who, {"rows": rows, "view": view, "views": QUEUE_VIEWS})


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, who: Viewer, incident_id: str) -> Response:
    """One incident as the desk sees it: figures, suggestion and rule, decisions, evidence and its working
    copies, history."""
    store = full_store(request)
    incident = store.incident(incident_id)
    desk = desk_store(request)
    review = desk.review(incident_id)
    restricted = who.sees_restricted
    items = [i for i in evidence_of(request).items(incident_id) if restricted or not i.sensitive]
    context: dict[str, Any] = {
        "incident": incident,
        "date": present.date_text(incident.date, incident.date_precision),
        "place": present.place_text(incident.place),
        "figures": [
            (name, getattr(incident, name), present.figure_text(getattr(incident, name))) for name in FIGURE_FIELDS
        ],
        "review": review,
        "private": desk.private(incident_id) if restricted else None,
        "revisions": desk.revisions(incident_id, public=not restricted),
        "evidence": items,
        "copies": copies_of(request).of_items([i.id for i in items]),
        "grades": [g.value for g in Grade],
        "statuses": [s.value for s in Status],
        "strike_statuses": [s.value for s in StrikeStatus],
        "position_kinds": [p.value for p in PositionKind],
        "can_edit": who.allows(Role.ANALYST),
        "can_review": who.allows(Role.REVIEWER),
        "positions": store.incident_claims(incident_id),
    }
    return render(request, "incident.html", who, context)
