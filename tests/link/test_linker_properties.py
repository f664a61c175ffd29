"""Properties of linking that must hold for any input, checked on generated reports."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from civharm.link.compat import compatible
from civharm.link.linker import cluster_mentions, link
from civharm.records import AttackType, DatePrecision, Extraction

from .builders import (
    ARIHA,
    ARIHA_OUTSKIRTS,
    DAY1,
    HOMS,
    IDLIB_PROVINCE,
    SARAQIB,
    SYRIA,
    attack,
    extraction,
    report,
)

PLACES = [ARIHA, ARIHA_OUTSKIRTS, SARAQIB, HOMS, IDLIB_PROVINCE, SYRIA, None]
KINDS = [AttackType.AIR_STRIKE, AttackType.SHELLING, AttackType.DRONE_STRIKE, AttackType.OTHER]
PRECISIONS = [DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH]

mention_specs = st.tuples(
    st.one_of(st.none(), st.integers(0, 12)),  # day offset, or no date
    st.sampled_from(PLACES),
    st.sampled_from(KINDS),
    st.sampled_from(PRECISIONS),
    st.integers(0, 12),  # publication offset
)


def _extractions(specs: list[tuple[int | None, object, AttackType, DatePrecision, int]]) -> list[Extraction]:
    out = []
    for n, (day, place, kind, precision, published) in enumerate(specs):
        date = None if day is None else DAY1 + dt.timedelta(days=day)
        rep = report(f"p{n}", published=DAY1 + dt.timedelta(days=published))
        out.append(extraction(rep, attack(date, place, kind=kind, precision=precision)))  # type: ignore[arg-type]
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(mention_specs, min_size=1, max_size=12))
def test_every_pair_in_an_incident_is_compatible_and_no_mention_is_linked_twice(
    specs: list[tuple[int | None, object, AttackType, DatePrecision, int]],
) -> None:
    exts = _extractions(specs)
    clusters = cluster_mentions(exts)
    seen: set[tuple[str, int]] = set()
    for _, members, _ in clusters:
        for a, b in itertools.combinations(members, 2):
            assert compatible(a, b)
        for m in members:
            assert (m.sha256, m.index) not in seen
            seen.add((m.sha256, m.index))
    linkable = {(e.report.sha256, 0) for e in exts if e.incidents[0].date or e.incidents[0].place}
    assert seen == linkable


@settings(max_examples=30, deadline=None)
@given(st.lists(mention_specs, min_size=1, max_size=10))
def test_linking_again_with_the_result_as_existing_changes_nothing(
    specs: list[tuple[int | None, object, AttackType, DatePrecision, int]],
) -> None:
    exts = _extractions(specs)
    once = link(exts)
    assert link(exts, existing=once) == once
