"""The authorization matrix: every route × every role, anonymous included.

``MINIMUM`` is the spec: the least role each desk route needs (None: anyone). A new route that is
not in the table fails the first test, so nothing is added without deciding who may use it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from civharm.custody.copies import WorkingCopies
from civharm.custody.evidence import Evidence, Flags
from civharm.web.desk.router import desk_routes
from tests.desk.helpers import ROLES, Desk, login

ARIHA = "ariha-2015-11-29"
README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
PDF = b"%PDF-1.7\n% a test document\n"

MINIMUM: dict[tuple[str, str], str | None] = {
    ("GET", "/desk/login"): None,
    ("POST", "/desk/login"): None,
    ("POST", "/desk/logout"): "viewer",
    ("GET", "/desk/"): "viewer",
    ("GET", "/desk/incidents/{incident_id}"): "viewer",
    ("POST", "/desk/incidents/{incident_id}/status"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/grade"): "reviewer",
    ("POST", "/desk/incidents/{incident_id}/reject"): "reviewer",
    ("POST", "/desk/incidents/{incident_id}/correct"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/position"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/private"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/merge"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/split"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/move"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/evidence"): "analyst",
    ("POST", "/desk/incidents/{incident_id}/evidence/report"): "analyst",
    ("GET", "/desk/evidence/{item_id}"): "viewer",
    ("GET", "/desk/evidence/{item_id}?sensitive"): "analyst",
    ("POST", "/desk/evidence/{item_id}/copies"): "analyst",
    ("GET", "/desk/copies/{copy_id}"): "viewer",
    ("GET", "/desk/copies/{copy_id}?sensitive"): "analyst",
    ("GET", "/desk/incidents/{incident_id}/package"): "reviewer",
    ("GET", "/desk/custody"): "reviewer",
    ("GET", "/desk/users"): "admin",
    ("POST", "/desk/users"): "admin",
    ("POST", "/desk/users/{username}/disable"): "admin",
}


def _desk_routes() -> set[tuple[str, str]]:
    return set(desk_routes())


def test_every_desk_route_is_in_the_matrix_and_the_readme() -> None:
    assert _desk_routes() == {key for key in MINIMUM if "?" not in key[1]}
    for _, path in [*_desk_routes(), ("GET", "/api/incidents/{incident_id}/history")]:
        assert f"`{path}`" in README, path


def _allowed(role: str | None, needed: str | None) -> bool:
    if needed is None:
        return True
    return role is not None and ROLES.index(role) >= ROLES.index(needed)


@pytest.mark.parametrize("role", [None, *ROLES])
def test_matrix(desk: Desk, role: str | None) -> None:
    evidence = Evidence(desk.database, desk.blobs, desk.settings.max_bytes)
    plain = evidence.upload(ARIHA, "admin", "plain.pdf", PDF, Flags())
    sensitive = evidence.upload(ARIHA, "admin", "face.pdf", PDF + b"1", Flags(identifies_person=True))
    copies = WorkingCopies(desk.database, desk.blobs)
    plain_copy, sensitive_copy = copies.derive(plain, "admin"), copies.derive(sensitive, "admin")
    with desk.client() as client:
        csrf = login(client, role) if role else ""
        for (method, template), needed in MINIMUM.items():
            if template.startswith("/desk/login") or template == "/desk/logout" or template.endswith("/disable"):
                continue  # checked below: these change who is signed in
            path = template.replace("{incident_id}", ARIHA).replace("{username}", "viewer")
            hidden = template.endswith("?sensitive")
            path = path.replace("{item_id}", sensitive.id if hidden else plain.id)
            path = path.replace("{copy_id}", sensitive_copy.id if hidden else plain_copy.id).removesuffix("?sensitive")
            response = client.get(path) if method == "GET" else client.post(path, data={"csrf": csrf})
            label = f"{role or 'anonymous'} {method} {template}: {response.status_code}"
            if _allowed(role, needed):
                assert response.status_code not in (401, 403) and response.status_code < 500, label
            elif role is None:
                assert response.status_code == 303 and response.headers["location"] == "/desk/login", label
            else:
                assert response.status_code == 403, label


@pytest.mark.parametrize("role", [None, *ROLES])
def test_disabling_users_is_for_admins(desk: Desk, role: str | None) -> None:
    with desk.client() as client:
        csrf = login(client, role) if role else ""
        response = client.post("/desk/users/analyst/disable", data={"csrf": csrf})
    if role == "admin":
        assert response.status_code == 303 and desk.accounts.user("analyst").disabled
    else:
        assert response.status_code in (303, 403) and not desk.accounts.user("analyst").disabled


def test_api_token_reaches_the_desk_without_csrf(desk: Desk) -> None:
    secret, _ = desk.accounts.new_token("analyst")
    with desk.client() as client:
        headers = {"Authorization": f"Bearer {secret}"}
        moved = client.post(f"/desk/incidents/{ARIHA}/status", data={"to": "in review"}, headers=headers)
        assert moved.status_code == 303
        assert client.get("/api/incidents?status=draft", headers=headers).json()["items"]
        bad = client.get("/api/incidents", headers={"Authorization": "Bearer civ_not-a-token"})
        assert bad.status_code == 401
