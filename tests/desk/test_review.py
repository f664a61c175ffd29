"""The review flow through the web desk: corrections, grades, status, rejection, positions,
merge/split/move, revision history, and decisions surviving a relink."""

from __future__ import annotations

from civharm import chain
from civharm.assess import regroup
from civharm.records import Grade, Status
from civharm.store.desk import DeskStore
from tests.desk.helpers import Desk, login
from tests.web.conftest import SHA_A, SHA_B, SHA_C

ARIHA = "ariha-2015-11-29"
MASKANEH = "maskaneh-2015-12"


def test_queue_lists_drafts_with_suggested_grade_and_rule(desk: Desk) -> None:
    with desk.client() as client:
        login(client, "viewer")
        page = client.get("/desk/")
    assert page.status_code == 200
    assert ARIHA in page.text and "two or more independent sources" in page.text


def test_correction_grade_publish_and_history(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "reviewer")
        fixed = client.post(
            f"/desk/incidents/{ARIHA}/correct",
            data={"csrf": csrf, "civilians_killed_min": "44", "civilians_killed_max": "58", "reason": "hospital list"},
        )
        assert fixed.status_code == 303
        graded = client.post(
            f"/desk/incidents/{ARIHA}/grade",
            data={"csrf": csrf, "grade": "Confirmed", "strike_status": "declared strike", "reason": "MoD admitted"},
        )
        assert graded.status_code == 303
        client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": csrf, "to": "published", "reason": "checked"})
        page = client.get(f"/desk/incidents/{ARIHA}").text
    incident = desk.store.incident(ARIHA)
    assert incident.civilians_killed is not None and (incident.civilians_killed.min, incident.civilians_killed.max) == (
        44,
        58,
    )
    assert incident.grade is Grade.CONFIRMED and incident.status is Status.PUBLISHED
    assert "MoD admitted" in incident.grade_rule and "suggested Fair" in incident.grade_rule
    history = DeskStore(desk.database).revisions(ARIHA)
    assert [r.action for r in history] == ["correct", "grade", "status"]
    assert all(r.actor == "reviewer" for r in history)
    assert history[0].changes["civilians_killed"] == ["44–60", "44–58"] and history[0].reason == "hospital list"
    assert "hospital list" in page


def test_decisions_survive_relinking(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "reviewer")
        client.post(f"/desk/incidents/{ARIHA}/correct", data={"csrf": csrf, "targets": "market, school", "reason": "r"})
        client.post(f"/desk/incidents/{ARIHA}/grade", data={"csrf": csrf, "grade": "Discounted", "reason": "fighters"})
        client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": csrf, "to": "published"})
    chain.relink(desk.store)
    incident = desk.store.incident(ARIHA)
    assert incident.targets == ("market", "school")
    assert incident.grade is Grade.DISCOUNTED and incident.status is Status.PUBLISHED
    assert "fighters" in incident.grade_rule


def test_analyst_cannot_publish_or_grade(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "analyst")
        assert client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": csrf, "to": "published"}).status_code == 403
        graded = client.post(f"/desk/incidents/{ARIHA}/grade", data={"csrf": csrf, "grade": "Fair", "reason": "x"})
        assert graded.status_code == 403
        moved = client.post(f"/desk/incidents/{ARIHA}/status", data={"csrf": csrf, "to": "in review"})
        assert moved.status_code == 303
    assert desk.store.incident(ARIHA).status is Status.IN_REVIEW


def test_reject_needs_a_reason_and_keeps_the_incident_unpublished(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "reviewer")
        assert client.post(f"/desk/incidents/{MASKANEH}/reject", data={"csrf": csrf}).status_code == 400
        client.post(f"/desk/incidents/{MASKANEH}/reject", data={"csrf": csrf, "reason": "not an attack"})
        rejected = client.get("/desk/?view=rejected").text
    assert MASKANEH in rejected
    assert DeskStore(desk.database).review(MASKANEH).rejected_reason == "not an attack"
    assert desk.store.incident(MASKANEH).status is Status.DRAFT


def test_belligerent_position_with_statement_span(desk: Desk) -> None:
    span = f"{SHA_A}:140-187"
    with desk.client() as client:
        csrf = login(client, "analyst")
        response = client.post(
            f"/desk/incidents/{ARIHA}/position",
            data={
                "csrf": csrf,
                "party": "Russia",
                "position": "denies",
                "conceded_min": "0",
                "conceded_max": "0",
                "statements": span,
            },
        )
        assert response.status_code == 303
        bad = client.post(
            f"/desk/incidents/{ARIHA}/position", data={"csrf": csrf, "party": "Russia", "position": "shrugs"}
        )
        assert bad.status_code == 400
    (position,) = DeskStore(desk.database).review(ARIHA).positions
    assert position.position.value == "denies" and position.conceded_max == 0
    assert position.statements[0].report_sha256 == SHA_A and position.statements[0].start == 140


def test_merge_split_move_regroup_mentions() -> None:
    from tests.web.conftest import extraction_a, extraction_b, extraction_c, incidents

    found = incidents(extraction_a(), extraction_b(), extraction_c())
    merged = regroup.merge(found, ARIHA, MASKANEH)
    assert [i.id for i in merged] == [ARIHA, "undated-contested"]
    assert set(merged[0].mentions) == {(SHA_A, 0), (SHA_B, 0), (SHA_C, 0)}
    split, new_id = regroup.split(merged, ARIHA, [(SHA_C, 0)])
    assert {i.id for i in split} == {ARIHA, new_id, "undated-contested"}
    back = regroup.move_report(split, SHA_B, ARIHA, new_id)
    by_id = {i.id: i for i in back}
    assert by_id[ARIHA].mentions == ((SHA_A, 0),) and set(by_id[new_id].report_ids) == {SHA_B, SHA_C}


def test_merge_through_the_desk_relinks_and_records_both_sides(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "analyst")
        response = client.post(
            f"/desk/incidents/{ARIHA}/merge", data={"csrf": csrf, "other": MASKANEH, "reason": "same strike"}
        )
        assert response.status_code == 303
    ids = {i.id for i in desk.store.incidents()}
    assert MASKANEH not in ids and SHA_C in desk.store.incident(ARIHA).report_ids
    desk_store = DeskStore(desk.database)
    assert desk_store.revisions(ARIHA)[-1].changes == {"merged in": ["", MASKANEH]}
    assert desk_store.revisions(MASKANEH)[-1].action == "merge"
