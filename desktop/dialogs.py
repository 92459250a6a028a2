"""Message boxes and file pickers behind one small service tests can replace.

Messages may quote stored text or file names: invisible and text-direction
characters in them are shown marked (``<U+202E>``), so a file name cannot pass
for another and no message can be reordered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from db.invisible import marked

# Where the last file dialog was left; the next one starts there.
LAST_FOLDER_KEY = "dialogs/lastFolder"


def documents_folder() -> str:
    """The user's documents folder (their home when it has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return found
    return str(Path.home())


class DialogService:
    """Default implementation: real Qt dialogs.  Tests pass a recording fake."""

    # False where nobody can answer a question (tests, scripts): callers that would
    # open a dialog of their own report the problem instead.
    interactive = True

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        self.parent = parent
        self.settings = settings

    def start_folder(self) -> str:
        """Where a file dialog opens: the folder last used, else the documents folder.

        Never the program's working folder (what Qt picks when given none).
        """
        last = self.settings.value(LAST_FOLDER_KEY) if self.settings is not None else None
        if isinstance(last, str) and last and Path(last).is_dir():
            return last
        return documents_folder()

    def remember(self, chosen: str, *, folder: bool = False) -> None:
        """Start the next dialog where *chosen* (a file, or with *folder* a folder) is."""
        if not chosen or self.settings is None:
            return
        where = Path(chosen) if folder else Path(chosen).parent
        self.settings.setValue(LAST_FOLDER_KEY, str(where))

    def _suggested(self, suggested: str) -> str:
        if suggested and Path(suggested).is_absolute():
            return suggested
        return str(Path(self.start_folder()) / suggested) if suggested else self.start_folder()

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

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """A line the analyst typed (None: cancelled)."""
        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer if ok else None

    def who_is_working(self) -> tuple[str, str, str] | None:
        """Ask a new workspace who is working: (name, initials, colour), None if cancelled."""
        from desktop.review.analyst_dialogs import FirstAnalystDialog

        dialog = FirstAnalystDialog(self.parent)
        if dialog.exec() != FirstAnalystDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def open_files(self, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, self.start_folder(), filters)
        if paths:
            self.remember(paths[0])
        return paths

    def open_file(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, self.start_folder(), filters)
        self.remember(path)
        return path or None

    def open_folder(self, title: str) -> str | None:
        path = QFileDialog.getExistingDirectory(self.parent, title, self.start_folder())
        self.remember(path, folder=True)
        return path or None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        start = self._suggested(suggested)
        path, _ = QFileDialog.getSaveFileName(self.parent, title, start, filters)
        self.remember(path)
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
        # Answers to ask_text(), first first; when none is left the question is cancelled.
        self.text_answers: list[str | None] = []
        # Answers to who_is_working(), first first; when none is left it is cancelled.
        self.analyst_answers: list[tuple[str, str, str] | None] = []
        self.analysts_asked = 0

    def who_is_working(self) -> tuple[str, str, str] | None:
        self.analysts_asked += 1
        return self.analyst_answers.pop(0) if self.analyst_answers else None

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, marked(message)))

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, marked(message)))

    def confirm(self, title: str, message: str) -> bool:
        return self.confirm_answer

    def choose(self, title: str, message: str, choices: list[str], default: int = 0) -> int | None:
        self.choices_asked.append((title, message, list(choices)))
        return self.choice_answers.pop(0) if self.choice_answers else default

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self.text_answers.pop(0) if self.text_answers else None

    def open_files(self, title: str, filters: str) -> list[str]:
        paths, self.next_paths = self.next_paths, []
        return paths

    def open_file(self, title: str, filters: str) -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None

    def open_folder(self, title: str) -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        return self.next_paths.pop(0) if self.next_paths else None
