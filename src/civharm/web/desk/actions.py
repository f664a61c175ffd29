"""The decisions: forms that change an incident, each recorded as a revision with who, what and why.

Every form carries the session's CSRF token. Corrections, grades, status changes, rejections and
positions are laid over the linked record (``civharm.assess.review``) and survive relinking; merges,
splits and report moves change the incidents' mentions, recompute only the incidents involved so figures
follow, and are written in one transaction with their revisions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from civharm.assess import regroup
from civharm.assess.review import (
    FIGURE_FIELDS,
    BelligerentPosition,
    Corrections,
    PositionKind,
    Private,
    Review,
    StatementRef,
    StrikeStatus,
    Witness,
    apply_review,
    apply_reviews,
    figure,
    place,
)
from civharm.auth.roles import Principal, Role
from civharm.errors import CivharmError
from civharm.link.incremental import position_days
from civharm.link.linker import link
from civharm.records import DatePrecision, Grade, Incident, Status
from civharm.store.db import exclusive_linking
from civharm.store.desk import Change
from civharm.web.desk.common import PREFIX, back_to, desk_store, full_store
from civharm.web.desk.security import Analyst, check_csrf

router = APIRouter(prefix=PREFIX, include_in_schema=False)

MAX_FIELD = 10_000  # characters in one form field: notes and reasons are prose, not documents
_STATEMENT = re.compile(r"([0-9a-f]{64}):(\d+)-(\d+)")
_MENTION = re.compile(r"([0-9a-f]{64}):(\d+)")


async def _form(request: Request, who: Principal) -> dict[str, str]:
    form = await request.form()
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    check_csrf(who, fields.get("csrf", ""))
    if any(len(v) > MAX_FIELD for v in fields.values()):
        raise HTTPException(413, f"a form field is longer than {MAX_FIELD} characters")
    return fields


def _need(fields: dict[str, str], name: str, what: str) -> str:
    value = fields.get(name, "").strip()
    if not value:
        raise CivharmError(f"give {what}")
    return value


def _base(incident: Incident, old: Review) -> Incident:
    """The incident as the machine linked it, grade-wise (a reviewer's grade undone)."""
    if old.grade is None or old.suggested_grade is None:
        return incident
    return incident.model_copy(update={"grade": old.suggested_grade, "grade_rule": old.suggested_rule})


def _decide(request: Request, who: Principal, incident_id: str, review: Review, change: Change) -> Response:
    desk = desk_store(request)
    old = desk.review(incident_id)
    base = _base(full_store(request).incident(incident_id), old)
    if review.grade is not None:
        review = review.model_copy(update={"suggested_grade": base.grade, "suggested_rule": base.grade_rule})
    desk.decide(who.username, apply_review(base, review), change, review=review)
    return back_to(f"{PREFIX}/incidents/{incident_id}")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "min") and hasattr(value, "max"):
        return f"{value.min}–{'' if value.max is None else value.max}"
    if hasattr(value, "name") and hasattr(value, "country"):
        return f"{value.name} ({value.country or '?'})"
    return str(getattr(value, "value", value))


@router.post("/incidents/{incident_id}/status")
async def set_status(request: Request, who: Analyst, incident_id: str) -> Response:
    """Move an incident along draft → in review → published (publishing needs a reviewer)."""
    fields = await _form(request, who)
    try:
        to = Status(fields.get("to", ""))
    except ValueError as exc:
        raise CivharmError(f"status must be one of {', '.join(Status)}") from exc
    incident = full_store(request).incident(incident_id)
    if Status.PUBLISHED in (to, incident.status) and not who.allows(Role.REVIEWER):
        raise HTTPException(403, "publishing or unpublishing needs the reviewer role")
    old = desk_store(request).review(incident_id)
    review = old.model_copy(update={"status": to, "rejected_reason": None})
    change = Change("status", {"status": [incident.status.value, to.value]}, fields.get("reason", ""))
    return _decide(request, who, incident_id, review, change)


@router.post("/incidents/{incident_id}/grade")
async def set_grade(request: Request, who: Analyst, incident_id: str) -> Response:
    """A reviewer's grade with its reason, and the strike status."""
    if not who.allows(Role.REVIEWER):
        raise HTTPException(403, "this needs the reviewer role")
    fields = await _form(request, who)
    try:
        grade = Grade(fields.get("grade", ""))
        strike = StrikeStatus(fields.get("strike_status", StrikeStatus.NOT_ASSESSED.value))
    except ValueError as exc:
        raise CivharmError("choose a grade and a strike status from the lists") from exc
    reason = _need(fields, "reason", "the reason for the grade")
    incident = full_store(request).incident(incident_id)
    old = desk_store(request).review(incident_id)
    review = old.model_copy(update={"grade": grade, "grade_reason": reason, "strike_status": strike})
    changes = {"grade": [incident.grade.value, grade.value], "strike status": [old.strike_status.value, strike.value]}
    return _decide(request, who, incident_id, review, Change("grade", changes, reason))


@router.post("/incidents/{incident_id}/reject")
async def reject(request: Request, who: Analyst, incident_id: str) -> Response:
    """Reject an extracted incident with a reason (it stays, unpublished, with its history)."""
    if not who.allows(Role.REVIEWER):
        raise HTTPException(403, "this needs the reviewer role")
    fields = await _form(request, who)
    reason = _need(fields, "reason", "the reason for rejecting")
    old = desk_store(request).review(incident_id)
    review = old.model_copy(update={"rejected_reason": reason, "status": Status.DRAFT})
    return _decide(request, who, incident_id, review, Change("reject", {"rejected": ["", reason]}, reason))


def _corrections(fields: dict[str, str]) -> Corrections:
    values: dict[str, Any] = {}
    if fields.get("date", "").strip():
        try:
            values["date"] = dt.date.fromisoformat(fields["date"].strip())
        except ValueError as exc:
            raise CivharmError(f"date {fields['date']!r} is not YYYY-MM-DD") from exc
        values["date_precision"] = DatePrecision(fields.get("date_precision") or DatePrecision.DAY.value)
    found = place(fields.get("place", ""), fields.get("country", ""), fields.get("lat", ""), fields.get("lon", ""))
    if found is not None:
        values["place"] = found
    for name in ("perpetrators", "targets"):
        if fields.get(name, "").strip():
            values[name] = tuple(p.strip() for p in fields[name].split(",") if p.strip())
    for name in FIGURE_FIELDS:
        value = figure(fields.get(f"{name}_min", ""), fields.get(f"{name}_max", ""))
        if value is not None:
            values[name] = value
    return Corrections(**values)


@router.post("/incidents/{incident_id}/correct")
async def correct(request: Request, who: Analyst, incident_id: str) -> Response:
    """Correct figures, date, place, perpetrators or targets; empty fields keep what is there."""
    fields = await _form(request, who)
    reason = _need(fields, "reason", "the reason for the correction")
    fixed = _corrections(fields)
    incident = full_store(request).incident(incident_id)
    old = desk_store(request).review(incident_id)
    merged = old.corrections.model_copy(update=fixed.model_dump(exclude_none=True, mode="python"))
    changes = {
        name: [_text(getattr(incident, name)), _text(getattr(fixed, name))]
        for name in fixed.model_fields_set
        if getattr(fixed, name) is not None
    }
    if not changes:
        raise CivharmError("nothing to correct: fill in at least one field")
    review = old.model_copy(update={"corrections": Corrections.model_validate(merged.model_dump())})
    return _decide(request, who, incident_id, review, Change("correct", changes, reason))


def _statements(text: str) -> tuple[StatementRef, ...]:
    refs = []
    for token in text.split():
        match = _STATEMENT.fullmatch(token.strip())
        if match is None:
            raise CivharmError(f"a statement is REPORT_SHA256:START-END, not {token[:40]!r}")
        refs.append(StatementRef(report_sha256=match[1], start=int(match[2]), end=int(match[3])))
    return tuple(refs)


@router.post("/incidents/{incident_id}/position")
async def set_position(request: Request, who: Analyst, incident_id: str) -> Response:
    """A belligerent's position: denies, acknowledges, no comment or not assessed; conceded deaths."""
    fields = await _form(request, who)
    party = _need(fields, "party", "the party")
    try:
        kind = PositionKind(fields.get("position", ""))
    except ValueError as exc:
        raise CivharmError(f"position must be one of {', '.join(PositionKind)}") from exc
    conceded = figure(fields.get("conceded_min", ""), fields.get("conceded_max", ""))
    position = BelligerentPosition(
        party=party,
        position=kind,
        conceded_min=None if conceded is None else conceded.min,
        conceded_max=None if conceded is None else conceded.max,
        statements=_statements(fields.get("statements", "")),
    )
    old = desk_store(request).review(incident_id)
    before = next((p for p in old.positions if p.party == party), None)
    others = tuple(p for p in old.positions if p.party != party)
    review = old.model_copy(update={"positions": (*others, position)})
    changes = {f"position of {party}": [before.position.value if before else "", kind.value]}
    return _decide(request, who, incident_id, review, Change("position", changes, fields.get("reason", "")))


@router.post("/incidents/{incident_id}/private")
async def set_private(request: Request, who: Analyst, incident_id: str) -> Response:
    """Analyst notes and witnesses (name | contact, one a line): restricted, never public."""
    fields = await _form(request, who)
    witnesses = []
    for line in fields.get("witnesses", "").splitlines():
        if line.strip():
            name, _, contact = line.partition("|")
            witnesses.append(Witness(name=name.strip(), contact=contact.strip()))
    private = Private(notes=fields.get("notes", ""), witnesses=tuple(witnesses))
    desk = desk_store(request)
    incident = full_store(request).incident(incident_id)
    change = Change("restricted", {}, "", note="notes or witnesses changed", private=True)
    desk.decide(who.username, incident, change, private=private)
    return back_to(f"{PREFIX}/incidents/{incident_id}")


def _write_regrouping(
    request: Request, who: Principal, before: list[Incident], after: list[Incident], changes: list[tuple[str, Change]]
) -> None:
    """Recompute the regrouped incidents from their own reports and write them with their revisions.

    Only the incidents involved are read, linked and written (no new mentions join them); the reports
    whose positions may attach to them are read too, as incremental linking does. The caller holds the
    linking lock, so a ``civharm run`` cannot change these incidents in between.
    """
    store = full_store(request)
    desk = desk_store(request)
    shas = {sha for incident in after for sha in incident.report_ids}
    for low, high in position_days((), after):
        shas.update(store.position_reports(low, high))
    linked = link([store.extraction(sha) for sha in sorted(shas)], after, new=frozenset())
    removed = sorted({i.id for i in before} - {i.id for i in linked})
    desk.regroup(who.username, apply_reviews(linked, desk.reviews()), removed, changes)


@router.post("/incidents/{incident_id}/merge")
async def merge(request: Request, who: Analyst, incident_id: str) -> Response:
    """Fold another incident into this one."""
    fields = await _form(request, who)
    other = _need(fields, "other", "the id of the incident to merge in")
    reason = _need(fields, "reason", "the reason for merging")
    store = full_store(request)
    with exclusive_linking(store.database):
        before = [store.incident(incident_id), store.incident(other)]
        changes = [
            (incident_id, Change("merge", {"merged in": ["", other]}, reason)),
            (other, Change("merge", {"merged into": ["", incident_id]}, reason)),
        ]
        _write_regrouping(request, who, before, regroup.merge(before, incident_id, other), changes)
    return back_to(f"{PREFIX}/incidents/{incident_id}")


@router.post("/incidents/{incident_id}/split")
async def split(request: Request, who: Analyst, incident_id: str) -> Response:
    """Take some report mentions (REPORT_SHA256:INDEX) out into a new incident."""
    form = await request.form()
    check_csrf(who, str(form.get("csrf", "")))
    chosen = []
    for value in form.getlist("mention"):
        match = _MENTION.fullmatch(str(value))
        if match is None:
            raise CivharmError(f"a mention is REPORT_SHA256:INDEX, not {str(value)[:40]!r}")
        chosen.append((match[1], int(match[2])))
    reason = str(form.get("reason", "")).strip()
    if not reason:
        raise CivharmError("give the reason for splitting")
    store = full_store(request)
    with exclusive_linking(store.database):
        before = [store.incident(incident_id)]
        after, new_id = regroup.split(before, incident_id, chosen)
        changes = [
            (incident_id, Change("split", {"split off": ["", new_id]}, reason)),
            (new_id, Change("split", {"split from": ["", incident_id]}, reason)),
        ]
        _write_regrouping(request, who, before, after, changes)
    return back_to(f"{PREFIX}/incidents/{new_id}")


@router.post("/incidents/{incident_id}/move")
async def move(request: Request, who: Analyst, incident_id: str) -> Response:
    """Move one report (all its mentions) from this incident to another."""
    fields = await _form(request, who)
    sha = _need(fields, "report", "the report to move")
    target = _need(fields, "to", "the incident to move it to")
    reason = _need(fields, "reason", "the reason for moving")
    store = full_store(request)
    with exclusive_linking(store.database):
        before = [store.incident(incident_id), store.incident(target)]
        changes = [
            (incident_id, Change("move", {"report moved out": [sha, target]}, reason)),
            (target, Change("move", {"report moved in": [incident_id, sha]}, reason)),
        ]
        _write_regrouping(request, who, before, regroup.move_report(before, sha, incident_id, target), changes)
    return back_to(f"{PREFIX}/incidents/{target}")
