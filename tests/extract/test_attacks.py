"""Which words name an attack: a headline's "Man shot outside store" does; "a shot at the title" does not."""

import pytest

from civharm.extract.attacks import find_attack_words


def _words(sentence: str) -> list[str]:
    return [sentence[w.start : w.end] for w in find_attack_words(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Man shot outside Kettering store",  # a headline's passive, its "was" dropped
        "Two shot near park",
        "Teen shot in leg during argument",
        "A man was shot Monday night.",
        "Gunmen opened fire on the market.",
        "A man suspected of opening fire on two officers was charged.",
        "Teen wounded in drive-by",
        "Boy, 5, accidentally shoots himself",
        "Child injured by stray bullet",
        "Two dead after gunfight",
        "Police investigate the homicide.",
        "Houston mass killing suspect appears in court",  # an attack named without its weapon
        "Police investigate a double killing.",
        "A boy was accused of killing his sister.",  # a killing someone is accused of
        "Police say the girl was murdered.",
        "A 10-year-old was struck by a bullet while sitting in the living room.",
        "The rifle accidentally discharged, hitting the boy.",
    ],
)
def test_a_shooting_is_named(sentence: str) -> None:
    assert _words(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He took a shot at the mayor in his speech.",
        "She had one shot at the title on Sunday.",
        "He got a flu shot on Monday.",
        "The photo shoots were fun.",
        "Homicide detectives were called.",
        "Officers wore bullet-proof vests and a bulletproof helmet.",
        "The report lists three bullet points.",
        "The tornado killed two people.",
    ],
)
def test_other_shots_are_no_attack(sentence: str) -> None:
    assert _words(sentence) == []
