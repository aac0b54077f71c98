"""The templates' bytecode cache: a second process loads what the first compiled, and a bad directory only costs
the compiling."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from service.templating import bytecode_cache
from service.web.views import templates

SOURCE = "{% for x in xs %}<b>{{ x }}</b>{% endfor %}"


def _environment(directory: Path) -> Environment:
    return Environment(loader=DictLoader({"page.html": SOURCE}), bytecode_cache=bytecode_cache(str(directory)))


def test_a_fresh_environment_loads_the_compiled_template_instead_of_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _environment(tmp_path)
    assert first.get_template("page.html").render(xs=[1, 2]) == "<b>1</b><b>2</b>"
    assert len(list(tmp_path.iterdir())) == 1  # one entry, written by the first compile

    second = _environment(tmp_path)  # as another process would: nothing kept in memory

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", no_compiling)
    assert second.get_template("page.html").render(xs=[3]) == "<b>3</b>"


def test_a_changed_template_is_compiled_afresh(tmp_path: Path) -> None:
    _environment(tmp_path).get_template("page.html")
    changed = Environment(
        loader=DictLoader({"page.html": "<i>{{ xs }}</i>"}), bytecode_cache=bytecode_cache(str(tmp_path))
    )
    assert changed.get_template("page.html").render(xs=1) == "<i>1</i>"


def test_the_default_directory_is_this_users_alone() -> None:
    cache = bytecode_cache()
    assert cache is not None
    mode = os.lstat(cache.directory)
    assert mode.st_uid == os.getuid()
    assert stat.S_IMODE(mode.st_mode) == stat.S_IRWXU


def test_no_trusted_directory_means_compiling_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    def untrusted(self: object) -> str:
        raise RuntimeError("Cannot determine safe temp directory.")

    monkeypatch.setattr("jinja2.FileSystemBytecodeCache._get_default_cache_dir", untrusted)
    assert bytecode_cache() is None


def test_the_dashboard_templates_use_the_cache() -> None:
    assert templates.env.bytecode_cache is not None
