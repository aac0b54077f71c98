"""The CLI loads only what the command it runs needs, and every command stays reachable."""

from __future__ import annotations

import subprocess
import sys

from service.cli import COMMAND_MODULES, _register, app

ROOT_CMD = [sys.executable, "-c"]


def _names() -> set[str]:
    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    groups = {g.name or "" for g in app.registered_groups}
    return commands | groups


def test_every_registered_command_is_in_the_map() -> None:
    _register([])  # no command named: every module registers its commands
    assert _names() == set(COMMAND_MODULES)


def test_a_command_imports_only_its_own_modules() -> None:
    probe = (
        "import sys; from service.cli import _register; _register(['-v', 'keys', 'create']); "
        "print(sorted(m for m in sys.modules if m.startswith('service.cli.')), 'statsmodels' in sys.modules)"
    )
    out = subprocess.run([*ROOT_CMD, probe], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "['service.cli.keys'] False"
