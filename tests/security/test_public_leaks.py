"""Restricted fields never reach the public: seed unique values, scan every public output.

Witness identities and contacts, analyst notes (and private revision notes) and evidence flagged
sensitive are seeded with values that occur nowhere else; every public page and API response
(every GET route outside /desk, with every id filled in), and every CLI export, is scanned for
them. Unpublished incidents must not show either.
"""

from __future__ import annotations

import re

from click.testing import CliRunner

from civharm.cli import main
from civharm.custody.evidence import Evidence, Flags
from civharm.web.app import route_table
from tests.desk.helpers import Desk, login
from tests.web.conftest import SHA_A, SHA_B, SHA_C

ARIHA = "ariha-2015-11-29"
DRAFT = "maskaneh-2015-12"
SECRETS = (
    "WITNESS-NAME-7f3a91",
    "WITNESS-CONTACT-c0ffee",
    "ANALYST-NOTE-5c2e44",
    "SENSITIVE-FILE-8d1b07",
    "SENSITIVE-DESC-2a9f3e",
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
FILL = {
    "incident_id": [ARIHA, DRAFT],
    "sha256": [SHA_A, SHA_B, SHA_C],
    "fmt": ["json", "csv", "geojson", "acled", "ucdp", "rss", "atom"],
}


def _seed(desk: Desk) -> None:
    Evidence(desk.database, desk.blobs, desk.settings.max_bytes).upload(
        ARIHA, "analyst", f"{SECRETS[3]}.png", PNG, Flags(graphic=True, description=SECRETS[4])
    )
    with desk.client() as client:
        csrf = login(client, "reviewer")
        client.post(
            f"/desk/incidents/{ARIHA}/private",
            data={"csrf": csrf, "notes": SECRETS[2], "witnesses": f"{SECRETS[0]} | {SECRETS[1]}"},
        )
        client.post(f"/desk/incidents/{ARIHA}/grade", data={"csrf": csrf, "grade": "Fair", "reason": "two sources"})
        client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": csrf, "to": "published", "reason": "ok"})
        page = client.get(f"/desk/incidents/{ARIHA}").text
    assert all(secret in page for secret in SECRETS[:3])  # the desk does show them to a reviewer


def _public_paths() -> list[str]:
    paths: list[str] = []
    for route in route_table():
        if "GET" not in route.methods or route.path.startswith(("/desk", "/static")):
            continue
        expanded = [route.path]
        for name in re.findall(r"{(\w+)}", route.path):
            expanded = [p.replace(f"{{{name}}}", value) for p in expanded for value in FILL.get(name, ["x"])]
        paths.extend(expanded)
    return paths


def test_no_public_page_api_or_export_shows_restricted_values(desk: Desk) -> None:
    _seed(desk)
    scanned = 0
    with desk.client() as anonymous:
        for path in _public_paths():
            response = anonymous.get(path)
            assert response.status_code < 500, path
            body = response.text
            scanned += 1
            for secret in SECRETS:
                assert secret not in body, f"{secret} leaked in {path}"
            if response.status_code != 404:  # a 404 page repeats the id the visitor asked for
                assert DRAFT not in body, f"the unpublished incident shows in {path}"
        assert anonymous.get(f"/incidents/{DRAFT}").status_code == 404
        assert anonymous.get(f"/api/incidents/{DRAFT}").status_code == 404
        assert anonymous.get(f"/api/reports/{SHA_C}").status_code == 404  # linked only to drafts
        published = anonymous.get(f"/api/incidents/{ARIHA}")
        assert published.status_code == 200
        history = anonymous.get(f"/api/incidents/{ARIHA}/history").json()["revisions"]
        assert [r["action"] for r in history] == ["grade", "status"]  # the restricted change is left out
    assert scanned >= 15
    for fmt in ("json", "csv", "geojson"):
        result = CliRunner().invoke(main, ["--home", str(desk.settings.home), "export", "--format", fmt])
        assert result.exit_code == 0, result.output
        assert ARIHA in result.output
        for secret in SECRETS:
            assert secret not in result.output
