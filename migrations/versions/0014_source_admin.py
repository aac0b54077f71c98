"""indicator.source_set_by_admin, and fetch errors recorded before the guarded fetcher withheld

Revision ID: 0014_source_admin
Revises: 0013_ledger_version
Create Date: 2026-12-06 16:00:00

A csv: source on a host outside PREDTRACK_SOURCE_HOSTS is fetched only when an admin set it; this column says so.
Existing rows start as not set by an admin (the safe side: such a source is refused until an admin sets it again).
``last_fetch_error`` is shown publicly, and earlier versions put up to 200 characters of the answer's body in it:
those texts are replaced by a category-free note (the next sync records the category).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_source_admin"
down_revision: str | None = "0013_ledger_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WITHHELD = "fetch failed (recorded before an upgrade; the next sync says why)"


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite has it): a batch copy of the table would drop the ledger-version triggers on it.
    op.add_column("indicator", sa.Column("source_set_by_admin", sa.Boolean(), server_default="0", nullable=False))
    op.execute(
        sa.text("UPDATE indicator SET last_fetch_error = :note WHERE last_fetch_error IS NOT NULL").bindparams(
            note=WITHHELD
        )
    )


def downgrade() -> None:
    op.drop_column("indicator", "source_set_by_admin")
