"""The ledger's foundation: tables, API schemas, column types, errors, the clock, the database engine, hashing, job
runs and the ledger version.

Modules: ``clock``, ``db``, ``errors``, ``hashing``, ``job_runs``, ``repo``, ``schemas``, ``sqltypes``, ``tables``.
"""

__all__ = [
    "clock",
    "db",
    "errors",
    "hashing",
    "job_runs",
    "repo",
    "schemas",
    "sqltypes",
    "tables",
]
