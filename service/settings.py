"""All configuration, from ``PREDTRACK_*`` environment variables. Nothing else reads ``os.environ``."""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from predictions.ledger.db import normalise_url


class Settings(BaseSettings):
    """predtrack's settings; each field is read from ``PREDTRACK_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="PREDTRACK_", extra="ignore")

    database_url: str = "sqlite:///predtrack.db"
    # Connections each process keeps open, and how many more it may open under a burst (closed after use). The
    # pool should cover a process's concurrent requests: past it, every request pays a new connection (a fork on
    # PostgreSQL). Mind PostgreSQL's max_connections (100 by default) across replicas.
    db_pool_size: int = Field(default=20, ge=1)
    db_max_overflow: int = Field(default=20, ge=0)
    host: str = "127.0.0.1"
    port: int = 8000
    private_reads: bool = False
    scheduler_enabled: bool = True
    rescore_interval_minutes: float = Field(default=60, gt=0)
    # The scheduler: how often its outbox job polls (the fallback: on PostgreSQL it also LISTENs for new rows),
    # and the lease of the scheduler lock (SQLite) and the period of its renewal / take-over attempts (lease / 3).
    outbox_poll_seconds: float = 1.0
    outbox_listen: bool = True
    scheduler_lease_seconds: float = 30.0
    # Where the full re-score and `predtrack forecast` run their forecasts: "local" (a pool of executor_jobs
    # processes) or "dask://HOST:PORT" (a Dask distributed cluster; needs the `dask` extra).
    executor: str = "local"
    executor_jobs: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    forecast_paths: int = 1000
    forecast_seed: int = 20261128
    # Signs subscription links and the dashboard's session and CSRF cookies. Unset: a secret is generated on first
    # start and kept in the database, so that every replica signs with the same one.
    secret_key: SecretStr | None = None
    # Where readers reach this service: every link in an email or feed starts with it.
    public_url: str = "http://127.0.0.1:8000"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 30.0
    mail_from: str = "predtrack <predtrack@localhost>"
    # The weekly digest goes out on Mondays at digest_hour:00 in this IANA time zone.
    digest_timezone: str = "UTC"
    digest_hour: int = 7
    # Data sources that indicators name (dbnomics:..., fred:..., csv:URL): where they are, how hard to try, how often.
    dbnomics_url: str = "https://api.db.nomics.world/v22"
    fred_url: str = "https://api.stlouisfed.org/fred"
    fred_api_key: str | None = None
    source_timeout_seconds: float = 10.0
    source_retries: int = 3
    source_backoff_seconds: float = 1.0
    sources_sync_interval_minutes: int = 360
    max_body_mb: float = 20.0
    max_batch_rows: int = 100_000
    rate_limit_per_minute: float = 30.0
    rate_limit_burst: int = 10
    # Intake: the seconds one article's extraction may take in the server (POST /extract, /intake) before it is
    # stopped and the answer says to split the text; with reading the input, any answer comes within 2 s.
    extract_seconds: float = Field(default=1.2, gt=0, le=60)

    @field_validator("database_url")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return normalise_url(value)

    @field_validator("executor")
    @classmethod
    def _known_executor(cls, value: str) -> str:
        from forecasts.executor import executor_for

        executor_for(value, jobs=1)  # raises ValueError (a settings error) for anything else; connects to nothing
        return value


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
