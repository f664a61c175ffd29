"""Score the extractor on our own gold set (``evals/gold.jsonl``) and compare with ``evals/floors.json``.

The gold documents are short fictional or paraphrased reports written by the civharm authors, each
with what a careful reader takes from it (figures, place, date, perpetrator, "no casualties", a
denial), and where it matters the address it was published at (a local outlet's town). Checks are
grouped (figures, places, dates, perpetrators, negation, sources); each group's score is the share of
its checks passed. ``tests/test_evals.py`` fails when a score is under its floor, so CI holds the line.
Run ``python evals/score.py`` to print the scores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from civharm import TOOL
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.headline import headline
from civharm.extract.pipeline import extract_many
from civharm.records import DatePrecision, Extraction, Outcome, Report, Stance

HERE = Path(__file__).resolve().parent
GROUPS = {
    "killed": "figures",
    "injured": "figures",
    "killed_or_injured": "figures",
    "killed_max": "figures",
    "injured_min": "figures",
    "place": "places",
    "country": "places",
    "state": "places",
    "date": "dates",
    "date_precision": "dates",
    "date_year_only": "dates",
    "perpetrator": "perpetrators",
    "hedged": "perpetrators",
    "no_casualties": "negation",
    "denial": "negation",
    "two_sources": "sources",
}


def _report(item: dict[str, Any]) -> Report:
    text = str(item["text"])
    return Report(
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published=dt.date.fromisoformat(item["published"]),
        url=item.get("url"),
        text=text,
        captured_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        captured_by=TOOL,
    )


def _check(key: str, want: Any, extraction: Extraction, gazetteer: Gazetteer) -> bool:
    head = headline(extraction, gazetteer)
    mention = head.mention
    casualties = mention.casualties if mention else ()
    if key in ("killed", "injured"):
        return bool(getattr(head, key) == want)
    if key == "killed_or_injured":
        return any(c.outcome is Outcome.KILLED_OR_INJURED and c.min == want for c in casualties)
    if key == "killed_max":
        return any(c.outcome is Outcome.KILLED and c.max == want for c in casualties)
    if key == "injured_min":
        return any(c.outcome is Outcome.INJURED and c.min == want for c in casualties)
    if key == "place":
        return head.place is not None and head.place.name.casefold() == str(want).casefold()
    if key == "country":
        return head.place is not None and head.place.country == want
    if key == "state":
        return head.place is not None and head.place.admin1 == want
    if key == "date":
        return head.date is not None and head.date.isoformat() == want
    if key == "date_precision":
        precision = mention.date_precision if mention else None
        allowed = {"week": {DatePrecision.WEEK}, "range_or_month": {DatePrecision.RANGE, DatePrecision.MONTH}}[want]
        return precision in allowed
    if key == "date_year_only":
        return mention is not None and mention.date_precision is not DatePrecision.DAY
    if key == "perpetrator":
        return mention is not None and mention.perpetrator == want
    if key == "hedged":
        return mention is not None and mention.perpetrator_hedged is want
    if key == "no_casualties":
        return not any(i.casualties for i in extraction.incidents) and not extraction.tallies
    if key == "denial":
        return any(p.stance is Stance.DENIES and p.party == want for p in extraction.positions)
    if key == "two_sources":
        return len({c.source for c in casualties if c.outcome is Outcome.KILLED and c.source}) >= 2
    raise KeyError(key)


def score(gazetteer: Gazetteer, gold: Path = HERE / "gold.jsonl") -> tuple[dict[str, float], list[str]]:
    """Each group's share of checks passed, and the failed checks as "doc-id: key"."""
    items = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed: dict[str, list[bool]] = defaultdict(list)
    failed: list[str] = []
    for item, extraction in zip(items, extract_many(map(_report, items), gazetteer), strict=True):
        for key, want in item["expect"].items():
            ok = _check(key, want, extraction, gazetteer)
            passed[GROUPS[key]].append(ok)
            if not ok:
                failed.append(f"{item['id']}: {key}")
    return {group: round(sum(oks) / len(oks), 4) for group, oks in sorted(passed.items())}, failed


def floors(path: Path = HERE / "floors.json") -> dict[str, float]:
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


if __name__ == "__main__":
    from civharm.settings import load_settings

    scores, misses = score(Gazetteer.load(load_settings().cache_dir))
    print(json.dumps({"scores": scores, "failed": misses}, indent=2))
    sys.exit(0)
