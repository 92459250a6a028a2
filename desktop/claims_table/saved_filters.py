"""Saved filters in the claims filter bar: pick one from the list; save, rename or delete.

They live in the workspace (one list for the whole team, see :mod:`db.saved_filters`);
each save, rename and delete is one undoable step, and every open window follows
the change record.
"""

from __future__ import annotations

import uuid
from types import ModuleType

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QPushButton, QWidget

from db.changes import Changes, Entity
from db.claim_criteria import ClaimFilter
from db.errors import ClaimDeskError
from desktop.claims_table.filter_bar import ClaimFilterBar
from desktop.context import AppContext

PLACEHOLDER = "Saved filters…"


def _saved_ops() -> ModuleType:
    """The saved filters' operations, imported when first used (they load the ORM)."""
    from desktop.operations import saved_filters

    return saved_filters


class _SavedCombo(QComboBox):
    """Reads the names again as the list opens: another analyst may have saved one."""

    def __init__(self, owner: SavedFilters) -> None:
        super().__init__(owner)
        self._owner = owner

    def showPopup(self) -> None:
        self._owner.reload()
        super().showPopup()


class SavedFilters(QWidget):
    """The list of saved filters and its menu (objectName ``savedFilters``)."""

    def __init__(
        self,
        ctx: AppContext,
        bar: ClaimFilterBar,
        parent: QWidget | None = None,
        *,
        load: bool = True,
    ) -> None:
        """With *load* false the names are read on the first :meth:`reload`."""
        super().__init__(parent)
        self.setObjectName("savedFilters")
        self.ctx = ctx
        self.bar = bar
        self.combo = _SavedCombo(self)
        self.combo.setObjectName("savedFilterCombo")
        self.combo.setAccessibleName("Saved filters")
        self.combo.setToolTip("Apply a filter saved in this workspace (shared by the team)")
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.button = QPushButton("Save…", self)
        self.button.setObjectName("savedFilterMenuButton")
        self.button.setAccessibleName("Saved filter actions")
        menu = QMenu(self.button)
        self.save_action = menu.addAction("&Save Current Filter As…", lambda: self.save_current())
        self.save_action.setObjectName("actionSaveFilter")
        self.rename_action = menu.addAction("&Rename Saved Filter…", lambda: self.rename_current())
        self.rename_action.setObjectName("actionRenameFilter")
        self.delete_action = menu.addAction("&Delete Saved Filter", self.delete_current)
        self.delete_action.setObjectName("actionDeleteFilter")
        menu.aboutToShow.connect(self._update_actions)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.button)
        self._applied: ClaimFilter | None = None
        self.combo.activated.connect(self._chosen)
        self.combo.currentIndexChanged.connect(self._show_name)
        bar.filterChanged.connect(self._filter_changed)
        ctx.changed.connect(self._changed)
        ctx.workspaceChanged.connect(self.reload)
        if load:
            self.reload()

    # ------------------------------------------------------------ the list

    def reload(self) -> None:
        """Read the names again, keeping the chosen one chosen."""
        chosen = self.current_id()
        try:
            names = _saved_ops().names(self.ctx)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            names = []
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(PLACEHOLDER, None)
            for filter_id, name in names:
                self.combo.addItem(name, str(filter_id))
                self.combo.setItemData(self.combo.count() - 1, name, 3)  # tooltip
            pos = self.combo.findData(str(chosen)) if chosen is not None else 0
            self.combo.setCurrentIndex(max(pos, 0))
        self._show_name(self.combo.currentIndex())
        self._update_actions()

    def names(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(1, self.combo.count())]

    def current_id(self) -> uuid.UUID | None:
        data = self.combo.currentData()
        return uuid.UUID(data) if data else None

    def select(self, name: str) -> bool:
        """Choose the saved filter called *name* and apply it (as picking it does)."""
        pos = self.combo.findText(name)
        if pos <= 0:
            return False
        self.combo.setCurrentIndex(pos)
        self._chosen(pos)
        return True

    def _show_name(self, index: int) -> None:
        """The whole name on hover, however narrow the list box is."""
        tip = "Apply a filter saved in this workspace (shared by the team)"
        self.combo.setToolTip(self.combo.itemText(index) if index > 0 else tip)

    def _update_actions(self) -> None:
        chosen = self.current_id() is not None
        self.rename_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)

    def _changed(self, changes: Changes) -> None:
        if changes.everything or changes.touches(Entity.SAVED_FILTER):
            self.reload()

    def _chosen(self, index: int) -> None:
        filter_id = self.combo.itemData(index)
        self._update_actions()
        if not filter_id:
            return
        try:
            info = _saved_ops().get(self.ctx, uuid.UUID(filter_id))
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            self.reload()
            return
        self._applied = info.claim_filter
        missing = self.bar.apply_filter(info.claim_filter)
        self._applied = self.bar.current_filter()
        if missing:
            self.ctx.dialogs.info(
                "Saved filter",
                f"“{info.name}” was applied, but {' and '.join(missing)}; "
                "that part shows every claim.",
            )

    def _filter_changed(self, flt: ClaimFilter) -> None:
        """The analyst changed a criterion: the list no longer names what is shown."""
        if self._applied is not None and flt != self._applied:
            self._applied = None
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(0)
            self._show_name(0)
            self._update_actions()

    # ------------------------------------------------------------ edits

    def save_current(self, name: str | None = None) -> bool:
        """Save what the bar shows under *name* (asked when not given)."""
        if name is None:
            name = self.ctx.dialogs.ask_text("Save filter", "Name for the current filter:")
            if name is None:
                return False
        flt = self.bar.current_filter()
        filter_id = _saved_ops().save(self.ctx, name, flt)
        if filter_id is None:
            return False
        self._applied = flt
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(0, self.combo.findData(str(filter_id))))
        self._show_name(self.combo.currentIndex())
        self._update_actions()
        return True

    def rename_current(self, name: str | None = None) -> bool:
        filter_id = self.current_id()
        if filter_id is None:
            return False
        if name is None:
            name = self.ctx.dialogs.ask_text(
                "Rename saved filter", "New name:", self.combo.currentText()
            )
            if name is None:
                return False
        return _saved_ops().rename(self.ctx, filter_id, name)

    def delete_current(self) -> bool:
        filter_id = self.current_id()
        if filter_id is None:
            return False
        name = self.combo.currentText()
        if not self.ctx.dialogs.confirm(
            "Delete saved filter", f"Delete the saved filter “{name}” for everyone? (Ctrl+Z undoes)"
        ):
            return False
        self._applied = None
        return _saved_ops().delete(self.ctx, filter_id)
