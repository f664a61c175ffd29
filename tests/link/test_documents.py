"""Every document in exactly one incident: documents without an attack mention join or stand alone."""

from __future__ import annotations

import datetime as dt

from civharm.link.documents import DocProfile, cluster_documents
from civharm.records import Place

MEMPHIS = Place(name="Memphis", geonameid=4641239, lat=35.14953, lon=-90.04898, country="US", admin1="Tennessee")
NASHVILLE = Place(name="Nashville", geonameid=4644585, lat=36.16589, lon=-86.78444, country="US", admin1="Tennessee")
DENVER = Place(name="Denver", geonameid=5419384, lat=39.73915, lon=-104.9847, country="US", admin1="Colorado")
DAY = dt.date(2017, 1, 14)


def profile(doc: str, incident: str | None, date: dt.date, place: Place, names: tuple[str, ...] = ()) -> DocProfile:
    return DocProfile(doc_id=doc, incident_id=incident, date=date, place=place, names=frozenset(names))


def test_linked_documents_keep_their_incident() -> None:
    clusters = cluster_documents([profile("a", "inc1", DAY, MEMPHIS), profile("b", "inc1", DAY, MEMPHIS)])
    assert clusters == {"a": "inc1", "b": "inc1"}


def test_a_later_story_in_the_same_town_joins_the_incident() -> None:
    docs = [profile("a", "inc1", DAY, MEMPHIS, ("john doe",)), profile("b", None, DAY + dt.timedelta(days=1), MEMPHIS)]
    assert cluster_documents(docs)["b"] == "inc1"


def test_other_town_other_names_or_too_late_stay_apart() -> None:
    docs = [
        profile("a", "inc1", DAY, MEMPHIS, ("john doe",)),
        profile("far", None, DAY, NASHVILLE),
        profile("other-victim", None, DAY, MEMPHIS, ("mary roe",)),
        profile("late", None, DAY + dt.timedelta(days=10), MEMPHIS),
    ]
    clusters = cluster_documents(docs)
    assert len({clusters[d] for d in ("a", "far", "other-victim", "late")}) == 4
    assert set(clusters) == {"a", "far", "other-victim", "late"}


def test_ids_are_stable_across_runs_and_orders() -> None:
    docs = [profile("x", None, DAY, MEMPHIS), profile("y", None, DAY, NASHVILLE)]
    assert cluster_documents(docs) == cluster_documents(list(reversed(docs)))


def test_the_same_person_named_in_another_state_within_a_week_is_one_incident() -> None:
    # a geoparsing slip put the second report in another state; the victim's name says it is one shooting
    named = ("randall coffland",)
    docs = [profile("a", "inc1", DAY, MEMPHIS, named), profile("b", "inc2", DAY + dt.timedelta(days=2), DENVER, named)]
    clusters = cluster_documents(docs)
    assert clusters["a"] == clusters["b"]


def test_a_vague_report_cannot_chain_two_incidents() -> None:
    # "c" names both victims; "a" and "b" are different shootings killing different numbers
    docs = [
        DocProfile("a", "inc1", DAY, MEMPHIS, frozenset({"john doe"}), killed=1),
        DocProfile("b", "inc2", DAY, NASHVILLE, frozenset({"mary roe"}), killed=5),
        DocProfile("c", "inc3", DAY, MEMPHIS, frozenset({"john doe", "mary roe"})),
    ]
    clusters = cluster_documents(docs)
    assert clusters["a"] != clusters["b"]


def test_the_same_story_rewritten_is_one_incident() -> None:
    lead = frozenset({"maryland", "drive", "murder", "victims", "identified", "coroner"})
    docs = [
        DocProfile("a", "inc1", DAY, MEMPHIS, frozenset(), lead=lead, killed=1),
        DocProfile("b", "inc2", DAY, NASHVILLE, frozenset(), lead=lead | {"wtvm"}, killed=1),
    ]
    assert len(set(cluster_documents(docs).values())) == 1


def test_a_story_weeks_later_naming_the_victim_in_the_same_town_is_one_incident() -> None:
    named = ("randall coffland",)
    arrest = DAY + dt.timedelta(days=30)
    docs = [
        profile("shooting", "inc1", DAY, MEMPHIS, named),
        profile("arrest", "inc2", arrest, MEMPHIS, named),
        profile("elsewhere", "inc3", arrest, DENVER, named),  # not a follow-up: another town
        profile("trial", "inc4", DAY + dt.timedelta(days=90), MEMPHIS, named),  # past FOLLOW_UP_DAYS
        profile("other", "inc5", arrest, MEMPHIS, ("mary roe",)),
    ]
    clusters = cluster_documents(docs)
    assert clusters["shooting"] == clusters["arrest"]
    assert len({clusters[d] for d in ("shooting", "elsewhere", "trial", "other")}) == 4


def test_two_incidents_in_one_town_on_one_day_merge_unless_something_says_otherwise() -> None:
    docs = [
        DocProfile("a", "inc1", DAY, MEMPHIS, frozenset()),
        DocProfile("b", "inc2", DAY, MEMPHIS, frozenset()),
        DocProfile("c", "inc3", DAY, NASHVILLE, frozenset()),
        DocProfile("d", "inc4", DAY + dt.timedelta(days=1), MEMPHIS, frozenset()),
        DocProfile("x", "inc5", DAY, DENVER, frozenset({"john doe"}), killed=1, injured=2),
        DocProfile("y", "inc6", DAY, DENVER, frozenset({"mary roe"}), killed=3, injured=0),
    ]
    clusters = cluster_documents(docs)
    assert clusters["a"] == clusters["b"]
    assert len({clusters[d] for d in ("a", "c", "d")}) == 3
    assert clusters["x"] != clusters["y"]  # different people, different tolls
