"""outbox notify: on PostgreSQL, a new rescore request NOTIFYs channel predtrack_outbox

Revision ID: 0003_outbox_notify
Revises: 0002_forecast_cache_key
Create Date: 2026-11-28 20:45:00

A statement-level trigger, so that every writer of the outbox (the ORM, Core bulk inserts, psql) wakes a
separate scheduler, and the notification is sent in the writer's own transaction: PostgreSQL delivers it only
when that transaction commits, and folds repeats within one transaction into one. SQLite has no NOTIFY: there
the scheduler keeps polling the outbox.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0003_outbox_notify'
down_revision: str | None = '0002_forecast_cache_key'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Keep in step with service.jobs.listen.OUTBOX_CHANNEL.
CHANNEL = 'predtrack_outbox'


def upgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    op.execute(
        f"""
        CREATE FUNCTION predtrack_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', '');
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER rescore_request_notify AFTER INSERT ON rescore_request "
        "FOR EACH STATEMENT EXECUTE FUNCTION predtrack_outbox_notify()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    op.execute("DROP TRIGGER IF EXISTS rescore_request_notify ON rescore_request")
    op.execute("DROP FUNCTION IF EXISTS predtrack_outbox_notify()")
