"""Wires the shared-workspace UI into the main window: File menu action and poller."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from db.errors import ClaimDeskError
from db.workspace import redact
from desktop.context import AppContext
from desktop.operations.workspaces import connect_shared
from desktop.shared.bundle_ui import BundleActions
from desktop.shared.conflict import make_stale_handler
from desktop.shared.open_dialog import OpenSharedDialog
from desktop.shared.poller import ChangePoller
from desktop.shared.urls import scrub

log = logging.getLogger(__name__)


def _place_after_open_actions(menu: QMenu, action: QAction) -> None:
    """Insert *action* after the menu's last "Open…" entry (or at the end)."""
    actions = menu.actions()
    opens = [i for i, a in enumerate(actions) if a.text().replace("&", "").startswith("Open")]
    if opens and opens[-1] + 1 < len(actions):
        menu.insertAction(actions[opens[-1] + 1], action)
    else:
        menu.addAction(action)


class SharedUi(QObject):
    """Holds the File menu action and the change poller of one main window."""

    def __init__(
        self,
        main_window: Any,
        ctx: AppContext,
        *,
        settings: QSettings | None = None,
        dialog_factory: Callable[[QSettings, QWidget | None], OpenSharedDialog] | None = None,
        interval_ms: int = 1000,
    ) -> None:
        super().__init__(main_window if isinstance(main_window, QObject) else ctx)
        self.ctx = ctx
        self.window = main_window
        self.settings = settings or QSettings()
        self.dialog_factory = dialog_factory or (lambda s, p: OpenSharedDialog(s, p))
        self.action = QAction("Open shared workspace…", main_window)
        self.action.triggered.connect(self.open_shared)
        file_menu = main_window.menu("File")
        _place_after_open_actions(file_menu, self.action)
        parent = main_window if isinstance(main_window, QWidget) else None
        self.bundles = BundleActions(ctx, parent)
        self.export_action = QAction("Export bundle…", main_window)
        self.export_action.triggered.connect(lambda: self.bundles.export())
        self.import_action = QAction("Import bundle…", main_window)
        self.import_action.triggered.connect(lambda: self.bundles.import_())
        _place_after_open_actions(file_menu, self.import_action)
        _place_after_open_actions(file_menu, self.export_action)
        self.agreement_action = QAction("Agreement between analysts…", main_window)
        self.agreement_action.triggered.connect(self.show_agreement)
        main_window.menu("Review").addAction(self.agreement_action)
        ctx.stale_edit_handler = make_stale_handler(ctx, parent)
        self.poller = ChangePoller(ctx, interval_ms=interval_ms, parent=self)
        self.poller.start()
        if isinstance(main_window, QObject):
            main_window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop polling when the main window closes."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.poller.stop()
        return False

    def open_shared(self) -> bool:
        """Ask for the connection and switch to the shared workspace; True on success."""
        parent = self.window if isinstance(self.window, QWidget) else None
        dialog = self.dialog_factory(self.settings, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.open_url(dialog.url(), remember=dialog.remember)

    def show_agreement(self) -> None:
        from desktop.shared.agreement_dialog import AgreementDialog

        parent = self.window if isinstance(self.window, QWidget) else None
        AgreementDialog(self.ctx, parent).exec()

    def open_url(self, url: str, remember: Callable[[], None] | None = None) -> bool:
        try:
            ws = connect_shared(url)
        except ClaimDeskError as exc:
            log.info("%s", scrub(str(exc), url))
            self.ctx.report_error(exc, "Open shared workspace")
            return False
        if remember is not None:
            remember()
        log.info("Opened shared workspace %s", redact(url))
        self.ctx.set_workspace(ws)
        return True


def install_shared_ui(main_window: Any, ctx: AppContext, **options: Any) -> SharedUi:
    """Add "Open shared workspace…" to *main_window*'s File menu and start polling.

    *main_window* needs ``menu(name) -> QMenu``.  Keep the returned object
    (it is also parented to *ctx*).
    """
    return SharedUi(main_window, ctx, **options)
