"""Names of the people a report is about, for linking and for "which incident involved Johnson?"."""

from __future__ import annotations

import pytest

from civharm.link.participants import find_names, mentions_name


def test_victim_names_are_found_and_organisations_are_not() -> None:
    text = (
        "Keshawn Slaughter, 26, was shot near the Chicago Police Department on Monday. "
        "His cousin Tanya Marie Brooks told reporters the family was devastated. "
        "Memorial Hospital said nothing."
    )
    names = {n.full for n in find_names(text)}
    assert "Keshawn Slaughter" in names
    assert "Tanya Marie Brooks" in names
    assert not any("Police" in n or "Hospital" in n for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "Two men were shot on the Southwest Side, the Chicago Tribune reported.",  # a part of town, an outlet
        "A man was shot at Lehigh Valley Hospital-Cedar Crest.",  # a word inside a hyphenated one
        "Mayor Rahm Emanuel said the shooting was senseless.",  # an office held
        "Caption Close Image 1 of 6 A woman was found shot in west Houston.",  # the page around the story
        "Anyone who saw the shooting should call Crime Stoppers.",
        # places and days named for someone
        "Eight people were shot at Martin Luther King Jr. Memorial Park on Monday.",
        "A man was shot on Rosa Parks Boulevard.",
    ],
)
def test_places_outlets_offices_and_the_page_are_not_people(text: str) -> None:
    assert find_names(text) == []


def test_a_suffix_is_no_last_name() -> None:
    [name] = find_names("Lavontay White Jr. was shot on Elm Street.")
    assert (name.full, name.first, name.last) == ("Lavontay White", "Lavontay", "White")


def test_a_title_case_line_names_no_one() -> None:
    text = "Teen Boys Shot During Party\nTwo boys were shot at a party on Elm Street, police said."
    assert find_names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A grand jury indicted a teen for killing Troyvonte Hurt in August.",
        "He is charged in the shooting death of Troyvonte Hurt near Clay Street.",
        "Police arrested a man in the murder of Troyvonte Hurt.",
    ],
)
def test_the_person_a_killing_or_a_murder_is_told_of_is_named(text: str) -> None:
    assert [n.full for n in find_names(text)] == ["Troyvonte Hurt"]


def test_a_capitalised_run_far_from_incident_words_is_not_a_name() -> None:
    assert find_names("Subscribe to Morning Briefing for the weather.") == []


def test_first_last_and_full_names_match_case_insensitively() -> None:
    names = find_names("The victim was identified as Marcus Johnson, 19.")
    assert mentions_name(names, first="marcus", last=None, full=None)
    assert mentions_name(names, first=None, last="JOHNSON", full=None)
    assert mentions_name(names, first=None, last=None, full="Marcus Johnson")
    assert not mentions_name(names, first=None, last="Smith", full=None)


def test_a_name_does_not_run_from_the_headline_into_the_lead() -> None:
    names = find_names("Man shot dead in Ariha\nKeshawn Slaughter, 26, was shot dead on Sunday.")
    assert [n.full for n in names] == ["Keshawn Slaughter"]


def test_a_name_told_with_an_age_anywhere_is_aged() -> None:
    names = find_names(
        "Malijha Grant was shot in Kent. Police said Malijha Grant, 1, died. Her mother Anna Cole cried."
    )
    assert [(n.full, n.aged) for n in names] == [("Malijha Grant", True), ("Anna Cole", False)]


@pytest.mark.parametrize(
    "text",
    [
        "“I saw him on a stretcher,” Belinda Harris, 45, said of the teen who was shot.",
        "Belinda Harris, a 45-year-old neighbour, said the victim was shot twice.",
    ],
)
def test_a_quoted_witness_told_with_an_age_is_not_aged(text: str) -> None:
    assert [n.aged for n in find_names(text) if n.full == "Belinda Harris"] in ([], [False])


def test_a_victim_told_with_an_age_stays_aged_when_police_speak_after() -> None:
    names = find_names("Keshawn Slaughter, 26, was shot, police said. Police said Keshawn Slaughter, 26, died.")
    assert [(n.full, n.aged) for n in names] == [("Keshawn Slaughter", True)]
