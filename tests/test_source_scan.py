"""PySide6's per-module source scan, answered from the file's bytes (desktop.source_lines).

The quick scan must give PySide6's import hook the answer its own scan gives, for
modules with and without PySide6 in their source, packages, compiled and built-in
modules; and the window's entry point must install it before the window's modules
load, so that they are never read into linecache.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401 (installs the import hook this test looks at)
import pytest

from desktop import source_lines
from tests.test_lazy_start import _workspace, run_probe

MODULES = [
    "desktop.app",  # imports PySide6
    "desktop.main_window",  # a package whose __init__ is read
    "db.claims",  # never names PySide6
    "json",  # standard library package
    "math",  # compiled into the interpreter or an extension: no source
    "PySide6.QtCore",  # an extension module
    "sqlalchemy.orm",
]


def pyside_scan() -> object:
    feature = sys.modules["shibokensupport.feature"]
    return vars(feature)["_mod_uses_pyside"]


@pytest.mark.parametrize("name", MODULES)
def test_the_quick_scan_answers_as_pyside6s_own(name: str) -> None:
    own = pyside_scan()
    if own is source_lines.names_pyside:
        pytest.fail("the quick scan was installed in the test process itself")
    module = importlib.import_module(name)
    assert callable(own)
    assert source_lines.names_pyside(module) is own(module)


def test_a_module_without_a_readable_file_is_not_a_pyside_module(tmp_path: Path) -> None:
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # never written
    assert source_lines.names_pyside(gone) is False
    written = tmp_path / "mentions.py"
    written.write_text("# uses PySide6 widgets\n", encoding="utf-8")
    mentions = ModuleType("mentions")
    mentions.__file__ = str(written)
    assert source_lines.names_pyside(mentions) is True


PROBE = r"""
import json, linecache, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {{}}

def after_shown():
    from desktop.main_window.window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.wait_for_panels()
    feature = sys.modules["shibokensupport.feature"]
    scan = vars(feature)["_mod_uses_pyside"]
    seen["scan"] = f"{{scan.__module__}}.{{scan.__name__}}"
    marks = feature.pyside_feature_dict
    seen["marks"] = {{n: marks.get(n) for n in ("desktop.main_window.window", "desktop.marks")}}
    seen["window_lines_cached"] = any(
        name.endswith("main_window/window.py") for name in list(linecache.cache)
    )
    window.close()
    app.quit()

QTimer.singleShot(0, after_shown)
from desktop.launcher import main
main(["--db", {db!r}])
print(json.dumps(seen))
"""


def test_the_entry_point_installs_the_quick_scan_before_the_window_loads(
    tmp_path: Path,
) -> None:
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    seen = run_probe(PROBE.format(db=str(db)), tmp_path)
    assert seen["scan"] == "desktop.source_lines.names_pyside", json.dumps(seen)
    # The hook still marks a module that uses PySide6 (0: no feature switched on) apart
    # from one that does not (-1), as its own scan would.
    assert seen["marks"] == {"desktop.main_window.window": 0, "desktop.marks": -1}
    assert seen["window_lines_cached"] is False
