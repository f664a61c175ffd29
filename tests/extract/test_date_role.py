"""What a date in a report dates: the attack, a later death, what followed, or nothing said."""

import datetime as dt

import pytest

from civharm.extract.date_role import DateRole, date_role
from civharm.extract.dates import find_dates

PUBLISHED = dt.date(2015, 3, 4)  # a Wednesday


def _role(text: str, words: str) -> DateRole:
    [mention] = [m for m in find_dates(text, PUBLISHED) if m.words == words]
    return date_role(text, mention)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A man was shot Sunday in Tulsa.", "Sunday"),  # the harm verb before the date
        ("Someone opened fire Sunday night outside a bar.", "Sunday"),
        ("Police are investigating Sunday's shooting.", "Sunday"),  # a harm noun after it
        ("He was charged in the March 1 drive-by shooting.", "March 1"),
        ("He was killed by a gunshot about 5:30 p.m. Saturday at his home.", "Saturday"),  # "p.m." ends nothing
        ("On Feb. 3, Amos McGhee shot his neighbour.", "Feb. 3"),  # the verb after a leading date
        # a date further after "said" is inside what was said, not the day of saying it
        ("Police said the boy was holding the handgun at an apartment on March 1 when it discharged.", "March 1"),
        ("Authorities say that on March 1, 2015, three men fired into a crowd.", "March 1, 2015"),  # "that"
        ("He was shot and killed by Ardmore, Okla. police Sunday night.", "Sunday"),  # "Okla." ends nothing
        ("Police say they believe Monday night's shooting was gang-related.", "Monday"),
        ("Officers responded Sunday to a home on Elm Street.", "Sunday"),  # the police come the same hour
        ("Neighbours wonder whether it was a clue to Sunday's rampage downtown.", "Sunday"),
        # a name's capitalised "Memorial" is no memorial service
        ("Gunfire wounded eight people at Martin Luther King Jr. Memorial Park on Monday.", "Monday"),
        # a shooting reported is one that happened, though "reported" is a speech verb
        ("Two women were arrested in the shooting that was reported Sunday night on Elm Street.", "Sunday"),
        # a day counted from an event is that event's day, whatever came before it in the sentence
        ("Green was arrested Thursday, a day after police discovered four of his relatives shot dead.", "a day after"),
    ],
)
def test_a_date_tied_to_the_harm_dates_the_attack(text: str, words: str) -> None:
    assert _role(text, words) is DateRole.ATTACK


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("One man was killed in a shooting at a park, police said Tuesday.", "Tuesday"),
        ("A boy was shot during a home invasion, officials confirmed early Tuesday morning.", "Tuesday"),
        ("Authorities Tuesday have identified the man killed in the shooting.", "Tuesday"),  # the verb after it
        ("A man who shot a boy at a park was arraigned on Tuesday.", "Tuesday"),
        ("He was charged Tuesday with shooting his brother.", "Tuesday"),
        ("A suspect was arrested without incident on Tuesday.", "Tuesday"),  # "without incident" is no harm
        ("Photo taken Monday, March 2, 2015 at the scene of the shooting.", "Monday, March 2, 2015"),
        ("The wounded woman remained in critical condition Tuesday.", "Tuesday"),
        ("He was charged with murder Tuesday.", "Tuesday"),  # the charge, not a murder, on Tuesday
        ("A woman was charged with first-degree murder Tuesday after shooting her son.", "Tuesday"),
        ("He appeared in court on 3 counts of 1st-degree murder, March 2, 2015 (KOIN)", "March 2, 2015"),
        ("He was arrested Tuesday afternoon without incident.", "Tuesday"),
        ("The father of the boy who was shot walked out of jail Tuesday.", "Tuesday"),
        ("Q&A with a reporter on the club shooting | 11:59 Tuesday morning update on the case", "Tuesday"),
        ("Police released the incident report Tuesday.", "Tuesday"),
        ("Deputies described the shooting in a news release Tuesday.", "Tuesday"),
        ("The man was being held Tuesday on charges of murder.", "Tuesday"),
        ("Great day — Jo Reporter (@joreports) March 2, 2015", "March 2, 2015"),  # a post's signature
        ("Officers say Tuesday the man was shot in the leg.", "Tuesday"),
        ("Five men charged in the park shooting accepted plea deals Tuesday.", "Tuesday"),  # court, not harm
        ("Federal prosecutors Wednesday filed an involuntary manslaughter charge against him.", "Wednesday"),
        ("He was charged Monday, two days after his arrest.", "two days after"),
        ("In a bizarre twist, authorities revealed Tuesday that the guard fatally shot his friend.", "Tuesday"),
        ("Tune in to WMBF News Thursday at 6 p.m. for the latest on the shooting.", "Thursday"),  # a broadcast
    ],
)
def test_a_date_tied_to_what_followed_is_aftermath(text: str, words: str) -> None:
    assert _role(text, words) is DateRole.AFTERMATH


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Police said around 7 p.m. on Sunday a man walked up to the car.", "Sunday"),  # timed: not the saying
        ("About 10:50 p.m. Sunday, police said, a car pulled up.", "Sunday"),
        ("Crews reached the home Sunday at about 8:30 p.m.", "Sunday"),
        ("At approximately 9:40 p.m. on Sunday, March 1, 2015, a car pulled up.", "Sunday, March 1, 2015"),
    ],
)
def test_a_timed_date_with_nothing_else_said_dates_the_attack(text: str, words: str) -> None:
    assert _role(text, words) is DateRole.ATTACK


@pytest.mark.parametrize(
    "text", ["Julian Bryant, 22, died Tuesday night at the hospital.", "The victim was pronounced deceased Tuesday."]
)
def test_a_death_told_with_its_own_day_is_a_death(text: str) -> None:
    assert _role(text, "Tuesday") is DateRole.DEATH


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The sheriff fired the deputy on Tuesday.", "Tuesday"),  # fired from a job, not a gun
        ("He appeared in court on Tuesday for the shooting in June.", "Tuesday"),
        ("The suspect appeared on Tuesday for the June shooting.", "Tuesday"),  # "for" refers back
        ("Police met with reporters Tuesday to discuss the shooting.", "Tuesday"),
        ("Hundreds mourned the boy killed in a drive-by shooting at a memorial service Friday.", "Friday"),
        ("The man accused of killing the girl was ordered Wednesday to stand trial.", "Wednesday"),
    ],
)
def test_a_date_not_tied_to_the_harm_is_not_the_attack(text: str, words: str) -> None:
    assert _role(text, words) is not DateRole.ATTACK
