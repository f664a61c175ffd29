"""Article-extraction benchmark: how much of each page's gold article body our HTML extraction recovers.

Metric (shared/benchmarks/README.md, section 4): each text becomes a bag of 4-gram
shingles of ``\\w+`` tokens; per page, precision = tp/(tp+fp) and recall = tp/(tp+fn);
P is the mean precision over pages with tp+fp > 0, R the mean recall over pages with
tp+fn > 0, F1 the harmonic mean of P and R. It also captures every page of ``../shared/samples/``
and reports any that keeps boilerplate (a donation appeal, a "republish this story" box, a browser
notice). Run it with ``civharm bench article-extraction ../shared/benchmarks/article-extraction``.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from civharm.errors import CivharmError

SHINGLE = 4
# ../shared next to the repository, when run from a source checkout
SHARED = Path(__file__).resolve().parents[3].parent / "shared"
DEFAULT_DATA = SHARED / "benchmarks" / "article-extraction"
DEFAULT_SAMPLES = SHARED / "samples"
# The boilerplate shared/samples/README.md lists: none of it may survive capture.
BOILERPLATE = re.compile(
    r"republish (?:this|our) (?:story|article)|\bdonat(?:e|ion)s?\b|support (?:our|independent|nonprofit) journalism"
    r"|(?:update|upgrade) your browser|your browser (?:is|does)|enable javascript|skip to (?:main )?content",
    re.IGNORECASE,
)
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


def run(data_dir: str | Path, extractor: Callable[[str, str | None], str] | None = None) -> dict[str, float]:
    """Score ``extractor`` (html, url) -> text (default: capture's) on every page of the benchmark folder."""
    from civharm.capture.decode import decode_text
    from civharm.capture.html import extract_html_text

    extractor = extractor or extract_html_text
    folder = Path(data_dir)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores: list[PageScore] = []
    for page, gold in sorted(truth.items()):
        raw = gzip.decompress((folder / "html" / f"{page}.html.gz").read_bytes())
        html = decode_text(raw, None)
        scores.append(score_page(page, gold["articleBody"], extractor(html, gold.get("url"))))
    return summarise(scores)


def boilerplate_left(samples: Path) -> dict[str, str]:
    """Samples whose captured text still holds boilerplate: {file name: the words found}."""
    from civharm.capture.text import extract_text

    found: dict[str, str] = {}
    for path in sorted(samples.glob("*.txt")) + sorted(samples.glob("*.html")):
        text = extract_text(path.read_bytes(), path.name).text
        match = BOILERPLATE.search(text)
        if match:
            found[path.name] = match.group(0)
    return found


@click.command("article-extraction")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path), default=str(DEFAULT_DATA))
@click.option("--samples", type=click.Path(file_okay=False, path_type=Path), default=str(DEFAULT_SAMPLES))
def command(data_dir: Path, samples: Path) -> None:
    """Main-text F1 on the article-extraction pages; boilerplate left in any shared sample."""
    if not (data_dir / "ground-truth.json").is_file():
        raise CivharmError(f"{data_dir} has no ground-truth.json")
    result: dict[str, object] = {k: round(v, 4) for k, v in run(data_dir).items()}
    if samples.is_dir():
        result["samples_with_boilerplate"] = boilerplate_left(samples)
    click.echo(json.dumps(result, indent=2))
