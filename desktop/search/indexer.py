"""The background search indexer: articles an import stored without their search index
entries are indexed here, a few per transaction, off the GUI thread.

The import commits the articles (listed at once) and leaves their entries queued
(``db.search.schema.QUEUED``); until they are indexed a search reads them instead,
and the status bar says how many are left.  A workspace closed midway keeps its
queue: the indexer started when a window opens finishes it.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.context import AppContext
from desktop.operations import search as search_ops
from desktop.workers import stop_with_background_work

log = logging.getLogger(__name__)
RETRIES = 5  # failed transactions in a row before the indexer gives up until next time
RETRY_SECONDS = 0.5
LABEL_INTERVAL = 1.0  # seconds between two updates of the count in the status bar
# The most the indexer waits, before each transaction, for the shared pool's work to end.
GIVE_WAY_SECONDS = 1.0
GIVE_WAY_STEP = 0.01


class _Bridge(QObject):
    progressed = Signal(int)  # articles indexed so far in this run
    finished = Signal(int)
    failed = Signal(str)


class _Run(QRunnable):
    def __init__(self, ctx: AppContext, bridge: _Bridge, stop: threading.Event) -> None:
        super().__init__()
        self.ctx, self.bridge, self.stop = ctx, bridge, stop

    def run(self) -> None:
        done = failures = 0
        while not self.stop.is_set():
            self._give_way()
            try:
                n = search_ops.index_some(self.ctx)
            except Exception as exc:  # say, an edit took the write lock first: try again
                failures += 1
                if failures >= RETRIES:  # the queue stays; the next start carries on
                    log.warning("search indexing stopped: %s", exc, exc_info=exc)
                    self.bridge.failed.emit(str(exc))
                    break
                self.stop.wait(RETRY_SECONDS)
                continue
            failures = 0
            if n == 0:
                break
            done += n
            self.bridge.progressed.emit(done)
        self.bridge.finished.emit(done)

    def _give_way(self) -> None:
        """Wait while work the analyst is waiting for runs in the shared pool (a panel
        loading, the open article's suggestions): the indexer would take turns with it
        for the interpreter and slow it down.  It waits at most GIVE_WAY_SECONDS, so
        a long job elsewhere slows the indexing without stopping it."""
        pool = QThreadPool.globalInstance()
        deadline = time.monotonic() + GIVE_WAY_SECONDS
        while pool.activeThreadCount() > 0 and time.monotonic() < deadline:
            if self.stop.wait(GIVE_WAY_STEP):
                return


class SearchIndexer(QObject):
    """Runs the indexer in its own thread (never the shared pool the panels load in)
    and shows ``Indexing N articles for search…`` in the status bar while it works."""

    indexed = Signal(int)  # a run ended, having indexed this many articles

    def __init__(self, ctx: AppContext, status_bar: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.label = QLabel("", status_bar)
        self.label.setObjectName("searchIndexing")
        self.label.hide()
        status_bar.addPermanentWidget(self.label)
        self.running = False
        self.again = False
        self.total = 0
        self._shown_at = 0.0
        self._stop = threading.Event()
        self._bridge = _Bridge()
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.progressed.connect(self._progressed, queued)
        self._bridge.finished.connect(self._finished, queued)
        # Stopped and waited for in one place: finish_background_work, which the entry
        # point calls on every way out (the window closed, app.quit(), an error).
        stop_with_background_work(self.stop)
        if parent is not None:  # a closed window waits for one transaction, not the queue
            parent.destroyed.connect(lambda *_: self._stop.set())

    def start(self, waiting: int | None = None) -> None:
        """Index whatever waits (*waiting*: how many, when the caller knows)."""
        if self.running:
            self.again = True  # more were queued meanwhile: look again when this run ends
            return
        self.total = waiting if waiting is not None else search_ops.articles_to_index(self.ctx)
        if self.total == 0:
            return
        self.running, self.again = True, False
        self._show(0)
        self._shown_at = time.monotonic()
        self.pool.start(_Run(self.ctx, self._bridge, self._stop))

    def stop(self) -> None:
        """Stop after the current transaction; what is left is indexed next time."""
        self._stop.set()
        self.pool.waitForDone()

    def _show(self, done: int) -> None:
        left = max(self.total - done, 0)
        self.label.setText(f"Indexing {left:,} article{'s' * (left != 1)} for search…")
        self.label.setToolTip(
            "Newly imported articles are being added to the search index; searches "
            "already find them, more slowly, until it is done."
        )
        self.label.show()

    @Slot(int)
    def _progressed(self, done: int) -> None:
        now = time.monotonic()
        if now - self._shown_at >= LABEL_INTERVAL:  # a count to read, not a flicker
            self._shown_at = now
            self._show(done)

    @Slot(int)
    def _finished(self, done: int) -> None:
        self.running = False
        self.label.hide()
        self.indexed.emit(done)
        if self.again and not self._stop.is_set():
            self.start()
