"""Every desk router, for ``create_app`` to include, and the desk's own route list.

``PUBLIC_ROUTERS`` serve anyone (public revision histories, page and JSON, the latter in the OpenAPI
document) and appear in ``route_table`` with the public pages; ``DESK_ROUTERS`` sit behind sign-in
under /desk and are listed by ``desk_routes`` (the authorization-matrix test and the README check use it).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.routing import APIRoute

from civharm.web.desk import actions, admin, evidence, history, routes

DESK_ROUTERS: tuple[APIRouter, ...] = (routes.router, actions.router, evidence.router, admin.router)
PUBLIC_ROUTERS: tuple[APIRouter, ...] = (history.router, history.api_router)
ROUTERS = (*DESK_ROUTERS, *PUBLIC_ROUTERS)


def desk_routes() -> list[tuple[str, str]]:
    """``(method, path)`` of every route behind sign-in."""
    return [
        (method, route.path)
        for router in DESK_ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in sorted(route.methods or ())
    ]
