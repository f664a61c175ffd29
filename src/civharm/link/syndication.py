"""Republished copies of one story count as one source.

A wire story printed by ten outlets is one source, not ten: counting it ten times would make any wire
report "Fair". Copies are found by text, not by metadata, because outlets often drop the credit line:
MinHash over word 5-gram shingles finds near-identical texts without comparing every pair, and the exact
Jaccard similarity of the shingle sets confirms each candidate pair. Same origin (wire agency or original
publisher) with the same title joins copies whose texts were cut differently at capture.

Independence of sources for an incident goes one step further: several stories by one publisher (the
wire agency's first report and its update) are also one source.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash, MinHashLSH
from numpy.typing import NDArray

from civharm.capture.publisher import original_url
from civharm.records import Extraction, Report, stable_id

SHINGLE_WORDS = 5
# Jaccard similarity of word 5-gram sets at or above which two texts are one story. On the bundled examples
# a word-for-word republication scores 0.92 with its own byline and 0.76 with all the page chrome left in;
# independent reports of the same strike score under 0.02 (tests/link/test_syndication.py). 0.5 sits well
# between, tolerates copy-editing and leftover boilerplate, and a rewrite that keeps half of the wire copy
# is not an independent source anyway.
SYNDICATION_THRESHOLD = 0.5
# 128 permutations: the datasketch default; the LSH proposes pairs, the sketches turn down chance ones,
# exact Jaccard decides.
NUM_PERM = 128
MINHASH_SEED = 1  # fixed, so the same texts give the same matches in every run
# An odd multiplier that folds a band's hash values into one 64-bit number (``_same_band``).
_FOLD = np.uint64(0x9E3779B97F4A7C15)
# A candidate pair is turned down without the exact check when a pair at the threshold would agree on
# so few sketch values with at most this probability: a pair that belongs is lost about once in a million.
CHANCE_PROBABILITY = 1e-6
_PAIR_CHUNK = 100_000  # candidate pairs compared at once (a chunk's two sketch arrays: ~100 MB)

_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[str]:
    """Word 5-grams of the lower-cased text; a text shorter than that is one shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@functools.cache
def _lsh_bands(threshold: float) -> tuple[int, int]:
    """Bands and rows for a threshold; datasketch finds them by numerical integration (~0.1 s), once."""
    probe = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return int(probe.b), int(probe.r)


@functools.cache
def _fewest_agreeing(threshold: float) -> int:
    """The fewest of a sketch's NUM_PERM values two sets at ``threshold`` similarity agree on, but for a
    CHANCE_PROBABILITY chance (each value agrees with probability equal to the similarity: a binomial)."""
    tail = 0.0
    for agreeing in range(NUM_PERM + 1):
        tail += math.comb(NUM_PERM, agreeing) * threshold**agreeing * (1 - threshold) ** (NUM_PERM - agreeing)
        if tail >= CHANCE_PROBABILITY:
            return agreeing
    return NUM_PERM


def _same_band(sketches: NDArray[np.uint32], bands: int, rows: int) -> set[tuple[int, int]]:
    """Pairs of row numbers (later, earlier) whose sketches agree on at least one band: the LSH candidates.

    Each band's ``rows`` values are folded into one 64-bit number, and rows with equal numbers share a
    bucket. Two different bands can fold to one number; that only proposes a pair the checks turn down.
    """
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        values = sketches[:, band * rows : (band + 1) * rows].astype(np.uint64)
        folded = np.zeros(len(sketches), dtype=np.uint64)
        for column in range(rows):
            folded = folded * _FOLD + values[:, column]  # wraps around modulo 2**64, as meant
        order = np.argsort(folded, kind="stable")
        starts = np.flatnonzero(np.diff(folded[order])) + 1
        bounds = np.stack([np.concatenate(([0], starts)), np.append(starts, len(order))], axis=1)
        for start, end in bounds[bounds[:, 1] - bounds[:, 0] > 1].tolist():  # most rows share no band
            members = sorted(order[start:end].tolist())
            pairs.update((later, earlier) for i, later in enumerate(members) for earlier in members[:i])
    return pairs


def _plausible(pairs: NDArray[np.int64], sketches: NDArray[np.uint32], threshold: float) -> NDArray[np.int64]:
    """The candidate pairs whose sketches agree on enough values for a similarity at ``threshold``.

    Sharing one band by chance is common among texts written from one template; agreeing on as many
    values as a pair at the threshold (``_fewest_agreeing``) is not. This turns most chance pairs down
    with a comparison of two arrays instead of two texts' shingles.
    """
    fewest = _fewest_agreeing(threshold)
    kept = [
        chunk[(sketches[chunk[:, 0]] == sketches[chunk[:, 1]]).sum(axis=1) >= fewest]
        for chunk in np.array_split(pairs, max(1, len(pairs) // _PAIR_CHUNK))
    ]
    return np.concatenate(kept)


def similar_pairs(
    keys: Iterable[str], grams: Callable[[str], frozenset[str]], threshold: float
) -> Iterator[tuple[str, str]]:
    """Pairs of keys whose sets (``grams(key)``) have a Jaccard similarity of at least ``threshold``.

    MinHash LSH proposes the pairs without comparing all of them; the sketches turn down pairs that
    agree on too few values (``_plausible``), and the exact Jaccard similarity decides the rest. The
    sets are computed when needed and not kept: over a million reports their shingles would take
    gigabytes, a sketch 512 bytes. Pairs come in sorted order, each once, as (later key, earlier key).
    """
    bands, rows = _lsh_bands(threshold)
    # Drawing the permutations is most of a new sketch's cost: copy an empty one instead (same seed).
    empty = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    ordered = sorted(keys)
    sketches = np.empty((len(ordered), NUM_PERM), dtype=np.uint32)  # MinHash values are below 2**32
    named: list[str] = []
    for key in ordered:
        found = grams(key)
        if not found:
            continue
        sketch = empty.copy()
        sketch.update_batch([g.encode("utf-8") for g in found])
        sketches[len(named)] = sketch.hashvalues
        named.append(key)
    sketches = sketches[: len(named)]
    candidates = np.array(sorted(_same_band(sketches, bands, rows)), dtype=np.int64).reshape(-1, 2)
    cached = functools.lru_cache(maxsize=1024)(grams)  # a run of copies compares one text many times
    for later, earlier in _plausible(candidates, sketches, threshold).tolist():
        if jaccard(cached(named[later]), cached(named[earlier])) >= threshold:
            yield named[later], named[earlier]


class _UnionFind:
    """Groups of report ids; the smallest id represents its group, so group ids are stable."""

    def __init__(self, items: Iterable[str]) -> None:
        self._parent = {i: i for i in items}

    def find(self, item: str) -> str:
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo


def source_groups(extractions: Sequence[Extraction]) -> dict[str, str]:
    """Map each report's sha256 to the id of its syndication group (copies of one story share it)."""
    reports = {e.report.sha256: e.report for e in extractions}
    groups = _UnionFind(reports)
    for sha, other in similar_pairs(reports, lambda sha: shingles(reports[sha].text), SYNDICATION_THRESHOLD):
        groups.union(sha, other)
    by_origin_title: dict[tuple[str, str], str] = {}
    for sha in sorted(reports):
        key = _origin_title_key(reports[sha])
        if key is None:
            continue
        if key in by_origin_title:
            groups.union(sha, by_origin_title[key])
        else:
            by_origin_title[key] = sha
    return {sha: stable_id("syndication", groups.find(sha)) for sha in reports}


def _norm(value: str | None) -> str:
    return " ".join(_WORD.findall(value.casefold())) if value else ""


def _origin_title_key(report: Report) -> tuple[str, str] | None:
    origin, title = _norm(report.origin or report.publisher), _norm(report.title)
    return (origin, title) if origin and title else None


def source_key(report: Report) -> str | None:
    """Who the report's words come from: the origin of a republication, else the publisher or its host."""
    if report.origin or report.publisher:
        return _norm(report.origin or report.publisher)
    host = _host(report)
    return host or None


def source_name(report: Report) -> str:
    """A display name for the report's source."""
    return report.origin or report.publisher or _host(report) or f"report {report.sha256[:8]}"


def _host(report: Report) -> str:
    url = report.canonical_url or report.url
    if not url:
        return ""
    host = (urlsplit(original_url(url)).hostname or "").lower()
    return host.removeprefix("www.")


def independent_sources(reports: Sequence[Report], groups: Mapping[str, str]) -> dict[str, str]:
    """Map each report's sha256 to the name of its independent source among ``reports``.

    Reports are one source when they are in one syndication group or come from one publisher (or
    origin); the source is named after its origin or its earliest report's publisher. The number of
    distinct names is the number of independent sources.
    """
    shas = sorted({r.sha256 for r in reports})
    by_sha = {r.sha256: r for r in reports}
    joined = _UnionFind(shas)
    first_by: dict[str, str] = {}
    for sha in shas:
        for key in (f"group:{groups.get(sha, sha)}", f"source:{source_key(by_sha[sha]) or sha}"):
            if key in first_by:
                joined.union(sha, first_by[key])
            else:
                first_by[key] = sha
    members: dict[str, list[Report]] = {}
    for sha in shas:
        members.setdefault(joined.find(sha), []).append(by_sha[sha])
    names: dict[str, str] = {}
    used: set[str] = set()
    for root in sorted(members):
        name = _component_name(members[root])
        if name in used:  # two unrelated sources with one display name stay two sources
            name = f"{name} ({root[:8]})"
        used.add(name)
        for r in members[root]:
            names[r.sha256] = name
    return names


def _component_name(reports: list[Report]) -> str:
    origins = sorted({r.origin for r in reports if r.origin})
    if origins:
        return origins[0]
    earliest = min(reports, key=lambda r: (r.published is None, r.published or dt.date.min, r.sha256))
    return source_name(earliest)
