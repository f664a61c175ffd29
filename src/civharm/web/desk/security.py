"""Who is asking, and may they: sessions, API tokens, roles and CSRF for the web app.

A browser signs in and gets a session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS)
holding a random id whose hash is stored; every form carries the session's CSRF token, checked
in constant time. Scripts send ``Authorization: Bearer civ_…``; such requests carry no cookie,
so they cannot be forged cross-site and need no CSRF token. The sign-in form itself is guarded
by a double-submit cookie, since there is no session yet.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import Response

from civharm.auth.accounts import SESSION_LIFETIME, Accounts
from civharm.auth.roles import Principal, Role
from civharm.auth.secrets import new_secret, same

SESSION_COOKIE = "civharm_session"
LOGIN_CSRF_COOKIE = "civharm_login_csrf"
LOGIN_PATH = "/desk/login"
_CACHE = "civharm_principal"


def accounts(request: Request) -> Accounts:
    found: Accounts | None = getattr(request.app.state, "accounts", None)
    if found is None:
        found = Accounts(request.app.state.store.database)
        request.app.state.accounts = found
    return found


def has_accounts(request: Request) -> bool:
    """Whether any desk account exists; remembered once true (accounts are disabled, never deleted)."""
    if getattr(request.app.state, "civharm_has_accounts", False):
        return True
    found = accounts(request).count_users() > 0
    request.app.state.civharm_has_accounts = found
    return found


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def principal(request: Request) -> Principal | None:
    """The requester, resolved once per request; None for an anonymous visitor."""
    if hasattr(request.state, _CACHE):
        cached: Principal | None = getattr(request.state, _CACHE)
        return cached
    found: Principal | None = None
    token = _bearer(request)
    if token is not None:
        found = accounts(request).token_principal(token)
        if found is None:
            raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            found = accounts(request).session_principal(cookie)
    setattr(request.state, _CACHE, found)
    return found


def _unauthenticated(request: Request) -> HTTPException:
    if _bearer(request) is not None or request.url.path.startswith("/api/"):
        return HTTPException(401, "sign in or send an API token", headers={"WWW-Authenticate": "Bearer"})
    # a page: send the browser to the sign-in form (303: the next request is a GET)
    return HTTPException(303, "sign in first", headers={"Location": LOGIN_PATH})


def require(role: Role) -> object:
    """A dependency giving the requester when they hold at least ``role``: 401/303 if anonymous, 403 if not."""

    def dependency(request: Request) -> Principal:
        who = principal(request)
        if who is None:
            raise _unauthenticated(request)
        if not who.allows(role):
            raise HTTPException(403, f"this needs the {role.value} role")
        return who

    return Depends(dependency)


Viewer = Annotated[Principal, require(Role.VIEWER)]
Analyst = Annotated[Principal, require(Role.ANALYST)]
Reviewer = Annotated[Principal, require(Role.REVIEWER)]
Admin = Annotated[Principal, require(Role.ADMIN)]


def check_csrf(who: Principal, submitted: str) -> None:
    """A form's CSRF token must be its session's; token-authenticated scripts have no session."""
    if who.csrf is None:
        return
    if not submitted or not same(submitted, who.csrf):
        raise HTTPException(403, "the form has expired or did not come from this site: reload it and try again")


CsrfField = Annotated[str, Form(alias="csrf")]


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, value: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request))


def login_csrf(request: Request) -> str:
    """The sign-in form's double-submit token: the browser's cookie, or a new one."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or new_secret()


def set_login_csrf(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=_secure(request), path=LOGIN_PATH
    )


def check_login_csrf(request: Request, submitted: str) -> None:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not submitted or not same(cookie, submitted):
        raise HTTPException(403, "the sign-in form has expired: reload it and try again")


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"
