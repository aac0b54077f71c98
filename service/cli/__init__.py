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


#: The modules that register each top-level command. A process imports only those of the command it runs (a
#: module pulls in its own dependencies: statsmodels for ``forecast``, the web app for ``serve``), so that
#: ``predtrack keys create`` does not pay for the forecasting engine. ``--help`` and unknown commands load all.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "digest": ("digest",),
    "export": ("export",),
    "extract": ("extract",),
    "forecast": ("forecasting",),
    "backtest": ("forecasting",),
    "ingest": ("ingest",),
    "keys": ("keys",),
    "claims": ("ledger", "resolve"),
    "seed": ("ledger",),
    "rescore": ("rescoring",),
    "scheduler": ("rescoring",),
    "serve": ("serving",),
    "backup": ("backups",),
    "restore": ("backups",),
    "sources": ("sources",),
}


def _register(argv: list[str]) -> None:
    """Import the modules whose commands ``argv`` can reach (all of them unless it names a known command)."""
    import importlib

    command = next((arg for arg in argv if not arg.startswith("-")), None)
    every = sorted({module for modules in COMMAND_MODULES.values() for module in modules})
    for module in COMMAND_MODULES.get(command or "", tuple(every)):
        importlib.import_module(f"service.cli.{module}")


def main() -> None:
    """Entry point of the ``predtrack`` script."""
    import sys

    _register(sys.argv[1:])
    app()
