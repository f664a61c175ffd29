"""The report's main incident: its victims, place and date, as benchmarks and summaries read them."""

import datetime as dt

from civharm.bench.gva import Doc, to_report
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.headline import headline
from civharm.extract.pipeline import extract_report


def _head(text: str, published: str, gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    doc = Doc("d", "i", text.split("\n")[0], dt.date.fromisoformat(published), text.split("\n", 1)[1])
    return headline(extract_report(to_report(doc), gazetteer), gazetteer)


def test_shot_then_died_is_one_killed_not_also_injured(gazetteer: Gazetteer) -> None:
    head = _head(
        "Man dies after Tulsa shooting\nA man was shot Sunday in Tulsa, Oklahoma. He died two days later.",
        "2015-03-04",
        gazetteer,
    )
    assert (head.killed, head.injured) == (1, 0)
    assert head.place is not None and head.place.name == "Tulsa" and head.place.admin1 == "Oklahoma"
    assert head.date == dt.date(2015, 3, 1)


def test_hit_minus_killed_are_injured(gazetteer: Gazetteer) -> None:
    head = _head("Shooting\nTwo people were shot, one fatally, in Dayton, Ohio, on Saturday.", "2015-07-06", gazetteer)
    assert (head.killed, head.injured) == (1, 1)


def test_a_suspect_killed_by_police_is_not_a_victim(gazetteer: Gazetteer) -> None:
    head = _head(
        "Clerk wounded\nA gunman shot and wounded a store clerk in Toledo, Ohio, on Monday. "
        "The suspect was shot and killed by police.",
        "2016-01-19",
        gazetteer,
    )
    assert head.killed == 0


def test_a_foreign_namesake_is_not_the_scene(gazetteer: Gazetteer) -> None:
    head = _head(
        "Girl shot\nDeputies were called to Letchworth Drive in Snow Hill, North Carolina, after a girl was "
        "shot and killed on Wednesday. Greene County deputies said it was an accident.",
        "2014-01-31",
        gazetteer,
    )
    assert head.place is not None and head.place.country == "US"
    assert head.killed == 1
