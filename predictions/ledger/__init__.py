"""The ledger's foundation: tables, API schemas, column types, errors, the clock, the database engine, hashing, job
runs, the ledger version, answers kept per version, and backups.

Modules: ``backup``, ``clock``, ``db``, ``errors``, ``hashing``, ``job_runs``, ``kept``, ``repo``, ``schemas``,
``sqltypes``, ``tables``.
"""

__all__ = [
    "backup",
    "clock",
    "db",
    "errors",
    "hashing",
    "job_runs",
    "kept",
    "repo",
    "schemas",
    "sqltypes",
    "tables",
]
