"""Tallies and exports for the web: ``civharm.publish`` results shaped for a page or a JSON body.

The sums themselves are ``publish.tally``'s (minima and maxima added apart, open stays open,
headline grades apart); here they only get words, links to the incidents they add up, and
the sources' own cumulative counts beside them with a link to the sentence they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from civharm.publish.tally import TallyResult, TallyRow
from civharm.records import Figure, Incident, Report, Tally
from civharm.web.present import date_text, figure_text, place_text, span_anchor, tally_text

GROUPINGS = {"perpetrator": "perpetrator", "month": "month", "place": "place", "grade": "grade"}
DEFAULT_BY = "perpetrator"


@dataclass(frozen=True)
class IncidentLink:
    id: str
    label: str


@dataclass(frozen=True)
class RowView:
    label: str
    count: int
    killed: str
    injured: str
    without_figure: int  # incidents counted with no civilians-killed figure
    incidents: tuple[IncidentLink, ...]  # empty for total rows: the rows above list them


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    note: str
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class ReportedView:
    """A source's own cumulative count, with the report and anchor of its span."""

    text: str
    report: Report
    anchor: str


def _label(incident: Incident | None, incident_id: str) -> str:
    if incident is None:
        return incident_id
    return f"{date_text(incident.date, incident.date_precision)}, {place_text(incident.place)}"


def _row_view(row: TallyRow, label: str, known: dict[str, Incident] | None) -> RowView:
    links = () if known is None else tuple(IncidentLink(i, _label(known.get(i), i)) for i in row.incident_ids)
    return RowView(
        label=label,
        count=row.incidents,
        killed=figure_text(row.civilians_killed),
        injured=figure_text(row.civilians_injured),
        without_figure=row.without_civilian_figure,
        incidents=links,
    )


def sections(result: TallyResult, incidents: Sequence[Incident]) -> list[Section]:
    """The headline section (Fair + Confirmed) and the other grades, each with its total row.

    ``incidents`` label the incident links of a result that lists ids (a small one); a large result
    has no links, its rows are traced through the incident list instead.
    """
    known = {i.id: i for i in incidents}
    head = [_row_view(r, r.key, known) for r in result.headline]
    other = [_row_view(r, r.key, known) for r in result.other]
    if result.headline:
        head.append(_row_view(result.headline_total, "Total", None))
    if result.other:
        other.append(_row_view(result.other_total, "Total", None))
    return [
        Section(
            "headline",
            "Headline: incidents graded Fair or Confirmed",
            "Reported by two or more independent sources, or acknowledged by a belligerent.",
            tuple(head),
        ),
        Section(
            "other-grades",
            "Other grades: Weak, Contested, Discounted",
            "Single-source or contested claims; not part of the headline figures.",
            tuple(other),
        ),
    ]


def reported(pairs: Sequence[tuple[Report, Tally]]) -> list[ReportedView]:
    """Sources' own cumulative tallies, newest report first (the store's order)."""
    return [ReportedView(tally_text(t), report, span_anchor(t.start, t.end)) for report, t in pairs]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TallyRowOut(_Model):
    """One group of incidents: how many, the summed ranges, and which incidents."""

    key: str
    incidents: int
    civilians_killed: Figure | None
    civilians_injured: Figure | None
    children_killed: Figure | None
    fighters_killed: Figure | None
    civilians_killed_text: str
    without_civilian_figure: int
    incident_ids: list[str]  # empty when the response does not list ids (``incident_ids_listed``)


class ReportedTallyOut(_Model):
    """A cumulative tally a source reported, with the report it is in."""

    report_sha256: str
    report_title: str | None
    publisher: str | None
    text: str
    tally: Tally


class TallyResponse(_Model):
    by: str
    incident_ids_listed: bool  # rows list their incident ids only in a tally of up to 1,000 incidents
    headline: list[TallyRowOut]
    other: list[TallyRowOut]
    headline_total: TallyRowOut
    other_total: TallyRowOut
    reported: list[ReportedTallyOut]


def _row_out(row: TallyRow) -> TallyRowOut:
    return TallyRowOut(
        key=row.key,
        incidents=row.incidents,
        civilians_killed=row.civilians_killed,
        civilians_injured=row.civilians_injured,
        children_killed=row.children_killed,
        fighters_killed=row.fighters_killed,
        civilians_killed_text=figure_text(row.civilians_killed),
        without_civilian_figure=row.without_civilian_figure,
        incident_ids=list(row.incident_ids),
    )


def response(result: TallyResult, pairs: Sequence[tuple[Report, Tally]], by: str) -> TallyResponse:
    """The ``/api/tally`` body."""
    return TallyResponse(
        by=by,
        incident_ids_listed=result.ids_listed,
        headline=[_row_out(r) for r in result.headline],
        other=[_row_out(r) for r in result.other],
        headline_total=_row_out(result.headline_total),
        other_total=_row_out(result.other_total),
        reported=[
            ReportedTallyOut(
                report_sha256=r.sha256,
                report_title=r.title,
                publisher=r.publisher,
                text=tally_text(t),
                tally=t,
            )
            for r, t in pairs
        ],
    )


def summary_lines(page_sections: Sequence[Section], by: str) -> list[str]:
    """The tallies page in sentences of our own (heading first), for the republish snippet."""
    lines = [f"Civilians reported killed in attacks, by {GROUPINGS.get(by, by)}"]
    for section in page_sections:
        parts = [
            f"{row.label}: {row.killed} ({row.count} incident{'' if row.count == 1 else 's'})" for row in section.rows
        ]
        lines.append(f"{section.heading}. " + ("; ".join(parts) if parts else "none") + ".")
    lines.append("Ranges add the sources' minima and maxima apart; an open maximum stays open (“at least N”).")
    return lines
