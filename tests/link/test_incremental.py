"""Incremental linking in ``civharm run``: new reports join stored incidents, the rest is left alone."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from sqlalchemy import select

from civharm import chain
from civharm.assess.review import Review
from civharm.capture.inputs import expand_inputs
from civharm.examples import EXAMPLES_DIR, load_manifest
from civharm.extract.gazetteer import Gazetteer
from civharm.link.incremental import candidates, position_days, touched
from civharm.link.linker import link
from civharm.records import AttackType, DatePrecision, Extraction, Grade, Incident, Stance, Status
from civharm.store.db import open_database
from civharm.store.desk import Change, DeskStore
from civharm.store.models import IncidentRow
from civharm.store.repository import IncidentFilter, Store

from ..backend import settings_for
from ..migrations import undo
from .builders import (
    ARIHA,
    DAY1,
    EL_FASHER,
    HOMS,
    IDLIB_PROVINCE,
    KHARKIV,
    NO_COORDS,
    SARAQIB,
    SYRIA,
    attack,
    days,
    extraction,
    incident_of,
    killed,
    position,
    report,
)


def _store(url: str) -> Store:
    return Store(open_database(url))


def _add(store: Store, *extractions: Extraction) -> None:
    """Store these reports, then link the queue, as one ``civharm run`` does."""
    for e in extractions:
        assert store.add_extraction(e)
    chain.link_pending(store)


def _by_id(incidents: list[Incident]) -> dict[str, Incident]:
    return {i.id: i for i in incidents}


def _times(store: Store) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    with store.database.engine.connect() as connection:
        rows = connection.execute(select(IncidentRow.id, IncidentRow.created_at, IncidentRow.updated_at))
        return {row.id: (row.created_at, row.updated_at) for row in rows}


def _manifest(folder: Path, names: list[str]) -> Path:
    """A manifest of some bundled examples, as ``civharm run`` reads them."""
    lines = []
    for entry in load_manifest():
        if entry.path.name in names:
            line = {"path": str(EXAMPLES_DIR / entry.path.name), "published": entry.published.isoformat()}
            lines.append(json.dumps(line | {"url": entry.url, "title": entry.title, "origin": entry.origin}))
    path = folder / f"batch-{len(list(folder.glob('batch-*')))}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_examples_linked_in_two_runs_equal_one_full_relink(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # the first reports of each story, then the follow-ups (toll updates, the denial, the tally)
    first = [e.path.name for e in load_manifest() if e.path.name[:2] in {"01", "02", "05", "07", "10"}]
    later = [e.path.name for e in load_manifest() if e.path.name not in first]
    home = tmp_path / "home"
    settings = settings_for(home)
    home.mkdir()
    store = _store(settings.database_url)
    chain.run(expand_inputs([str(_manifest(tmp_path, first))]), settings, store, gazetteer)
    before = _by_id(store.incidents(IncidentFilter()))
    chain.run(expand_inputs([str(_manifest(tmp_path, later))]), settings, store, gazetteer)
    incremental = _by_id(store.incidents(IncidentFilter()))
    grown = [i for i in incremental.values() if i.id in before and i.report_ids != before[i.id].report_ids]
    assert len(grown) >= 2  # Ariha and Kharkiv got their follow-ups
    assert incremental == _by_id(link(list(store.extractions())))  # clustering from scratch
    chain.relink(store, fresh=True)
    assert _by_id(store.incidents(IncidentFilter())) == incremental
    chain.relink(store)
    assert _by_id(store.incidents(IncidentFilter())) == incremental


def test_a_later_report_grows_its_incident_and_leaves_the_others_untouched(database_url: str) -> None:
    store = _store(database_url)
    first = extraction(report("a", publisher="Al Jazeera"), attack(DAY1, ARIHA, casualties=(killed(7, 7),)))
    elsewhere = extraction(report("k"), attack(DAY1, KHARKIV, perpetrator="Russia"))
    _add(store, first, elsewhere)
    before = _by_id(store.incidents(IncidentFilter()))
    times = _times(store)
    kharkiv = incident_of(list(before.values()), elsewhere.report.sha256)

    later = extraction(
        report("b", publisher="Reuters", published=days(1)), attack(days(1), ARIHA, casualties=(killed(60, 60),))
    )
    _add(store, later)
    after = _by_id(store.incidents(IncidentFilter()))
    ariha = incident_of(list(after.values()), later.report.sha256)
    assert ariha.id == incident_of(list(before.values()), first.report.sha256).id
    assert ariha.grade is Grade.FAIR
    assert ariha.civilians_killed is not None and (ariha.civilians_killed.min, ariha.civilians_killed.max) == (7, 60)
    assert after[kharkiv.id] == kharkiv
    assert _times(store)[kharkiv.id] == times[kharkiv.id]  # not rewritten
    assert _times(store)[ariha.id][0] == times[ariha.id][0]  # rewritten, created when it was
    assert after == _by_id(link([first, elsewhere, later]))


def test_a_new_denial_or_acknowledgement_regrades_the_incident_it_is_about(database_url: str) -> None:
    store = _store(database_url)
    strike = extraction(report("a"), attack(DAY1, ARIHA))
    _add(store, strike)
    ack = extraction(report("c", published=days(1)), positions=(position(Stance.ACKNOWLEDGES, "Russian military"),))
    _add(store, ack)
    (inc,) = store.incidents(IncidentFilter())
    assert inc.grade is Grade.CONFIRMED
    # a later strike nearby is graded with the acknowledgement stored before it, as a full relink would
    other = extraction(report("d", published=days(2)), attack(days(2), HOMS))
    _add(store, other)
    assert _by_id(store.incidents(IncidentFilter())) == _by_id(link([strike, ack, other]))


def test_desk_decisions_stay_on_incidents_the_new_reports_touch(database_url: str) -> None:
    store = _store(database_url)
    first = extraction(report("a"), attack(DAY1, ARIHA))
    _add(store, first)
    (inc,) = store.incidents(IncidentFilter())
    reviewed = Review(status=Status.IN_REVIEW, grade=Grade.DISCOUNTED, grade_reason="fighters")
    DeskStore(store.database).decide("tests", inc, Change(action="grade", changes={}), review=reviewed)
    _add(store, extraction(report("b", published=days(1)), attack(days(1), ARIHA)))
    (grown,) = store.incidents(IncidentFilter())
    assert grown.id == inc.id and len(grown.report_ids) == 2
    assert grown.status is Status.IN_REVIEW and grown.grade is Grade.DISCOUNTED


def test_only_incidents_the_blocking_proposes_are_touched() -> None:
    near = link([extraction(report("a"), attack(DAY1, ARIHA))])
    far = link([extraction(report("k"), attack(DAY1, KHARKIV))])
    late = link([extraction(report("l", published=days(30)), attack(days(30), ARIHA))])
    new = [extraction(report("n", published=days(1)), attack(days(1), ARIHA))]
    assert touched(new, [*near, *far, *late]) == near
    assert position_days(new, near) == [(DAY1 - dt.timedelta(days=3), days(4))]


def test_a_dated_report_does_not_reach_its_towns_same_day_of_other_years() -> None:
    years = [DAY1.replace(year=2000 + k) for k in range(5)]
    years_ago = link([extraction(report(f"y{day.year}", published=day), attack(day)) for day in years])
    assert len(years_ago) == 5
    dated = [extraction(report("n", published=DAY1), attack(DAY1, ARIHA))]
    assert touched(dated, years_ago) == []
    yearless_day = attack(None, ARIHA, precision=None).model_copy(update={"date_partial": DAY1.strftime("--%m-%d")})
    undated_page = [extraction(report("u", published=None), yearless_day)]
    assert touched(undated_page, years_ago) == years_ago


def test_undated_incidents_are_read_for_new_reports_in_their_town_and_days_only(database_url: str) -> None:
    store = _store(database_url)
    _add(store, extraction(report("h", published=DAY1), attack(None, HOMS, precision=None)))
    (undated,) = store.incidents(IncidentFilter())
    assert undated.date is None
    elsewhere = [extraction(report("a", published=DAY1), attack(DAY1, ARIHA))]  # same country, 100 km away
    assert store.reachable_incidents(candidates(elsewhere)) == []
    later = [extraction(report("l", published=days(30)), attack(days(30), HOMS))]  # its town, a month on
    assert store.reachable_incidents(candidates(later)) == []
    for new in (
        extraction(report("b", published=DAY1), attack(days(3), HOMS)),
        extraction(report("u", published=days(-3)), attack(None, HOMS, precision=None)),
    ):
        assert [i.id for i in store.reachable_incidents(candidates([new]))] == [undated.id]
        assert touched([new], [undated]) == [undated]
    yearless_day = attack(None, HOMS, precision=None).model_copy(update={"date_partial": days(30).strftime("--%m-%d")})
    undated_page = [extraction(report("y", published=None), yearless_day)]  # no publication: any undated one
    assert [i.id for i in store.reachable_incidents(candidates(undated_page))] == [undated.id]


def _publication_columns(store: Store) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    query = select(IncidentRow.id, IncidentRow.published_first, IncidentRow.published_last)
    with store.database.engine.connect() as connection:
        return {row.id: (row.published_first, row.published_last) for row in connection.execute(query)}


def test_incidents_stored_before_the_publication_columns_get_them_from_their_reports(database_url: str) -> None:
    store = _store(database_url)
    _add(
        store,
        extraction(report("a"), attack(DAY1, ARIHA)),
        extraction(report("b", published=days(2)), attack(days(1), ARIHA)),
        extraction(report("n", published=None), attack(None, HOMS, precision=None)),
    )
    written = _publication_columns(store)
    assert sorted(written.values(), key=str) == [(None, None), (DAY1, days(2))]
    undo(store.database, "0013_incident_publication")
    store.database.close()
    assert _publication_columns(_store(database_url)) == written  # reopening migrates and fills them


def test_only_incidents_the_new_reports_change_are_written(database_url: str) -> None:
    store = _store(database_url)
    # a week apart in one town: the blocking proposes both, only the first is close enough to join
    _add(
        store,
        extraction(report("a"), attack(DAY1, ARIHA)),
        extraction(report("w", published=days(7)), attack(days(7), ARIHA)),
    )
    written: list[list[str]] = []
    update = store.update_incidents

    def spy(incidents: list[Incident], linked: object = ()) -> None:
        written.append([i.id for i in incidents])
        update(incidents, linked)  # type: ignore[arg-type]

    store.update_incidents = spy  # type: ignore[method-assign]
    new = extraction(report("n", published=days(1)), attack(days(1), ARIHA))
    assert len(store.reachable_incidents(candidates([new]))) == 2
    _add(store, new)
    joined = incident_of(store.incidents(IncidentFilter()), new.report.sha256)
    assert written == [[joined.id]]


def test_reports_a_killed_run_stored_but_never_linked_are_linked_by_the_next_run(database_url: str) -> None:
    store = _store(database_url)
    orphan = extraction(report("a"), attack(DAY1, ARIHA))
    assert store.add_extraction(orphan)  # the run was killed here, before linking
    assert store.unlinked() == [orphan.report.sha256]
    _add(store, extraction(report("k"), attack(DAY1, KHARKIV)))
    assert store.unlinked() == []
    assert incident_of(store.incidents(IncidentFilter()), orphan.report.sha256).report_ids == (orphan.report.sha256,)


def _spread(seed: str, n: int, *, span: int) -> list[Extraction]:
    """Reports of attacks spread over ``span`` days and many kinds of place and date: exact days, weeks,
    months and years, undated mentions with a day and month or none, provinces, countries, no place at all, and
    here and there a party's denial."""
    rng = random.Random(seed)
    places = [ARIHA, SARAQIB, HOMS, IDLIB_PROVINCE, SYRIA, KHARKIV, EL_FASHER, NO_COORDS, None]
    precisions = [DatePrecision.DAY, DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR]
    out = []
    for k in range(n):
        day = days(rng.randrange(span))
        mention = attack(day, rng.choice(places), precision=rng.choice(precisions), kind=rng.choice(list(AttackType)))
        if rng.random() < 0.3:  # an undated mention, with a day and month or none
            partial = day.strftime("--%m-%d") if rng.random() < 0.5 else None
            mention = mention.model_copy(update={"date": None, "date_precision": None, "date_partial": partial})
        published = None if rng.random() < 0.05 else day + dt.timedelta(days=rng.randrange(3))
        stances = (position(Stance.DENIES),) if rng.random() < 0.1 else ()
        out.append(extraction(report(f"{seed}{k}", published=published), mention, positions=stances))
    return out


def _written(at_hand: list[Extraction], affected: list[Incident], new: frozenset[str]) -> list[Incident]:
    """What ``chain.link_pending`` writes when these incidents are the ones touched."""
    before = _by_id(affected)
    return sorted((i for i in link(at_hand, affected, new=new) if before.get(i.id) != i), key=lambda i: i.id)


def test_incidents_read_for_new_reports_change_as_a_full_load_would(database_url: str) -> None:
    store = _store(database_url)
    old = _spread("old", 150, span=2000)
    _add(store, *old)
    every = store.incidents(IncidentFilter())
    read_in_all = 0
    for batch in range(8):
        new = _spread(f"new{batch}-", 3, span=2000)
        read = store.reachable_incidents(candidates(new))
        # the in-memory blocking also proposes undated incidents whose reports came out at other times,
        # which the database read leaves out (no stored summary carries its reports' publication days)
        narrow, wide = touched(new, read), touched(new, every)
        assert {i.id for i in narrow} <= {i.id for i in wide}
        shas = frozenset(e.report.sha256 for e in new)
        assert _written(new + old, narrow, shas) == _written(new + old, wide, shas)
        read_in_all += len(read)
    assert read_in_all < 8 * len(every) / 3  # the blocking keys narrow the read
