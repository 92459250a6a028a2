"""Background jobs: run a function off the GUI thread with a cancellable progress dialog.

The function receives ``progress(done, total) -> bool``; it returns False once
the analyst pressed Cancel, and the function should then stop (raising or
returning early).  The result or the exception comes back to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
PROGRESS_INTERVAL = 0.05  # seconds between progress updates sent to the GUI
JobFunction = Callable[[Progress], Any]


class _Bridge(QObject):
    """Emitted from the worker thread; delivered queued to the job in the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class Job(QObject):
    """A running job; ``finished`` carries the result, ``failed`` the exception."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self._bridge = _Bridge()
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.progressed.connect(self._on_progress, queued)
        self._bridge.succeeded.connect(self._on_success, queued)
        self._bridge.failed.connect(self._on_failure, queued)
        self.dialog: QProgressDialog | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        # At most ~20 updates a second reach the GUI, however often this is called.
        now = time.monotonic()
        if done >= total or now - self._last_emit >= PROGRESS_INTERVAL:
            self._last_emit = now
            try:
                self._bridge.progressed.emit(int(done), int(total))
            except RuntimeError:  # nobody left to tell (the process is ending): stop
                self._cancel.set()
        return not self._cancel.is_set()

    def _run(self, function: JobFunction) -> None:
        try:
            result = function(self._progress)
        except BaseException as exc:  # handed to the GUI thread, never lost
            if not isinstance(exc, Exception):
                log.exception("job %s stopped", self.title)
            self._hand_over(self._bridge.failed, exc)
        else:
            self._hand_over(self._bridge.succeeded, result)

    def _hand_over(self, signal: Any, value: object) -> None:
        """Emit *value* to the GUI thread; nobody left to receive it (the process is
        ending and its Qt objects are gone): the job ends quietly."""
        try:
            signal.emit(value)
        except RuntimeError as exc:
            log.debug("job %s ended after its owner: %s", self.title, exc)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and not self.done:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
        self.progressed.emit(done, total)

    def _close_dialog(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self.result = result
        self._close_dialog()
        self.finished.emit(result)

    @Slot(object)
    def _on_failure(self, error: BaseException) -> None:
        self.error = error
        self._close_dialog()
        self.failed.emit(error)


class _Task(QRunnable):
    def __init__(self, job: Job, function: JobFunction) -> None:
        super().__init__()
        self.job = job
        self.function = function

    def run(self) -> None:
        # Nothing may leave run(): PySide reports such an exception through the
        # exception hook on this thread, and at shutdown that was a crash.
        try:
            self.job._run(self.function)
        except BaseException:  # (_run hands over the function's own exceptions)
            try:
                log.debug("background job ended by an error", exc_info=True)
            except BaseException:  # the interpreter is ending: nothing left to tell
                pass


_running: set[Job] = set()


def run_job(
    title: str,
    function: JobFunction,
    *,
    parent: QWidget | None = None,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    show_progress: bool = True,
    label: str = "",
) -> Job:
    """Start *function* in the global thread pool; callbacks run in the GUI thread."""
    job = Job(title)
    _running.add(job)
    if on_done is not None:
        job.finished.connect(on_done)
    if on_error is not None:
        job.failed.connect(on_error)
    job.finished.connect(lambda _r: _running.discard(job))
    job.failed.connect(lambda _e: _running.discard(job))
    if show_progress:
        dialog = QProgressDialog(label or title, "Cancel", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.dialog = dialog
    QThreadPool.globalInstance().start(_Task(job, function))
    return job


# Stoppers of background work that runs outside the shared pool (say, a thread pool
# of its own): each is told to stop and waited for by finish_background_work.
_stoppers: list[weakref.WeakMethod[Callable[[], object]]] = []


def stop_with_background_work(stop: Callable[[], object]) -> None:
    """Have :func:`finish_background_work` call the bound method *stop* (which ends that
    work and waits for it), while its object lives."""
    _stoppers.append(weakref.WeakMethod(stop, _forget))  # type: ignore[arg-type]


def _forget(ref: weakref.WeakMethod[Callable[[], object]]) -> None:
    if ref in _stoppers:
        _stoppers.remove(ref)


# How long the window, once closed, waits for background jobs before the workspace is
# closed and the process ends (a job still running then may be cut off mid-way; each
# runs its writes in transactions of its own, so none is left half-written).
SHUTDOWN_WAIT_MS = 10_000


def finish_background_work(wait_ms: int = SHUTDOWN_WAIT_MS) -> bool:
    """Cancel the running jobs and wait for the pool's threads to end (the workspace they
    use is closed next, and no thread may run Python code while the process ends).
    True when all ended in time."""
    for job in list(_running):
        job.cancel()
    stoppers = list(_stoppers)
    _stoppers.clear()
    for ref in stoppers:
        stop = ref()
        if stop is None:
            continue
        try:
            stop()
        except RuntimeError:  # its Qt object is gone, and its work with it
            pass
    return QThreadPool.globalInstance().waitForDone(wait_ms)
