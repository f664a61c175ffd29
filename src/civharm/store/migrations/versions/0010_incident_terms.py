"""Per-incident place and perpetrator terms, so the list's place and perpetrator filters run in SQL.

Revision ID: 0010_incident_terms
Revises: 0001
Create Date: 2026-11-25

Adds ``terms`` (each distinct casefolded term once) and ``incident_terms`` (each incident's terms), as
``civharm.store.terms`` describes, and fills both from the incidents already stored.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_incident_terms"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000  # incidents read, and term rows written, at a time


def _terms(
    name: str | None, admin1: str | None, admin2: str | None, country: str | None, perpetrators: list[str]
) -> list[tuple[str, str]]:
    """A frozen copy of ``civharm.store.terms.incident_terms`` as it was for this revision."""
    pairs = [("place", value.casefold()) for value in (name, admin1, admin2) if value is not None]
    if country is not None:
        pairs.append(("country", country.casefold()))
    pairs.extend(("perpetrator", str(who).casefold()) for who in perpetrators)
    return list(dict.fromkeys(pairs))


def upgrade() -> None:
    terms = op.create_table(
        "terms",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "term", name="pk_terms"),
    )
    incident_terms = op.create_table(
        "incident_terms",
        sa.Column("incident_id", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name="fk_incident_terms_incident_id_incidents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("incident_id", "kind", "term", name="pk_incident_terms"),
    )
    connection = op.get_bind()
    incidents = sa.table(
        "incidents",
        *(sa.column(name) for name in ("id", "place_name", "admin1", "admin2", "country")),
        sa.column("perpetrators", sa.JSON()),
    )
    vocabulary: set[tuple[str, str]] = set()
    last = ""
    # A page of incidents at a time, by id, so a million incidents are never all in memory.
    while rows := connection.execute(
        sa.select(incidents).where(incidents.c.id > last).order_by(incidents.c.id).limit(BATCH)
    ).fetchall():
        values = []
        for row in rows:
            pairs = _terms(row.place_name, row.admin1, row.admin2, row.country, row.perpetrators or [])
            values += [{"incident_id": row.id, "kind": kind, "term": term} for kind, term in pairs]
            vocabulary.update(pairs)
        if values:
            connection.execute(incident_terms.insert(), values)
        last = rows[-1].id
    ordered = [{"kind": kind, "term": term} for kind, term in sorted(vocabulary)]
    for start in range(0, len(ordered), BATCH):
        connection.execute(terms.insert(), ordered[start : start + BATCH])
    op.create_index("ix_incident_terms_kind_term", "incident_terms", ["kind", "term", "incident_id"])


def downgrade() -> None:
    op.drop_index("ix_incident_terms_kind_term", table_name="incident_terms")
    op.drop_table("incident_terms")
    op.drop_table("terms")
