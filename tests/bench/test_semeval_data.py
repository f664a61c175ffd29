"""Reading a SemEval split: documents (raw text preferred), questions, detokenisation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from civharm.bench.semeval_data import (
    SemevalDataError,
    detokenise,
    load_answers,
    load_documents,
    load_questions,
    split_dir,
)


def test_detokenise_puts_punctuation_back() -> None:
    assert detokenise("HEATH , OH ( WCMH ) — A 16-year - old was n't hurt .") == (
        "HEATH, OH (WCMH) — A 16-year-old wasn't hurt."
    )
    assert detokenise("Three dead near Greenbriar Mall in SW Atlanta - WMC Action News 5 - Memphis , Tennessee") == (
        "Three dead near Greenbriar Mall in SW Atlanta - WMC Action News 5 - Memphis, Tennessee"
    )
    assert detokenise("Teen shot in Miami - Dade drive - by - wave3.com - Louisville") == (
        "Teen shot in Miami-Dade drive-by - wave3.com-Louisville"
    )


def write_split(root: Path) -> Path:
    folder = root / "test"
    (folder / "docs_text").mkdir(parents=True)
    (folder / "questions").mkdir()
    (folder / "docs_text" / "d1.txt").write_text("2017-01-25\nMan shot , killed\nA man was shot .\n", "utf-8")
    (folder / "docs_text" / "d2.txt").write_text("2017-02-01\nTokenised title\nTokenised body .\n", "utf-8")
    raw = {"doc_id": "d2", "title": "Raw title", "dct": "2017-02-02", "url": "u", "text": "Raw body, as written."}
    (folder / "docs_raw.jsonl").write_text(json.dumps(raw) + "\n", "utf-8")
    questions = {
        "1-1": {
            "event_type": "killing",
            "location": {"city": "http://dbpedia.org/resource/Phoenix,_Arizona"},
            "subtask": 1,
            "time": {"day": "29/01/2017"},
        },
        "2-1": {
            "event_type": "injuring",
            "participant": {"last": "Johnson"},
            "subtask": 2,
            "time": {"month": "03/2017"},
        },
    }
    (folder / "questions" / "s1.questions.json").write_text(json.dumps({"1-1": questions["1-1"]}), "utf-8")
    (folder / "questions" / "s2.questions.json").write_text(json.dumps({"2-1": questions["2-1"]}), "utf-8")
    return root


def test_documents_prefer_the_raw_text_and_questions_are_typed(tmp_path: Path) -> None:
    folder = split_dir(write_split(tmp_path), "test")
    d1, d2 = load_documents(folder)
    assert (d1.dct, d1.title, d1.text.strip()) == (dt.date(2017, 1, 25), "Man shot, killed", "A man was shot.")
    assert (d2.dct, d2.title, d2.text) == (dt.date(2017, 2, 2), "Raw title", "Raw body, as written.")
    (q1,) = load_questions(folder, "s1")
    assert q1.day == dt.date(2017, 1, 29) and q1.city and q1.city.endswith("Phoenix,_Arizona")
    (q2,) = load_questions(folder, "s2")
    assert (q2.month, q2.last, q2.event_type) == ((2017, 3), "Johnson", "injuring")
    assert load_answers(folder, "s1") is None


def test_a_folder_that_is_not_the_release_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SemevalDataError, match="questions"):
        split_dir(tmp_path, "trial")
