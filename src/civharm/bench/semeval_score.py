"""The official SemEval-2018 Task 5 metrics, reimplemented from ../shared/benchmarks/README.md.

Incident level: accuracy (share of answered questions whose number is exactly right) and RMSE of the
numbers. Document level: precision, recall and F1 of the set of answer documents per question,
macro-averaged over answered questions, an empty set against an empty set counting 1.0. Answered: the
share of the gold questions that got an answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from civharm.bench.semeval_data import Answer


@dataclass(frozen=True)
class Scores:
    questions: int
    answered: float  # percent
    accuracy: float  # percent
    rmse: float
    doc_precision: float  # percent
    doc_recall: float
    doc_f1: float


def _prf(gold: frozenset[str], ours: frozenset[str]) -> tuple[float, float, float]:
    if not gold and not ours:
        return 1.0, 1.0, 1.0
    hits = len(gold & ours)
    p = hits / len(ours) if ours else 0.0
    r = hits / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: Mapping[str, Answer], ours: Mapping[str, Answer]) -> Scores:
    """Scores of ``ours`` against ``gold`` over the questions ``gold`` answers."""
    answered = [q for q in gold if q in ours]
    n = len(answered)
    if n == 0:
        return Scores(len(gold), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    exact = sum(ours[q].numerical_answer == gold[q].numerical_answer for q in answered)
    sq = sum((ours[q].numerical_answer - gold[q].numerical_answer) ** 2 for q in answered)
    prf = [_prf(gold[q].docs, ours[q].docs) for q in answered]
    return Scores(
        questions=len(gold),
        answered=100.0 * n / len(gold),
        accuracy=100.0 * exact / n,
        rmse=math.sqrt(sq / n),
        doc_precision=100.0 * sum(p for p, _, _ in prf) / n,
        doc_recall=100.0 * sum(r for _, r, _ in prf) / n,
        doc_f1=100.0 * sum(f for _, _, f in prf) / n,
    )
