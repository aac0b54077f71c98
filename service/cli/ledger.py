"""``predtrack claims ...``: the claims sub-command group (the lead's commands live here; see resolve.py)."""

from __future__ import annotations

import typer

from service.cli import app

claims_app = typer.Typer(help="Add, list, import and resolve claims.")
app.add_typer(claims_app, name="claims")
