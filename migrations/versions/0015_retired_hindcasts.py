"""retired hindcasts: probability_snapshot.retired_at

Revision ID: 0015_retired_hindcasts
Revises: 0014_source_admin
Create Date: 2026-12-06 16:20:00

Editing a claim's rule (or its made_on) retires the hindcasts computed for the old one: they stay as a record, but
are never scored, shown or reused. A plain ADD COLUMN (no batch copy of the table), so the ledger-version
triggers of 0013 on probability_snapshot stay in place on SQLite.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import predictions.ledger.sqltypes

revision: str = "0015_retired_hindcasts"
down_revision: str | None = "0014_source_admin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "probability_snapshot",
        sa.Column("retired_at", predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE probability_snapshot DROP COLUMN retired_at")  # SQLite >= 3.35 and PostgreSQL
