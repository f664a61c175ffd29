"""Every document in exactly one incident: documents without an attack mention join or stand alone."""

from __future__ import annotations

import datetime as dt

from civharm.link.documents import DocProfile, cluster_documents
from civharm.records import Place

MEMPHIS = Place(name="Memphis", geonameid=4641239, lat=35.14953, lon=-90.04898, country="US", admin1="Tennessee")
NASHVILLE = Place(name="Nashville", geonameid=4644585, lat=36.16589, lon=-86.78444, country="US", admin1="Tennessee")
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
