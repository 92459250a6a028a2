"""Message boxes and file pickers behind one small service tests can replace."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class DialogService:
    """Default implementation: real Qt dialogs.  Tests pass a recording fake."""

    # False where nobody can answer a question (tests, scripts): callers that would
    # open a dialog of their own report the problem instead.
    interactive = True

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def confirm(self, title: str, message: str) -> bool:
        answer = QMessageBox.question(self.parent, title, message)
        return answer == QMessageBox.StandardButton.Yes

    def open_files(self, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, "", filters)
        return paths

    def open_file(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", filters)
        return path or None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None


class RecordingDialogs(DialogService):
    """A non-interactive service: records messages, answers from preset values."""

    interactive = False

    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirm_answer = True
        self.next_paths: list[str] = []

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def confirm(self, title: str, message: str) -> bool:
        return self.confirm_answer

    def open_files(self, title: str, filters: str) -> list[str]:
        paths, self.next_paths = self.next_paths, []
        return paths

    def open_file(self, title: str, filters: str) -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None
