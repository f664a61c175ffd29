"""Merge, split and move-report: one transaction with their revisions, and only the incidents involved."""

from __future__ import annotations

import pytest

from civharm.custody import log
from civharm.records import Figure
from civharm.store.desk import DeskStore
from tests.desk.helpers import Desk, login
from tests.web.conftest import SHA_A, SHA_B, SHA_C

ARIHA = "ariha-2015-11-29"
MASKANEH = "maskaneh-2015-12"
UNDATED = "undated-contested"
SENTINEL = Figure(min=123, max=456)  # no report says this: recomputing the incident would lose it


def _snapshot(desk: Desk) -> dict[str, tuple[tuple[tuple[str, int], ...], tuple[str, ...]]]:
    return {i.id: (i.mentions, i.report_ids) for i in desk.store.incidents()}


def _mark_bystander(desk: Desk) -> None:
    """Give the incident no regrouping involves a figure only a full relink would recompute away."""
    bystander = desk.store.incident(UNDATED).model_copy(update={"civilians_killed": SENTINEL})
    desk.store.update_incidents([bystander])


class Injected(RuntimeError):
    pass


@pytest.mark.parametrize(
    ("path", "data"),
    [
        (f"/desk/incidents/{ARIHA}/merge", {"other": MASKANEH, "reason": "same strike"}),
        (f"/desk/incidents/{ARIHA}/split", {"mention": f"{SHA_B}:0", "reason": "two strikes"}),
        (f"/desk/incidents/{ARIHA}/move", {"report": SHA_B, "to": MASKANEH, "reason": "wrong place"}),
    ],
)
def test_a_failure_midway_writes_neither_the_change_nor_its_revision(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, path: str, data: dict[str, str]
) -> None:
    before = _snapshot(desk)
    entries = len(log.entries(desk.database))
    real_append = log.append
    calls: list[str] = []

    def failing_append(*args: object, **kwargs: object) -> log.Entry:
        calls.append("append")
        if len(calls) == 2:  # the second side's custody entry: the incidents and one revision are written
            raise Injected("disk full")
        return real_append(*args, **kwargs)  # type: ignore[arg-type]

    with desk.client() as client:
        csrf = login(client, "analyst")
        monkeypatch.setattr(log, "append", failing_append)
        with pytest.raises(Injected):
            client.post(path, data={"csrf": csrf, **data})
    monkeypatch.undo()
    assert calls == ["append", "append"]
    assert _snapshot(desk) == before
    desk_store = DeskStore(desk.database)
    assert all(desk_store.revisions(i) == [] for i in before)
    assert len(log.entries(desk.database)) == entries


@pytest.mark.parametrize(
    ("path", "data", "moved"),
    [
        (
            f"/desk/incidents/{ARIHA}/merge",
            {"other": MASKANEH, "reason": "same strike"},
            {ARIHA: {SHA_A, SHA_B, SHA_C}},
        ),
        (f"/desk/incidents/{ARIHA}/move", {"report": SHA_B, "to": MASKANEH, "reason": "x"}, {MASKANEH: {SHA_B, SHA_C}}),
    ],
)
def test_regrouping_touches_only_the_incidents_involved(
    desk: Desk, path: str, data: dict[str, str], moved: dict[str, set[str]]
) -> None:
    _mark_bystander(desk)
    untouched = desk.store.incident(UNDATED)
    with desk.client() as client:
        csrf = login(client, "analyst")
        assert client.post(path, data={"csrf": csrf, **data}).status_code == 303
    assert desk.store.incident(UNDATED) == untouched  # a full relink would have recomputed its figures
    for incident_id, reports in moved.items():
        regrouped = desk.store.incident(incident_id)
        assert set(regrouped.report_ids) == reports
        assert regrouped.civilians_killed is not None and regrouped.civilians_killed.min == 12  # recomputed
    changes = [e.details for e in log.entries(desk.database, "incident:")]
    assert [c["action"] for c in changes] == [path.rsplit("/", 1)[1]] * 2


def test_split_recomputes_both_halves(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "analyst")
        response = client.post(
            f"/desk/incidents/{ARIHA}/split", data={"csrf": csrf, "mention": f"{SHA_B}:0", "reason": "two strikes"}
        )
    assert response.status_code == 303
    new_id = response.headers["location"].rsplit("/", 1)[1]
    kept, split_off = desk.store.incident(ARIHA), desk.store.incident(new_id)
    assert kept.report_ids == (SHA_A,) and split_off.report_ids == (SHA_B,)
    assert {f.report_sha256 for f in split_off.figures} == {SHA_B} and split_off.source_count == 1
    desk_store = DeskStore(desk.database)
    assert desk_store.revisions(new_id)[-1].changes == {"split from": ["", ARIHA]}
