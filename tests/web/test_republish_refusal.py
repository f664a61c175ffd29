""" "Republish this" is not offered for an account that originated with another publication."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from civharm import chain
from civharm.capture.inputs import expand_inputs
from civharm.extract.gazetteer import Gazetteer
from civharm.store.db import open_database
from civharm.store.repository import IncidentFilter, Store
from civharm.web.app import create_app
from tests.backend import settings_for

TEXT = (
    "Air strike on Saraqib market\n\n"
    "An air strike on the market in Saraqib on Friday killed nine civilians, rescue workers said.\n"
)


def client_for(tmp_path: Path, gazetteer: Gazetteer, origin: str | None) -> tuple[TestClient, str]:
    (tmp_path / "report.txt").write_text(TEXT)
    entry = {"path": "report.txt", "published": "2024-03-09"} | ({"origin": origin} if origin else {})
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n")
    home = tmp_path / "home"
    settings = settings_for(home)
    home.mkdir()
    store = Store(open_database(settings.database_url))
    chain.run(expand_inputs([str(tmp_path / "manifest.jsonl")]), settings, store, gazetteer)
    [incident] = store.incidents(IncidentFilter())
    return TestClient(create_app(store, settings)), incident.id


def test_offered_for_our_own_account(tmp_path: Path, gazetteer: Gazetteer) -> None:
    client, incident_id = client_for(tmp_path, gazetteer, origin=None)
    page = client.get(f"/incidents/{incident_id}").text
    assert 'id="republish-canonical"' in page


def test_not_offered_when_the_account_came_from_another_publication(tmp_path: Path, gazetteer: Gazetteer) -> None:
    client, incident_id = client_for(tmp_path, gazetteer, origin="Meridian Wire Agency")
    page = client.get(f"/incidents/{incident_id}").text
    assert 'id="republish-canonical"' not in page
    assert "Meridian Wire Agency" in page.split('id="republish-heading"', 1)[1]
