"""replica-shared state: failed forecasts cached in indicator_forecast (error), anonymous rate buckets

Revision ID: 0012_replica_shared_state
Revises: 0011_claim_condition_rule
Create Date: 2026-11-28 23:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0012_replica_shared_state'
down_revision: str | None = '0011_claim_condition_rule'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('indicator_forecast', schema=None) as batch_op:
        batch_op.add_column(sa.Column('error', sa.Text(), nullable=True))
    op.create_table('rate_bucket',
    sa.Column('client', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('tokens', sa.Float(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('since', sa.Float(), nullable=False),
    sa.Column('granted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('client', name=op.f('pk_rate_bucket'))
    )
    with op.batch_alter_table('rate_bucket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_bucket_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rate_bucket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_bucket_at'))
    op.drop_table('rate_bucket')
    with op.batch_alter_table('indicator_forecast', schema=None) as batch_op:
        batch_op.drop_column('error')
