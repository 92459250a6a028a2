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
