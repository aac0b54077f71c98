"""snapshots record their kind (live or hindcast), when they were computed, and their exact inputs

Revision ID: 0006_snapshot_inputs
Revises: 0005_checks_and_audit_trail
Create Date: 2026-11-28 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import predictions.ledger.sqltypes

revision: str = '0006_snapshot_inputs'
down_revision: str | None = '0005_checks_and_audit_trail'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('probability_snapshot', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('live', 'hindcast', name='snapshot_kind', native_enum=False, create_constraint=True, length=32), server_default='live', nullable=False))
        batch_op.add_column(sa.Column('computed_at', predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('inputs', sa.JSON(), nullable=True))
    # Every snapshot so far was live: computed at the moment it stands for.
    op.execute("UPDATE probability_snapshot SET computed_at = at")
    with op.batch_alter_table('probability_snapshot', schema=None) as batch_op:
        batch_op.alter_column('computed_at', existing_type=predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('probability_snapshot', schema=None) as batch_op:
        batch_op.drop_column('inputs')
        batch_op.drop_column('computed_at')
        batch_op.drop_constraint(batch_op.f('ck_probability_snapshot_snapshot_kind'), type_='check')
        batch_op.drop_column('kind')
