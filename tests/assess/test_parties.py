"""Which party names denote the same party."""

from __future__ import annotations

import pytest

from civharm.assess.parties import distinct_parties, matches_any, same_party


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia", "Russian warplanes"),
        ("Russia", "Russia's Defence Ministry"),
        ("the Syrian government", "Syria"),
        ("RSF", "Rapid Support Forces"),
        ("Sudanese army", "Sudanese Armed Forces"),
        ("IDF", "Israel Defense Forces"),
    ],
)
def test_same_party(a: str, b: str) -> None:
    assert same_party(a, b)
    assert same_party(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia", "Syrian government"),
        ("Rapid Support Forces", "Sudanese army"),
        ("Saudi-led coalition", "Houthis"),
        ("US", "Russia"),
        ("RSF", "Russia"),
    ],
)
def test_different_parties(a: str, b: str) -> None:
    assert not same_party(a, b)


def test_distinct_parties_keeps_the_shortest_spelling() -> None:
    assert distinct_parties(["Russian warplanes", "Russia", "Syrian government", " ", "Syria"]) == (
        "Russia",
        "Syria",
    )


def test_matches_any() -> None:
    assert matches_any("Russia's Defence Ministry", ["Russia"])
    assert not matches_any(None, ["Russia"])
    assert not matches_any("Turkey", ["Russia"])
