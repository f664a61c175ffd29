"""``civharm bench clustering``: document -> incident clustering on gva-dev, scored with B-cubed.

gva-dev (``../shared/benchmarks/gva-dev``) gives 3,454 news articles with the Gun Violence Archive
incident each reports. The articles go through the chain like SemEval documents (capture -> extract ->
link), every document is put in one incident (``civharm.link.documents``), and the clustering is compared
with the gold incidents by B-cubed precision, recall and F1 (Bagga and Baldwin 1998): per document, the
share of its cluster that shares its gold incident, and the share of its gold incident in its cluster.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from civharm.bench.semeval_data import Document, SemevalDataError
from civharm.settings import Settings


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def b_cubed(gold: Mapping[str, str], ours: Mapping[str, str]) -> BCubed:
    """B-cubed P/R/F1 of ``ours`` (doc -> cluster) against ``gold`` (doc -> incident), over gold's docs."""
    docs = [d for d in gold if d in ours]
    if not docs:
        return BCubed(0.0, 0.0, 0.0)
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_ours: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        by_gold[gold[d]].add(d)
        by_ours[ours[d]].add(d)
    p = r = 0.0
    for d in docs:
        g, o = by_gold[gold[d]], by_ours[ours[d]]
        both = len(g & o)
        p += both / len(o)
        r += both / len(g)
    p, r = p / len(docs), r / len(docs)
    return BCubed(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def load_gva(folder: Path) -> tuple[list[Document], dict[str, str]]:
    """gva-dev's documents and their gold incidents (doc id -> GVA incident id)."""
    path = folder / "docs.jsonl"
    if not path.is_file():
        raise SemevalDataError(f"missing {path}: give --data the gva-dev folder")
    docs: list[Document] = []
    gold: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        try:
            dct = dt.date.fromisoformat(str(row.get("dct") or "")[:10])
        except ValueError:
            dct = None
        docs.append(
            Document(
                doc_id=row["doc_id"], dct=dct, title=row.get("title") or "", text=row["content"], url=row.get("uri")
            )
        )
        gold[row["doc_id"]] = str(row["incident_id"])
    return docs, gold


@click.command("clustering")
@click.option(
    "--data",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    required=True,
    help="The gva-dev folder (docs.jsonl).",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the database.")
@click.option("--limit", type=int, default=None, help="Only the first N documents (a quick look).")
@click.pass_context
def command(ctx: click.Context, data: Path, out: Path, limit: int | None) -> None:
    """Document -> incident clustering on gva-dev: B-cubed precision, recall and F1."""
    from civharm.bench.semeval import profiles
    from civharm.bench.semeval_incidents import document_views
    from civharm.bench.semeval_load import load_split
    from civharm.extract.gazetteer import Gazetteer
    from civharm.link.documents import cluster_documents

    settings: Settings = ctx.obj
    started = time.monotonic()
    docs, gold = load_gva(data)
    docs = docs[:limit] if limit else docs
    gazetteer = Gazetteer.load(settings.cache_dir)
    loaded = load_split(docs, out, settings, gazetteer)
    views = document_views(loaded.store, docs, loaded.shas_by_doc, gazetteer)
    clusters = cluster_documents(profiles(views))
    (out / "clusters.json").write_text(json.dumps(clusters, indent=1, sort_keys=True), encoding="utf-8")
    s = b_cubed({d.doc_id: gold[d.doc_id] for d in docs}, clusters)
    click.echo(
        f"gva-dev: {len(docs)} documents, {len(set(gold[d.doc_id] for d in docs))} gold incidents, "
        f"{len(set(clusters.values()))} clusters; {time.monotonic() - started:.0f} s"
    )
    click.echo(f"B-cubed P {100 * s.precision:.2f} R {100 * s.recall:.2f} F1 {100 * s.f1:.2f}")
