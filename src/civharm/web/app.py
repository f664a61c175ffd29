"""The web app factory: pages, JSON API, static files, error pages, security headers.

``create_app(store, settings)`` builds a fresh app around one store, so ``civharm serve`` and
every test get their own, with nothing global. No page or doc loads anything from another
host: FastAPI's Swagger UI would pull JavaScript from a CDN, so ``/api/docs`` is our own page
built from the OpenAPI document.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from civharm import __version__
from civharm.errors import CivharmError, NotFoundError
from civharm.settings import Settings, load_settings
from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.store.version import DataVersion
from civharm.web import api, pages, public, search
from civharm.web.assets import VENDOR, VENDOR_PATH, mount_vendor
from civharm.web.cache import ResponseCache
from civharm.web.desk.router import PUBLIC_ROUTERS as DESK_PUBLIC_ROUTERS
from civharm.web.desk.router import ROUTERS as DESK_ROUTERS
from civharm.web.templating import TEMPLATES

API_PREFIX = "/api"
OPENAPI_URL = f"{API_PREFIX}/openapi.json"
STATIC_PATH = "/static"

# Pages use only our own CSS and JS; captured text can never run script even if escaping failed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _is_api(request: Request) -> bool:
    return request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/")


def _error(request: Request, status: int, message: str) -> Response:
    """JSON ``{"detail": ...}`` under /api, an HTML page elsewhere."""
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    if status == 404:
        return TEMPLATES.TemplateResponse(
            request, "not_found.html", {"section": "", "message": message}, status_code=404
        )
    heading = "Bad request" if status < 500 else "Server error"
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"section": "", "heading": heading, "message": message}, status_code=status
    )


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's list of errors as one line: ``limit: Input should be less than or equal to 500``."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(request, 404, str(exc))

    async def user_error(request: Request, exc: Exception) -> Response:
        return _error(request, 422 if _is_api(request) else 400, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return _error(request, 404, f"nothing at {request.url.path}")
        response = _error(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _error(request, 422, _validation_message(exc))

    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(CivharmError, user_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)


def _install_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _param_text(param: dict[str, Any]) -> str:
    """A parameter's description with its default, as the docs page shows it."""
    text = str(param.get("description") or "")
    default = param.get("schema", {}).get("default")
    return f"{text} (default: {default})" if default is not None else text


def _endpoints(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI operations as rows for the docs page."""
    rows = []
    for path, operations in openapi.get("paths", {}).items():
        for method, op in operations.items():
            params = [
                {
                    "name": p.get("name", ""),
                    "where": p.get("in", ""),
                    "required": bool(p.get("required")),
                    "description": _param_text(p),
                }
                for p in op.get("parameters", [])
            ]
            summary = op.get("summary", "")
            description = op.get("description", "")
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": summary,
                    "description": description,
                    "parameters": params,
                }
            )
    return rows


def _docs_router() -> APIRouter:
    router = APIRouter()

    @router.get(f"{API_PREFIX}/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        """A page listing the API's endpoints, built from the OpenAPI document (no CDN)."""
        app = request.app
        context = {"section": "api", "api_title": app.title, "endpoints": _endpoints(app.openapi())}
        return TEMPLATES.TemplateResponse(request, "api_docs.html", context)

    return router


@dataclass(frozen=True)
class RouteInfo:
    """One route of the app, for documentation and the README's route table."""

    methods: tuple[str, ...]
    path: str
    summary: str


def route_table() -> list[RouteInfo]:
    """Every route ``create_app`` serves, pages and API alike, plus the OpenAPI document and static files."""
    table = [RouteInfo(("GET",), OPENAPI_URL, "OpenAPI description of the JSON API")]
    routers = (pages.router, _docs_router(), api.router, search.api_router, search.page_router, public.router)
    for router in (*routers, *DESK_PUBLIC_ROUTERS):
        for route in router.routes:
            if isinstance(route, APIRoute):
                doc = (route.endpoint.__doc__ or route.name).strip().splitlines()[0]
                table.append(RouteInfo(tuple(sorted(route.methods or ())), route.path, doc))
    table.append(RouteInfo(("GET",), f"{STATIC_PATH}/{{path}}", "our own CSS and JavaScript"))
    table += [RouteInfo(("GET",), f"{VENDOR_PATH}/{p}/{{path}}", "front-end package from npm") for p in VENDOR]
    return table


def create_app(store: Store, settings: Settings) -> FastAPI:
    """The civharm web app over ``store``: HTML pages at /, JSON API at /api."""
    app = FastAPI(
        title="civharm",
        version=__version__,
        description="Sourced, graded incident records of attacks on civilians, and traceable tallies.",
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    app.mount(STATIC_PATH, StaticFiles(directory=str(files("civharm.web") / "static")), name="static")
    _install_error_handlers(app)
    _install_security_headers(app)
    app.include_router(_docs_router())
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(public.router)
    app.include_router(search.api_router)
    app.include_router(search.page_router)
    app.state.vendor_ready = mount_vendor(app, settings)
    for desk_router in DESK_ROUTERS:  # the analyst's desk under /desk, and public revision histories
        app.include_router(desk_router)
    # Outermost, so a kept answer carries the security headers it was sent with.
    app.add_middleware(
        ResponseCache, version=DataVersion(store.database).current, max_bytes=settings.response_cache_mb * 2**20
    )
    return app


def app_from_environment() -> FastAPI:
    """The app for one of ``civharm serve --workers N``'s processes: settings from ``CIVHARM_*`` only."""
    settings = load_settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    return create_app(Store(open_database(settings.database_url)), settings)
