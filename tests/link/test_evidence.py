"""Evidence besides date and place: the people named, the headline and lead, the figures."""

from __future__ import annotations

from civharm.link.evidence import (
    LEAD_THRESHOLD,
    Traits,
    figures_agree,
    lead_words,
    person_keys,
    score,
    traits,
)
from civharm.link.syndication import jaccard
from civharm.records import PlaceMention

from .builders import attack, extraction, killed, report


def test_a_middle_name_does_not_make_another_person() -> None:
    assert person_keys(["Demeko Desean Robinson"]) == person_keys(["demeko robinson"]) == {"demeko robinson"}
    assert person_keys(["Robinson"]) == frozenset()


def test_one_story_rewritten_has_similar_leads_and_another_story_does_not() -> None:
    first = lead_words("13-year-old dies in accidental shooting in Perry County", "A 13-year-old boy died Sunday.")
    again = lead_words("Perry County 13-year-old dies after accidental shooting", "The boy, 13, died on Sunday.")
    other = lead_words("Two officers injured in Wendy's robbery", "Two police officers were hurt on Sunday.")
    assert jaccard(first, again) >= LEAD_THRESHOLD > jaccard(first, other)
    assert "the" not in first and "shooting" in first


def test_figures_overlap_agree_far_apart_disagree_close_say_nothing() -> None:
    one, five, twelve, nineteen = (attack(casualties=(killed(n, n),)) for n in (1, 5, 12, 19))
    assert figures_agree(five, attack(casualties=(killed(4, None),))) is True
    assert figures_agree(one, five) is False
    assert figures_agree(twelve, nineteen) is None  # tolls rise
    assert figures_agree(one, attack()) is None


def test_score_adds_what_agrees_and_takes_what_disagrees() -> None:
    same = Traits(people=frozenset({"keshawn slaughter"}))
    other = Traits(people=frozenset({"maria alana"}))
    one, five = attack(casualties=(killed(1, 1),)), attack(casualties=(killed(5, 5),))
    assert score(same, same, one, one) == 4
    assert score(same, other, one, five) == -2
    assert score(Traits(), Traits(), one, five) == -1


def test_a_place_the_report_names_is_no_person() -> None:
    text = "Fort Lauderdale shooting\nFort Lauderdale police said Tony Williams, 40, was shot."
    start = text.index("Fort")
    places = (PlaceMention(start=start, end=start + 15, name="Fort Lauderdale"),)
    found = traits(extraction(report("a", text=text)).model_copy(update={"places": places}))
    assert found.people == {"tony williams"}
