"""The task a Dask worker runs: capture and extract one shard, write its Parquet file.

The gazetteer and the spaCy pipeline are loaded once per worker process (cached here and in
``extract.nlp``), not per task. Workers take their settings (the gazetteer's cache folder) from
their own environment, so workers on other machines use their own paths.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from civharm.batch.shardfile import ShardOutcome, ShardRow, write_shard
from civharm.batch.shards import Shard
from civharm.capture.capture import report_from_bytes
from civharm.chain import Failure
from civharm.errors import CivharmError
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.nlp import load_nlp
from civharm.extract.pipeline import extract_many
from civharm.records import Report
from civharm.settings import load_settings


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer.load(load_settings().cache_dir)


def warm_up() -> None:
    """Load the models before the first shard arrives (``client.run`` calls it on every worker)."""
    _gazetteer()
    load_nlp()


def process_shard(shard: Shard, out_dir: str) -> ShardOutcome:
    """Capture + extract every document of ``shard``; refused documents are failures, not errors."""
    captured: list[tuple[str, bytes, Report]] = []
    failures: list[Failure] = []
    for document in shard.documents:
        request = document.request
        try:
            report = report_from_bytes(document.data, request, url=request.url, content_type=document.content_type)
        except CivharmError as error:
            failures.append(Failure(request.location, str(error)))
            continue
        captured.append((request.location, document.data, report))
    extractions = extract_many((report for _, _, report in captured), _gazetteer())
    rows = [
        ShardRow(location, original, extraction)
        for (location, original, _), extraction in zip(captured, extractions, strict=True)
    ]
    outcome = ShardOutcome(shard.number, len(shard.documents), len(rows), tuple(failures))
    write_shard(Path(out_dir), outcome, rows)
    return outcome
