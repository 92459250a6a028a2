"""Adding a database login to a shared workspace's team (admins)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.models import Role

MIN_PASSWORD = 8


class NewMemberDialog(QDialog):
    """A login, its role and, when ClaimDesk is to create the login, its password."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newMemberDialog")
        self.setWindowTitle("Add to the team")
        intro = QLabel(
            "Give a database login a role in this workspace. The password of a new login "
            "is turned into a verifier on this computer and never stored by ClaimDesk.",
            self,
        )
        intro.setWordWrap(True)
        self.login = QLineEdit(self)
        self.login.setObjectName("memberLogin")
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.value.capitalize(), role.value)
        self.create = QCheckBox("Create this login", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel("", self)
        self.problem.setObjectName("memberProblem")
        form = QFormLayout()
        form.addRow("Login", self.login)
        form.addRow("Role", self.role)
        form.addRow(self.create)
        form.addRow("Password", self.password)
        form.addRow("Again", self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.login.textChanged, self.password.textChanged, self.repeat.textChanged):
            signal.connect(self._update)
        self.create.toggled.connect(self._update)
        self._update()

    def _why_not(self) -> str:
        if not self.login.text().strip():
            return "Name the database login."
        if not self.create.isChecked():
            return ""
        if len(self.password.text()) < MIN_PASSWORD:
            return f"A new login's password needs at least {MIN_PASSWORD} characters."
        if self.password.text() != self.repeat.text():
            return "The two passwords differ."
        return ""

    def _update(self) -> None:
        for field in (self.password, self.repeat):
            field.setEnabled(self.create.isChecked())
        reason = self._why_not()
        self.problem.setText(reason)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not reason)

    def values(self) -> tuple[str, str, str | None]:
        """(login, role, password or None when the login exists already)."""
        password = self.password.text() if self.create.isChecked() else None
        return self.login.text().strip(), str(self.role.currentData()), password
