"""Streamed exports: piece by piece, byte for byte the document the whole-list writers make."""

from __future__ import annotations

import json

import pytest

from civharm.publish import export
from civharm.publish.export import export_csv, export_geojson, export_json, stream_export
from civharm.publish.standard import export_acled, export_ucdp

from .test_export import _linked, _Shelf


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_streamed_exports_equal_the_whole_documents(monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(export, "EXPORT_BATCH", batch)
    incidents, by_sha = _linked()
    partial = dict(list(by_sha.items())[1:])  # one report is gone: its id is still exported
    shelf = _Shelf(partial)
    expected = {
        "csv": export_csv(incidents, partial),
        "acled": export_acled(incidents, partial, export._cell),
        "ucdp": export_ucdp(incidents, partial, export._cell),
        "geojson": json.dumps(export_geojson(incidents), ensure_ascii=False, indent=2),
        "json": json.dumps(export_json(incidents, partial), ensure_ascii=False, indent=2),
    }
    for fmt, document in expected.items():
        pieces = list(stream_export(fmt, incidents, shelf))
        assert "".join(pieces) == document, fmt
        assert len(pieces) >= 2, fmt  # the opening leaves before any incident is written


@pytest.mark.parametrize("fmt", ["json", "geojson", "csv"])
def test_an_empty_export_is_still_a_whole_document(fmt: str) -> None:
    text = "".join(stream_export(fmt, [], _Shelf({})))
    if fmt == "csv":
        assert text == export_csv([])
    else:
        assert json.loads(text) == (export_json([], {}) if fmt == "json" else export_geojson([]))
