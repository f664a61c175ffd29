"""Every document in exactly one incident: documents without an attack mention join or stand alone."""

from __future__ import annotations

import datetime as dt

from civharm.link.documents import DocProfile, cluster_documents
from civharm.records import Place

MEMPHIS = Place(name="Memphis", geonameid=4641239, lat=35.14953, lon=-90.04898, country="US", admin1="Tennessee")
NASHVILLE = Place(name="Nashville", geonameid=4644585, lat=36.16589, lon=-86.78444, country="US", admin1="Tennessee")
DENVER = Place(name="Denver", geonameid=5419384, lat=39.73915, lon=-104.9847, country="US", admin1="Colorado")
DAY = dt.date(2017, 1, 14)


def profile(
    doc: str, incident: str | None, date: dt.date, place: Place, names: tuple[str, ...] = (), *, aged: bool = False
) -> DocProfile:
    """``aged``: the names are told with ages ("John Doe, 34,"), so they are victims or suspects."""
    return DocProfile(
        doc_id=doc,
        incident_id=incident,
        date=date,
        place=place,
        names=frozenset(names),
        aged=frozenset(names) if aged else frozenset(),
    )


def test_linked_documents_keep_their_incident() -> None:
    clusters = cluster_documents([profile("a", "inc1", DAY, MEMPHIS), profile("b", "inc1", DAY, MEMPHIS)])
    assert clusters == {"a": "inc1", "b": "inc1"}


def test_a_later_story_in_the_same_town_joins_the_incident() -> None:
    docs = [profile("a", "inc1", DAY, MEMPHIS, ("john doe",)), profile("b", None, DAY + dt.timedelta(days=1), MEMPHIS)]
    assert cluster_documents(docs)["b"] == "inc1"


def test_other_town_other_names_or_too_late_stay_apart() -> None:
    docs = [
        profile("a", "inc1", DAY, MEMPHIS, ("john doe",), aged=True),
        profile("far", None, DAY, NASHVILLE),
        profile("other-victim", None, DAY, MEMPHIS, ("mary roe",), aged=True),
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


def test_in_one_town_a_name_without_an_age_is_no_other_victim() -> None:
    # one report names the victim with her age, the next only the police spokesman
    docs = [
        profile("victim", "inc1", DAY, MEMPHIS, ("mary roe",), aged=True),
        profile("spokesman", "inc2", DAY, MEMPHIS, ("john doe",)),
    ]
    assert len(set(cluster_documents(docs).values())) == 1


def test_a_toll_that_rose_in_one_town_is_one_incident() -> None:
    docs = [
        DocProfile("early", "inc1", DAY, MEMPHIS, frozenset(), killed=1, injured=3),
        DocProfile("later", "inc2", DAY, MEMPHIS, frozenset(), killed=2, injured=2),
    ]
    assert len(set(cluster_documents(docs).values())) == 1


def test_the_same_story_rewritten_is_one_incident() -> None:
    lead = frozenset({"maryland", "drive", "murder", "victims", "identified", "coroner"})
    docs = [
        DocProfile("a", "inc1", DAY, MEMPHIS, frozenset(), lead=lead, killed=1),
        DocProfile("b", "inc2", DAY, NASHVILLE, frozenset(), lead=lead | {"wtvm"}, killed=1),
    ]
    assert len(set(cluster_documents(docs).values())) == 1


def test_two_incidents_in_one_town_on_one_day_merge_unless_something_says_otherwise() -> None:
    docs = [
        DocProfile("a", "inc1", DAY, MEMPHIS, frozenset()),
        DocProfile("b", "inc2", DAY, MEMPHIS, frozenset()),
        DocProfile("c", "inc3", DAY, NASHVILLE, frozenset()),
        DocProfile("d", "inc4", DAY + dt.timedelta(days=1), MEMPHIS, frozenset()),
        DocProfile("x", "inc5", DAY, DENVER, frozenset({"john doe"}), aged=frozenset({"john doe"}), killed=1),
        DocProfile("y", "inc6", DAY, DENVER, frozenset({"mary roe"}), aged=frozenset({"mary roe"}), killed=3),
    ]
    clusters = cluster_documents(docs)
    assert clusters["a"] == clusters["b"]
    assert len({clusters[d] for d in ("a", "c", "d")}) == 3
    assert clusters["x"] != clusters["y"]  # different people, different tolls


def test_a_later_story_about_a_person_told_with_an_age_is_one_incident_however_late() -> None:
    named = frozenset({"malijha grant"})
    trial = DAY + dt.timedelta(days=240)
    docs = [
        DocProfile("shooting", "inc1", DAY, MEMPHIS, named, aged=named),
        DocProfile("trial", "inc2", trial, MEMPHIS, named),
        DocProfile("sentencing", "inc3", trial + dt.timedelta(days=300), NASHVILLE, named),  # same state
        DocProfile("elsewhere", "inc4", trial, DENVER, named),  # another state: a namesake
        # a name told without an age is not enough a month on: a spokesperson is named in every story
        DocProfile("plain", "inc5", trial, NASHVILLE, frozenset({"john doe"})),
        DocProfile("plain-later", "inc6", trial + dt.timedelta(days=30), NASHVILLE, frozenset({"john doe"})),
        DocProfile("other", "inc7", trial, MEMPHIS, frozenset({"mary roe"})),
    ]
    clusters = cluster_documents(docs)
    assert clusters["shooting"] == clusters["trial"] == clusters["sentencing"]
    assert len({clusters[d] for d in ("shooting", "elsewhere", "plain", "plain-later", "other")}) == 5


def test_incidents_are_dated_by_their_first_report_when_merged() -> None:
    # "follow" (an arrest story 40 days on) already joined "shooting"; "retold" rewrites the shooting's
    # story a day later. Comparing every pair's dates would keep "retold" out for being 39 days from
    # the arrest story; the incident's first report is a day from it.
    lead = frozenset({"berclair", "nightclub", "shooting", "victims", "identified", "coroner"})
    named = frozenset({"john doe"})
    docs = [
        DocProfile("shooting", "inc1", DAY, MEMPHIS, named, aged=named, lead=lead, killed=2),
        DocProfile("follow", "inc1", DAY + dt.timedelta(days=40), MEMPHIS, named),
        DocProfile("retold", "inc2", DAY + dt.timedelta(days=1), MEMPHIS, frozenset(), lead=lead | {"wmc"}, killed=2),
        # a report of another shooting a month on is still its own incident
        DocProfile("later", "inc3", DAY + dt.timedelta(days=40), MEMPHIS, frozenset(), lead=lead, killed=2),
    ]
    clusters = cluster_documents(docs)
    assert clusters["retold"] == clusters["shooting"] == clusters["follow"]
    assert clusters["later"] != clusters["shooting"]


def test_a_disagreement_anywhere_across_two_incidents_keeps_them_apart() -> None:
    # "b" names the same victim as "a", but "c", already in b's incident, gives another toll and
    # other people than "a": complete linkage on what the documents say
    docs = [
        DocProfile("a", "inc1", DAY, MEMPHIS, frozenset({"john doe"}), killed=1),
        DocProfile("b", "inc2", DAY, MEMPHIS, frozenset({"john doe"})),
        DocProfile("c", "inc2", DAY, DENVER, frozenset({"mary roe"}), killed=4),
    ]
    clusters = cluster_documents(docs)
    assert clusters["a"] != clusters["b"]


def test_documents_of_one_linked_incident_told_on_other_days_stand_apart_unless_evidence_joins_them() -> None:
    later = DAY + dt.timedelta(days=3)
    docs = [
        profile("first", "inc1", DAY, MEMPHIS, ("john doe",), aged=True),
        profile("other-shooting", "inc1", later, MEMPHIS, ("mary roe",), aged=True),
        profile("follow-up", "inc1", DAY + dt.timedelta(days=2), MEMPHIS, ("john doe",), aged=True),
    ]
    clusters = cluster_documents(docs)
    assert clusters["first"] == clusters["follow-up"]  # the same victim named
    assert clusters["other-shooting"] != clusters["first"]
