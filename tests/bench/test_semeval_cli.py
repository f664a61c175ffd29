"""``civharm bench semeval`` end to end on a tiny split written for the test (fictional reports)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from civharm.cli import main

DOCS = {
    "d1": (
        "2017-01-24",
        "Man killed in Memphis shooting",
        "MEMPHIS, Tenn. - Darnell Fictus, 31, was shot and killed on Monday night, police said.",
    ),
    "d2": (
        "2017-01-25",
        "Police name Memphis shooting victim",
        "MEMPHIS, Tenn. - Police identified the man killed Monday as Darnell Fictus, 31.",
    ),
    "d3": (
        "2017-01-24",
        "Teen wounded in Nashville",
        "NASHVILLE, Tenn. - A teenager was shot in the leg on Monday and is in stable condition.",
    ),
}
QUESTIONS = {
    "s1": {
        "1-1": {
            "event_type": "killing",
            "location": {"city": "http://dbpedia.org/resource/Memphis,_Tennessee"},
            "subtask": 1,
            "time": {"day": "23/01/2017"},
        }
    },
    "s2": {
        "2-1": {
            "event_type": "injuring",
            "location": {"state": "http://dbpedia.org/resource/Tennessee"},
            "subtask": 2,
            "time": {"month": "01/2017"},
        }
    },
    "s3": {"3-1": {"event_type": "killing", "participant": {"last": "Fictus"}, "subtask": 3, "time": {"year": "2017"}}},
}
GOLD = {
    "s1": {"1-1": {"numerical_answer": 1, "answer_docs": ["d1", "d2"]}},
    "s2": {"2-1": {"numerical_answer": 1, "answer_docs": ["d3"]}},
    "s3": {"3-1": {"numerical_answer": 1, "answer_docs": ["d1", "d2"], "part-info": {}}},
}


def write_split(root: Path) -> Path:
    trial = root / "trial"
    for sub in ("docs_text", "questions", "answers"):
        (trial / sub).mkdir(parents=True)
    for doc_id, (dct, title, body) in DOCS.items():
        (trial / "docs_text" / f"{doc_id}.txt").write_text(f"{dct}\n{title}\n{body}\n", "utf-8")
    for s in ("s1", "s2", "s3"):
        (trial / "questions" / f"{s}.questions.json").write_text(json.dumps(QUESTIONS[s]), "utf-8")
        (trial / "answers" / f"{s}.answers.json").write_text(json.dumps(GOLD[s]), "utf-8")
    return root


@pytest.mark.sqlite_only("the benchmark keeps its own SQLite working database under --out")
def test_bench_semeval_writes_official_answers_and_prints_metrics(tmp_path: Path) -> None:
    data, out = write_split(tmp_path / "data"), tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "--home",
            str(tmp_path / "home"),
            "bench",
            "semeval",
            "--data",
            str(data),
            "--split",
            "trial",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "S1: 1 questions, answered 100.0%" in result.output
    clusters = json.loads((out / "clusters.json").read_text())
    assert set(clusters) == set(DOCS)
    assert clusters["d1"] == clusters["d2"] != clusters["d3"]
    s1 = json.loads((out / "s1.answers.json").read_text())
    assert s1["1-1"]["numerical_answer"] == 1
    assert sorted(d for docs in s1["1-1"]["answer_docs"].values() for d in docs) == ["d1", "d2"]
    s3 = json.loads((out / "s3.answers.json").read_text())
    assert s3["3-1"]["numerical_answer"] == 1


def test_bench_semeval_on_a_wrong_folder_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["bench", "semeval", "--data", str(tmp_path), "--split", "trial", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "questions/" in result.output
