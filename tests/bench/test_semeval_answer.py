"""Answering S1-S3 questions with structured queries over incidents."""

from __future__ import annotations

import datetime as dt

from civharm.bench.semeval_answer import Answerer, Locator
from civharm.bench.semeval_data import Question
from civharm.bench.semeval_incidents import TaskIncident
from civharm.extract.gazetteer import Gazetteer
from civharm.link.participants import Name
from civharm.records import Place

MEMPHIS = Place(name="Memphis", lat=35.14953, lon=-90.04898, country="US", admin1="Tennessee")
BARTLETT = Place(name="Bartlett", lat=35.20453, lon=-89.87398, country="US", admin1="Tennessee")
NASHVILLE = Place(name="Nashville", lat=36.16589, lon=-86.78444, country="US", admin1="Tennessee")
CITY = "http://dbpedia.org/resource/Memphis,_Tennessee"
STATE = "http://dbpedia.org/resource/Tennessee"


def incident(iid: str, day: int, place: Place, killed: int, injured: int, *names: str) -> TaskIncident:
    """Names ending in "*" were told without an age (a spokesperson, a witness)."""
    types = {t for t, n in (("killing", killed), ("injuring", injured)) if n}
    people = tuple(
        Name(full=n.rstrip("*"), first=n.split()[0], last=n.rstrip("*").split()[-1], aged=not n.endswith("*"))
        for n in names
    )
    return TaskIncident(
        id=iid,
        doc_ids=(f"{iid}-doc",),
        date=dt.date(2017, 1, day),
        place=place,
        types=frozenset(types),
        killed=killed,
        injured=injured,
        names=people,
    )


INCIDENTS = [
    incident("a", 5, MEMPHIS, 1, 0, "John Johnson"),
    incident("b", 9, BARTLETT, 2, 1),
    incident("c", 9, NASHVILLE, 0, 3, "Ann Lee"),
    incident("d", 20, MEMPHIS, 0, 2, "Sgt. Mark Johnson*"),
]


def test_s2_counts_incidents_in_a_city_and_month(gazetteer: Gazetteer) -> None:
    answerer = Answerer(INCIDENTS, Locator(gazetteer))
    q = Question(qid="2-1", subtask=2, event_type="killing", city=CITY, month=(2017, 1))
    a = answerer.answer(q)
    assert a.numerical_answer == 2  # a and b (a suburb within the city radius), not the injuring-only d
    assert set(a.answer_docs) == {"a", "b"}


def test_s3_adds_the_victims_of_the_matching_incidents(gazetteer: Gazetteer) -> None:
    answerer = Answerer(INCIDENTS, Locator(gazetteer))
    q = Question(qid="3-1", subtask=3, event_type="injuring", state=STATE, day=dt.date(2017, 1, 9))
    assert answerer.answer(q).numerical_answer == 4  # b (1) + c (3)


def test_s1_finds_one_incident_by_participant_and_always_answers(gazetteer: Gazetteer) -> None:
    answerer = Answerer(INCIDENTS, Locator(gazetteer))
    q = Question(qid="1-1", subtask=1, event_type="killing", last="Johnson", year=2017)
    assert list(answerer.answer(q).answer_docs) == ["a"]
    nothing = Question(qid="1-2", subtask=1, event_type="killing", last="Nobody", year=2016)
    answer = answerer.answer(nothing)
    assert answer.numerical_answer == 1 and len(answer.answer_docs) == 1


def test_a_question_city_is_the_town_of_that_spelling_not_a_looser_namesake(gazetteer: Gazetteer) -> None:
    where = Locator(gazetteer).resolve("http://dbpedia.org/resource/Colton", False)
    assert where.state == "California"


def test_counting_by_name_counts_the_people_told_with_their_ages(gazetteer: Gazetteer) -> None:
    answerer = Answerer(INCIDENTS, Locator(gazetteer))
    q = Question(qid="2-2", subtask=2, event_type="injuring", last="Johnson", year=2017)
    assert list(answerer.answer(q).answer_docs) == ["a"]  # not d, where a sergeant named Johnson spoke
