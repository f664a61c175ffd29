"""What every route needs from the app: the store and the settings it was created with.

The app factory puts them on ``app.state``; routes get them through these dependencies, so no
module-level global holds a database and tests can build as many apps as they like.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Annotated

from fastapi import Depends, Request

from civharm.errors import CivharmError, NotFoundError
from civharm.records import Grade, Incident, Status
from civharm.settings import Settings
from civharm.store.cursor import Cursor
from civharm.store.repository import IncidentFilter, Store
from civharm.web.desk.security import has_accounts, principal
from civharm.web.desk.visibility import PublicStore

# Rows per page of the incident list and default page of the API; a page of 50 table rows
# stays readable and keeps one response small.
PAGE_SIZE = 50
# The most the API hands out at once, so one request cannot pull a whole large database.
MAX_PAGE_SIZE = 500
# The furthest a list may be paged, far past any store's incidents: a larger offset (plus a page)
# would overflow PostgreSQL's bigint OFFSET and Python's slices, a server error instead of a 422.
MAX_OFFSET = 2**31 - 1


def sees_unpublished(request: Request) -> bool:
    """Whether this request may see incidents that are not published.

    Signed-in desk users and API tokens may. The public sees only published incidents as soon as
    the database has a desk account (someone can review and publish) or ``public_status_only`` is
    set; before that nobody can publish, so everything linked is shown (the demo).
    """
    if principal(request) is not None:
        return True
    settings: Settings = request.app.state.settings
    return not (settings.public_status_only or has_accounts(request))


def get_store(request: Request) -> Store:
    """The store as the requester may see it: the one place deciding what the public sees.

    Anonymous visitors and the public API get a view with only published incidents and the
    reports linked to them (``civharm.web.desk.visibility``); desk users get everything.
    Restricted fields live only in the desk's own tables, which no public route reads.
    """
    store: Store = request.app.state.store
    return store if sees_unpublished(request) else PublicStore(store)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# The two dependencies every route module takes, declared once.
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


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


def page_filters(
    date_from: str = "", date_to: str = "", place: str = "", perpetrator: str = "", grade: str = ""
) -> FilterForm:
    """The public pages' filter form, read from the query string (the list and the map share it)."""
    return FilterForm(date_from, date_to, place, perpetrator, grade)


FormDep = Annotated[FilterForm, Depends(page_filters)]


def _date(name: str, value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise FilterError(f"{name}: {value!r} is not a date (use YYYY-MM-DD)") from exc


def to_filter(form: FilterForm, limit: int | None, offset: int, after: str = "") -> IncidentFilter:
    """The store filter for a form (``after``: a cursor's text, see ``civharm.store.cursor``); one
    FilterError naming every field that is wrong."""
    problems: list[str] = []
    cursor = None
    if after:
        try:
            cursor = Cursor.parse(after)
        except CivharmError as exc:
            problems.append(str(exc))
    dates: dict[str, dt.date | None] = {}
    for name in ("date_from", "date_to"):
        try:
            dates[name] = _date(name, getattr(form, name))
        except FilterError as exc:
            problems.append(str(exc))
    for name in ("place", "perpetrator"):
        if "\x00" in getattr(form, name):
            problems.append(f"{name}: contains a NUL character")  # PostgreSQL cannot even compare it
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
        after=cursor,
    )


# -- what the public sees: the one place the visibility rule lives ---------------------------------


def public_filter(settings: Settings, filters: IncidentFilter | None = None) -> IncidentFilter:
    """``filters`` narrowed to what public pages, feeds and exports may show.

    With ``public_status_only`` on, only incidents with status "published"; otherwise every incident
    (so the demo shows its data before anyone has reviewed it).
    """
    filters = filters or IncidentFilter()
    if settings.public_status_only:
        if filters.status is not None and filters.status != Status.PUBLISHED:
            return replace(filters, status=Status.PUBLISHED, limit=0)  # asked for hidden ones: none
        return replace(filters, status=Status.PUBLISHED)
    return filters


def is_public(settings: Settings, incident: Incident) -> bool:
    return not settings.public_status_only or incident.status == Status.PUBLISHED


def visible_incidents(store: Store, settings: Settings, filters: IncidentFilter | None = None) -> list[Incident]:
    """The incidents matching ``filters`` that the public may see."""
    return store.incidents(public_filter(settings, filters))


def visible_incident(store: Store, settings: Settings, incident_id: str) -> Incident:
    """One incident the public may see; a hidden one is as unknown as a missing one (404)."""
    incident = store.incident(incident_id)
    if not is_public(settings, incident):
        raise NotFoundError(f"no incident {incident_id!r}")
    return incident
