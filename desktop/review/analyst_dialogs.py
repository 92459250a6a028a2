"""Who is working: the first-start dialog, switching analyst, and the team settings."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.analysts import PALETTE, AnalystInfo, default_initials
from db.models import Role
from desktop.accessibility import hand_focus_on
from desktop.context import AppContext
from desktop.operations import analysts as analyst_ops
from desktop.operations import settings as settings_ops
from desktop.operations import team as team_ops
from desktop.palette import readable_ink
from desktop.review.common import attempt
from desktop.review.member_dialog import NewMemberDialog
from desktop.screen_fit import resize_within_screen


class ColorButton(QPushButton):
    """A button showing a colour; clicking it opens a colour picker."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colorButton")
        self.set_color(color)
        self.clicked.connect(self._pick)

    def set_color(self, color: str) -> None:
        self.color = QColor(color).name()
        self.setText(self.color)
        ink = readable_ink(QColor(self.color)).name()
        self.setStyleSheet(f"background: {self.color}; color: {ink};")

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, "Analyst colour")
        if chosen.isValid():
            self.set_color(chosen.name())


class AnalystForm(QDialog):
    """Name, initials (suggested from the name until edited) and colour."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("analystName")
        self.initials = QLineEdit(self)
        self.initials.setObjectName("analystInitials")
        self.initials.setMaxLength(8)
        self.initials.setPlaceholderText("shown beside your changes")
        self.color_button = ColorButton(PALETTE[0], self)
        self.color_button.setToolTip("Colour that marks this analyst's work; click to change")
        self._initials_edited = False
        self.name.textChanged.connect(self._suggest_initials)
        self.initials.textEdited.connect(lambda _t: setattr(self, "_initials_edited", True))
        self.form = QFormLayout()
        self.form.addRow("Name", self.name)
        self.form.addRow("Initials", self.initials)
        self.form.addRow("Colour", self.color_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update_ok)
        self._update_ok()

    def _suggest_initials(self, text: str) -> None:
        if not self._initials_edited:
            self.initials.setText(default_initials(text))

    def _update_ok(self) -> None:
        ok = bool(self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.initials.text().strip(), self.color_button.color


class FirstAnalystDialog(AnalystForm):
    """First start of a workspace: who are you?  The first analyst is its admin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Welcome to ClaimDesk",
            "Who is working in this workspace? Your name is recorded with every change "
            "you make. As the first analyst you are its admin.",
            parent,
        )
        self.setObjectName("firstAnalystDialog")


class NewAnalystDialog(AnalystForm):
    """Add a teammate, with a role."""

    def __init__(self, can_grant: bool, parent: QWidget | None = None) -> None:
        super().__init__("Add analyst", "Add a member of the team.", parent)
        self.setObjectName("newAnalystDialog")
        self.color_button.set_color(PALETTE[1])
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.value.capitalize(), role.value)
        self.role.setEnabled(can_grant)
        self.role.setToolTip("" if can_grant else "Only admins grant the reviewer or admin role.")
        self.form.addRow("Role", self.role)


def _unnamed_default(ctx: AppContext) -> AnalystInfo | None:
    """The automatically created "Analyst" when it is a local workspace's only analyst."""
    people = analyst_ops.list_analysts(ctx)
    if len(people) == 1 and people[0].name == analyst_ops.DEFAULT_NAME and not people[0].login:
        return people[0]
    return None


def ensure_first_analyst(
    ctx: AppContext, parent: QWidget | None = None, settings: QSettings | None = None
) -> bool:
    """First start of a local workspace: ask who is working (modal).

    With nobody in the workspace, the answer becomes its first analyst (admin).
    When only the automatically created "Analyst" exists, that admin is renamed
    (their earlier changes were the same person's).  Asked once per workspace
    when *settings* is given.  Returns True when someone was named.
    """
    ws = ctx.ws
    if ws.shared:
        return False
    empty = analyst_ops.needs_first_analyst(ctx)
    default = None if empty else _unnamed_default(ctx)
    if not empty and default is None:
        return False
    key = f"review/introduced/{ws.url}"
    if settings is not None and settings.value(key, False, type=bool):
        return False
    dialog = FirstAnalystDialog(parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if settings is not None:
        settings.setValue(key, True)
    if not accepted:
        return False
    name, initials, color = dialog.values()
    if empty:
        made = attempt(ctx, lambda: analyst_ops.create_first_analyst(ctx, name, initials, color))
        return made is not None
    assert default is not None
    renamed = analyst_ops.update_analyst(ctx, default.id, name=name, initials=initials, color=color)
    if renamed:
        attempt(ctx, lambda: analyst_ops.bind(ctx, name))
    return renamed


def act_as(ctx: AppContext, name: str) -> bool:
    """Work as the analyst named on the command line (``--as``); an unknown name is
    one message and the window keeps the analyst it had."""
    return attempt(ctx, lambda: analyst_ops.bind(ctx, name), "Act as analyst") is not None


class SwitchAnalystDialog(QDialog):
    """Choose who is working in a local workspace (shared ones use the database login)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("switchAnalystDialog")
        self.setWindowTitle("Switch analyst")
        self.people = QComboBox(self)
        self.people.setObjectName("analystChoice")
        self.people.setAccessibleName("Analyst")
        for a in analyst_ops.list_analysts(ctx):
            self.people.addItem(f"{a.name} ({a.role.value})", str(a.id))
            if a.id == ctx.ws.analyst_id:
                self.people.setCurrentIndex(self.people.count() - 1)
        note = QLabel(
            "Changes are recorded under the analyst chosen here. In a shared workspace you "
            "always work as your database login.",
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def apply(self) -> AnalystInfo | None:
        """Make the chosen analyst current; returns them (None when refused)."""
        chosen = self.people.currentData()
        if not chosen:
            return None
        if attempt(self.ctx, lambda: analyst_ops.bind(self.ctx, chosen), "Switch analyst") is None:
            return None
        self.ctx.undo_stack.clear()  # undo must not replay edits under another name
        return analyst_ops.current(self.ctx)


class TeamDialog(QDialog):
    """The team and its rules: analysts, roles (admins change them), four-eyes, organisation."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("teamDialog")
        self.setWindowTitle("Team and review rules")
        self.table = QTableWidget(0, 4, self)
        hand_focus_on(self.table)
        self.table.setAccessibleName("Analysts")
        self.table.setHorizontalHeaderLabels(["Name", "Initials", "Role", "Login"])
        self.table.verticalHeader().hide()
        self.shared = team_ops.shared(ctx)
        self.add_button = QPushButton("Add login…" if self.shared else "Add analyst…", self)
        self.add_button.clicked.connect(self.add_member if self.shared else self.add_analyst)
        self.remove_button = QPushButton("Remove from team", self)
        self.remove_button.setObjectName("removeMember")
        self.remove_button.setToolTip("Their work stays attributed to them.")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setVisible(self.shared)
        self.four_eyes = QCheckBox(
            "Four-eyes rule: whoever created a claim cannot mark it verified or false", self
        )
        self.four_eyes.setObjectName("fourEyes")
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("organisationName")
        self.save_button = QPushButton("Save rules", self)
        self.save_button.clicked.connect(self.save_settings)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        rules = QFormLayout()
        rules.addRow(self.four_eyes)
        rules.addRow("Organisation", self.organisation)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(rules)
        layout.addLayout(row)
        layout.addWidget(close)
        resize_within_screen(self, 620, 420)
        self.refresh()

    def _me(self) -> AnalystInfo | None:
        return analyst_ops.current(self.ctx)

    def refresh(self) -> None:
        me = self._me()
        admin = me is not None and me.is_admin
        people = analyst_ops.list_analysts(self.ctx)
        self.table.setRowCount(len(people))
        for row, a in enumerate(people):
            name = QTableWidgetItem(a.name)
            name.setForeground(QColor(a.color))
            for col, item in enumerate(
                (name, QTableWidgetItem(a.initials), None, QTableWidgetItem(a.login or ""))
            ):
                if item is not None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, col, item)
            box = QComboBox(self.table)
            box.setAccessibleName(f"Role of {a.name}")
            for role in Role:
                box.addItem(role.value.capitalize(), role.value)
            box.setCurrentIndex(box.findData(a.role.value))
            box.setEnabled(admin)
            box.currentIndexChanged.connect(
                lambda _i, who=a.id, b=box: self.set_role(who, b.currentData())
            )
            self.table.setCellWidget(row, 2, box)
        self.table.resizeColumnsToContents()
        settings = settings_ops.all_settings(self.ctx)
        self.four_eyes.setChecked(settings[settings_ops.FOUR_EYES] == "on")
        self.organisation.setText(settings[settings_ops.ORGANISATION])
        for w in (self.four_eyes, self.organisation, self.save_button):
            w.setEnabled(admin)
        if self.shared:
            # Only admins manage a shared workspace's logins (the database holds to it too).
            self.add_button.setEnabled(admin)
            self.remove_button.setEnabled(admin)

    def set_role(self, analyst_id: uuid.UUID, role: str) -> None:
        """Change a role (undoable; a refusal is shown and the table reverts)."""
        analyst_ops.set_role(self.ctx, analyst_id, role)
        self.refresh()

    def add_analyst(self) -> None:
        me = self._me()
        dialog = NewAnalystDialog(me is not None and me.is_admin, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, initials, color = dialog.values()
        role = dialog.role.currentData()
        analyst_ops.add_analyst(self.ctx, name, initials, color, role)
        self.refresh()

    def add_member(self) -> None:
        """Give a database login a role (shared workspaces)."""
        dialog = NewMemberDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_member(dialog)

    def apply_member(self, dialog: NewMemberDialog) -> bool:
        login, role, password = dialog.values()
        done = team_ops.add_member(self.ctx, login, role, password)
        self.refresh()
        return done

    def selected_login(self) -> str:
        row = self.table.currentRow()
        item = self.table.item(row, 3) if row >= 0 else None
        return item.text() if item is not None else ""

    def remove_selected(self) -> None:
        login = self.selected_login()
        if login:
            team_ops.remove_member(self.ctx, login)
            self.refresh()

    def save_settings(self) -> None:
        """Store the rules as one undoable step."""
        settings_ops.save_settings(
            self.ctx,
            {
                settings_ops.FOUR_EYES: "on" if self.four_eyes.isChecked() else "off",
                settings_ops.ORGANISATION: self.organisation.text(),
            },
        )
