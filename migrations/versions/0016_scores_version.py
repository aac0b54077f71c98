"""readers: human forecasts and sources bump the ledger version; the changes feed reads by index

Revision ID: 0016_scores_version
Revises: 0015_retired_hindcasts
Create Date: 2026-12-06 16:00:00

Track records are kept per ledger version (predictions.scoring.kept). They read, besides what a claim's view reads,
every researcher's forecast (``human_forecast``) and the sources' titles (``source``, grouping by source): writes
to those now bump the version as well, with the same triggers as migration 0013.

The changes feed reads snapshots and resolutions newest first: indexes on ``probability_snapshot.at`` and
``resolution.created_at``.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016_scores_version"
down_revision: str | None = "0015_retired_hindcasts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("human_forecast", "source")
EVENTS = ("insert", "update", "delete")
BUMP = "UPDATE ledger_version SET version = version + 1"


def upgrade() -> None:
    op.create_index("ix_probability_snapshot_at", "probability_snapshot", ["at"])
    op.create_index("ix_resolution_created_at", "resolution", ["created_at"])
    for table in TABLES:
        if op.get_context().dialect.name == "postgresql":
            op.execute(f"CREATE TRIGGER ledger_version_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION predtrack_ledger_touched()")  # fmt: skip
            continue
        for event in EVENTS:
            op.execute(f"CREATE TRIGGER ledger_version_{table}_{event} AFTER {event.upper()} ON {table} "
                       f"BEGIN {BUMP}; END")  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_resolution_created_at", table_name="resolution")
    op.drop_index("ix_probability_snapshot_at", table_name="probability_snapshot")
    for table in TABLES:
        if op.get_context().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS ledger_version_{table} ON {table}")
            continue
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS ledger_version_{table}_{event}")
