"""Article-extraction benchmark: how much of each page's gold article body our HTML extraction recovers.

Metric (shared/benchmarks/README.md, section 4): each text becomes a bag of 4-gram
shingles of ``\\w+`` tokens; per page, precision = tp/(tp+fp) and recall = tp/(tp+fn);
P is the mean precision over pages with tp+fp > 0, R the mean recall over pages with
tp+fn > 0, F1 the harmonic mean of P and R. Run it with
``python -m civharm.capture.bench_article ../shared/benchmarks/article-extraction``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from civharm.capture.decode import decode_text
from civharm.capture.html import extract_html_text

SHINGLE = 4
# ../shared next to the repository, when run from a source checkout
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "benchmarks" / "article-extraction"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    page: str
    tp: int
    fp: int
    fn: int


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def score_page(page: str, gold: str, predicted: str) -> PageScore:
    gold_bag, predicted_bag = shingles(gold), shingles(predicted)
    tp = sum((gold_bag & predicted_bag).values())
    return PageScore(page, tp, sum(predicted_bag.values()) - tp, sum(gold_bag.values()) - tp)


def summarise(scores: list[PageScore]) -> dict[str, float]:
    precisions = [s.tp / (s.tp + s.fp) for s in scores if s.tp + s.fp > 0]
    recalls = [s.tp / (s.tp + s.fn) for s in scores if s.tp + s.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"pages": float(len(scores)), "precision": p, "recall": r, "f1": f1}


def run(data_dir: str | Path, extractor: Callable[[str, str | None], str] = extract_html_text) -> dict[str, float]:
    """Score ``extractor`` (html, url) -> text on every page of the benchmark folder."""
    folder = Path(data_dir)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores: list[PageScore] = []
    for page, gold in sorted(truth.items()):
        raw = gzip.decompress((folder / "html" / f"{page}.html.gz").read_bytes())
        html = decode_text(raw, None)
        scores.append(score_page(page, gold["articleBody"], extractor(html, gold.get("url"))))
    return summarise(scores)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = args[0] if args else str(DEFAULT_DATA)
    result = run(folder)
    print(json.dumps({k: round(v, 4) for k, v in result.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
