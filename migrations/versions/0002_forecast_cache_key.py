"""forecast cache keyed by a hash of the data it used

Revision ID: 0002_forecast_cache_key
Revises: 0001
Create Date: 2026-11-28 20:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0002_forecast_cache_key'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The rows are a cache whose old key cannot be turned into the new one: drop them, they are recomputed.
    op.execute("DELETE FROM indicator_forecast")
    with op.batch_alter_table('indicator_forecast', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_indicator_forecast_indicator_id_data_as_of_horizon_engine_version'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_indicator_forecast_indicator_id_data_hash'), ['indicator_id', 'data_hash'])


def downgrade() -> None:
    op.execute("DELETE FROM indicator_forecast")
    with op.batch_alter_table('indicator_forecast', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_indicator_forecast_indicator_id_data_hash'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_indicator_forecast_indicator_id_data_as_of_horizon_engine_version'), ['indicator_id', 'data_as_of', 'horizon', 'engine_version'])
        batch_op.drop_column('data_hash')
