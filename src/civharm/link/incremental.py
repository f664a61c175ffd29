"""Incremental linking: which stored incidents newly stored reports can touch, and what to read for them.

``civharm run`` links only its new reports. A new report changes an existing incident in two ways: one
of its attack mentions joins it (found by the linker's blocking index, ``linker.reachable``), or one of
its positions (a denial, an acknowledgement) attaches to it and may change its grade (an incident blamed
on someone, dated within the linking window of the report's publication, as ``assess.positions`` reads
it). Only those incidents are read back, relinked with the new reports and rewritten; every other
incident keeps its record and its ``updated_at``. They are found among the candidates the database gives
for the blocking keys (``candidates``: date windows and places, by indexed columns), never by reading
every incident.

Grading an incident reads the positions of reports published within the window of its date, linked
to it or not, so those reports are read too (``position_days``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from civharm.link.compat import DATE_WINDOW_DAYS
from civharm.link.linker import reach, reachable
from civharm.records import Extraction, Incident
from civharm.store.repository import LinkReach, Window

_WINDOW = dt.timedelta(days=DATE_WINDOW_DAYS)


def touched(new: Sequence[Extraction], known: Sequence[Incident]) -> list[Incident]:
    """The known incidents the new reports may change, in ``known``'s order."""
    ids = {inc.id for inc in reachable(new, known)}
    published = {e.report.published for e in new if e.positions and e.report.published is not None}
    for inc in known:
        if inc.perpetrators and inc.date is not None and any(abs(inc.date - day) <= _WINDOW for day in published):
            ids.add(inc.id)
    return [inc for inc in known if inc.id in ids]


def candidates(new: Sequence[Extraction]) -> LinkReach:
    """Where the incidents ``touched`` can return are in the database: those the linker's blocking can
    reach (``linker.reach``), those linked to the new reports, and every incident dated within the
    window of a new position's publication day (whatever its place: a denial names no town)."""
    found = reach(new)
    days = sorted({e.report.published for e in new if e.positions and e.report.published is not None})
    blamed = tuple(Window(day - _WINDOW, day + _WINDOW, anywhere=True) for day in days)
    return dataclasses.replace(found, windows=found.windows + blamed, reports=frozenset(e.report.sha256 for e in new))


def position_days(new: Sequence[Extraction], incidents: Iterable[Incident]) -> list[tuple[dt.date, dt.date]]:
    """Day ranges whose reports' positions can attach to these incidents or to the new reports' own.

    A new incident is dated by one of its new mentions, so their dates count too. Overlapping windows
    are merged, so the store is asked once per stretch of days.
    """
    days = {inc.date for inc in incidents if inc.date is not None}
    days |= {m.date for e in new for m in e.incidents if m.date is not None}
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        lo, hi = day - _WINDOW, day + _WINDOW
        if ranges and lo <= ranges[-1][1] + dt.timedelta(days=1):
            ranges[-1] = (ranges[-1][0], hi)
        else:
            ranges.append((lo, hi))
    return ranges
