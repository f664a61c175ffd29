"""What every route needs from the app: the store and the settings it was created with.

The app factory puts them on ``app.state``; routes get them through these dependencies, so no
module-level global holds a database and tests can build as many apps as they like.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import Request

from civharm.errors import CivharmError
from civharm.records import Grade, Status
from civharm.settings import Settings
from civharm.store.repository import IncidentFilter, Store

# Rows per page of the incident list and default page of the API; a page of 50 table rows
# stays readable and keeps one response small.
PAGE_SIZE = 50
# The most the API hands out at once, so one request cannot pull a whole large database.
MAX_PAGE_SIZE = 500


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class FilterError(CivharmError):
    """A filter value the user typed cannot be understood (shown next to the form)."""


@dataclass(frozen=True)
class FilterForm:
    """The incident filters as typed, kept as text so the form can show them back unchanged."""

    date_from: str = ""
    date_to: str = ""
    place: str = ""
    perpetrator: str = ""
    grade: str = ""
    status: str = ""

    @property
    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.place, self.perpetrator, self.grade, self.status))

    def query(self) -> dict[str, str]:
        """The non-empty fields, for links that keep the filters (pagination)."""
        return {k: v for k, v in vars(self).items() if v}


def _date(name: str, value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise FilterError(f"{name}: {value!r} is not a date (use YYYY-MM-DD)") from exc


def to_filter(form: FilterForm, limit: int | None, offset: int) -> IncidentFilter:
    """The store filter for a form; one FilterError naming every field that is wrong."""
    problems: list[str] = []
    dates: dict[str, dt.date | None] = {}
    for name in ("date_from", "date_to"):
        try:
            dates[name] = _date(name, getattr(form, name))
        except FilterError as exc:
            problems.append(str(exc))
    grade = status = None
    if form.grade:
        try:
            grade = Grade(form.grade)
        except ValueError:
            problems.append(f"grade: {form.grade!r} is not one of {', '.join(g.value for g in Grade)}")
    if form.status:
        try:
            status = Status(form.status)
        except ValueError:
            problems.append(f"status: {form.status!r} is not one of {', '.join(s.value for s in Status)}")
    if limit is not None and limit < 0:
        problems.append("limit must be 0 or more")
    if offset < 0:
        problems.append("offset must be 0 or more")
    if problems:
        raise FilterError("; ".join(problems))
    return IncidentFilter(
        date_from=dates["date_from"],
        date_to=dates["date_to"],
        place=form.place.strip() or None,
        perpetrator=form.perpetrator.strip() or None,
        grade=grade,
        status=status,
        limit=limit,
        offset=offset,
    )
