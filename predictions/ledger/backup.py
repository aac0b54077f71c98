"""Backups of a SQLite ledger with SQLite's online backup API, while the service runs; and restores.

**Backup**: ``sqlite3.Connection.backup`` copies every page in one step, inside one read transaction of the
source, so the copy is the database exactly as of one commit: every transaction committed before the backup
began is in it, none is half in it. The ledger runs in WAL mode, so writers go on meanwhile (a reader does not
block them). The copy is written beside the target as ``FILE.partial``, checked with ``PRAGMA
integrity_check`` and only then renamed to ``FILE``: a failed backup leaves no file that looks like one. A backup
never overwrites a file.

**Restore**: the backup's pages replace the ledger's, with the same API, in one transaction of the destination.
Only a file that is a healthy SQLite predtrack ledger is accepted, and a ledger that holds claims or sources is
replaced only when asked to (``replace``). The restored ledger's version is moved past the replaced one's, so
that no running process serves an answer it cached from the replaced ledger under the same version number.

PostgreSQL has its own tools (``pg_dump``, point-in-time recovery): docs/deploy.md gives the commands.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from predictions.ledger.errors import Conflict, InvalidInput

POSTGRESQL_HINT = "on PostgreSQL use pg_dump and pg_restore, or point-in-time recovery (docs/deploy.md)"


@dataclass(frozen=True)
class Copied:
    """What a backup or a restore copied."""

    path: Path
    claims: int
    sources: int
    version: int


def backup(engine: Engine, *, to: Path) -> Copied:
    """Copy the SQLite ledger behind ``engine`` to the new file ``to``, consistently, while others write."""
    _require_sqlite(engine)
    if to.exists():
        raise Conflict(f"{to} already exists: a backup never overwrites a file, so name a new one")
    if not to.parent.is_dir():
        raise InvalidInput(f"{to.parent} is not a directory")
    partial = to.with_name(to.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(partial)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]  # pages=-1: all in one step
            copied = _check(destination, partial)
        finally:
            destination.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    partial.rename(to)
    return Copied(to, copied.claims, copied.sources, copied.version)


def restore(engine: Engine, *, source: Path, replace: bool = False) -> Copied:
    """Replace the SQLite ledger behind ``engine`` by the backup ``source``."""
    _require_sqlite(engine)
    if not source.is_file():
        raise InvalidInput(f"{source} is not a file")
    try:
        backup_file = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InvalidInput(f"{source} cannot be opened as a SQLite database: {exc}") from None
    try:
        copied = _check(backup_file, source)
        with engine.connect() as connection:
            current = _counts(connection)
        if current is not None and (current.claims or current.sources) and not replace:
            raise Conflict(
                f"the ledger already holds {current.claims} claims and {current.sources} sources: "
                "restore into an empty database, or say --replace to overwrite it"
            )
        raw = engine.raw_connection()
        try:
            backup_file.backup(raw.driver_connection)  # type: ignore[arg-type]
            past = max(copied.version, current.version if current else 0) + 1
            raw.driver_connection.execute("UPDATE ledger_version SET version = ? WHERE id = 1", (past,))  # type: ignore[union-attr]
            raw.driver_connection.commit()  # type: ignore[union-attr]
        finally:
            raw.close()
    finally:
        backup_file.close()
    return Copied(source, copied.claims, copied.sources, past)


def _require_sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        raise InvalidInput(f"backup and restore copy a SQLite ledger; {POSTGRESQL_HINT}")


def _check(connection: sqlite3.Connection, path: Path) -> Copied:
    """Refuse anything but a healthy predtrack ledger; what it holds."""
    try:
        healthy = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(f"{path} is not a SQLite database: {exc}") from None
    if not healthy:
        raise InvalidInput(f"{path} fails SQLite's integrity check")
    if not {"alembic_version", "claim", "source", "ledger_version"} <= tables:
        raise InvalidInput(f"{path} is a SQLite database but not a predtrack ledger")
    claims = connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    sources = connection.execute("SELECT count(*) FROM source").fetchone()[0]
    version = connection.execute("SELECT version FROM ledger_version WHERE id = 1").fetchone()
    return Copied(path, claims, sources, version[0] if version else 0)


def _counts(connection: sa.Connection) -> Copied | None:
    """The current ledger's claims, sources and version; None for a database without a ledger yet."""
    if not sa.inspect(connection).has_table("ledger_version"):
        return None
    claims = connection.execute(sa.text("SELECT count(*) FROM claim")).scalar_one()
    sources = connection.execute(sa.text("SELECT count(*) FROM source")).scalar_one()
    version = connection.execute(sa.text("SELECT version FROM ledger_version WHERE id = 1")).scalar_one_or_none()
    return Copied(Path(), claims, sources, version or 0)
