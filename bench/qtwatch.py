"""Qt-side measuring helpers shared by the app probes and the baselines (child processes).

"Painted" means the event loop has delivered the paint: the watched window's first
``Paint`` (start-up), or no further repaint of it for a quiet spell (after an action).
Times are ``time.time()`` differences from ``CLAIMDESK_BENCH_T0``, the moment the parent
process started this one, so interpreter and library start-up count as they do for a user.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

T0 = float(os.environ.get("CLAIMDESK_BENCH_T0", time.time()))


def since_start() -> float:
    """Seconds since the parent started this process."""
    return time.time() - T0


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB.

    Read as VmHWM: ``ru_maxrss`` carries over the peak of the parent the process was
    forked from (bench/run.py, which holds hundreds of MiB after building a workspace
    in the same run), so every child would report at least that.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def spin(ms: float = 0) -> None:
    """Run the event loop for *ms* milliseconds (0: until the queued events are delivered)."""
    loop = QEventLoop()
    QTimer.singleShot(int(ms), loop, loop.quit)
    loop.exec()


def wait_until(done: Callable[[], bool], timeout: float = 120.0, step_ms: int = 2) -> bool:
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            return False
        spin(step_ms)
    return True


class WindowWatch(QObject):
    """Finds the first ``QMainWindow`` as it is built, then watches that window alone.

    An application-wide event filter runs only until the window's first event; after that
    the filter sits on the window (``Show``, ``Paint`` and ``UpdateRequest`` events), so the
    measuring costs the app almost nothing.
    """

    def __init__(self, on_painted: Callable[[WindowWatch], None] | None = None) -> None:
        super().__init__()
        self._pointer: int | None = None  # the C++ object (wrappers made in filters differ)
        self._window: QMainWindow | None = None
        self.shown_at: float | None = None
        self.painted_at: float | None = None
        self.updates = 0  # repaints of the window delivered so far
        self.on_painted = on_painted
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        app.installEventFilter(self)

    @property
    def window(self) -> QMainWindow | None:
        """The watched window (the app's own object, looked up once it is a top-level)."""
        if self._window is None and self._pointer is not None:
            for widget in QApplication.topLevelWidgets():
                if shiboken6.getCppPointer(widget)[0] == self._pointer:
                    self._window = widget  # type: ignore[assignment]
        return self._window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._pointer is None:
            if isinstance(obj, QMainWindow) and obj.parent() is None:
                self._pointer = shiboken6.getCppPointer(obj)[0]
                app = QCoreApplication.instance()
                if app is not None:
                    app.removeEventFilter(self)
                obj.installEventFilter(self)
            else:
                return False
        elif shiboken6.getCppPointer(obj)[0] != self._pointer:
            return False
        kind = event.type()
        if kind in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            self.updates += 1
            if self.painted_at is None and kind == QEvent.Type.Paint:
                # Marked once the paint now being delivered (children included) is done.
                self.painted_at = -1.0
                QTimer.singleShot(0, self._painted)
        elif kind == QEvent.Type.Show and self.shown_at is None:
            self.shown_at = since_start()
        return False

    def _painted(self) -> None:
        self.painted_at = since_start()
        if self.on_painted is not None:
            self.on_painted(self)


def settle(
    watch: WindowWatch,
    busy: Callable[[], bool] | None = None,
    quiet_ms: float = 60,
    timeout: float = 300.0,
) -> float:
    """Wait until the window is repainted and still; returns ``perf_counter()`` at the end of
    its last repaint (or of the first pass of the event loop if nothing needed one).

    Still: no repaint for *quiet_ms*, no worker of the global thread pool running and
    *busy* (say, a model's own loading flag) false.
    """
    pool = QThreadPool.globalInstance()
    began = time.perf_counter()
    seen = watch.updates
    spin(0)
    end = last_change = time.perf_counter()
    while True:
        now = time.perf_counter()
        if now - began > timeout:
            raise TimeoutError("the window did not settle")
        working = pool.activeThreadCount() > 0 or (busy is not None and busy())
        if working:
            last_change = now
        elif (now - last_change) * 1000 >= quiet_ms:
            return end
        spin(1)
        if watch.updates != seen:
            seen = watch.updates
            end = last_change = time.perf_counter()


class Heartbeat(QObject):
    """A 1 ms timer on the GUI thread: the longest gap between its ticks is the longest
    stretch the GUI thread was busy (minus the interval)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.timer.start()
        spin(5)
        self.reset()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def block_ms(self) -> float:
        """Longest GUI-thread block since ``reset`` (the gap still open counts too)."""
        open_gap = time.perf_counter() - self.last
        return max(self.longest, open_gap) * 1000

    def stop(self) -> None:
        self.timer.stop()


def find(root: QWidget, cls: type[QObject], name: str) -> Any:
    return root.findChild(cls, name)


def write_result(path: str | Path, result: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(result))


def fail(path: str | Path, message: str) -> None:
    write_result(path, {"error": message})
    print(message, file=sys.stderr)
