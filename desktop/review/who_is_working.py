"""Who is working: asked when a workspace has nobody, remembered on this machine, shown in
the status bar, and switched there with one click.

A new local workspace never records under a made-up name: the analyst last chosen
on this computer (QSettings) becomes its first analyst, or the window asks for a
name and initials.  Until someone is named, edits are refused with a pointer to the
status-bar button.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QToolButton, QWidget

from db.analysts import AnalystInfo
from desktop.context import AppContext
from desktop.operations import analysts as analyst_ops
from desktop.review.common import attempt

NAME_KEY = "analyst/name"
INITIALS_KEY = "analyst/initials"
COLOR_KEY = "analyst/color"
NOBODY = "No analyst: who is working?"


def remember(settings: QSettings | None, info: AnalystInfo | None) -> None:
    """Keep *info* as the analyst last chosen on this machine."""
    if settings is None or info is None:
        return
    settings.setValue(NAME_KEY, info.name)
    settings.setValue(INITIALS_KEY, info.initials)
    settings.setValue(COLOR_KEY, info.color)


def remembered(settings: QSettings | None) -> tuple[str, str, str] | None:
    """(name, initials, colour) of the analyst last chosen here, if any."""
    if settings is None:
        return None
    name = settings.value(NAME_KEY, "", type=str)
    if not isinstance(name, str) or not name.strip():
        return None
    initials = settings.value(INITIALS_KEY, "", type=str)
    color = settings.value(COLOR_KEY, "", type=str)
    return name.strip(), str(initials or ""), str(color or "")


def name_first_analyst(
    ctx: AppContext, values: tuple[str, str, str], settings: QSettings | None
) -> AnalystInfo | None:
    """Make *values* (name, initials, colour) the workspace's first analyst and remember them."""
    name, initials, color = values
    info = attempt(
        ctx,
        lambda: analyst_ops.create_first_analyst(ctx, name, initials, color),
        "Who is working",
    )
    remember(settings, info)
    return info


def ensure_analyst(ctx: AppContext, settings: QSettings | None = None) -> AnalystInfo | None:
    """Someone is working in *ctx*'s workspace, never a placeholder; returns them.

    Shared workspaces: the database login's analyst (bound when opened).  A local
    workspace with analysts: the one last chosen on this machine if it has them (else
    as it opened).  A local workspace with nobody: the analyst last chosen on this
    machine becomes its first analyst; failing that the analyst is asked (name,
    initials).  None when the question was cancelled.
    """
    ws = ctx.ws
    if ws.shared:
        return analyst_ops.current(ctx)
    last = remembered(settings)
    if not analyst_ops.needs_first_analyst(ctx):
        attempt(ctx, lambda: analyst_ops.bind_remembered(ctx, last[0] if last else None))
        current = analyst_ops.current(ctx)
        return current
    answer = last or ctx.dialogs.who_is_working()
    if answer is None or not answer[0].strip():
        return None
    return name_first_analyst(ctx, answer, settings)


class AnalystButton(QToolButton):
    """The status bar's "Analyst: name (role)"; its menu lists the team to switch to,
    and "New analyst…".  Switching clears the undo stack (edits are not replayed under
    another name) and is remembered on this machine."""

    switched = Signal()

    def __init__(
        self, ctx: AppContext, settings: QSettings | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setObjectName("analystButton")
        self.setAccessibleName("Who is working")
        self.setToolTip("Who is working: click to switch analyst or add one")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("analystMenu")
        self.menu_.aboutToShow.connect(self.fill_menu)
        self.setMenu(self.menu_)
        self.refresh()

    def refresh(self) -> None:
        me = analyst_ops.current(self.ctx)
        if me is None:
            self.setText(NOBODY)
        else:
            self.setText(f"Analyst: {me.name} ({me.role.value})")

    def fill_menu(self) -> None:
        """The analysts of the workspace (the current one checked) and New analyst…."""
        menu = self.menu_
        menu.clear()
        if self.ctx.ws.shared:
            note = menu.addAction("In a shared workspace you work as your database login.")
            note.setEnabled(False)
            return
        me = self.ctx.ws.analyst_id
        for person in analyst_ops.list_analysts(self.ctx):
            act = menu.addAction(f"{person.name} ({person.role.value})")
            act.setObjectName(f"analyst:{person.id}")
            act.setCheckable(True)
            act.setChecked(person.id == me)
            act.triggered.connect(lambda _c=False, who=person.id: self.switch_to(who))
        menu.addSeparator()
        new = menu.addAction("New analyst…")
        new.setObjectName("newAnalystAction")
        new.triggered.connect(self.new_analyst)

    def actions_shown(self) -> list[QAction]:
        """The menu's entries as it is about to show (for keyboard users and tests)."""
        self.fill_menu()
        return [a for a in self.menu_.actions() if not a.isSeparator()]

    def switch_to(self, analyst_id: uuid.UUID | str) -> bool:
        if self.ctx.ws.shared:
            return False
        if str(analyst_id) == str(self.ctx.ws.analyst_id):
            return True
        done = attempt(
            self.ctx, lambda: analyst_ops.bind(self.ctx, str(analyst_id)), "Switch analyst"
        )
        if done is None:
            return False
        self.ctx.undo_stack.clear()  # undo must not replay edits under another name
        remember(self.settings, analyst_ops.current(self.ctx))
        self.refresh()
        self.switched.emit()
        return True

    def new_analyst(self) -> AnalystInfo | None:
        """Add someone and work as them (in an empty workspace: its first analyst)."""
        if analyst_ops.needs_first_analyst(self.ctx):
            answer = self.ctx.dialogs.who_is_working()
            info = name_first_analyst(self.ctx, answer, self.settings) if answer else None
            if info is not None:
                self.refresh()
                self.switched.emit()
            return info
        from desktop.review.analyst_dialogs import NewAnalystDialog

        me = analyst_ops.current(self.ctx)
        dialog = NewAnalystDialog(me is not None and me.is_admin, self.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        name, initials, color = dialog.values()
        added = analyst_ops.add_analyst(self.ctx, name, initials, color, dialog.role.currentData())
        if added is None or not self.switch_to(added.id):
            return None
        return added
