"""``civharm bench semeval``: SemEval-2018 Task 5 end to end.

Loads a split's documents into a fresh database through the chain (capture -> extract -> link), reads
the task's incidents back from it, answers every question of S1, S2 and S3, writes the answers in the
official format with ``clusters.json`` (document -> incident), and prints the official metrics where the
split has answers (trial).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from civharm.bench.semeval_data import SUBTASKS, Answer, load_answers, load_documents, load_questions, split_dir
from civharm.bench.semeval_score import Scores, score
from civharm.link.documents import DocProfile, cluster_documents
from civharm.settings import Settings

if TYPE_CHECKING:  # the chain and the gazetteer load spaCy and GeoNames: only when the benchmark runs
    from civharm.bench.semeval_incidents import DocumentView
    from civharm.extract.gazetteer import Gazetteer


def _answers_json(answers: Mapping[str, Answer]) -> dict[str, object]:
    return {
        qid: {"numerical_answer": a.numerical_answer, "answer_docs": {k: list(v) for k, v in a.answer_docs.items()}}
        for qid, a in sorted(answers.items())
    }


def profiles(views: Sequence[DocumentView]) -> list[DocProfile]:
    """What document-level linking reads from each document view."""
    return [
        DocProfile(
            doc_id=v.doc_id,
            incident_id=v.incident_id,
            date=v.date,
            place=v.place,
            names=frozenset(n.full.casefold() for n in v.names),
            aged=frozenset(n.full.casefold() for n in v.names if n.aged),
            lead=v.lead,
            killed=v.killed,
            injured=v.injured,
        )
        for v in views
    ]


def format_scores(name: str, s: Scores) -> str:
    return (
        f"{name}: {s.questions} questions, answered {s.answered:.1f}%  accuracy {s.accuracy:.2f}  RMSE {s.rmse:.2f}"
        f"  doc P {s.doc_precision:.2f} R {s.doc_recall:.2f} F1 {s.doc_f1:.2f}"
    )


def run_semeval(data: Path, split: str, out: Path, settings: Settings, gazetteer: Gazetteer) -> dict[str, Scores]:
    """Run the benchmark; returns the scores per subtask (empty for a split without answers)."""
    from civharm.bench.semeval_answer import Answerer, Locator
    from civharm.bench.semeval_incidents import document_views, task_incidents
    from civharm.bench.semeval_load import load_split

    started = time.monotonic()
    folder = split_dir(data, split)
    docs = load_documents(folder)
    questions = {s: load_questions(folder, s) for s in SUBTASKS}
    out.mkdir(parents=True, exist_ok=True)
    loaded = load_split(docs, out, settings, gazetteer)
    click.echo(
        f"loaded {len(docs)} documents: {loaded.summary.added} new reports, {len(loaded.summary.failures)} failed,"
        f" {loaded.summary.incidents} incidents in the database",
        err=True,
    )
    views = document_views(loaded.store, docs, loaded.shas_by_doc, gazetteer)
    clusters = cluster_documents(profiles(views))
    incidents = task_incidents(views, clusters)
    (out / "clusters.json").write_text(json.dumps(clusters, indent=1, sort_keys=True), encoding="utf-8")
    answerer = Answerer(incidents, Locator(gazetteer))
    results: dict[str, Scores] = {}
    for subtask in SUBTASKS:
        answers = {q.qid: answerer.answer(q) for q in questions[subtask]}
        path = out / f"{subtask}.answers.json"
        path.write_text(json.dumps(_answers_json(answers), indent=1), encoding="utf-8")
        gold = load_answers(folder, subtask)
        if gold is not None:
            results[subtask] = score(gold, answers)
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    click.echo(
        f"{split}: {len(docs)} documents, {len(incidents)} incidents, "
        f"{sum(len(q) for q in questions.values())} questions answered; {elapsed:.0f} s, peak {peak_mb:.0f} MB"
    )
    for subtask, s in results.items():
        click.echo(format_scores(subtask.upper(), s))
    return results


@click.command("semeval")
@click.option(
    "--data",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    required=True,
    help="The semeval2018t5 folder (with trial/ and test/).",
)
@click.option("--split", type=click.Choice(["trial", "test"]), default="trial", show_default=True)
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for answers and database."
)
@click.pass_context
def command(ctx: click.Context, data: Path, split: str, out: Path) -> None:
    """SemEval-2018 Task 5: load a split, answer S1-S3, write official answers, print metrics."""
    from civharm.extract.gazetteer import Gazetteer

    settings: Settings = ctx.obj
    gazetteer = Gazetteer.load(settings.cache_dir)
    run_semeval(data, split, out, settings, gazetteer)
    sys.stdout.flush()
