"""A position in the incident list, for paging by keyset instead of by offset.

The list is ordered newest first, undated last, then by id. Skipping 900,000 rows to reach a deep page
costs PostgreSQL a walk over all of them (170 ms at a million incidents); a cursor names the last
incident of the previous page, and the next page starts right after it in the list's index, as cheap
on the last page as on the first. Written in URLs as ``DATE_ID`` (``_ID`` for an undated incident).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from civharm.errors import CivharmError
from civharm.records import Incident


@dataclass(frozen=True)
class Cursor:
    """The incident a page follows: its list date (None when undated) and id."""

    date: dt.date | None
    id: str

    @classmethod
    def of(cls, incident: Incident) -> Cursor:
        return cls(incident.date, incident.id)

    @classmethod
    def parse(cls, text: str) -> Cursor:
        """The cursor written by ``str``; CivharmError naming the text when it is not one."""
        day, separator, incident_id = text.strip().partition("_")
        try:
            if not separator or not incident_id or "\x00" in incident_id:  # PostgreSQL cannot compare NUL
                raise ValueError("no id")
            date = dt.date.fromisoformat(day) if day else None
        except ValueError:
            raise CivharmError(f"after: {text!r} is not a cursor (use next_after from the previous page)") from None
        return cls(date, incident_id)

    def __str__(self) -> str:
        return f"{self.date.isoformat() if self.date else ''}_{self.id}"
