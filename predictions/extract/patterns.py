"""The rules' regular expressions, compiled once per Python and kept between processes, as Python keeps bytecode.

The extraction rules compile about 600 regular expressions when they are imported. The matching engine (``_sre``)
is C, but the standard library's parser and compiler that turn a pattern into the engine's code
(``re._parser``, ``re._compiler``) are pure Python: on a slow host they were 0.85 s of a 2.1 s `predtrack extract`
of 1,000 words, paid again by every CLI run, every server's extraction worker and every test process. No library
keeps compiled patterns between processes (``re`` caches them per process; the third-party ``regex`` compiles no
faster), so this module does what ``re._compiler.compile`` does and keeps its output: the engine's code for each
(pattern, flags), in ``__pycache__`` beside the package's bytecode, written atomically, read with ``marshal`` (the
format of the bytecode files themselves) and checked against the running Python's version and engine.

``compile(pattern, flags)`` is ``re.compile``: the same ``re.Pattern`` (``==`` to re's own: same pattern, flags and
code; ``tests/predictions/test_extract_patterns.py`` checks every kept one). Where the file is missing, stale,
unreadable or unwritable, or where this Python's ``re`` internals differ, patterns are compiled by ``re`` as usual;
nothing else changes. ``save()`` writes the patterns this process used when any was missing from the file (at the
end of the rules' import and at exit), so that the file holds what the current rules use and nothing older.
``PYTHONDONTWRITEBYTECODE`` (``sys.dont_write_bytecode``) stops the writing, as it stops Python's.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

try:  # the internals ``re.compile`` itself uses (CPython 3.11-3.13)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: tuple[Any, ...] | None = (sys.hexversion, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS)
    _compiler._code  # noqa: B018  (present, or this Python compiles differently: no cache)
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _ENGINE = None

PATH = Path(__file__).resolve().parent / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.marshal"

#: The rules' patterns are constants (about 600); past this many, patterns are compiled by ``re`` and not kept.
MAX_KEPT = 4000
# (pattern, flags) -> the arguments of _sre.compile after the pattern: flags, code, groups, groupindex, indexgroup
_Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_kept: dict[tuple[str | bytes, int], _Compiled] = {}
_used: set[tuple[str | bytes, int]] = set()
_missed = 0


def _load(path: Path) -> dict[tuple[str | bytes, int], _Compiled]:
    try:
        engine, kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return kept if engine == _ENGINE and isinstance(kept, dict) else {}


def compile(pattern: str | bytes, flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:  # noqa: A001  (re's name)
    """``re.compile(pattern, flags)``, from the kept code when this Python compiled it before."""
    global _missed
    flags = int(flags)
    if _ENGINE is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    if not _kept and not _missed:
        _kept.update(_load(PATH))
    key = (pattern, flags)
    compiled = _kept.get(key)
    if compiled is None:
        if len(_kept) >= MAX_KEPT:  # patterns made from input would grow it without end: re's own bounded cache
            return re.compile(pattern, flags)
        _missed += 1
        compiled = _kept[key] = _compiled(pattern, flags)
    _used.add(key)
    try:
        return _sre.compile(pattern, *compiled)  # type: ignore[no-any-return]
    except (RuntimeError, TypeError, ValueError, OverflowError):  # a damaged file: the engine refuses its code
        _kept[key] = _compiled(pattern, flags)
        _missed += 1
        return _sre.compile(pattern, *_kept[key])  # type: ignore[no-any-return]


def _compiled(pattern: str | bytes, flags: int) -> _Compiled:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern (as plain ints: the compiler's
    opcodes are an int subclass that marshal does not write)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def save(path: Path | None = None) -> bool:
    """Write the patterns this process used, if any had to be compiled; whether the file was written."""
    global _missed
    path = path or PATH
    if not _missed or _ENGINE is None or sys.dont_write_bytecode:
        return False
    data = marshal.dumps((_ENGINE, {key: _kept[key] for key in _used}))
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)  # readers see the old file or the new one, never a part
    except OSError:  # a read-only install: compile as usual next time
        with contextlib.suppress(OSError):
            partial.unlink()
        return False
    _missed = 0
    return True


atexit.register(save)
