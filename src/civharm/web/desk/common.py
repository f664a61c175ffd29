"""What every desk route shares: the stores it works on, rendering with the CSRF token, redirects."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from civharm.auth.roles import Principal
from civharm.capture.blobs import BlobStore
from civharm.custody.copies import WorkingCopies
from civharm.custody.evidence import Evidence
from civharm.settings import Settings
from civharm.store.desk import DeskStore
from civharm.store.repository import Store
from civharm.web.templating import TEMPLATES

PREFIX = "/desk"


def full_store(request: Request) -> Store:
    """The whole store: desk routes are guarded by roles, never by the public view."""
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def desk_store(request: Request) -> DeskStore:
    return DeskStore(full_store(request).database)


def evidence_of(request: Request) -> Evidence:
    settings = settings_of(request)
    return Evidence(full_store(request).database, BlobStore(settings.blob_dir), settings.max_bytes)


def copies_of(request: Request) -> WorkingCopies:
    return WorkingCopies(full_store(request).database, BlobStore(settings_of(request).blob_dir))


def render(
    request: Request, name: str, who: Principal | None, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    context.setdefault("section", "desk")
    context["who"] = who
    context["csrf"] = who.csrf if who is not None and who.csrf else ""
    return TEMPLATES.TemplateResponse(request, f"desk/{name}", context, status_code=status)


def back_to(path: str) -> RedirectResponse:
    """After a form: see the result (303, so a reload does not post twice)."""
    return RedirectResponse(path, status_code=303)
