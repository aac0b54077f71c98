"""ledger version: one counter that every committed write to what a claim's view reads makes grow

Revision ID: 0013_ledger_version
Revises: 0012_replica_shared_state
Create Date: 2026-11-29 00:05:00

The read API caches its hot answers (the claims list, one claim) keyed on this version, and checks it with one
indexed read per request, so a cached answer is never older than the last commit any replica or tool made.
Triggers do the bumping, so every writer counts: the ORM, Core bulk inserts, COPY, psql.

- Tables: claim, claim_tag, claim_indicator, indicator, probability_snapshot, resolution, claim_condition, and
  observation (a claim's view shows whether each linked indicator has data; on SQLite only an indicator's first
  observation bumps, so a 100,000-row ingest bumps once, not 100,000 times).
- SQLite: row triggers (SQLite has no others) update the row in the writer's transaction; SQLite has one writer
  at a time, so nobody waits on it.
- PostgreSQL: a statement trigger records the transaction once in ledger_touch; a deferred constraint trigger
  there bumps the version when the transaction commits. A plain trigger would hold the version row's lock from a
  transaction's first write to its commit, serialising writers and turning crossed row locks into deadlocks.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_ledger_version"
down_revision: str | None = "0012_replica_shared_state"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('claim', 'claim_tag', 'claim_indicator', 'indicator', 'observation', 'probability_snapshot', 'resolution',
          'claim_condition')  # fmt: skip
EVENTS = ("insert", "update", "delete")
BUMP = "UPDATE ledger_version SET version = version + 1"


def upgrade() -> None:
    op.create_table(
        "ledger_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_version")),
    )
    op.create_table(
        "ledger_touch",
        sa.Column("txid", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("txid", name=op.f("pk_ledger_touch")),
    )
    op.execute("INSERT INTO ledger_version (id, version) VALUES (1, 0)")
    if op.get_context().dialect.name == "postgresql":
        _postgresql_triggers()
        return
    for table in TABLES:
        for event in EVENTS:
            when = ""
            if table == "observation" and event == "insert":
                when = ('WHEN NOT EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = NEW.indicator_id '
                        'AND o.id <> NEW.id)')  # fmt: skip
            op.execute(f'CREATE TRIGGER ledger_version_{table}_{event} AFTER {event.upper()} ON {table} {when} '
                       f'BEGIN {BUMP}; END')  # fmt: skip


def _postgresql_triggers() -> None:
    op.execute(
        """
        CREATE FUNCTION predtrack_ledger_touched() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- Once per transaction (the setting is local to it, and undone with a rolled-back savepoint).
            IF current_setting('predtrack.ledger_touched', true) IS DISTINCT FROM txid_current()::text THEN
                PERFORM set_config('predtrack.ledger_touched', txid_current()::text, true);
                INSERT INTO ledger_touch (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
            END IF;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION predtrack_ledger_bump() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {BUMP};
            DELETE FROM ledger_touch WHERE txid = NEW.txid;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER ledger_touch_bump AFTER INSERT ON ledger_touch DEFERRABLE INITIALLY DEFERRED "
        "FOR EACH ROW EXECUTE FUNCTION predtrack_ledger_bump()"
    )
    for table in TABLES:
        op.execute(f'CREATE TRIGGER ledger_version_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} '
                   'FOR EACH STATEMENT EXECUTE FUNCTION predtrack_ledger_touched()')  # fmt: skip


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS ledger_version_{table} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS ledger_touch_bump ON ledger_touch")
        op.execute("DROP FUNCTION IF EXISTS predtrack_ledger_bump()")
        op.execute("DROP FUNCTION IF EXISTS predtrack_ledger_touched()")
    else:
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS ledger_version_{table}_{event}")
    op.drop_table("ledger_touch")
    op.drop_table("ledger_version")
