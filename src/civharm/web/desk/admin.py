"""User accounts in the browser (admins only); ``civharm users`` does the same from a shell."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from civharm.auth.roles import Role
from civharm.web.desk.common import PREFIX, back_to, render
from civharm.web.desk.security import Admin, accounts, check_csrf

router = APIRouter(prefix=PREFIX, include_in_schema=False)


@router.get("/users", response_class=HTMLResponse)
def users(request: Request, who: Admin) -> Response:
    """Accounts and their roles."""
    return render(request, "users.html", who, {"users": accounts(request).users(), "roles": [r.value for r in Role]})


@router.post("/users")
async def add_user(request: Request, who: Admin) -> Response:
    """Create an account."""
    form = await request.form()
    check_csrf(who, str(form.get("csrf", "")))
    accounts(request).add_user(str(form.get("username", "")), str(form.get("password", "")), str(form.get("role", "")))
    return back_to(f"{PREFIX}/users")


@router.post("/users/{username}/disable")
async def disable_user(request: Request, who: Admin, username: str) -> Response:
    """Disable an account; its sessions end and its API tokens stop working."""
    form = await request.form()
    check_csrf(who, str(form.get("csrf", "")))
    accounts(request).set_disabled(username, True)
    return back_to(f"{PREFIX}/users")
