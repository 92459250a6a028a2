"""Quitting while a background job runs ends the process cleanly, by every way out.

An empty workspace loads the import and suggestion code in the background once the
window is idle (``desktop.main_window.warm_up``).  Each probe here starts ClaimDesk
through its entry point in a fresh process (offscreen) on an empty workspace, with a
module of its own first in that loading job: the module's import waits until the
window has been closed, then takes a moment more, as a long import would.  Whatever
the way out, the job must have ended before the entry point returns (the workspace
is closed and the interpreter ends after it), and the process must exit with 0, no
error escaping the job.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from test_lazy_start import _workspace, run_probe

SLOW_MODULE = """
import sys, time

probe = sys.modules["__main__"]
probe.import_began.set()
probe.window_closed.wait(60)
time.sleep(0.3)  # the rest of a long import, after the window closed
probe.import_ended.set()
"""

QUIT_PROBE = r"""
import json, sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import_began = threading.Event()
window_closed = threading.Event()
import_ended = threading.Event()
sys.path.insert(0, {module_dir!r})
app = QApplication([sys.argv[0]])
seen = {{}}

import desktop.main_window.warm_up as warm_up

warm_up.MODULES = ("slow_to_load", *warm_up.MODULES)

def main_window():
    from desktop.main_window.window import MainWindow

    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

def quit_now(window):
    seen["closed_during_import"] = import_began.is_set() and not import_ended.is_set()
    if {how!r} == "app.quit":
        app.quit()
    else:
        window.close()
    window_closed.set()

def during_start_up():
    # Runs in the event loop the entry point turns while the panels are built: the
    # window is closed before the entry point has gone on to its main event loop.
    window = main_window()
    window.wait_for_panels()
    began = time.monotonic()
    while time.monotonic() - began < 60 and not import_began.is_set():
        QTest.qWait(10)
    quit_now(window)

def once_loading():
    if import_began.is_set():
        quit_now(main_window())
    else:
        QTimer.singleShot(10, once_loading)

QTimer.singleShot(0, during_start_up if {how!r} == "close during start-up" else once_loading)
from desktop.launcher import main
seen["exit"] = main(["--db", {db!r}])
seen["ended_before_return"] = import_ended.is_set()
print(json.dumps(seen))
"""


@pytest.mark.parametrize("how", ["close during start-up", "close", "app.quit"])
def test_quitting_during_the_background_import_waits_for_it_and_exits_cleanly(
    tmp_path: Path, how: str
) -> None:
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "slow_to_load.py").write_text(SLOW_MODULE, encoding="utf-8")
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    code = QUIT_PROBE.format(how=how, module_dir=str(tmp_path / "modules"), db=str(db))
    seen = run_probe(code, tmp_path)  # asserts exit code 0 (no crash at the end)
    assert seen["closed_during_import"] is True
    assert seen["exit"] == 0
    assert seen["ended_before_return"] is True  # waited for, not cut off by the end


def test_a_job_whose_owner_is_gone_ends_quietly(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """At the end of the process the job's Qt objects may be deleted before it
    returns: it ends without an error escaping the pool's thread."""
    import shiboken6

    from desktop.workers import finish_background_work, run_job

    escaped: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: escaped.append(exc))
    release = threading.Event()

    def work(progress):  # type: ignore[no-untyped-def]
        release.wait(30)
        progress(1, 1)  # tells nobody, and says stop
        return "done"

    job = run_job("Owner gone", work, show_progress=False)
    shiboken6.delete(job._bridge)  # what the interpreter's end does to it
    release.set()
    assert finish_background_work(wait_ms=30_000) is True
    assert escaped == []
    assert job.cancelled  # its progress found nobody to tell


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.errors import make_excepthook

    shown_on: list[bool] = []
    hook = make_excepthook(
        lambda _t, _m: shown_on.append(threading.current_thread() is threading.main_thread())
    )

    def fails() -> None:
        try:
            raise KeyError("in a worker")
        except KeyError as exc:
            hook(type(exc), exc, exc.__traceback__)

    worker = threading.Thread(target=fails)
    worker.start()
    worker.join(30)
    assert shown_on == []  # never from the worker itself
    qtbot.waitUntil(lambda: shown_on == [True])


def test_finishing_the_background_work_stops_the_search_indexer_too(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The indexer runs in a pool of its own: every way out stops it (not only the
    main event loop's end)."""
    from gui_shell_support import make_window

    from desktop.workers import finish_background_work

    window = make_window(ws, tmp_path, qtbot)
    indexer = window.search_indexer
    assert not indexer._stop.is_set()
    assert finish_background_work(wait_ms=30_000) is True
    assert indexer._stop.is_set()


def test_the_loading_job_stops_between_modules_once_cancelled() -> None:
    from desktop.main_window import warm_up

    asked: list[tuple[int, int]] = []

    def cancelled(done: int, total: int) -> bool:
        asked.append((done, total))
        return False

    assert warm_up._load(cancelled) == []
    assert asked == [(0, len(warm_up.MODULES))]


INDEXING_PROBE = r"""
import json, sys, threading, time
from PySide6.QtCore import QThread, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {{"stops": 0}}
indexing_began = threading.Event()
quitting = threading.Event()
indexing_ended = threading.Event()

import desktop.operations.search as search_ops
from desktop.main_window.window import MainWindow
from desktop.search.indexer import SearchIndexer

def slow_index_some(ctx, limit=search_ops.INDEX_BATCH):
    # A transaction the quit meets midway: it ends a moment after the quit began.
    indexing_began.set()
    quitting.wait(60)
    time.sleep(0.3)
    indexing_ended.set()
    return 0

search_ops.index_some = slow_index_some
real_stop = SearchIndexer.stop

def counted_stop(self):
    seen["stops"] += 1
    seen["running_when_stopped"] = indexing_began.is_set() and not indexing_ended.is_set()
    real_stop(self)

SearchIndexer.stop = counted_stop

def wait_for_indexing():
    began = time.monotonic()
    while time.monotonic() - began < 60 and not indexing_began.is_set():
        QTest.qWait(10)

def main_window():
    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

def leave(window):
    quitting.set()
    if {how!r} == "app.quit":
        app.quit()
    else:
        window.close()

def during_start_up():
    # Runs in the event loop the entry point turns while the panels are built.
    window = main_window()
    window.wait_for_panels()
    wait_for_indexing()
    leave(window)

# app.quit() does nothing before the main loop runs (a loop of start-up's own, waiting
# for the panels, is at level 1 too): leave from the main loop only.
real_exec = QApplication.exec
in_main_loop = []

def counted_exec():
    in_main_loop.append(True)
    return real_exec()

QApplication.exec = staticmethod(counted_exec)

def from_the_main_loop():
    if indexing_began.is_set() and in_main_loop and QThread.currentThread().loopLevel() == 1:
        leave(main_window())
    else:
        QTimer.singleShot(10, from_the_main_loop)

def fails(self):
    wait_for_indexing()
    quitting.set()
    raise RuntimeError("failed while the indexer ran")

if {how!r} == "an error":
    MainWindow.ensure_analyst = fails
elif {how!r} == "close during start-up":
    QTimer.singleShot(0, during_start_up)
else:
    QTimer.singleShot(0, from_the_main_loop)
from desktop.launcher import main
try:
    seen["exit"] = main(["--db", {db!r}])
except RuntimeError as exc:
    seen["exit"] = str(exc)
seen["ended_before_return"] = indexing_ended.is_set()
print(json.dumps(seen))
"""


@pytest.mark.parametrize("how", ["close during start-up", "close", "app.quit", "an error"])
def test_every_way_out_stops_the_search_indexer_once_and_waits_for_it(
    tmp_path: Path, how: str
) -> None:
    """A workspace with articles left to index: the window's indexer is midway through
    a transaction when the app is left, by closing the window (what File > Quit does)
    during start-up or later, by app.quit() or by an error.  It is told to stop once,
    while it runs, and its transaction has ended before the entry point returns."""
    from db.articles import NewArticle, add_articles
    from db.workspace import open_workspace

    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    ws = open_workspace(db)
    raw = b"Dispatch\n\nThe ferry left at dawn.\n"
    add_articles(ws, [NewArticle(text=raw.decode(), original=raw, title="D")], index_later=True)
    ws.close()
    seen = run_probe(INDEXING_PROBE.format(how=how, db=str(db)), tmp_path)
    assert seen["exit"] == (0 if how != "an error" else "failed while the indexer ran")
    assert seen["stops"] == 1
    assert seen["running_when_stopped"] is True
    assert seen["ended_before_return"] is True
