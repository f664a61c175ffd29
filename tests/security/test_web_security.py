"""CSRF, session fixation, cookie flags, brute-force throttling through the form, upload limits,
and captured pages never rendered live (stored XSS) on the desk."""

from __future__ import annotations

from pathlib import Path

from civharm.auth.accounts import MAX_FAILURES_PER_USER
from civharm.custody.evidence import Evidence
from civharm.records import Status
from civharm.web.desk.security import SESSION_COOKIE
from tests.desk.helpers import PASSWORD, Desk, csrf_of, login, make_desk

ARIHA = "ariha-2015-11-29"
XSS_INCIDENT = "maskaneh-2015-12"  # its report's title, publisher and text carry markup


def test_forms_without_the_sessions_csrf_token_are_refused(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "admin")
        for token in ("", "forged", csrf[:-1] + ("A" if csrf[-1] != "A" else "B")):
            response = client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": token, "to": "published"})
            assert response.status_code == 403
        assert desk.store.incident(ARIHA).status is Status.DRAFT
        assert client.post("/desk/logout", data={}).status_code == 403
        ok = client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": csrf, "to": "published"})
        assert ok.status_code == 303


def test_the_login_form_needs_its_double_submit_token(desk: Desk) -> None:
    with desk.client() as client:
        response = client.post("/desk/login", data={"username": "admin", "password": PASSWORD, "csrf": "x"})
        assert response.status_code == 403 and SESSION_COOKIE not in response.cookies


def test_session_cookie_flags_and_no_fixation(desk: Desk) -> None:
    with desk.client() as client:
        planted = "attacker-chosen-session-id"
        client.cookies.set(SESSION_COOKIE, planted)
        form = client.get("/desk/login")
        response = client.post(
            "/desk/login", data={"username": "analyst", "password": PASSWORD, "csrf": csrf_of(form.text)}
        )
        header = response.headers["set-cookie"].lower()
        assert "httponly" in header and "samesite=strict" in header
        issued = response.cookies[SESSION_COOKIE]
        assert issued != planted and len(issued) >= 40
        # a second sign-in gets yet another id; the first one stops working
        client.cookies.set(SESSION_COOKIE, issued)
        form = client.get("/desk/login")
        again = client.post(
            "/desk/login", data={"username": "analyst", "password": PASSWORD, "csrf": csrf_of(form.text)}
        )
        assert again.cookies[SESSION_COOKIE] != issued
    assert desk.accounts.session_principal(issued) is None
    with desk.client() as other:
        other.cookies.set(SESSION_COOKIE, planted)
        assert other.get("/desk/").status_code == 303


def test_logout_ends_the_session_server_side(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "viewer")
        cookie = client.cookies[SESSION_COOKIE]
        assert client.post("/desk/logout", data={"csrf": csrf}).status_code == 303
    assert desk.accounts.session_principal(cookie) is None


def test_brute_force_is_throttled_through_the_form(desk: Desk) -> None:
    with desk.client() as client:
        token = csrf_of(client.get("/desk/login").text)
        for _ in range(MAX_FAILURES_PER_USER):
            wrong = client.post("/desk/login", data={"username": "admin", "password": "guess-guess", "csrf": token})
            assert wrong.status_code == 401
        blocked = client.post("/desk/login", data={"username": "admin", "password": PASSWORD, "csrf": token})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert SESSION_COOKIE not in blocked.cookies


def test_uploads_are_limited_in_size_and_type(tmp_path: Path) -> None:
    desk = make_desk(tmp_path, max_bytes=1000)
    with desk.client() as client:
        csrf = login(client, "analyst")
        url = f"/desk/incidents/{ARIHA}/evidence"
        html = client.post(url, data={"csrf": csrf}, files={"file": ("x.png", b"<svg onload=alert(1)>", "image/png")})
        assert html.status_code == 415
        big = client.post(
            url, data={"csrf": csrf}, files={"file": ("x.pdf", b"%PDF-" + b"0" * 5000, "application/pdf")}
        )
        assert big.status_code == 413
        assert (
            client.post(url, data={"csrf": csrf}, files={"file": ("x.pdf", b"", "application/pdf")}).status_code == 400
        )
        no_csrf = client.post(url, files={"file": ("x.pdf", b"%PDF-1", "application/pdf")})
        assert no_csrf.status_code == 403
    assert Evidence(desk.database, desk.blobs, 1000).items() == []
    assert not desk.blobs.root.exists() or not any(p.is_file() for p in desk.blobs.root.rglob("*"))
    desk.database.close()


def test_captured_markup_is_never_live_on_the_desk(desk: Desk) -> None:
    with desk.client() as client:
        login(client, "admin")
        pages = [client.get(f"/desk/incidents/{XSS_INCIDENT}").text, client.get("/desk/?view=all").text]
        client.post(
            f"/desk/incidents/{XSS_INCIDENT}/correct",
            data={
                "csrf": csrf_of(pages[0]),
                "place": "<script>alert(9)</script>",
                "reason": "<img src=x onerror=alert(8)>",
            },
        )
        pages.append(client.get(f"/desk/incidents/{XSS_INCIDENT}").text)
        response = client.get(f"/desk/incidents/{XSS_INCIDENT}")
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in pages[-1]
    assert "script-src 'self'" in response.headers["content-security-policy"]
