"""Guard against the PySide6 6.12.0 / Python 3.11 "none_dealloc" abort.

That combination kills the process ("Fatal Python error: none_dealloc") after
a few thousand Qt calls that return None.  The loop runs in a child process so
that a crash fails this test instead of taking pytest down with it.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import PySide6
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOOP = """
from PySide6.QtCore import QPoint
for i in range(2_000_000):
    QPoint().setX(i)
print("survived")
"""


def test_two_million_none_returning_calls_do_not_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"


def _pyside_requirements() -> list[Requirement]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = [Requirement(r) for r in data["project"]["dependencies"]]
    return [r for r in reqs if r.name.lower().startswith("pyside6")]


def test_installed_pyside_is_the_safe_combination() -> None:
    installed = Version(version("PySide6-Essentials"))
    assert Version(PySide6.__version__.split("+")[0]) == installed
    if sys.version_info < (3, 12):
        assert installed < Version("6.12"), f"PySide6 {installed} on Python 3.11 aborts"
    active = [r for r in _pyside_requirements() if r.marker is None or r.marker.evaluate()]
    assert len(active) == 1
    assert installed in active[0].specifier


def test_pyproject_pins_below_612_on_python_311() -> None:
    for_311 = [
        r
        for r in _pyside_requirements()
        if r.marker is None or r.marker.evaluate({"python_version": "3.11"})
    ]
    assert for_311, "pyproject has no PySide6 requirement for Python 3.11"
    for req in for_311:
        assert Version("6.12.0") not in req.specifier
        assert Version("6.11.3") in req.specifier
