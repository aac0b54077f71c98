"""The ``predtrack`` command line. Each area registers its commands from its own module."""

from __future__ import annotations

import logging

import typer

app = typer.Typer(
    name="predtrack",
    help="Track predictions as resolvable claims, forecast their indicators, and score everyone.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more detail to stderr.")) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # Migrations run on every command and the outbox job runs every second: their step-by-step logs are noise
    # unless asked for. predtrack's own loggers say what each run did.
    for noisy in ("alembic", "apscheduler.executors", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.WARNING)


# Commands that load only their own module, so that they start fast (extract: a researcher's quick path).
LIGHT_COMMANDS = ("extract",)


def main() -> None:
    """Entry point of the ``predtrack`` script."""
    import sys

    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    if command in LIGHT_COMMANDS:
        import importlib

        importlib.import_module(f"service.cli.{command}")
        app()
        return
    from service.cli import (  # noqa: F401  (each module registers its commands)
        digest,
        export,
        extract,
        forecasting,
        ingest,
        keys,
        ledger,
        rescoring,
        resolve,
        serving,
        sources,
    )

    app()
