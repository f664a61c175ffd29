"""A bulk-generated database reads back through the Store and the API as the records it was made from."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from civharm.bench import synthetic
from civharm.records import Status
from civharm.store import IncidentFilter, Store, open_database
from civharm.store.terms import rows_of
from civharm.web.app import create_app
from tests.backend import settings_for


def test_generated_database_reads_back_through_store_and_api(tmp_path: Path) -> None:
    settings = replace(settings_for(tmp_path), public_status_only=True)  # the public sees published ones
    items = list(synthetic.synthetic_incidents(70, seed=6))
    records = {item.id: synthetic.record(item) for item in items}
    with open_database(settings.database_url) as database:
        synthetic.generate(database, 70, seed=6, batch=16)
        store = Store(database)
        assert {i.id: i for i in store.incidents()} == records
        for item in items[:10]:
            for extraction in synthetic.extractions(item):
                assert store.extraction(extraction.report.sha256) == extraction
                bare = store.extractions_by_sha([extraction.report.sha256], claims=False)
                assert bare[extraction.report.sha256].report == extraction.report
                assert bare[extraction.report.sha256].incidents == ()
            assert len(store.incident_claim_rows(item.id)) == 2 * len(item.reports)
        # The terms the generator wrote are the ones an ordinary write would have written.
        kharkiv = [i.id for i in store.incidents(IncidentFilter(place="kharkiv"))]
        assert kharkiv and kharkiv == [i.id for i in store.incidents() if i.place and i.place.name == "Kharkiv"]
        store.update_incidents([records[kharkiv[0]]])  # rewritten by the store: its terms again, unchanged
        assert [i.id for i in store.incidents(IncidentFilter(place="kharkiv"))] == kharkiv
        published = [i for i in store.incidents() if i.status is Status.PUBLISHED]
        assert all(rows_of(i) for i in published)

        with TestClient(create_app(store, settings)) as client:
            page = client.get("/api/incidents", params={"perpetrator": "rsf", "limit": 200}).json()
            expected = [i.id for i in published if any("rsf" in p.casefold() for p in i.perpetrators)]
            assert [item["id"] for item in page["items"]] == expected
            assert client.get(f"/api/incidents/{published[0].id}").status_code == 200
            exported = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
            assert [row["id"] for row in exported] == [i.id for i in published]
            by_id = {i.id: i for i in published}
            for row in exported:
                item = next(x for x in items if x.id == row["id"])
                assert row["report_urls"].count("https://") == len(item.reports)
                assert by_id[row["id"]].report_ids == tuple(row["report_ids"].split(" | "))
