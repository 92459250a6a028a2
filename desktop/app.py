"""The composition root: arguments, logging, QApplication, workspace, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from db.paths import APP_NAME, data_dir, default_workspace, log_file
from db.workspace import Workspace
from desktop import source_lines, start_collection
from desktop.actions import icon
from desktop.context import AppContext
from desktop.dialogs import DialogService
from desktop.errors import install_excepthook, setup_logging
from desktop.main_window import workspaces
from desktop.operations.backups import clean_leftovers
from desktop.operations.workspaces import create_sample
from desktop.style import apply_style

log = logging.getLogger(__name__)

SAMPLE_NAME = "sample.claimdesk.sqlite"
STATISTICS_DELAY_MS = 2000


def refresh_statistics_soon(ctx: AppContext) -> None:
    """Give the workspace's query planner its statistics on a worker thread (a
    workspace never analysed shows the claims table's first page slowly)."""
    from desktop.operations.workspaces import refresh_statistics
    from desktop.workers import run_job

    def failed(exc: BaseException) -> None:
        log.warning("could not refresh the workspace's statistics: %s", exc)

    run_job(
        "Workspace statistics",
        lambda _progress: refresh_statistics(ctx),
        show_progress=False,
        on_error=failed,
    )


class _Verdict(QObject):
    """Carries the integrity check's refusal (None: passed) to the GUI thread."""

    known = Signal(object)


def when_checked(ctx: AppContext, parent: QObject, done: Callable[[object], None]) -> None:
    """Start the workspace file's integrity check left for later, if any (in a thread of
    its own); *done* gets its refusal (None: passed) on the GUI thread."""
    from desktop.operations.workspaces import check_integrity_later

    verdict = _Verdict(parent)

    def known(error: object) -> None:
        verdict.deleteLater()
        done(error)

    verdict.known.connect(known)
    check_integrity_later(ctx, verdict.known.emit)


def check_integrity_soon(ctx: AppContext, window: QWidget) -> None:
    """Run the integrity check left for later; a damaged file is refused (no write
    reached it) and the window closes."""

    def known(error: object) -> None:
        if error is not None:
            log.error("refused the workspace: %s", error)
            ctx.dialogs.error("Open workspace", str(error))
            window.close()

    when_checked(ctx, window, known)


def refresh_statistics_once_checked(ctx: AppContext, window: QWidget) -> None:
    """The planner's statistics are a write: asked for once the integrity check has
    passed, so that no worker of the pool waits for it meanwhile."""
    when_checked(ctx, window, lambda error: refresh_statistics_soon(ctx) if error is None else None)


def sample_path() -> Path:
    return data_dir() / SAMPLE_NAME


def ensure_sample(path: Path, dialogs: DialogService) -> Path | None:
    """The sample workspace at *path*, created when missing (None if that failed)."""
    if path.exists() and path.stat().st_size > 0:
        return path
    try:
        return create_sample(path)
    except Exception as exc:
        log.exception("could not create the sample workspace")
        dialogs.error("Sample workspace", f"The sample workspace could not be created: {exc}")
        return None


def initial_target(
    db: str | None, demo: bool, settings: QSettings, dialogs: DialogService
) -> str | Path | None:
    """Which workspace to open first: --demo, --db, the last one, or the default."""
    if demo:
        return ensure_sample(sample_path(), dialogs)
    if db:
        return db
    last = settings.value(workspaces.LAST_KEY)
    if isinstance(last, str) and last and ("://" in last or Path(last).exists()):
        return last
    default = default_workspace()
    if not default.exists() and dialogs.confirm(
        "Welcome to ClaimDesk",
        "Open the sample workspace to look around? It holds a few demo articles with "
        "marked claims. Choose No to start with an empty workspace.",
    ):
        sample = ensure_sample(sample_path(), dialogs)
        if sample is not None:
            return sample
    return default


def open_initial(target: str | Path | None, dialogs: DialogService) -> Workspace | None:
    """Open *target*; on failure offer to pick another file until one opens or the user stops.

    A large local file's integrity check is left for after the window shows
    (:func:`check_integrity_soon`); writes wait for it meanwhile.
    """
    while True:
        ws = workspaces.try_open(target, dialogs, check_later=True) if target is not None else None
        if ws is not None:
            return ws
        if not dialogs.confirm("Open workspace", "Choose another workspace file to open?"):
            return None
        target = dialogs.open_file("Open workspace", workspaces.FILTERS)
        if target is None:
            return None


def make_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    apply_style(app)
    app.setWindowIcon(icon("app"))
    return app


def main(args: argparse.Namespace | Sequence[str]) -> int:
    """Open the window for the command line (``--db``, ``--demo``; see db.cli).

    The launcher passes the arguments it parsed; a list is parsed here.
    """
    if not isinstance(args, argparse.Namespace):
        from desktop.launcher import parse_arguments

        args = parse_arguments(args)
    setup_logging(log_file())
    install_excepthook()
    clean_leftovers()
    app = make_application([])
    settings = QSettings()
    dialogs = DialogService(settings=settings)
    from desktop.main_window.handed import open_handed, workspace_among

    handed: list[str] = list(getattr(args, "open_files", None) or [])
    db = args.db or workspace_among(handed)
    target = initial_target(db, args.demo, settings, dialogs)
    from desktop.main_window import MainWindow
    from desktop.main_window.first_paint import after_first_paint

    ws = open_initial(target, dialogs)
    if ws is None:
        start_collection.release()
        return 1
    ctx = AppContext(ws, dialogs)
    # Every way out of here (the window closed during start-up or later, app.quit(), an
    # exception) ends the background jobs before the workspace they read is closed,
    # and before the window and the interpreter go away.
    try:
        source_lines.forget()  # what loading the window's modules left behind
        window = MainWindow(ctx, settings, fill_after_paint=True)
        # The collector is back once the panels are built (whoever waits for them).
        window.panelsBuilt.connect(start_collection.release)
        dialogs.parent = window
        after_first_paint(window, lambda: check_integrity_soon(ctx, window))
        window.show()
        window.wait_for_panels()  # the window is painted first, then its panels are built
        if not window.isVisible():  # closed meanwhile
            return 0
        # Once the window has settled: the query planner's statistics, in the background.
        QTimer.singleShot(
            STATISTICS_DELAY_MS, window, lambda: refresh_statistics_once_checked(ctx, window)
        )
        from desktop.operations import analysts as analyst_ops
        from desktop.review import act_as, ensure_first_analyst
        from desktop.review.who_is_working import remember

        named = getattr(args, "as_analyst", None)
        if named and not ctx.ws.shared:
            if act_as(ctx, named):
                remember(settings, analyst_ops.current(ctx))
            window.update_workspace_labels()
        else:
            window.ensure_analyst()  # the analyst last chosen here, or asked; no placeholder
            # An older workspace whose only analyst is the "Analyst" made for it: name them.
            if not analyst_ops.needs_first_analyst(ctx) and ensure_first_analyst(
                ctx, window, settings
            ):
                window.update_workspace_labels()
        log.info("opened %s", ws.display_name)
        if handed:
            open_handed(window, handed)
        return app.exec()
    finally:
        from desktop.workers import finish_background_work

        finish_background_work()
        ctx.ws.close()
        start_collection.unfreeze()


if __name__ == "__main__":
    from desktop.launcher import main as launch

    raise SystemExit(launch())
