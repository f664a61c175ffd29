"""Whole-report extraction rules, on short reports written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from civharm.extract.gazetteer import Gazetteer
from civharm.extract.pipeline import extract_report
from civharm.records import AttackType, Extraction, Outcome, Report, Stance


def report(text: str, published: dt.date | None = dt.date(2024, 3, 11)) -> Report:
    return Report(
        sha256="0" * 64,
        text=text,
        published=published,
        captured_at=dt.datetime(2024, 3, 12, tzinfo=dt.UTC),
        captured_by="test",
    )


@pytest.fixture
def run(gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    def extract(text: str, published: dt.date | None = dt.date(2024, 3, 11)) -> Extraction:
        return extract_report(report(text, published), gazetteer)

    return extract


def test_one_attack_across_sentences_with_figures_from_two_sources(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "A suspected Russian air strike hit a crowded market in Ariha on Sunday, killing at least 12 civilians, "
        "including four children, rescue workers said.\n\n"
        "The Syrian Observatory for Human Rights said 18 people were killed in the attack."
    )
    [attack] = result.incidents
    assert attack.attack_type is AttackType.AIR_STRIKE
    assert (attack.perpetrator, attack.perpetrator_hedged) == ("Russia", True)
    assert attack.date == dt.date(2024, 3, 10)
    assert attack.place is not None and attack.place.country == "SY"
    assert "market" in attack.targets
    sources = {(c.source, c.min) for c in attack.casualties}
    assert ("rescue workers", 12) in sources
    assert ("Syrian Observatory for Human Rights", 18) in sources
    for casualty in attack.casualties:
        assert result.report.text[casualty.start : casualty.end] == casualty.words


def test_two_attacks_in_one_report_stay_apart(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "Shelling killed five civilians in Kharkiv on Saturday.\n\n"
        "In a separate attack, a drone strike killed two people in Kherson on Sunday."
    )
    assert len(result.incidents) == 2
    assert {i.attack_type for i in result.incidents} == {AttackType.SHELLING, AttackType.DRONE_STRIKE}


def test_headline_figure_joins_the_attack_named_next(run) -> None:  # type: ignore[no-untyped-def]
    result = run("Nineteen people killed, monitor says\n\nAn air strike on Saraqib on Friday destroyed a bakery.")
    [attack] = result.incidents
    assert [c.min for c in attack.casualties] == [19]
    assert result.tallies == ()


def test_a_placed_headline_figure_joins_the_attack_named_next(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "Man, 3 girls shot in Saraqib\n\nPolice are searching for the gunman.\n\n"
        "The shootings happened around 11:15 p.m. on Monday."
    )
    [attack] = result.incidents
    assert [c.min for c in attack.casualties] == [4]
    assert attack.place is not None and attack.place.name == "Saraqib"


def test_cumulative_figure_is_a_tally_never_an_incident(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "Air strikes have killed at least 300 civilians in Idlib province since January 1, "
        "the Syrian Network for Human Rights said."
    )
    assert result.incidents == ()
    [tally] = result.tallies
    assert (tally.min, tally.max, tally.source) == (300, None, "Syrian Network for Human Rights")
    assert tally.period_start == dt.date(2024, 1, 1)


def test_whole_war_toll_is_not_counted(run) -> None:  # type: ignore[no-untyped-def]
    result = run("The war has killed more than 300,000 people since 2011, according to the United Nations.")
    assert result.incidents == () and result.tallies == ()


def test_denial_is_a_position_with_speaker_and_role(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "Maria Petrova, a spokeswoman for the Russian Defence Ministry, dismissed the reports as fake news.\n\n"
        "It has repeatedly denied targeting civilians."
    )
    assert result.incidents == ()
    assert [(p.party, p.stance) for p in result.positions] == [("Russia", Stance.DENIES)] * 2
    first = result.positions[0]
    assert (first.speaker, first.role, first.organisation) == (
        "Maria Petrova",
        "spokeswoman",
        "Russian Ministry of Defence",
    )


def test_acknowledgement(run) -> None:  # type: ignore[no-untyped-def]
    result = run("The coalition acknowledged that its strike on Mosul killed four civilians, a spokesman said.")
    assert any(p.stance is Stance.ACKNOWLEDGES and p.party == "US-led coalition" for p in result.positions)


def test_evidence_and_legal_with_who_says_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "The attack may amount to a war crime, Human Rights Watch said, citing satellite imagery "
        "and interviews with witnesses."
    )
    assert {e.type for e in result.evidence} >= {"satellite imagery", "witness interviews"}
    [legal] = result.legal
    assert (legal.words, legal.by) == ("may amount to a war crime", "Human Rights Watch")


def test_an_attack_is_dated_by_its_own_day_not_an_arrests(run) -> None:  # type: ignore[no-untyped-def]
    # 2024-03-11 is a Monday: the arrest was on Friday the 8th, the shooting on Sunday the 3rd
    result = run("A man arrested Friday was charged with killing two people in a shooting on Sunday, March 3.")
    [attack] = result.incidents
    assert attack.date == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "A man and his son were found dead in a parked car on Sunday; police called it an apparent murder-suicide.",
        "Investigators released details of the double murder of a father and his young son on Sunday.",
        "A 17-year-old was arrested, accused of killing a father and his son on Sunday.",
        "Police say a father and his son were murdered in their home on Sunday.",
    ],
)
def test_an_attack_named_without_its_weapon_is_an_attack(run, text: str) -> None:  # type: ignore[no-untyped-def]
    [attack] = run(text).incidents
    assert attack.attack_type is AttackType.OTHER
    assert sum(c.min for c in attack.casualties if c.words != "double murder") == 2


def test_a_clip_in_the_pages_video_list_is_another_story(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "Police investigate a shooting that wounded two men\n\n"
        "3:20 A look back at the explosion that killed six firefighters in 1988\n\n"
        "1:26 Raw video: Gunman kills three at a bar Pause\n\n"
        "1:27 1 dead after Fife collision, police say\n\n"
        "Two men were shot and wounded on Sunday, police said."
    )
    assert [(c.outcome, c.min) for m in result.incidents for c in m.casualties] == [(Outcome.INJURED, 2)] * 2


def test_a_day_inside_the_month_a_mention_was_dated_by_is_the_same_attack(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "The second suspect in the quadruple murder that happened in June has been arrested.\n\n"
        "According to police, he robbed and shot five people at a home on Hudson Street on June 13.",
        published=dt.date(2024, 8, 20),
    )
    assert len(result.incidents) == 1


def test_a_town_in_the_state_named_before_is_the_same_attack(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "Boy shot and killed, brother wounded inside Pa. home\n\n"
        "Two brothers were shot inside a Mount Oliver, Pa., home on Sunday night. The youngest victim died "
        "inside the home as the gunman fled."
    )
    assert len(result.incidents) == 1


def test_without_publication_date_weekdays_give_no_day(run) -> None:  # type: ignore[no-untyped-def]
    result = run("An air strike on Saraqib on Sunday killed three civilians.", published=None)
    [attack] = result.incidents
    assert attack.date is None


def test_indefinite_amounts_without_an_attack_word_are_commentary(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "An air strike on Saraqib on Friday killed 19 people, the monitor said.\n\n"
        "The monitor said its figures are minimums because many deaths in rural areas go unrecorded."
    )
    [attack] = result.incidents
    assert [c.min for c in attack.casualties] == [19]


def test_a_denial_without_a_speech_verb_is_the_subjects_position(run) -> None:  # type: ignore[no-untyped-def]
    extraction = run("The Russian Defence Ministry on Monday denied killing any civilians in the strike on Ariha.")
    [position] = extraction.positions
    assert (position.party, position.stance) == ("Russia", Stance.DENIES)
    assert not extraction.incidents and not extraction.tallies


def test_critics_accusing_a_party_are_not_its_position(run) -> None:  # type: ignore[no-untyped-def]
    assert not run("Syrian activists accused Russia of bombing the market in Ariha.").positions


def test_one_attack_dated_by_the_month_is_an_incident_not_a_tally(run) -> None:  # type: ignore[no-untyped-def]
    extraction = run("A drone strike killed three men in a village near Idlib, Syria, earlier this month.")
    [incident] = extraction.incidents
    assert [c.min for c in incident.casualties] == [3] and not extraction.tallies
    assert run("In February, Russian air strikes killed 300 civilians in Idlib, Syria.").tallies


def test_one_crime_dated_by_the_year_is_an_incident_not_a_tally(run) -> None:  # type: ignore[no-untyped-def]
    text = "A man pleaded guilty to fatally shooting four people during a robbery at an Ohio home in 2015."
    [incident] = run(text).incidents
    assert [c.min for c in incident.casualties] == [4]


@pytest.mark.parametrize(
    "sentence",
    [
        "The child was shot in the chest, although not through the chest cavity.",  # "through" a body
        "The man has since died of his injuries.",
        "The man was shot and stayed in hospital until police arrived.",
    ],
)
def test_words_of_time_that_name_no_period_leave_the_figure_to_the_attack(run, sentence: str) -> None:  # type: ignore[no-untyped-def]
    result = run(f"A shooting in Saraqib on Friday wounded a boy.\n\n{sentence}")
    assert result.tallies == ()
    [attack] = result.incidents
    assert len(attack.casualties) == 2


def test_one_persons_death_dated_by_the_month_is_an_incident(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "A man has been arrested in the murder of a 16-year-old who was robbed and shot to death in "
        "Saraqib earlier this month."
    )
    assert not result.tallies
    [incident] = result.incidents
    assert [(c.min, c.max) for c in incident.casualties] == [(1, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Four men shot, one critically, outside Visalia sports bar\n\n3:24\n\nSubscribe for the full story.",
        "At vigil, dozens mourn four slain in South Linden\n\nTotal Access: sign up for our best value today!",
    ],
)
def test_a_title_whose_page_names_no_attack_is_the_attack(run, text: str) -> None:  # type: ignore[no-untyped-def]
    result = run(text)
    [incident] = result.incidents
    assert incident.casualties[0].min == 4 and result.tallies == ()


def test_a_roundup_of_several_shootings_is_a_tally_and_the_first_one_told_the_attack(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "2 slain and 8 others wounded in Sunday shootings\n\n"
        "A man was shot and killed on Sunday night outside a store on Line Avenue, police said."
    )
    assert [t.min for t in result.tallies] == [2, 8]
    [attack] = result.incidents
    assert [(c.outcome, c.min) for c in attack.casualties] == [(Outcome.KILLED, 1)]
    across = run("Late Wednesday, at least eight people were killed in Chicago shootings throughout the day.")
    assert across.incidents == () and [t.min for t in across.tallies] == [8]
    for title in (
        "Seven people shot in 72 hours in Buffalo",
        "Seven shot, 3 dead in less than 30 hours in Cincinnati",
        "Seven killed in multiple Baltimore County shootings over the weekend",
        "Seven dead, 5 hurt in South Side shootings",
    ):
        roundup = run(f"{title}\n\nThree young men were struck by bullets on Friday.")
        assert 7 in [t.min for t in roundup.tallies]
        assert [c.min for m in roundup.incidents for c in m.casualties] == [3]
    died = run("Man dies after Akron shooting\n\nA man shot Sunday in Akron died within two days, police said.")
    assert died.tallies == () and len(died.incidents) == 1
    weekday = run("Four people were killed in shootings Tuesday across the city's South and West sides.")
    assert weekday.incidents == () and [t.min for t in weekday.tallies] == [4]
    # one attack's name in the plural is no roundup
    named = run("2 adults, six children dead in Gilchrist shootings\n\nThe family was found on Thursday.")
    assert [c.min for m in named.incidents for c in m.casualties] == [8]


def test_a_titles_figures_over_a_span_of_time_stay_a_tally(run) -> None:  # type: ignore[no-untyped-def]
    result = run("Gun violence in Columbus: 1 week, 6 shot, 2 die\n\nSubscribe for the full story.")
    assert result.incidents == () and [t.min for t in result.tallies] == [6]
