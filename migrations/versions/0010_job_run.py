"""job run: one row per scheduler job run that did something, with the scheduler that ran it

Revision ID: 0010_job_run
Revises: 0009_indicator_fetch_status
Create Date: 2026-11-28 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import predictions.ledger.sqltypes

revision: str = '0010_job_run'
down_revision: str | None = '0009_indicator_fetch_status'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('job_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('runner', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('started_at', predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', predictions.ledger.sqltypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('requests', sa.Integer(), nullable=False),
    sa.Column('claims', sa.Integer(), nullable=False),
    sa.Column('snapshots', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_run'))
    )
    op.create_index('ix_job_run_job_started_at', 'job_run', ['job', 'started_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_job_run_job_started_at', table_name='job_run')
    op.drop_table('job_run')
