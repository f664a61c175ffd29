"""Actor matching: the longest alias wins, adjectives are told from names, acronyms need capitals."""

import re

from civharm.extract.actors import _alternation, find_actors


def _found(text: str) -> list[tuple[str, str, bool]]:
    return [(text[m.start : m.end], m.actor.name, m.as_adjective) for m in find_actors(text)]


def test_the_longest_alias_wins_over_its_prefix() -> None:
    assert _found("The Syrian government said Russia's jets and the US-led coalition struck.") == [
        ("Syrian government", "Syrian government", False),
        ("Russia's", "Russia", True),
        ("US-led coalition", "US-led coalition", False),
    ]


def test_an_alias_inside_a_longer_word_is_not_a_match() -> None:
    assert _found("Russians in Moscowville met the coalitions.") == []


def test_short_acronyms_count_only_in_capitals() -> None:
    assert [name for _, name, _ in _found("It is US policy, the un-named official said.")] == ["United States"]


def test_the_prefix_tree_matches_exactly_the_words_it_was_built_from() -> None:
    pattern = re.compile(f"(?:{_alternation(['russia', 'russian', 'russian-led', 'syria'])})$")
    assert [
        w for w in ("russia", "russian", "russian-led", "syria", "russ", "russian-", "syr") if pattern.match(w)
    ] == [
        "russia",
        "russian",
        "russian-led",
        "syria",
    ]
