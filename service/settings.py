"""All configuration, from ``PREDTRACK_*`` environment variables. Nothing else reads ``os.environ``."""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from predictions.ledger.db import normalise_url


class Settings(BaseSettings):
    """predtrack's settings; each field is read from ``PREDTRACK_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="PREDTRACK_", extra="ignore")

    database_url: str = "sqlite:///predtrack.db"
    # Connections each process keeps open, and how many more it may open under a burst (closed after use). The
    # pool should cover a process's concurrent requests: past it, every request pays a new connection (a fork on
    # PostgreSQL). Mind PostgreSQL's max_connections (100 by default) across replicas. At least 2: an API process
    # keeps one of its read pool for the version check of its fast reads, and its reads need another.
    db_pool_size: int = Field(default=20, ge=2)
    db_max_overflow: int = Field(default=20, ge=0)
    host: str = "127.0.0.1"
    port: int = 8000
    # Web worker processes of `predtrack serve` (its --workers overrides it); the scheduler runs in one only.
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=64)
    # Threads per web process for the routes that block (the dashboard's pages, lists, commits); past them a
    # request waits its turn. Few, because the pages are CPU work under one GIL: more threads only share it
    # (service/api/app.py says what 40, anyio's default, did under load). Keep DB_POOL_SIZE at twice this or more.
    threads: int = Field(default=8, ge=1, le=200)
    private_reads: bool = False
    # Cached claims reads answered before FastAPI routes them (service/api/fast_reads.py); off only to measure it.
    fast_reads: bool = True
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
    # Every fetch goes through one guarded door (predictions/data/sources/http.py): never a private address, at
    # most source_max_mb of body, and source_deadline_seconds for the whole fetch, retries and waits included.
    source_deadline_seconds: float = Field(default=60.0, gt=0)
    source_max_mb: float = Field(default=20.0, gt=0)
    # Hosts a researcher may name in a csv: source (comma-separated); another host needs an admin key. dbnomics:
    # and fred: sources go to dbnomics_url and fred_url, which only the operator sets.
    source_hosts: str = "api.db.nomics.world,api.stlouisfed.org"
    # TESTS ONLY: addresses (comma-separated, e.g. 127.0.0.1) that sources may fetch although they are not public,
    # because the test suite's local HTTP servers listen there. Empty by default; never set it in a deployment.
    test_source_addresses: str = ""
    # Peers whose X-Forwarded-For (the client's address, which the rate limits key on) and X-Forwarded-Proto are
    # believed: your reverse proxy's address(es), comma-separated, or "*". None by default: a client's address is
    # the peer's. FORWARDED_ALLOW_IPS (uvicorn's own variable, which older deployments set) is read too.
    trusted_proxies: str = Field(
        default="", validation_alias=AliasChoices("PREDTRACK_TRUSTED_PROXIES", "FORWARDED_ALLOW_IPS", "trusted_proxies")
    )
    sources_sync_interval_minutes: int = 360
    max_body_mb: float = 20.0
    max_batch_rows: int = 100_000
    rate_limit_per_minute: float = 30.0
    rate_limit_burst: int = 10
    # Intake: the seconds one article's extraction may take in the server (POST /extract, /intake) before it is
    # stopped and the answer says to split the text; with reading the input, any answer comes within 2 s.
    extract_seconds: float = Field(default=1.2, gt=0, le=60)

    # How often each web process checks whether the kept track records need recomputing (0: only on demand).
    scores_refresh_seconds: float = Field(default=2.0, ge=0)

    @property
    def source_host_set(self) -> frozenset[str]:
        """``source_hosts`` as a set of lower-case host names."""
        return _names(self.source_hosts)

    @property
    def test_source_address_set(self) -> frozenset[str]:
        """``test_source_addresses`` as a set (tests only)."""
        return _names(self.test_source_addresses)

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


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip().lower().rstrip(".") for n in text.split(",") if n.strip())


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
