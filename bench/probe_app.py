"""One measurement of the whole ClaimDesk window, in a fresh process (run by bench/run.py).

    python bench/probe_app.py '<json parameters>'

The process starts ClaimDesk through its real entry point (``desktop.launcher.main``,
what the ``claimdesk`` command runs) with ``--db``; the only thing done before is creating
the ``QApplication`` (the app takes over an existing one) so that a watcher can notice the
main window's first paint.  Then the task below drives the window the way a user does —
key presses and clicks through QTest, menu actions — and writes its figures as JSON.
"""

from __future__ import annotations

import cProfile
import json
import os
import sqlite3
import statistics
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextEdit,
    QWidget,
)
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from bench.qtwatch import (  # noqa: E402
    Heartbeat,
    WindowWatch,
    peak_rss_mb,
    settle,
    since_start,
    spin,
    wait_until,
    write_result,
)

APP_NAME = "ClaimDesk"


class Steps:
    """What the task has measured so far, and which step runs now.

    A step that takes longer than *limit* seconds (the review queue rebuilding for
    minutes, say) cannot be interrupted on the GUI thread; a watcher thread then writes
    what was measured, names the stuck step with how long it has run (a lower bound),
    and ends the process.
    """

    def __init__(self, path: str, limit: float) -> None:
        self.path = path
        self.limit = limit
        self.data: dict[str, Any] = {}
        self.step: str | None = None
        self.began = 0.0
        watcher = threading.Thread(target=self._watch, daemon=True)
        watcher.start()

    def start(self, name: str) -> None:
        self.began = time.perf_counter()
        self.step = name

    def done(self) -> None:
        self.step = None

    def _watch(self) -> None:
        while True:
            time.sleep(0.25)
            step = self.step
            running = time.perf_counter() - self.began
            if step is not None and running > self.limit:
                snapshot = json.loads(json.dumps(self.data, default=str))
                write_result(self.path, {**snapshot, "stuck": step, "stuck_seconds": running})
                os._exit(0)


class Statements:
    """Counts the SQL statements every engine in the process sends."""

    def __init__(self) -> None:
        self.count = 0
        self.log: list[str] | None = None  # statements' text while recording
        self.log_began = 0.0
        self._lock = threading.Lock()
        self._began = threading.local()
        event.listen(Engine, "before_cursor_execute", self._seen)
        event.listen(Engine, "after_cursor_execute", self._done)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        with self._lock:
            self.count += 1
        self._began.at = time.perf_counter()

    def _done(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.log is None:
            return
        now = time.perf_counter()
        at = getattr(self._began, "at", now)
        thread = threading.current_thread().name
        text = " ".join(statement.split())[:300]
        line = (
            f"{(at - self.log_began) * 1000:6.0f} ms +{(now - at) * 1000:5.1f} [{thread}] "
            f"{_caller()} {text}"
        )
        with self._lock:
            if self.log is not None:
                self.log.append(line)

    def record(self) -> None:
        """Keep the statements' text from now on (``log``), each with its time."""
        self.log = []
        self.log_began = time.perf_counter()


def _caller() -> str:
    """The innermost frames of the application (``desktop/``) on the stack: who sent it."""
    names = []
    for frame in reversed(traceback.extract_stack()):
        if "/desktop/" in frame.filename:
            where = frame.filename.split("/desktop/", 1)[1]
            names.append(f"{where}:{frame.lineno}:{frame.name}")
            if len(names) == 3:
                break
    return "<" + " < ".join(names) + ">" if names else "<?>"


# ---------------------------------------------------------------- finding things


def reader_of(window: QWidget) -> QPlainTextEdit | QTextEdit:
    _panels(window)
    found = window.findChild(QPlainTextEdit, "reader") or window.findChild(QTextEdit, "reader")
    if found is None:
        raise RuntimeError("no widget named 'reader' in the main window")
    return found


def _panels(window: QWidget) -> None:
    """Wait until the window's panels are in their docks (start-up builds them after
    the first paint); the wait counts in whatever the step measures."""
    wait = getattr(window, "wait_for_panels", None)
    if wait is not None:
        wait()


def article_list(window: QWidget) -> QAbstractItemView:
    _panels(window)
    view = window.findChild(QAbstractItemView, "articleList")
    if view is None:
        raise RuntimeError("no view named 'articleList' in the main window")
    return view


def claims_table(window: QWidget) -> QTableView:
    _panels(window)
    table = window.findChild(QTableView, "claimsTable")
    if table is None:
        raise RuntimeError("no table named 'claimsTable' in the main window")
    return table


def action(window: QWidget, name: str) -> QAction:
    found = window.findChild(QAction, name)
    if found is None:
        raise RuntimeError(f"no action named {name!r}")
    return found


def click_row(view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), rect.center()
    )


def row_with_text(view: QAbstractItemView, text: str) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            value = model.index(row, col).data()
            if isinstance(value, str) and text in value:
                return row
    raise RuntimeError(f"no row in the article list shows {text!r}")


class ModalCloser:
    """Closes message boxes as they appear (they would wait for a click), noting when."""

    def __init__(self) -> None:
        self.seen: list[tuple[float, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox) and widget.isVisible():
            self.seen.append((time.perf_counter(), widget.text()))
            widget.done(0)

    def stop(self) -> None:
        self.timer.stop()


def open_ro(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def ensure_article_open(watch: WindowWatch) -> None:
    assert watch.window is not None
    reader = reader_of(watch.window)
    if reader.toPlainText().strip():
        return
    view = article_list(watch.window)
    wait_until(lambda: view.model().rowCount() > 0, timeout=120)
    click_row(view, 0)
    settle(watch, quiet_ms=200)


# ---------------------------------------------------------------- tasks


def after_opening_backup(window: QWidget, timeout: float = 300.0) -> None:
    """Wait until the backup a workspace takes once, 3 s after it opens, is written.

    It runs in the thread pool that :func:`settle` also waits for, so a step timed
    while it runs would count it; a user never waits for it.
    """
    from desktop.safety.scheduler import BackupScheduler

    scheduler = window.findChild(BackupScheduler)
    began = time.perf_counter()
    while scheduler is not None and scheduler.pending:
        if time.perf_counter() - began > timeout:
            raise TimeoutError("the backup taken on opening did not finish")
        spin(20)


def task_start(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    painted = watch.painted_at
    rss_paint = peak_rss_mb()
    began = time.perf_counter()
    settle(watch, quiet_ms=500)
    idle = painted + (time.perf_counter() - began) if painted is not None else None
    return {
        "painted": painted,
        "shown": watch.shown_at,
        "rss_paint": rss_paint,
        "idle": idle,
        "rss_peak": peak_rss_mb(),
    }


def task_open(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    """Click an article in the article list (the one titled *title*, or the one at *row*);
    until the window is repainted."""
    assert watch.window is not None
    # Not while the backup taken 3 s after the workspace opens is being written: a slow
    # start (a busy machine) made it run during the open, adding its memory (about 4 MiB
    # for S) to the open's peak in some runs and not in others.
    after_opening_backup(watch.window)
    settle(watch, quiet_ms=300)
    view = article_list(watch.window)
    wait_until(lambda: view.model().rowCount() > 0, timeout=120)
    if params.get("title"):
        row = row_with_text(view, params["title"])
    else:
        row = int(params["row"])
    title = str(view.model().index(row, 0).data())
    reader = reader_of(watch.window)
    before = _head(reader)
    rss_before = peak_rss_mb()
    # The article is painted by the first repaint after the reader took its text and
    # claims (both set in one go); the suggestions' underlines come later, from a worker.
    opened: dict[str, int] = {}
    reader.articleOpened.connect(lambda _id: opened.setdefault("updates", watch.updates))
    # CLAIMDESK_BENCH_PROFILE=FILE: the GUI thread's work until the article is painted.
    profile_to = os.environ.get("CLAIMDESK_BENCH_PROFILE")
    profiler = cProfile.Profile() if profile_to else None
    if profiler is not None:
        profiler.enable()
    began = time.perf_counter()
    click_row(view, row)
    painted = None
    while time.perf_counter() - began < 120:
        if "updates" in opened and watch.updates > opened["updates"]:
            painted = time.perf_counter()
            break
        spin(1)
    if profiler is not None and profile_to:
        profiler.disable()
        profiler.dump_stats(profile_to)
    end = settle(watch, quiet_ms=150)
    # Read before anything of the text is copied out of the document for the figures.
    rss_peak = peak_rss_mb()
    return {
        "seconds": (painted or end) - began,
        "settled": end - began,
        "rss_before": rss_before,
        "rss_peak": rss_peak,
        "chars": reader.document().characterCount() - 1,  # UTF-16 units, as the text's
        "changed": _head(reader) != before,
        "title": title,
    }


def _head(reader: QPlainTextEdit | QTextEdit, units: int = 200) -> str:
    """The first characters the reader shows, copied without the rest: ``toPlainText``
    of a 50 MiB article would copy the whole document twice (QString, then str)."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(
        min(units, reader.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
    )
    return cursor.selectedText()


def _free_ranges(text: str, spans: list[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """*count* ranges of 15-30 characters over words no claim covers, spread over *text*."""
    taken = sorted(spans)
    gaps: list[tuple[int, int]] = []
    cursor = 0
    for start, end in [*taken, (len(text), len(text))]:
        if start - cursor > 40:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if not gaps:
        raise RuntimeError("no free text left to mark")
    step = max(1, len(gaps) // count)
    out = []
    for n, (g_start, g_end) in enumerate(gaps[::step][:count]):
        first = text.find(" ", g_start + 2, g_end) + 1 or g_start + 2
        last = min(g_end - 2, first + 15 + n % 16)
        out.append((first, last))
    return out


def task_ctrl_e(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    """Select free words in the reader, press Ctrl+E, until committed and repainted."""
    window = watch.window
    assert window is not None
    statements: Statements = params["_statements"]
    settle(watch, quiet_ms=500)
    after_opening_backup(window)
    ensure_article_open(watch)
    reader = reader_of(window)
    shown = reader.toPlainText()
    with open_ro(params["db"]) as db:
        rows = db.execute("SELECT id, text FROM article").fetchall()
        matches = [aid for aid, body in rows if body == shown]
        if not matches:
            raise RuntimeError("the reader's text matches no stored article")
        spans = db.execute(
            'SELECT start, "end" FROM claim WHERE article_id = ?', (matches[0],)
        ).fetchall()
        before_total = db.execute("SELECT count(*) FROM claim").fetchone()[0]
        waiting = db.execute(
            "SELECT count(*) FROM claim WHERE status IN ('in_review', 'disputed')"
        ).fetchone()[0]
    ranges = _free_ranges(shown, spans, params["presses"])
    window.activateWindow()
    reader.setFocus()
    spin(20)
    times: list[float] = []
    counts: list[int] = []
    repaints: list[float] = []
    in_press: list[float] = []  # the key press itself: the GUI thread busy, nothing painted
    in_press_counts: list[int] = []
    press_logs: list[str] = []
    # CLAIMDESK_BENCH_PROFILE=FILE: the key presses' GUI-thread work under cProfile, to FILE;
    # with CLAIMDESK_BENCH_PROFILE_SETTLE=1 until the window is still again (the work
    # the press leaves to the event loop, the repaint included).
    profile_to = os.environ.get("CLAIMDESK_BENCH_PROFILE")
    through_settle = os.environ.get("CLAIMDESK_BENCH_PROFILE_SETTLE") == "1"
    profiler = cProfile.Profile() if profile_to else None
    steps: Steps = params["_steps"]
    # Baseline, same window: a synchronous repaint of the whole window.
    for _ in range(max(5, len(ranges))):
        began = time.perf_counter()
        window.repaint()
        repaints.append(time.perf_counter() - began)
    steps.data.update(
        times=times,
        statements=counts,
        repaints=repaints,
        waiting=waiting,
        presses=len(ranges),
        in_press=in_press,
        in_press_statements=in_press_counts,
    )
    for n, (start, end) in enumerate(ranges):
        cursor = reader.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)
        settle(watch, quiet_ms=30)
        seen = statements.count
        began = time.perf_counter()
        steps.start(f"Ctrl+E number {n + 1}")
        if params.get("sql_log"):
            statements.record()
        if profiler is not None:
            profiler.enable()
        QTest.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        if profiler is not None and not through_settle:
            profiler.disable()
        in_press.append(time.perf_counter() - began)
        in_press_counts.append(statements.count - seen)
        done = settle(watch, quiet_ms=60)
        if profiler is not None and through_settle:
            profiler.disable()
        steps.done()
        counts.append(statements.count - seen)
        times.append(done - began)
        if statements.log is not None:
            head = f"# Ctrl+E number {n + 1}: {times[-1] * 1000:.0f} ms, {counts[-1]} statements"
            press_logs.append("\n".join([head, *statements.log]))
            statements.log = None
    if profiler is not None and profile_to:
        profiler.dump_stats(profile_to)
    if params.get("sql_log"):
        Path(params["sql_log"]).write_text("\n".join(press_logs) + "\n")
    with open_ro(params["db"]) as db:
        after_total = db.execute("SELECT count(*) FROM claim").fetchone()[0]
    return {
        "times": times,
        "statements": counts,
        "repaints": repaints,
        "in_press": in_press,
        "in_press_statements": in_press_counts,
        "created": after_total - before_total,
        "presses": len(ranges),
        "waiting": waiting,
        "median": statistics.median(times),
    }


class RowsPainted(QObject):
    """Notes ``perf_counter()`` when a table's viewport first paints with rows in it
    (once the paint is delivered)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__()
        self.table = table
        self.at: list[float] = []
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.Paint and not self.at and self.table.model().rowCount() > 0:
            QTimer.singleShot(0, lambda: self.at.append(time.perf_counter()))
        return False

    def wait(self) -> float:
        if not self.at and self.table.model().rowCount() > 0 and self.table.isVisible():
            self.table.viewport().update()  # (rows already in: their next paint)
        wait_until(lambda: bool(self.at), timeout=300, step_ms=1)
        self.table.viewport().removeEventFilter(self)
        return self.at[0]


class FirstPaintWhen(QObject):
    """Notes ``perf_counter()`` when *widget* first paints while *ready()* holds, once
    the paint is delivered (say, the table's rows once its model stopped loading)."""

    def __init__(self, widget: QWidget, ready: Callable[[], bool]) -> None:
        super().__init__()
        self.widget = widget
        self.ready = ready
        self.at: list[float] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.Paint and not self.at and self.ready():
            QTimer.singleShot(0, lambda: self.at.append(time.perf_counter()))
        return False

    def stop(self) -> float | None:
        self.widget.removeEventFilter(self)
        return self.at[0] if self.at else None


def _wait_rows(table: QTableView, watch: WindowWatch) -> float:
    """perf_counter() when the table first painted with rows in it."""
    return RowsPainted(table).wait()


class TableAppears(QObject):
    """Watches a dock until a table called *name* is put in it, and from that moment
    its rows' first paint (start-up builds the panels in passes after the window's
    first paint; a paint between two polls would be missed)."""

    def __init__(self, dock: QWidget, name: str) -> None:
        super().__init__()
        self.dock = dock
        self.name = name
        self.rows: RowsPainted | None = None
        dock.installEventFilter(self)
        self._look()

    def _look(self) -> None:
        table = self.dock.findChild(QTableView, self.name)
        if table is not None and self.rows is None:
            self.rows = RowsPainted(table)
            self.dock.removeEventFilter(self)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ChildAdded and self.rows is None:
            self._look()
        return False


def click_section(header: QHeaderView, col: int) -> None:
    """Click a column's header in its middle, as a user sorting by it does."""
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
        QPoint(x, header.height() // 2),
    )


def task_table(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    """Claims table: first rows, sort by each column, status filter, text filter."""
    window = watch.window
    assert window is not None
    steps: Steps = params["_steps"]
    shown = watch.shown_at if watch.shown_at is not None else 0.0
    # Start-up may build the table before the other panels: it is watched from the
    # moment it exists, not from when every panel is built.
    found = window.findChild(QTableView, "claimsTable")
    already = found is not None and found.model().rowCount() > 0 and found.isVisible()
    if already:
        # The rows were there when the window first painted: they were painted with it.
        first_rows = watch.painted_at - shown if watch.painted_at is not None else 0.0
    else:
        steps.start("first rows")
        dock = window.findChild(QWidget, "dockClaims")
        appears = TableAppears(dock, "claimsTable") if dock is not None else None
        wait_until(lambda: window.findChild(QTableView, "claimsTable") is not None, 300, 1)
        rows = appears.rows if appears is not None and appears.rows is not None else None
        if rows is None:
            rows = RowsPainted(window.findChild(QTableView, "claimsTable"))
        rows_at = rows.wait()
        steps.done()
        # perf_counter() -> seconds since start: anchor the two clocks now.
        first_rows = rows_at + (since_start() - time.perf_counter()) - shown
    table = claims_table(window)  # (and every other panel built)
    model = table.model()
    settle(watch, quiet_ms=500)
    after_opening_backup(window)

    def loading() -> bool:
        flag = getattr(model, "loading", False)
        return bool(flag() if callable(flag) else flag)

    beat = Heartbeat()
    beat.start()
    out = steps.data
    out.update(
        {
            "first_rows": first_rows,
            "rows_at_window_paint": already,
            "total_rows": model.rowCount(),
            "sorting_enabled": table.isSortingEnabled(),
            "sorts": [],
        }
    )
    header = table.horizontalHeader()
    for col in range(model.columnCount()):
        if header.isSectionHidden(col):
            continue
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or f"column {col}")
        table.scrollTo(model.index(0, col))
        settle(watch, quiet_ms=30)
        beat.reset()
        began = time.perf_counter()
        steps.start(f"sort by {title}")
        click_section(header, col)
        end = settle(watch, busy=loading, quiet_ms=80)
        steps.done()
        out["sorts"].append(
            {
                "column": title,
                "seconds": end - began,
                "block_ms": beat.block_ms(),
                "sorted": header.sortIndicatorSection() == col,
            }
        )
    bar = window.findChild(QPushButton, "statusFilterButton")
    if bar is None or bar.menu() is None:
        raise RuntimeError("no status filter button with a menu ('statusFilterButton')")
    disputed = next(a for a in bar.menu().actions() if a.text().replace("&", "") == "Disputed")
    beat.reset()
    began = time.perf_counter()
    steps.start("filter by status")
    disputed.trigger()
    end = settle(watch, busy=loading, quiet_ms=80)
    steps.done()
    out["status_filter"] = {
        "seconds": end - began,
        "block_ms": beat.block_ms(),
        "rows": model.rowCount(),
    }
    disputed.trigger()
    settle(watch, busy=loading, quiet_ms=80)
    edit = window.findChild(QLineEdit, "claimFilterEdit")
    if edit is None:
        raise RuntimeError("no text filter field ('claimFilterEdit')")
    edit.setFocus()
    edit.setText(params["word"])
    beat.reset()
    statements: Statements = params["_statements"]
    if params.get("sql_log"):
        statements.record()
    began = time.perf_counter()
    steps.start("text filter")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    # Watched from when the filter is asked for (the key press sets it): the first paint
    # of the table with the new first page, the first paint of the count line once the
    # count of every match is known (the rows, the scroll bar follow it in the same
    # step), then the window still (the Find field's clear button fades in after typing).
    rows = counted = None
    if loading():
        rows = FirstPaintWhen(table.viewport(), lambda: not loading() and model.rowCount() > 0)
        label = window.findChild(QLabel, "claimsCountLabel")
        if label is not None and hasattr(model, "count_known"):
            counted = FirstPaintWhen(label, lambda: not loading() and bool(model.count_known))
    # A filter that waits for typing to pause still shows up: wait past such a delay.
    end = settle(watch, busy=loading, quiet_ms=400)
    steps.done()
    rows_at = rows.stop() if rows is not None else None
    counted_at = counted.stop() if counted is not None else None
    if statements.log is not None:
        head = f"# text filter: {(end - began) * 1000:.0f} ms"
        Path(params["sql_log"]).write_text("\n".join([head, *statements.log]) + "\n")
        statements.log = None
    out["text_filter"] = {
        # First rows painted, the count shown (the window still, when not seen apart).
        "seconds": (rows_at if rows_at is not None else end) - began,
        "counted": (counted_at if counted_at is not None else end) - began,
        "settled": end - began,
        "block_ms": beat.block_ms(),
        "rows": model.rowCount(),
    }
    _sorts_with_text(watch, table, disputed, beat, out, statements, params.get("sql_log"))
    beat.stop()
    out["rss_peak"] = peak_rss_mb()
    return out


def _sorts_with_text(
    watch: WindowWatch,
    table: QTableView,
    disputed: Any,
    beat: Heartbeat,
    out: dict[str, Any],
    statements: Statements,
    sql_log: str | None,
) -> None:
    """With the text filter on: each column sorted both ways, then the status filter
    (with *sql_log*, each one's statements appended to that file)."""
    logged: list[str] = []
    model, header = table.model(), table.horizontalHeader()

    def loading() -> bool:
        flag = getattr(model, "loading", False)
        return bool(flag() if callable(flag) else flag)

    def timed() -> tuple[float, float]:
        began = time.perf_counter()
        end = settle(watch, busy=loading, quiet_ms=80)
        return end - began, beat.block_ms()

    out["text_sorts"] = []
    for col in range(model.columnCount()):
        if header.isSectionHidden(col):
            continue
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or f"column {col}")
        for _ in range(2):  # one way, then the other
            table.scrollTo(model.index(0, col))
            settle(watch, quiet_ms=30)
            beat.reset()
            if sql_log:
                statements.record()
            began = time.perf_counter()
            click_section(header, col)
            end = settle(watch, busy=loading, quiet_ms=80)
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            if statements.log is not None:
                way = "descending" if descending else "ascending"
                took = (end - began) * 1000
                logged += [f"# text filter on, sort by {title} {way}: {took:.0f} ms"]
                logged += statements.log
                statements.log = None
            out["text_sorts"].append(
                {
                    "column": f"{title} {'descending' if descending else 'ascending'}",
                    "seconds": end - began,
                    "block_ms": beat.block_ms(),
                }
            )
    beat.reset()
    disputed.trigger()
    seconds, block = timed()
    out["text_status"] = {"seconds": seconds, "block_ms": block, "rows": model.rowCount()}
    disputed.trigger()
    settle(watch, busy=loading, quiet_ms=80)
    if sql_log:
        with open(sql_log, "a", encoding="utf-8") as log:
            log.write("\n".join(logged) + "\n")


def _export_dialog(window: QWidget, watch: WindowWatch) -> QDialog:
    action(window, "actionExport").trigger()
    found: list[QDialog] = []

    def opened() -> bool:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.objectName() == "exportDialog":
                if widget.isVisible():
                    found.append(widget)
                    return True
        return False

    if not wait_until(opened, timeout=60):
        raise RuntimeError("the export dialog did not open")
    settle(watch, quiet_ms=100)
    return found[0]


def task_export(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    """File > Export: all statuses, the format, a path, then Export; until the report."""
    window = watch.window
    assert window is not None
    settle(watch, quiet_ms=300)
    after_opening_backup(window)
    dialog = _export_dialog(window, watch)
    # The dialog starts on the open article; a user exporting everything picks all of them.
    articles = dialog.findChild(QComboBox, "exportArticle")
    if articles is not None:
        articles.setCurrentIndex(0)
    combo = dialog.findChild(QComboBox, "exportFormat")
    combo.setCurrentIndex(combo.findData(params["format"]))
    for box in dialog.findChildren(QCheckBox):
        if box.objectName().startswith("exportStatus_") and not box.isChecked():
            box.setChecked(True)
    target = Path(params["path"])
    target.unlink(missing_ok=True)
    dialog.findChild(QLineEdit, "exportPath").setText(str(target))
    button = dialog.findChild(QPushButton, "exportButton")
    spin(50)
    closer = ModalCloser()
    began = time.perf_counter()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    if not wait_until(lambda: bool(closer.seen), timeout=1800, step_ms=2):
        raise RuntimeError("the export never reported back")
    closer.stop()
    done, message = closer.seen[0]
    dialog.close()
    return {
        "seconds": done - began,
        "message": message,
        "bytes": target.stat().st_size if target.exists() else 0,
        "rss_peak": peak_rss_mb(),
    }


def task_import(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    """Import a folder of text files the way a drop on the window does; until listed."""
    window = watch.window
    assert window is not None
    settle(watch, quiet_ms=300)
    after_opening_backup(window)
    paths = sorted(str(p) for p in Path(params["folder"]).glob("*.txt"))
    closer = ModalCloser()
    ended: list[float] = []
    ended_cpu: list[float] = []
    # CLAIMDESK_BENCH_PROFILE=FILE: the GUI thread's work until the articles are listed.
    profile_to = os.environ.get("CLAIMDESK_BENCH_PROFILE")
    profiler = cProfile.Profile() if profile_to else None
    if profiler is not None:
        profiler.enable()
    began = time.perf_counter()
    # The process's CPU time (all threads) beside the wall clock: on a busy machine it
    # moves far less than the times, which include the waits for a core.
    began_cpu = time.process_time()
    job = window.import_paths(paths)  # what dropping the files or File > Import calls
    saved: list[float] = []  # the job's last progress (all files read and stored)
    if job is not None:
        job.progressed.connect(
            lambda done, total: saved.append(time.perf_counter()) if done >= total else None
        )
        # Connected after the window's own handlers, so called once they have run (the
        # list shows the new articles and the first one is open).
        job.finished.connect(
            lambda _r: (ended.append(time.perf_counter()), ended_cpu.append(time.process_time()))
        )
        job.failed.connect(lambda _e: ended.append(time.perf_counter()))
        wait_until(lambda: bool(ended), timeout=1800, step_ms=2)
    end = settle(watch, quiet_ms=200)
    if profiler is not None and profile_to:
        profiler.disable()
        profiler.dump_stats(profile_to)
    closer.stop()
    with open_ro(params["db"]) as db:
        stored = db.execute("SELECT count(*) FROM article").fetchone()[0]

    def queued() -> int:
        with open_ro(params["db"]) as db:
            sql = "SELECT count(*) FROM search_key WHERE kind = 'queued'"
            return int(db.execute(sql).fetchone()[0])

    # Stored and listed is what the analyst waits for; the search index is built after,
    # in the background (searches read the articles meanwhile): reported beside it.
    wait_until(lambda: queued() == 0, timeout=1800, step_ms=20)
    indexed = time.perf_counter()
    return {
        "seconds": end - began,
        "indexed_seconds": indexed - began,
        "job_seconds": (ended[0] - began) if ended else None,
        "stored_seconds": (saved[-1] - began) if saved else None,
        # Until listed with the first open (after it the search indexer starts working).
        "cpu_seconds": (ended_cpu[0] - began_cpu) if ended_cpu else None,
        "articles": stored,
        "files": len(paths),
        "messages": [m for _t, m in closer.seen],
        "rss_peak": peak_rss_mb(),
    }


def task_queue(watch: WindowWatch, params: dict[str, Any]) -> dict[str, Any]:
    """Review queue: from Review > Review queue until its first rows are painted; sort
    by each column; scroll to the end; how many rows the model holds."""
    window = watch.window
    assert window is not None
    settle(watch, quiet_ms=500)
    after_opening_backup(window)
    queue = window.findChild(QWidget, "reviewQueue")
    table = window.findChild(QTableView, "reviewQueueTable")
    if queue is None or table is None:
        raise RuntimeError("no review queue ('reviewQueue', 'reviewQueueTable')")
    model = table.model()

    busy_until = [0.0]

    def loading() -> bool:
        """The model reads off the GUI thread; when it was last seen reading is kept (a
        repaint may come before the read ends: the work ends with both)."""
        flag = bool(getattr(model, "loading", False))
        if flag:
            busy_until[0] = time.perf_counter()
        return flag

    steps: Steps = params["_steps"]
    out = steps.data
    beat = Heartbeat()
    beat.start()
    began = time.perf_counter()
    steps.start("first rows")
    action(window, "actionReviewQueue").trigger()
    wait_until(lambda: table.isVisible() and not loading() and model.rowCount() > 0, 300, 1)
    rows_at = _wait_rows(table, watch)
    steps.done()
    out["first_rows"] = rows_at - began
    out["first_block_ms"] = beat.block_ms()
    out["total_rows"] = model.rowCount()
    settle(watch, busy=loading, quiet_ms=200)
    out["sorts"] = []
    header = table.horizontalHeader()
    for col in range(model.columnCount()):
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or f"column {col}")
        table.scrollTo(model.index(0, col))
        settle(watch, busy=loading, quiet_ms=30)
        beat.reset()
        began = time.perf_counter()
        steps.start(f"sort by {title}")
        click_section(header, col)
        end = max(settle(watch, busy=loading, quiet_ms=80), busy_until[0])
        steps.done()
        out["sorts"].append({"column": title, "seconds": end - began, "block_ms": beat.block_ms()})
    beat.reset()
    began = time.perf_counter()
    steps.start("scroll to the end")
    table.scrollToBottom()
    end = settle(watch, busy=loading, quiet_ms=80)
    steps.done()
    out["scroll_end"] = {"seconds": end - began, "block_ms": beat.block_ms()}
    beat.stop()
    held = getattr(model, "held", None)
    out["rows_held"] = held if held is not None else len(getattr(model, "_ids", []))
    out["rss_peak"] = peak_rss_mb()
    return out


TASKS = {
    "start": task_start,
    "open": task_open,
    "ctrl_e": task_ctrl_e,
    "table": task_table,
    "export": task_export,
    "import": task_import,
    "queue": task_queue,
}


def prepare_settings(params: dict[str, Any]) -> None:
    """Settings a returning user would have (only the article the window opens first)."""
    last = params.get("last_article")
    if last:
        settings = QSettings(APP_NAME, APP_NAME)
        settings.setValue("window/lastArticle", str(uuid.UUID(last)))
        settings.sync()


def main() -> int:
    params = json.loads(sys.argv[1])
    result_path = params["result"]
    params["_statements"] = Statements()
    params["_steps"] = Steps(result_path, params.get("step_timeout", 300))
    watchdog = threading.Timer(
        params.get("timeout", 1800),
        lambda: (write_result(result_path, {"error": "timed out"}), os._exit(3)),
    )
    watchdog.daemon = True
    watchdog.start()
    app = QApplication([sys.argv[0]])
    # No blinking text cursor: its repaints every half second would count as the window
    # still changing (a figure would end at a blink, not at the last repaint of the work).
    app.setCursorFlashTime(0)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    prepare_settings(params)
    task = TASKS[params["task"]]

    def painted(watch: WindowWatch) -> None:
        try:
            result = task(watch, params)
        except Exception:
            result = {"error": traceback.format_exc()}
        write_result(result_path, result)
        if watch.window is not None:
            watch.window.close()
        QTimer.singleShot(0, app.quit)

    watch = WindowWatch(painted)  # noqa: F841 (kept alive: it filters events)
    from desktop.launcher import main as claimdesk

    code = claimdesk(["--db", params["db"]])
    if not Path(result_path).exists():
        write_result(result_path, {"error": f"the window closed (exit {code}) before painting"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
