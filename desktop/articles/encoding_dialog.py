"""Before a file in a recognised (not certain) encoding is stored: confirm it or pick another.

The dialog names the encoding ClaimDesk recognised and shows the first lines
read in it; the analyst may pick another encoding from the list, and the
preview follows.  An encoding the file's bytes do not fit is refused, naming
the offset of the first byte that cannot be read, and Import stays unavailable
until one fits.  Nothing is stored until Import is chosen; Skip leaves the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import ClaimDeskError
from db.invisible import marked
from desktop.operations import imports
from desktop.palette import error_style
from desktop.screen_fit import resize_within_screen


class EncodingDialog(QDialog):
    """One file: the recognised encoding, a preview, and a list of others to pick from."""

    def __init__(
        self, path: Path, detected: str, parent: QWidget | None = None, *, position: str = ""
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.detected = detected
        self.setObjectName("encodingDialog")
        self.setWindowTitle(f"Choose the encoding{position}")
        resize_within_screen(self, 640, 460)
        name = marked(self.path.name)
        detected_label = imports.encoding_label(detected)
        intro = QLabel(
            f"{name} is not UTF-8. ClaimDesk recognised it as {detected_label}. "
            "Check the first lines below; if they look wrong, pick another encoding. "
            "Nothing is stored until you choose Import.",
            self,
        )
        intro.setObjectName("encodingIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.combo = QComboBox(self)
        self.combo.setObjectName("encodingCombo")
        for codec, text in imports.encoding_choices():
            shown = f"{text} (recognised)" if codec == detected else text
            self.combo.addItem(shown, codec)
        if self.combo.findData(detected) < 0:
            self.combo.insertItem(0, f"{detected_label} (recognised)", detected)
        self.combo.setCurrentIndex(self.combo.findData(detected))
        label = QLabel("&Encoding:", self)
        label.setBuddy(self.combo)

        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("encodingPreview")
        self.preview.setAccessibleName("The text read with the chosen encoding")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.error = QLabel(self)
        self.error.setObjectName("encodingError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("&Import", self)
        self.import_button.setObjectName("encodingImport")
        self.import_button.setDefault(True)
        skip = QPushButton("&Skip this file", self)
        skip.setObjectName("encodingSkip")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(skip, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.combo.currentIndexChanged.connect(self._show_preview)
        self._show_preview()

    def encoding(self) -> str:
        return str(self.combo.currentData())

    def _refuse(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()
        self.import_button.setEnabled(False)

    def _show_preview(self) -> None:
        try:
            text = imports.encoding_preview(self.path, self.encoding())
        except (ClaimDeskError, OSError) as exc:
            self.preview.setPlainText("")
            self._refuse(exc)
            return
        self.preview.setPlainText(marked(text))
        self.error.hide()
        self.import_button.setEnabled(True)

    def accept(self) -> None:
        """Import only when the whole file reads in the chosen encoding."""
        try:
            imports.check_encoding(self.path, self.encoding())
        except (ClaimDeskError, OSError) as exc:
            self._refuse(exc)
            return
        super().accept()


def ask_encodings(
    guessed: list[tuple[Path, str]],
    parent: QWidget | None,
    import_chosen: Callable[[dict[Path, str]], object],
) -> None:
    """One dialog per file, in turn; then *import_chosen* with the files to import."""
    queue = list(guessed)
    chosen: dict[Path, str] = {}
    total = len(queue)

    def next_file() -> None:
        if not queue:
            if chosen:
                import_chosen(chosen)
            return
        path, detected = queue.pop(0)
        position = f" ({total - len(queue)} of {total})" if total > 1 else ""
        dialog = EncodingDialog(path, detected, parent, position=position)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                chosen[path] = dialog.encoding()
            QTimer.singleShot(0, next_file)

        dialog.finished.connect(finished)
        dialog.open()

    next_file()
