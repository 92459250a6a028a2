"""The "Open shared workspace…" dialog: connection fields and recent servers.

Recent entries are stored in QSettings without their password; the password
lives only in the field while the dialog is open and is asked again next time.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from db.workspace import redact
from desktop.shared.urls import build_url, without_password

RECENT_KEY = "shared/recent"
MAX_RECENT = 8


def recent_urls(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or []]


def remember_url(settings: QSettings, url: str) -> None:
    """Put *url* (password removed) first in the recent list."""
    safe = without_password(url)
    entries = [safe] + [u for u in recent_urls(settings) if u != safe]
    settings.setValue(RECENT_KEY, entries[:MAX_RECENT])
    settings.sync()


class OpenSharedDialog(QDialog):
    """Asks for host, port, database, user and password; :meth:`url` builds the URL."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open shared workspace")
        self.setMinimumWidth(440)
        self.settings = settings or QSettings()
        self.intro = QLabel(
            "Connect to a team workspace kept on a PostgreSQL server. "
            "Your workspace admin can tell you the host, database and login.",
            self,
        )
        self.intro.setWordWrap(True)
        self.recent = QComboBox()
        self.recent.addItem("Choose a server used before…")
        for url in recent_urls(self.settings):
            self.recent.addItem(redact(url), url)
        self.recent.currentIndexChanged.connect(self._use_recent)
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setPlaceholderText("the workspace's database name")
        self.user = QLineEdit()
        self.user.setPlaceholderText("your database login")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("asked every time; never stored")
        form = QFormLayout()
        form.addRow("Recent", self.recent)
        form.addRow("Host", self.host)
        form.addRow("Port", self.port)
        form.addRow("Database", self.database)
        form.addRow("User", self.user)
        form.addRow("Password", self.password)
        # With no server used before, an empty "Recent" list only puzzles.
        form.setRowVisible(self.recent, self.recent.count() > 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._update_open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_open()

    def _update_open(self) -> None:
        """Open needs a host, a database and a user; the password may be empty."""
        ready = all(e.text().strip() for e in (self.host, self.database, self.user))
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ready)

    def _use_recent(self, index: int) -> None:
        url = self.recent.itemData(index)
        if url:
            self.fill(url)

    def fill(self, url: str) -> None:
        """Fill the fields from a URL; the password field is left empty to be asked."""
        parsed = make_url(url)
        self.host.setText(parsed.host or "")
        self.port.setValue(parsed.port or 5432)
        self.database.setText(parsed.database or "")
        self.user.setText(parsed.username or "")
        self.password.clear()
        self.password.setFocus()

    def url(self) -> str:
        """The full connection URL, password included (never store or log it)."""
        return build_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            self.password.text() or None,
        )

    def remember(self) -> None:
        remember_url(self.settings, self.url())
