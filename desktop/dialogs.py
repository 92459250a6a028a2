"""Message boxes and file pickers behind one small service tests can replace.

Messages may quote stored text or file names: invisible and text-direction
characters in them are shown marked (``<U+202E>``), so a file name cannot pass
for another and no message can be reordered.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.invisible import marked


class DialogService:
    """Default implementation: real Qt dialogs.  Tests pass a recording fake."""

    # False where nobody can answer a question (tests, scripts): callers that would
    # open a dialog of their own report the problem instead.
    interactive = True

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, marked(message))

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, marked(message))

    def confirm(self, title: str, message: str) -> bool:
        answer = QMessageBox.question(self.parent, title, marked(message))
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, message: str, choices: list[str], default: int = 0) -> int | None:
        """The index of the choice the analyst clicked; None for Cancel (or Escape)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=self.parent)
        box.setObjectName("choiceDialog")
        buttons = [box.addButton(text, QMessageBox.ButtonRole.AcceptRole) for text in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons[default])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

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
        # Answers to choose(), first first; when none is left the default is taken.
        self.choice_answers: list[int | None] = []
        self.choices_asked: list[tuple[str, str, list[str]]] = []

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, marked(message)))

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, marked(message)))

    def confirm(self, title: str, message: str) -> bool:
        return self.confirm_answer

    def choose(self, title: str, message: str, choices: list[str], default: int = 0) -> int | None:
        self.choices_asked.append((title, message, list(choices)))
        return self.choice_answers.pop(0) if self.choice_answers else default

    def open_files(self, title: str, filters: str) -> list[str]:
        paths, self.next_paths = self.next_paths, []
        return paths

    def open_file(self, title: str, filters: str) -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None
