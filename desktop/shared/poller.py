"""Polls the change feed in a worker thread and re-broadcasts others' edits.

A QTimer on the GUI thread starts one background job per tick (never two at
once); the job calls :func:`desktop.operations.changefeed.since` and hands the result
back to the GUI thread, where its :class:`db.changes.Changes` record (remote=True,
naming every entity by id) is published through ``ctx.publish`` -- the same path
local writes take -- so every open view refreshes what it names.  Edits made
through this window's own Workspace object are skipped (its views refreshed
already); edits from other processes, other Workspace objects and other
machines are re-broadcast.

Analysts and settings keep no history: each poll also reads them (two small
tables) and publishes what differs from the previous poll.  A local change to
them (published through ``ctx.changed``) drops the baseline, so it is not
echoed back as someone else's.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from db.changefeed import ChangeMark, ChangeSet, TeamState
from db.changes import Changes, Entity
from db.workspace import Workspace, redact
from desktop.context import AppContext
from desktop.operations import changefeed
from desktop.shared.urls import scrub

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(int, int, object, object, object)  # generation, epoch, result, team, error


class _PollJob(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        generation: int,
        ws: Workspace,
        mark: ChangeMark | None,
        skip_own: bool,
        epoch: int,
    ) -> None:
        super().__init__()
        self.skip_own = skip_own
        self.epoch = epoch
        self.relay = relay
        self.generation = generation
        self.ws = ws
        self.mark = mark

    def run(self) -> None:
        result: Any = None
        team: TeamState | None = None
        error: BaseException | None = None
        try:
            if self.mark is None:
                result = changefeed.latest(self.ws)
            else:
                result = changefeed.since(self.ws, self.mark, skip_own=self.skip_own)
            team = changefeed.team(self.ws)
        except Exception as exc:  # reported on the GUI thread, polling goes on
            error = exc
        try:
            self.relay.done.emit(self.generation, self.epoch, result, team, error)
        except RuntimeError:  # the poller was destroyed meanwhile
            pass


class ChangePoller(QObject):
    """Every *interval_ms*, ask the workspace what changed and emit ctx signals."""

    ready = Signal()  # the starting mark is known; later changes will be reported
    polled = Signal(object)  # each ChangeSet, for tests and status displays
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        interval_ms: int = 1000,
        parent: QObject | None = None,
        *,
        skip_own: bool = True,
    ) -> None:
        super().__init__(parent or ctx)
        self.ctx = ctx
        self.skip_own = skip_own
        self.mark: ChangeMark | None = None
        self.team: TeamState | None = None
        self._team_epoch = 0  # moves on with every local change to analysts or settings
        self._generation = 0
        self._in_flight = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._pool = QThreadPool.globalInstance()
        ctx.workspaceChanged.connect(self.restart)
        ctx.changed.connect(self._local_change)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def idle(self) -> bool:
        """No background job is running (safe to close the workspace)."""
        return self._in_flight == 0

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        self._generation += 1

    @Slot()
    def restart(self) -> None:
        """Forget the mark (a different workspace is open) and poll from its newest change."""
        self._generation += 1
        self.mark = None
        self.team = None
        if self._timer.isActive():
            self.poll()

    @Slot()
    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight += 1
        self._pool.start(
            _PollJob(
                self._relay,
                self._generation,
                self.ctx.ws,
                self.mark,
                self.skip_own,
                self._team_epoch,
            )
        )

    @Slot(object)
    def _local_change(self, changes: Changes) -> None:
        """This window changed analysts or settings: start a new baseline (no echo)."""
        if changes.remote or changes.everything:
            return
        if changes.touches(Entity.ANALYST) or changes.touches(Entity.SETTING):
            self._team_epoch += 1
            self.team = None

    @Slot(int, int, object, object, object)
    def _finished(
        self,
        generation: int,
        epoch: int,
        result: Any,
        team: TeamState | None,
        error: BaseException | None,
    ) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        if generation != self._generation:
            # From before a restart or stop: poll the current workspace at once.
            if self._timer.isActive():
                self.poll()
            return
        if error is not None:
            url = self.ctx.ws.url
            message = scrub(f"Could not check {redact(url)} for changes: {error}", url)
            log.warning("%s", message)
            self.failed.emit(message)
            return
        team_record = Changes(remote=True)
        if epoch == self._team_epoch and team is not None:
            if self.team is not None:
                team_record = changefeed.team_changes(self.team, team)
            self.team = team
        if isinstance(result, ChangeMark):
            self.mark = result
            self.ready.emit()
            return
        assert isinstance(result, ChangeSet)
        self.mark = result.mark
        record = result.record.merged(team_record) if not result.empty else team_record
        self.ctx.publish(record)
        self.polled.emit(result)
