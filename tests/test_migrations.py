"""The migrations go up, down and up again on every backend, and match the tables' metadata."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import migrations
import predictions.ledger.tables  # noqa: F401
from predictions.ledger.db import make_engine


def test_upgrade_downgrade_upgrade(database_url: str) -> None:
    engine = make_engine(database_url, poolclass=sa.pool.NullPool)
    try:
        migrations.upgrade(engine)
        migrations.downgrade(engine, "base")
        with engine.connect() as connection:
            assert set(sa.inspect(connection).get_table_names()) <= {"alembic_version"}
        migrations.upgrade(engine)
        with engine.begin() as connection:  # the scheduler's job store lives beside the ledger
            connection.execute(sa.text("CREATE TABLE apscheduler_jobs (id VARCHAR(191) PRIMARY KEY)"))
        with engine.connect() as connection:
            tables = set(sa.inspect(connection).get_table_names())
            assert {"claim", "observation", "probability_snapshot", "resolution", "api_key"} <= tables
            context = MigrationContext.configure(connection, opts={"include_name": migrations.include_name})
            diff = compare_metadata(context, SQLModel.metadata)
        assert diff == [], f"tables and migrations disagree: {diff}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS apscheduler_jobs"))
        engine.dispose()
