"""Evidence upload and download, working copies, the evidence package, and the custody log page.

An original is always sent as a download (``Content-Disposition: attachment``) with the type its
bytes were sniffed as, ``nosniff`` and a sandboxing CSP, so nothing uploaded can run in the desk's
origin. Sensitive items (graphic, identifying a person) are shown to analysts and above only, and
every view of one is written to the custody log.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from civharm.capture.blobs import BlobStore
from civharm.custody import log
from civharm.custody.evidence import Flags, UploadRefused
from civharm.custody.package import build_package
from civharm.errors import CivharmError
from civharm.web.desk.common import PREFIX, back_to, copies_of, evidence_of, full_store, render, settings_of
from civharm.web.desk.security import Analyst, Reviewer, Viewer, check_csrf

router = APIRouter(prefix=PREFIX, include_in_schema=False)

_DOWNLOAD_HEADERS = {"Content-Security-Policy": "sandbox; default-src 'none'", "X-Content-Type-Options": "nosniff"}


def _flags(form: dict[str, str]) -> Flags:
    return Flags(
        graphic=form.get("graphic") == "on",
        identifies_person=form.get("identifies_person") == "on",
        description=form.get("description", "")[:2000],
    )


async def _read_limited(upload: UploadFile, limit: int) -> bytes:
    """At most ``limit + 1`` bytes: enough to tell a file is too big without holding all of it."""
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise UploadRefused(f"the file is larger than {limit} bytes", 413)
    return data


@router.post("/incidents/{incident_id}/evidence")
async def upload(request: Request, who: Analyst, incident_id: str) -> Response:
    """Upload an image, video or PDF as evidence of an incident (SHA-256 taken now)."""
    settings = settings_of(request)
    length = int(request.headers.get("content-length") or 0)
    if length > settings.max_bytes + 64 * 1024:  # the file plus the form's own fields
        raise HTTPException(413, f"the upload is larger than {settings.max_bytes} bytes")
    form = await request.form(max_part_size=settings.max_bytes + 1)
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    check_csrf(who, fields.get("csrf", ""))
    full_store(request).incident(incident_id)
    file = form.get("file")
    if not isinstance(file, UploadFile):
        raise CivharmError("choose a file to upload")
    try:
        data = await _read_limited(file, settings.max_bytes)
        evidence_of(request).upload(incident_id, who.username, file.filename or "", data, _flags(fields))
    except UploadRefused as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    return back_to(f"{PREFIX}/incidents/{incident_id}#evidence")


@router.post("/incidents/{incident_id}/evidence/report")
async def attach_report(request: Request, who: Analyst, incident_id: str) -> Response:
    """Keep a captured report's original bytes as evidence of an incident."""
    form = await request.form()
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    check_csrf(who, fields.get("csrf", ""))
    full_store(request).incident(incident_id)
    evidence_of(request).attach_report(incident_id, who.username, fields.get("report", "").strip(), _flags(fields))
    return back_to(f"{PREFIX}/incidents/{incident_id}#evidence")


@router.get("/evidence/{item_id}")
def original(request: Request, who: Viewer, item_id: str) -> Response:
    """Download an evidence item's original bytes (sensitive ones: analysts and above, logged)."""
    evidence = evidence_of(request)
    item = evidence.item(item_id)
    if item.sensitive and not who.sees_restricted:
        raise HTTPException(403, "this item is flagged sensitive: it needs the analyst role")
    item, data = evidence.original(item_id, who.username)
    headers = {**_DOWNLOAD_HEADERS, "Content-Disposition": f'attachment; filename="{item.sha256}"'}
    return Response(content=data, media_type=item.media_type, headers=headers)


@router.post("/evidence/{item_id}/copies")
async def derive_copy(request: Request, who: Analyst, item_id: str) -> Response:
    """Derive a working copy of an original (images: metadata stripped; other files: the same bytes)."""
    form = await request.form()
    check_csrf(who, str(form.get("csrf", "")))
    item = evidence_of(request).item(item_id)
    copies_of(request).derive(item, who.username)
    return back_to(f"{PREFIX}/incidents/{item.incident_id}#evidence")


@router.get("/copies/{copy_id}")
def working_copy(request: Request, who: Viewer, copy_id: str) -> Response:
    """Download a working copy (sensitive ones, like their originals: analysts and above, logged)."""
    copies = copies_of(request)
    if copies.get(copy_id).sensitive and not who.sees_restricted:
        raise HTTPException(403, "this copy's original is flagged sensitive: it needs the analyst role")
    copy, data = copies.data(copy_id, who.username)
    headers = {**_DOWNLOAD_HEADERS, "Content-Disposition": f'attachment; filename="{copy.sha256}"'}
    return Response(content=data, media_type=copy.media_type, headers=headers)


@router.get("/incidents/{incident_id}/package")
def package(request: Request, who: Reviewer, incident_id: str) -> Response:
    """The incident's evidence package: originals, manifest of hashes, custody entries (ZIP)."""
    store = full_store(request)
    incident = store.incident(incident_id).model_dump(mode="json")
    settings = settings_of(request)
    body = build_package(store.database, BlobStore(settings.blob_dir), incident, who.username, settings.max_bytes)
    headers = {"Content-Disposition": f'attachment; filename="civharm-evidence-{incident_id}.zip"'}
    return Response(content=body, media_type="application/zip", headers=headers)


@router.get("/custody", response_class=HTMLResponse)
def custody(request: Request, who: Reviewer) -> Response:
    """The custody log, newest first, with whether its chain holds."""
    entries = list(log.iter_entries(full_store(request).database))
    problem = log.check_chain(entries)
    rows = [(e, json.dumps(e.details, sort_keys=True, ensure_ascii=False)) for e in reversed(entries)]
    return render(request, "custody.html", who, {"rows": rows, "problem": problem})
