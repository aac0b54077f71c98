"""claim_chart: a claim page's indicator chart, computed when the claim is re-scored, not when a reader opens it

Revision ID: 0018_claim_chart
Revises: 0017_session_end
Create Date: 2026-12-06 18:30:00

One row per claim, keyed to the live snapshot it was drawn for. Claims re-scored before this migration have no
row: their page draws the chart once and stores it, or ``predtrack rescore --charts`` draws them all.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import predictions.ledger.sqltypes

revision: str = "0018_claim_chart"
down_revision: str | None = "0017_session_end"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_chart",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("computed_at", predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_claim_chart_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["probability_snapshot.id"],
            name=op.f("fk_claim_chart_snapshot_id_probability_snapshot"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_chart")),
    )
    op.create_index(op.f("ix_claim_chart_snapshot_id"), "claim_chart", ["snapshot_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_chart_snapshot_id"), table_name="claim_chart")
    op.drop_table("claim_chart")
