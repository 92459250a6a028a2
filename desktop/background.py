"""A dock's contents recomputed in the background, only while its tab is in front.

Panels such as Conflicts and Facts compute over the whole workspace.  A
:class:`DockRefresher` marks them stale when a change record touches what they
show, recomputes (debounced, in the thread pool) only while their dock is in
front — a dock's ``visibilityChanged`` tells that truthfully, unlike show events
while the window lays itself out — and hands over only the newest answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from db.changes import Changes, Entity
from desktop.context import AppContext
from desktop.workers import run_job


class DockRefresher(QObject):
    def __init__(
        self,
        parent: QObject,
        ctx: AppContext,
        *,
        title: str,
        entities: Iterable[Entity],
        compute: Callable[[AppContext], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        interval_ms: int = 500,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = title
        self.entities = tuple(entities)
        self.compute = compute
        self.on_result = on_result
        self.on_error = on_error
        self.generation = 0
        self.stale = True
        self.shown = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(entity) for entity in self.entities):
            self.stale = True
            if self.shown:
                self.timer.start()

    def set_shown(self, shown: bool) -> None:
        """Connected to the dock's visibilityChanged: work only while in front."""
        self.shown = shown
        if shown and self.stale:
            self.timer.start(0)

    def refresh(self) -> None:
        """Recompute now, in the background; an answer overtaken by a newer one is dropped."""
        self.stale = False
        self.generation += 1
        generation = self.generation
        ctx, compute = self.ctx, self.compute
        run_job(
            self.title,
            lambda _progress: compute(ctx),
            show_progress=False,
            on_done=lambda result: self._done(generation, result),
            on_error=self.on_error,
        )

    def _done(self, generation: int, result: Any) -> None:
        if generation == self.generation:
            self.on_result(result)
