"""Check the open workspace, and repair what can be repaired safely when asked."""

from __future__ import annotations

from collections.abc import Callable

from db import check as check_ops
from db.changes import EVERYTHING
from db.check import CheckReport, RepairReport
from desktop.context import AppContext


def check(ctx: AppContext, progress: Callable[[int, int], object] | None = None) -> CheckReport:
    """Runs on a worker thread: reads only."""
    return check_ops.check_workspace(ctx.ws, progress)


def repair(ctx: AppContext) -> RepairReport:
    """Runs on a worker thread; the caller publishes :func:`repaired` on the GUI thread."""
    return check_ops.repair_workspace(ctx.ws)


def repaired(ctx: AppContext) -> None:
    # A repair can move any claim of any article: views reload.
    ctx.publish(EVERYTHING)
