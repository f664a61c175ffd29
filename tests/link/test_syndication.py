"""Syndicated copies are one source; independent reports are not merged."""

from __future__ import annotations

import html
import itertools
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from civharm.link.syndication import (
    NUM_PERM,
    SYNDICATION_THRESHOLD,
    _plausible,
    independent_sources,
    jaccard,
    shingles,
    similar_pairs,
    source_groups,
)
from civharm.records import Extraction

from .builders import days, extraction, filler, report
from .example_texts import example_path, example_text


def _groups(*exts: Extraction) -> list[str]:
    groups = source_groups(exts)
    return [groups[e.report.sha256] for e in exts]


def test_example_wire_story_and_its_republication_are_one_group() -> None:
    wire = extraction(report("01", text=example_text("01-meridian-ariha-market.txt")))
    copy = extraction(report("02", text=example_text("02-orontes-ariha-market.html")))
    independent = extraction(report("03", text=example_text("03-idlib-observer-ariha-toll.html")))
    g_wire, g_copy, g_other = _groups(wire, copy, independent)
    assert g_wire == g_copy
    assert g_other != g_wire


def test_threshold_separates_copies_from_independent_reports_of_one_strike() -> None:
    # the calibration the SYNDICATION_THRESHOLD comment refers to
    wire = shingles(example_text("01-meridian-ariha-market.txt"))
    copy = shingles(example_text("02-orontes-ariha-market.html"))
    other = shingles(example_text("03-idlib-observer-ariha-toll.html"))
    denial = shingles(example_text("04-northern-courier-russia-denies.txt"))
    assert jaccard(wire, copy) >= 0.9
    assert max(jaccard(wire, other), jaccard(wire, denial), jaccard(other, denial)) < 0.05


def test_a_copy_with_page_chrome_left_in_is_still_a_copy() -> None:
    raw = example_path("02-orontes-ariha-market.html").read_text(encoding="utf-8")
    body = re.sub(r"<head>.*</head>", " ", raw, flags=re.S)
    everything = html.unescape(re.sub(r"<[^>]+>", " ", body))  # menus, republish box, footer and all
    wire = shingles(example_text("01-meridian-ariha-market.txt"))
    assert jaccard(wire, shingles(everything)) >= SYNDICATION_THRESHOLD


def test_unrelated_texts_are_separate_groups_and_ids_are_stable() -> None:
    exts = [extraction(report(name)) for name in ("a", "b", "c")]
    first = source_groups(exts)
    assert len(set(first.values())) == 3
    assert source_groups(list(reversed(exts))) == first


def test_every_pair_of_many_copies_is_found_once_later_key_first() -> None:
    story = shingles(filler("wire", 120))
    sets = {f"copy{i:02d}": story for i in range(12)} | {"other": shingles(filler("else", 120)), "empty": frozenset()}
    pairs = list(similar_pairs(sets, sets.__getitem__, SYNDICATION_THRESHOLD))
    copies = sorted(k for k in sets if k.startswith("copy"))
    assert pairs == sorted((later, earlier) for earlier, later in itertools.combinations(copies, 2))


def test_sets_are_computed_on_demand_and_each_sketched_once() -> None:
    sets = {key: shingles(filler(key, 60)) for key in ("a", "b", "c")} | {"a2": shingles(filler("a", 60))}
    asked: list[str] = []

    def grams(key: str) -> frozenset[str]:
        asked.append(key)
        return sets[key]

    assert list(similar_pairs(sets, grams, SYNDICATION_THRESHOLD)) == [("a2", "a")]
    assert sorted(asked[:4]) == ["a", "a2", "b", "c"]  # one sketch each; the pair then reads its two sets
    assert sorted(asked[4:]) == ["a", "a2"]


def test_pairs_sharing_one_band_by_chance_are_turned_down_by_their_sketches() -> None:
    rng = np.random.default_rng(1)
    sketches = rng.integers(0, 2**32, size=(4, NUM_PERM), dtype=np.uint32)
    sketches[1, :5] = sketches[0, :5]  # one band of five values in common: chance
    sketches[3, ::2] = sketches[2, ::2]  # half of all values in common: a similarity of about 0.5
    pairs = np.array([[1, 0], [3, 2]], dtype=np.int64)
    assert _plausible(pairs, sketches, SYNDICATION_THRESHOLD).tolist() == [[3, 2]]


_WORDS = st.sampled_from([f"w{i}" for i in range(40)])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.frozensets(_WORDS, max_size=12), max_size=12), st.sampled_from([0.3, 0.5, 0.8]))
def test_pairs_are_similar_and_equal_sets_always_pair(raw: list[frozenset[str]], threshold: float) -> None:
    sets = {f"k{i:02d}": grams for i, grams in enumerate(raw)}
    pairs = set(similar_pairs(sets, sets.__getitem__, threshold))
    assert all(later > earlier and jaccard(sets[later], sets[earlier]) >= threshold for later, earlier in pairs)
    equal = {(b, a) for a, b in itertools.combinations(sorted(sets), 2) if sets[a] and sets[a] == sets[b]}
    assert equal <= pairs  # equal sets agree on every band, so LSH never misses them


def test_same_origin_and_title_join_copies_cut_differently() -> None:
    title = "Air strike on market kills 12"
    full = report("full", text=filler("story", 200), origin="Meridian", publisher="Paper One", title=title)
    cut = report("cut", text=filler("other words", 40), origin="Meridian", publisher="Paper Two", title=title)
    other_title = report("x", text=filler("third", 40), origin="Meridian", publisher="Paper Three", title="Else")
    g_full, g_cut, g_other = _groups(extraction(full), extraction(cut), extraction(other_title))
    assert g_full == g_cut
    assert g_other != g_full


def test_two_stories_by_one_publisher_are_one_independent_source() -> None:
    first = report("a", publisher="Reuters")
    update = report("b", publisher="Reuters", published=days(1))
    other = report("c", publisher="AFP")
    reports = [first, update, other]
    groups = source_groups([extraction(r) for r in reports])
    names = independent_sources(reports, groups)
    assert names == {first.sha256: "Reuters", update.sha256: "Reuters", other.sha256: "AFP"}


def test_republication_is_named_after_its_origin() -> None:
    story = filler("wire", 150)
    wire = report("w", text=story, publisher="Meridian Wire Agency")
    copy = report("c", text=story + " Republish.", publisher="Orontes Daily", origin="Meridian Wire Agency")
    reports = [wire, copy]
    names = independent_sources(reports, source_groups([extraction(r) for r in reports]))
    assert set(names.values()) == {"Meridian Wire Agency"}


def test_publisher_falls_back_to_the_host() -> None:
    a = report("a").model_copy(update={"publisher": None, "url": "https://www.one.example.org/x"})
    b = report("b").model_copy(update={"publisher": None, "url": "https://one.example.org/y"})
    names = independent_sources([a, b], source_groups([extraction(a), extraction(b)]))
    assert set(names.values()) == {"one.example.org"}
