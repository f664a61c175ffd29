"""Incremental linking at scale: new reports arriving in a database of many incidents.

A database written by ``bench scale generate`` holds N synthetic incidents with their reports and
extractions. Each batch stores new reports as ``civharm run`` does and links the queue
(``chain.link_pending``): some are further reports of stored incidents (a new copy of a stored
report, under a new hash, as a republished story is), the rest reports of new incidents drawn from
another seed of the same world. The time of a batch is what a user waits for after ``civharm run``
has extracted; a full relink at this size is what it saves (``bench scale link``).

    civharm bench scale incremental --database-url URL [--batches 5 --copies 20 --fresh 20] [--growing-world]
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from civharm import chain
from civharm.bench import synthetic
from civharm.errors import CivharmError
from civharm.link.incremental import candidates
from civharm.records import Extraction
from civharm.store.db import Database
from civharm.store.models import IncidentRow
from civharm.store.repository import Store

# New copies are numbered past any copy ``synthetic.draw`` makes, so their hashes are new.
FIRST_NEW_COPY = 100
# New incidents come from this seed offset: the same places and years, other incidents.
FRESH_SEED_OFFSET = 1000


@dataclass(frozen=True)
class BatchResult:
    """One batch: what arrived, how long storing and linking took, where the new copies went."""

    batch: int
    reports: int
    store_s: float
    link_s: float
    copies: int
    copies_joined: int  # new copies that joined the incident their story is about
    incidents: int  # incidents in the database after the batch
    proposed: int  # stored incidents the blocking proposed for the batch: read back and relinked


def _count(database: Database, *, generated: bool = False) -> int:
    """Incidents stored, or only those ``generate`` wrote (created at ``synthetic.CAPTURED_AT``; linking
    keeps an incident's creation time), so a second run on the same database draws the same world."""
    query = select(func.count()).select_from(IncidentRow)
    if generated:
        query = query.where(IncidentRow.created_at == synthetic.CAPTURED_AT)
    with database.engine.connect() as connection:
        return int(connection.scalar(query) or 0)


def _copies(seed: int, total: int, days: int, picks: list[list[int]]) -> list[list[tuple[str, Extraction]]]:
    """For each batch's picked incidents, a new report of each: (the stored incident's id, the new
    report's extraction). The stored world is drawn again once, in one pass for every batch."""
    wanted: dict[int, list[int]] = {}
    for batch, numbers in enumerate(picks):
        for number in numbers:
            wanted.setdefault(number, []).append(batch)
    out: list[list[tuple[str, Extraction]]] = [[] for _ in picks]
    for item in synthetic.synthetic_incidents(total, seed, days):
        for batch in wanted.get(item.number, ()):
            first = item.reports[0]
            sha = synthetic.report_sha(seed, item.number, FIRST_NEW_COPY + batch)
            copy = dataclasses.replace(item, reports=(dataclasses.replace(first, sha256=sha),))
            out[batch].append((item.id, synthetic.extractions(copy)[0]))
    return out


def run_batches(
    database: Database, *, seed: int, batches: int, copies: int, fresh: int, growing: bool = False
) -> Iterator[BatchResult]:
    """Each batch's result as it finishes; the database must hold a ``generate`` run of ``seed`` (with
    ``growing`` when it was generated with a growing world)."""
    total = _count(database, generated=True)
    if copies > total:
        raise CivharmError(f"{copies} copies a batch but only {total} incidents stored: generate more first")
    store, rng, days = Store(database), random.Random(seed), synthetic.world_days(total, growing)
    new_incidents = synthetic.synthetic_incidents(batches * fresh, seed + FRESH_SEED_OFFSET, days)
    every_copy = _copies(seed, total, days, [rng.sample(range(total), copies) for _ in range(batches)])
    for batch, picked in enumerate(every_copy):
        arriving = [e for _, e in picked]
        arriving += [e for _ in range(fresh) for e in synthetic.extractions(next(new_incidents))]
        proposed = len(store.reachable_incidents(candidates(arriving)))  # untimed: what link_pending reads
        start = time.perf_counter()
        for extraction in arriving:
            store.add_extraction(extraction)
        stored = time.perf_counter()
        chain.link_pending(store)
        linked = time.perf_counter()
        joined = sum(e.report.sha256 in store.incident(iid).report_ids for iid, e in picked)
        yield BatchResult(
            batch=batch,
            reports=len(arriving),
            store_s=round(stored - start, 3),
            link_s=round(linked - stored, 3),
            copies=len(picked),
            copies_joined=joined,
            incidents=_count(database),
            proposed=proposed,
        )
