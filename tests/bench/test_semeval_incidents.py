"""Documents grouped into the task's incidents."""

from __future__ import annotations

import datetime as dt

from civharm.bench.semeval_incidents import DocumentView, task_incidents


def view(doc_id: str, day: int, killed: int = 1) -> DocumentView:
    return DocumentView(
        doc_id=doc_id,
        incident_id=None,
        date=dt.date(2017, 3, day),
        place=None,
        types=frozenset({"killing"}),
        killed=killed,
        injured=0,
        names=(),
    )


def test_an_incident_is_dated_by_the_day_most_of_its_documents_give() -> None:
    # one page stamped the day before the shooting it reports does not move the incident; between equals,
    # the earliest day stands
    views = [view("a", 10), view("b", 9), view("c", 10), view("d", 20), view("e", 21, killed=2)]
    clusters = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    found = {i.id: (i.date, i.doc_ids, i.killed) for i in task_incidents(views, clusters)}
    assert found == {
        "x": (dt.date(2017, 3, 10), ("a", "b", "c"), 1),
        "y": (dt.date(2017, 3, 20), ("d", "e"), 2),
    }
