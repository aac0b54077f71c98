"""api_key.sessions_ended_at: signing out ends a key's dashboard sessions on the server

Revision ID: 0017_session_end
Revises: 0016_scores_version
Create Date: 2026-12-06 16:40:00

A dashboard session is a signed cookie; deleting it in the browser left a copy (a stolen one) valid for up to 12
hours. Every session of a key signed before ``sessions_ended_at`` is refused.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import predictions.ledger.sqltypes

revision: str = "0017_session_end"
down_revision: str | None = "0016_scores_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_key") as batch_op:
        batch_op.add_column(
            sa.Column("sessions_ended_at", predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("api_key") as batch_op:
        batch_op.drop_column("sessions_ended_at")
