"""Compiled templates kept between processes: a Jinja2 bytecode cache in a directory only this user can use."""

from __future__ import annotations

import logging

from jinja2 import FileSystemBytecodeCache

logger = logging.getLogger(__name__)


def bytecode_cache(directory: str | None = None) -> FileSystemBytecodeCache | None:
    """A cache of the templates' compiled code, so that a process starting (every ``predtrack serve`` compiles the
    dashboard's templates before it takes traffic, ~0.15 s of CPU) loads them instead of compiling them again.

    Without ``directory``, Jinja2's own per-user directory: ``_jinja2-cache-<uid>`` in the temporary directory,
    made with mode 0700 and refused unless this user owns it and no one else may use it. An entry is found by the
    template's name and its source's checksum, and carries Jinja2's and Python's versions, so a changed template or
    upgrade compiles afresh. If no safe directory can be had, templates are compiled as before (``None``).
    """
    try:
        return FileSystemBytecodeCache(directory)
    except (OSError, RuntimeError):  # RuntimeError: Jinja2 found no directory it could trust
        logger.warning("no safe directory for compiled templates; each process compiles them", exc_info=True)
        return None
