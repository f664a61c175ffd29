"""Report pages follow the public-status rule: a report is public only through a published incident.

Once the rule is in force (a desk account exists, or CIVHARM_PUBLIC_STATUS_ONLY), an anonymous
visitor gets a report's page or JSON only when the report belongs to at least one published incident;
any other report answers exactly like one that does not exist, and the page never links to an
unpublished incident. The public revision history is part of the OpenAPI document.
"""

from __future__ import annotations

from civharm.records import Extraction, Status
from civharm.store.desk import Change, DeskStore
from tests.desk.helpers import Desk, login
from tests.store.factory import make_report
from tests.web.conftest import SHA_A, SHA_B

ARIHA = "ariha-2015-11-29"
DRAFT = "maskaneh-2015-12"
MISSING = "0" * 64


def _setup(desk: Desk) -> str:
    """ARIHA published; SHA_A also in the draft; one report linked to nothing. Returns that one's sha."""
    incidents = desk.store.incidents()
    desk.store.replace_incidents(
        [i.model_copy(update={"report_ids": (*i.report_ids, SHA_A)}) if i.id == DRAFT else i for i in incidents]
    )
    lonely = make_report("A statement that mentions no attack at all.")
    assert desk.store.add_extraction(Extraction(report=lonely))
    DeskStore(desk.database).decide(
        "reviewer",
        desk.store.incident(ARIHA).model_copy(update={"status": Status.PUBLISHED}),
        Change("status", {"status": ["draft", "published"]}),
    )
    return lonely.sha256


def test_anonymous_visitors_see_only_reports_of_published_incidents(desk: Desk) -> None:
    lonely = _setup(desk)
    with desk.client() as anonymous:
        page = anonymous.get(f"/reports/{SHA_A}")
        assert page.status_code == 200
        assert f'href="/incidents/{ARIHA}"' in page.text and DRAFT not in page.text
        assert anonymous.get(f"/api/reports/{SHA_B}").status_code == 200
        missing_page = anonymous.get(f"/reports/{MISSING}")
        missing_api = anonymous.get(f"/api/reports/{MISSING}")
        for sha in (lonely, "c" * 64):  # linked to nothing; linked only to drafts
            hidden_page = anonymous.get(f"/reports/{sha}")
            hidden_api = anonymous.get(f"/api/reports/{sha}")
            assert hidden_page.status_code == hidden_api.status_code == 404
            assert hidden_page.text.replace(sha, MISSING) == missing_page.text
            assert hidden_api.json() == {"detail": missing_api.json()["detail"].replace(MISSING, sha)}
    with desk.client() as client:
        login(client, "viewer")
        assert client.get(f"/reports/{lonely}").status_code == 200
        page = client.get(f"/reports/{SHA_A}").text
        assert f'href="/incidents/{ARIHA}"' in page and f'href="/incidents/{DRAFT}"' in page


def test_public_history_is_described_in_the_openapi_document(desk: Desk) -> None:
    with desk.client() as client:
        spec = client.get("/api/openapi.json").json()
    operation = spec["paths"]["/api/incidents/{incident_id}/history"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/HistoryOut"}
    assert "404" in operation["responses"] and operation["summary"]
    history = spec["components"]["schemas"]["HistoryOut"]
    assert set(history["properties"]) == {"incident_id", "revisions"}
    assert history["properties"]["revisions"]["items"] == {"$ref": "#/components/schemas/RevisionOut"}
    assert set(spec["components"]["schemas"]["RevisionOut"]["properties"]) == {"at", "action", "changes", "reason"}
