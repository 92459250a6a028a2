"""The window opens without the code of features nobody has used yet.

Each test starts ClaimDesk through its entry point in a fresh process (offscreen), looks
at the loaded modules once the window is shown and its event loop runs, then uses one
feature and looks again: the feature's modules load then, and only then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Loaded by a feature, never by opening the window.
HEAVY = (
    "db.facts.proposals",  # conflict and fact proposals (dates, figures, fuzzy matching)
    "db.facts.profile",
    "db.assist.suggest",  # suggested claims
    "db.assist.dates",
    "db.importing.encodings",  # importing files
    "charset_normalizer",
    "alembic",  # only to upgrade a schema
    "db.reanchor",  # placing claims again in a replaced text, listing orphans
    "rapidfuzz",
)

PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

HEAVY = {heavy!r}
app = QApplication([sys.argv[0]])
seen = {{}}

def loaded():
    return sorted(m for m in HEAVY if m in sys.modules)

def after_shown():
    from desktop.main_window.window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.wait_for_panels()  # built once the window has been painted
    seen["shown"] = window.isVisible()
    seen["at_start"] = loaded()
    {use}
    seen["after_use"] = loaded()
    window.close()
    app.quit()

QTimer.singleShot(0, after_shown)
from desktop.launcher import main
main(["--db", {db!r}])
print(json.dumps(seen))
"""

USES = {
    # Facts ▸ proposals: the conflicts queue's computation, as its worker runs it.
    "conflicts": (
        "from desktop.operations import facts as fact_ops; fact_ops.conflicts(window.ctx)",
        {"db.facts.proposals", "db.facts.profile"},
    ),
    "timeline": (
        "window.timeline_action.trigger()",
        {"db.facts.profile"},
    ),
    "orphans": (
        "from desktop.operations import revisions as r; r.orphan_page(window.ctx, 0, 10)",
        {"db.reanchor"},
    ),
    # Words compared loosely, for the first claim whose quote changed in a new text.
    "fuzzy placing": (
        "from db.reanchor import likely_place; likely_place('Said 41 ships.', '40 ships')",
        {"rapidfuzz"},
    ),
    "import": (
        "from desktop.operations.imports import file_filters; file_filters()",
        {"db.importing.encodings"},
    ),
    # The recogniser of legacy encodings, for the first file that is not UTF-8.
    "legacy encoding": (
        "from db.importing.text import decode_text; "
        "decode_text('Caf\\xe9 talk'.encode('cp1252'), 'legacy.txt')",
        {"db.importing.encodings", "charset_normalizer"},
    ),
}


def _workspace(path: Path) -> Path:
    from db.analysts import create_first_analyst
    from db.workspace import open_workspace

    ws = open_workspace(path)
    create_first_analyst(ws, "Dana Reyes", "DR")
    ws.close()
    return path


def run_probe(code: str, tmp_path: Path) -> dict[str, object]:
    """Run *code* (which starts the window and prints what it saw as JSON last) in a fresh
    offscreen process with settings of its own; what it printed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert isinstance(seen, dict)
    return seen


@pytest.mark.parametrize("feature", sorted(USES))
def test_a_feature_loads_its_code_when_first_used(tmp_path: Path, feature: str) -> None:
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    use, expected = USES[feature]
    seen = run_probe(PROBE.format(heavy=HEAVY, use=use, db=str(db)), tmp_path)
    assert seen["shown"] is True
    assert seen["at_start"] == []
    after_use = seen["after_use"]
    assert isinstance(after_use, list)
    assert expected <= set(after_use)


WARM_PROBE = r"""
import json, sys, time
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

WARM = {warm!r}
app = QApplication([sys.argv[0]])
seen = {{}}

def after_shown():
    from desktop.main_window.window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.wait_for_panels()
    seen["at_start"] = sorted(m for m in WARM if m in sys.modules)
    began = time.monotonic()
    while time.monotonic() - began < 60 and not all(m in sys.modules for m in WARM):
        QTest.qWait(20)
    seen["later"] = sorted(m for m in WARM if m in sys.modules)
    # (A module is in sys.modules from the start of its import: the window is closed
    # once the loading job has ended, not while it is still importing.)
    pool = QThreadPool.globalInstance()
    while time.monotonic() - began < 60 and pool.activeThreadCount() > 0:
        QTest.qWait(20)
    seen["reader_empty"] = window.reader.article_id is None
    window.close()
    app.quit()

QTimer.singleShot(0, after_shown)
from desktop.launcher import main
main(["--db", {db!r}])
print(json.dumps(seen))
"""


def test_an_empty_window_loads_the_import_and_suggestion_code_once_idle(tmp_path: Path) -> None:
    """No article to show: the files' readers and the suggestion readers load in the
    background after start-up (not during it), before the analyst's first import."""
    from desktop.main_window.warm_up import MODULES

    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    # (the package db.importing itself is loaded at start: the window names its suffixes)
    warm = sorted({*MODULES, "db.assist.suggest", "db.importing.metadata"} - {"db.importing"})
    seen = run_probe(WARM_PROBE.format(warm=warm, db=str(db)), tmp_path)
    assert seen["reader_empty"] is True
    assert seen["at_start"] == []
    assert seen["later"] == warm


IMPORT_PROBE = r"""
import importlib._bootstrap as bootstrap, json, sys, threading, time
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.main_window.warm_up import MODULES

app = QApplication([sys.argv[0]])
seen = {{"gui_loaded": []}}
load = bootstrap._find_and_load


def recording(name, import_):
    # A module loaded (not merely looked up) while the GUI thread waits for it.
    if threading.current_thread() is threading.main_thread():
        seen["gui_loaded"].append(name)
    return load(name, import_)


def after_shown():
    from desktop.main_window.window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.wait_for_panels()
    began = time.monotonic()
    pool = QThreadPool.globalInstance()
    while time.monotonic() - began < 60 and not (
        all(m in sys.modules for m in MODULES) and pool.activeThreadCount() == 0
    ):
        QTest.qWait(20)
    bootstrap._find_and_load = recording
    job = window.import_paths({paths!r})
    ended = []
    job.finished.connect(lambda _r: ended.append(True))
    while time.monotonic() - began < 60 and not (ended and window.reader.article_id):
        QTest.qWait(5)
    bootstrap._find_and_load = load
    seen["opened"] = window.reader.article_id is not None
    while time.monotonic() - began < 60 and pool.activeThreadCount() > 0:
        QTest.qWait(20)
    window.close()
    app.quit()

QTimer.singleShot(0, after_shown)
from desktop.launcher import main
main(["--db", {db!r}])
print(json.dumps(seen))
"""


def test_the_first_import_loads_no_code_on_the_gui_thread_once_warmed_up(tmp_path: Path) -> None:
    """An empty window, idle long enough to load its import code in the background: the
    import of dropped files, and opening the first new article, load no module of
    ClaimDesk's on the GUI thread (each would hold up the window and the import)."""
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    paths = []
    for n in range(3):
        path = tmp_path / f"dispatch-{n}.txt"
        path.write_text(f"Dispatch {n}\n\nThe harbour froze early, report {n} said.\n")
        paths.append(str(path))
    seen = run_probe(IMPORT_PROBE.format(paths=paths, db=str(db)), tmp_path)
    assert seen["opened"] is True
    loaded = seen["gui_loaded"]
    assert isinstance(loaded, list)
    assert [m for m in loaded if m.split(".")[0] in ("db", "desktop")] == []
