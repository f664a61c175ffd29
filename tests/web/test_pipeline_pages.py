"""The pages over what the real pipeline extracts and links from the third-party samples.

Hand-built records test the pages' wording; this tests that whatever the extractor and the
linker really produce (long spans, nested and crossing spans, curly quotes) renders whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from civharm.extract.gazetteer import Gazetteer
from civharm.extract.pipeline import extract_report
from civharm.link.linker import link
from civharm.records import Extraction, Report
from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.web.app import create_app
from civharm.web.present import claim_marks
from tests.backend import settings_for
from tests.web.test_pages import main_of, well_formed

pytestmark = pytest.mark.slow

# Two reports of one strike (Ariha market, 2015-11-29) and an NGO tally report.
SAMPLE_IDS = ("000", "001", "002")


def _report(samples: Path, sample_id: str) -> Report:
    index = [json.loads(line) for line in (samples / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    meta: dict[str, str] = next((m for m in index if m["id"] == sample_id), {})  # 000 is not indexed
    raw = (samples / f"{sample_id}.txt").read_bytes()
    return Report(
        sha256=hashlib.sha256(raw).hexdigest(),
        url=meta.get("url"),
        title=meta.get("title"),
        publisher=meta.get("outlet"),
        published=dt.date.fromisoformat(meta["published"]) if meta.get("published") else None,
        text=raw.decode("utf-8"),
        captured_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        captured_by="civharm tests",
    )


@pytest.fixture(scope="module")
def piped(
    samples: Path, gazetteer: Gazetteer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, list[Extraction]]]:
    settings = settings_for(tmp_path_factory.mktemp("pipeline-web"))
    database = open_database(settings.database_url)
    store = Store(database)
    extractions = [extract_report(_report(samples, i), gazetteer) for i in SAMPLE_IDS]
    for extraction in extractions:
        store.add_extraction(extraction)
    store.replace_incidents(link(extractions))
    with TestClient(create_app(store, settings)) as client:
        yield client, extractions
    database.close()


def test_report_pages_mark_every_extracted_span(piped: tuple[TestClient, list[Extraction]]) -> None:
    client, extractions = piped
    for extraction in extractions:
        page = main_of(client.get(f"/reports/{extraction.report.sha256}").text)
        well_formed(page)
        start = page.index('<div class="report-text"')
        div = page[start : page.index("</div>", start)]
        assert html.unescape(re.sub(r"</?mark[^>]*>", "", div[div.index(">") + 1 :])) == extraction.report.text
        marks = claim_marks(extraction)
        assert marks, extraction.report.title
        for mark in marks:
            assert f'id="{mark.anchor}"' in div


def test_incident_pages_render_with_marked_sentences(piped: tuple[TestClient, list[Extraction]]) -> None:
    client, _ = piped
    listing = client.get("/").text
    ids = re.findall(r'<td><a href="/incidents/([^"]+)">', listing)
    assert ids
    for incident_id in ids:
        page = client.get(f"/incidents/{incident_id}").text
        well_formed(page)
        assert '<blockquote class="excerpt">' in page and "<mark " in page
    assert client.get("/tallies").status_code == 200
    for by in ("month", "place", "grade"):
        assert client.get("/api/tally", params={"by": by}).status_code == 200
