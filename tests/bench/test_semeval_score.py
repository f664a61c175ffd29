"""The official SemEval-2018 Task 5 metrics, and B-cubed for document clustering."""

from __future__ import annotations

import math

import pytest

from civharm.bench.clustering import b_cubed
from civharm.bench.semeval_data import Answer, parse_answers
from civharm.bench.semeval_score import score


def ans(n: int, *docs: str) -> Answer:
    return Answer(numerical_answer=n, answer_docs={"i": docs} if docs else {})


def test_exact_numbers_rmse_and_macro_document_f1() -> None:
    gold = {"q1": ans(2, "a", "b"), "q2": ans(1, "c"), "q3": ans(3, "d")}
    ours = {"q1": ans(2, "a"), "q2": ans(3, "c")}
    s = score(gold, ours)
    assert s.answered == pytest.approx(200 / 3)
    assert s.accuracy == pytest.approx(50.0)
    assert s.rmse == pytest.approx(math.sqrt(2.0))
    assert s.doc_precision == pytest.approx(100.0)
    assert s.doc_recall == pytest.approx(75.0)
    assert s.doc_f1 == pytest.approx((2 / 3 + 1) / 2 * 100)


def test_empty_against_empty_counts_as_full_marks() -> None:
    assert score({"q": ans(0)}, {"q": ans(0)}).doc_f1 == pytest.approx(100.0)


def test_trial_answers_in_the_older_format_read_like_official_ones() -> None:
    old = parse_answers({"q": {"numerical_answer": 2, "answer_docs": ["a", "b"], "part-info": {}}})
    new = parse_answers({"q": {"numerical_answer": 2, "answer_docs": {"x": ["a"], "y": ["b"]}}})
    assert old["q"].docs == new["q"].docs == {"a", "b"}


def test_b_cubed_rewards_the_gold_clustering_and_penalises_merging_and_splitting() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert b_cubed(gold, gold).f1 == pytest.approx(1.0)
    merged = b_cubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert merged.recall == pytest.approx(1.0)
    assert merged.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    split = b_cubed(gold, {"a": "x", "b": "y", "c": "z"})
    assert split.precision == pytest.approx(1.0)
    assert split.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
