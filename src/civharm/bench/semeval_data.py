"""Reading a SemEval-2018 Task 5 split: its documents, its questions and (trial only) its answers.

The split's documents come in two shapes: ``docs_text/<doc_id>.txt`` (line 1 the document creation
date, line 2 the title, then the body with every token space-separated) and, for most test documents,
``docs_raw.jsonl`` with the untokenised text. The raw text is preferred because our extraction reads
punctuation as written ("Chicago, Ill."); tokenised text is put back together first.

Trial answers use the task's older format (``answer_docs`` a flat list, S3 ``part-info``); they are read
into the same shape as the official one so one scorer serves both.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civharm.errors import CivharmError

SUBTASKS = ("s1", "s2", "s3")


class SemevalDataError(CivharmError):
    """The benchmark folder is missing or not shaped like the SemEval-2018 Task 5 release."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    dct: dt.date | None  # document creation date
    title: str
    text: str  # the body, untokenised
    url: str | None = None  # where it was published (gva-dev has it; SemEval does not)


@dataclass(frozen=True)
class Question:
    qid: str
    subtask: int
    event_type: str  # killing, injuring, fire_burning, job_firing
    city: str | None = None  # DBpedia URI
    state: str | None = None  # DBpedia URI
    day: dt.date | None = None
    month: tuple[int, int] | None = None  # (year, month)
    year: int | None = None
    first: str | None = None
    last: str | None = None
    full_name: str | None = None


@dataclass(frozen=True)
class Answer:
    numerical_answer: int
    answer_docs: Mapping[str, tuple[str, ...]]  # incident id -> document ids

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(d for docs in self.answer_docs.values() for d in docs)


# Tokenised text: "Chicago , Ill . ( WGN )" -> "Chicago, Ill. (WGN)". Only spaces the tokeniser added go.
_DETOK = (
    (re.compile(r" ([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    # a hyphen inside a word ("16-year - old", "Miami - Dade"); a title's " - " before its site's name
    # stays ("Atlanta - WMC Action News 5 - Memphis", "identified - wave3.com")
    (re.compile(r"(\w) - (?=[a-z0-9](?![\w.]*\.com\b)|(?<=[A-Za-z] - )[A-Z][a-z])"), r"\1-"),
    (re.compile(r"(\d) : (?=\d)"), r"\1:"),
)


def detokenise(text: str) -> str:
    """Undo the release's space-separated tokenisation, line by line."""
    lines = []
    for line in text.split("\n"):
        for pattern, repl in _DETOK:
            line = pattern.sub(repl, line)
        lines.append(line)
    return "\n".join(lines)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def split_dir(data: Path, split: str) -> Path:
    folder = data / split
    if not (folder / "questions").is_dir():
        raise SemevalDataError(f"{folder} has no questions/ folder: give --data the semeval2018t5 folder")
    return folder


def load_documents(folder: Path) -> list[Document]:
    """Every document of the split, raw text where the release has it, in doc id order."""
    raw: dict[str, dict[str, Any]] = {}
    raw_path = folder / "docs_raw.jsonl"
    if raw_path.is_file():
        for line in raw_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                raw[row["doc_id"]] = row
    docs: list[Document] = []
    text_dir = folder / "docs_text"
    if not text_dir.is_dir():
        raise SemevalDataError(f"{folder} has no docs_text/ folder")
    for path in sorted(text_dir.glob("*.txt")):
        doc_id = path.stem
        lines = path.read_text(encoding="utf-8").split("\n")
        dct = _date(lines[0]) if lines else None
        title = detokenise(lines[1].strip()) if len(lines) > 1 else ""
        body = detokenise("\n".join(lines[2:]))
        if doc_id in raw and str(raw[doc_id].get("text") or "").strip():
            row = raw[doc_id]
            body = str(row["text"])
            title = str(row.get("title") or title)
            dct = _date(str(row.get("dct") or "")) or dct
        docs.append(Document(doc_id=doc_id, dct=dct, title=title, text=body))
    return docs


def _day(value: str) -> dt.date:
    day, month, year = (int(p) for p in value.split("/"))
    return dt.date(year, month, day)


def _question(qid: str, q: Mapping[str, Any]) -> Question:
    loc, time, part = q.get("location") or {}, q.get("time") or {}, q.get("participant") or {}
    month = None
    if "month" in time:
        m, y = (int(p) for p in time["month"].split("/"))
        month = (y, m)
    return Question(
        qid=qid,
        subtask=int(q["subtask"]),
        event_type=str(q["event_type"]),
        city=loc.get("city"),
        state=loc.get("state"),
        day=_day(time["day"]) if "day" in time else None,
        month=month,
        year=int(time["year"]) if "year" in time else None,
        first=part.get("first"),
        last=part.get("last"),
        full_name=part.get("full_name"),
    )


def load_questions(folder: Path, subtask: str) -> list[Question]:
    path = folder / "questions" / f"{subtask}.questions.json"
    if not path.is_file():
        raise SemevalDataError(f"missing {path}")
    data = json.loads(path.read_text(encoding="utf-8"))
    return [_question(qid, q) for qid, q in sorted(data.items())]


def parse_answers(data: Mapping[str, Any]) -> dict[str, Answer]:
    """Answers in the official format or the trial's older one (a flat list of documents)."""
    out: dict[str, Answer] = {}
    for qid, a in data.items():
        docs = a.get("answer_docs") or {}
        if isinstance(docs, list):
            docs = {"?": docs}
        out[qid] = Answer(
            numerical_answer=int(a["numerical_answer"]),
            answer_docs={str(k): tuple(v) for k, v in docs.items()},
        )
    return out


def load_answers(folder: Path, subtask: str) -> dict[str, Answer] | None:
    """Gold answers, or None when the split has none (the test split is scored outside)."""
    path = folder / "answers" / f"{subtask}.answers.json"
    if not path.is_file():
        return None
    return parse_answers(json.loads(path.read_text(encoding="utf-8")))
