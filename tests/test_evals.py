"""The quality gate: our own gold set must score at or above every floor in evals/floors.json."""

import importlib.util
from pathlib import Path
from types import ModuleType

from civharm.extract.gazetteer import Gazetteer

EVALS = Path(__file__).resolve().parents[1] / "evals"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("civharm_evals_score", EVALS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_score_is_at_or_above_its_floor(gazetteer: Gazetteer) -> None:
    scorer = _scorer()
    scores, failed = scorer.score(gazetteer)
    floors = scorer.floors()
    assert set(floors) == set(scores), "every scored group needs a floor, every floor a group"
    below = {g: (scores[g], floors[g]) for g in floors if scores[g] < floors[g]}
    assert not below, f"below floor (score, floor): {below}; failed checks: {failed}"


def test_gold_set_is_ours_and_sized() -> None:
    lines = (EVALS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert 20 <= len(lines) <= 60
