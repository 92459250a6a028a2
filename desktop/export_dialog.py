"""Export dialog: format, status/tag/article/source filter, path, preview and progress."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.claims import ClaimFilter
from db.exporting import FILE_SUFFIX, format_label, formats
from db.exporting.pdf import PAGE_SIZES
from db.invisible import file_name_part, marked
from db.models import Status
from desktop.accessibility import hand_focus_on
from desktop.context import AppContext
from desktop.operations import exports
from desktop.operations.wording import field_words, value_words
from desktop.screen_fit import resize_within_screen
from desktop.workers import Job

PREVIEW_COLUMNS = ("statement", "quote", "article_title", "source", "grading", "status")


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs in the background."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        article_id: uuid.UUID | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export claims")
        resize_within_screen(self, 820, 560)
        self.job: Job | None = None
        self.written: int | None = None

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        for fmt in formats():
            self.format_combo.addItem(format_label(fmt), fmt)
        self.status_boxes: dict[Status, QCheckBox] = {}
        status_grid = QGridLayout()
        for n, status in enumerate(Status):
            box = QCheckBox(status.label, self)
            box.setObjectName(f"exportStatus_{status.value}")
            box.setChecked(status == Status.VERIFIED)
            box.toggled.connect(self.refresh_preview)
            status_grid.addWidget(box, n // 3, n % 3)
            self.status_boxes[status] = box
        self.tag_combo = self._combo(
            "exportTag", "Any tag", [(t, t) for t in exports.tag_choices(ctx)]
        )
        self._article_titles = {
            str(a.id): a.title or a.filename for a in exports.article_choices(ctx)
        }
        self.article_combo = self._combo(
            "exportArticle", "All articles", list(self._article_titles.items())
        )
        self.source_combo = self._combo(
            "exportSource",
            "All sources",
            [(str(s.id), s.name) for s in exports.source_choices(ctx)],
        )
        if article_id is not None:
            index = self.article_combo.findData(str(article_id))
            if index >= 0:
                self.article_combo.setCurrentIndex(index)

        self.page_combo = QComboBox(self)
        self.page_combo.setObjectName("exportPage")
        for page in PAGE_SIZES:
            self.page_combo.addItem(page, page)
        self.page_combo.setToolTip("Paper size of the PDF report")
        if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
            self.page_combo.setCurrentIndex(self.page_combo.findData("Letter"))

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName("Export to file")
        self.path_edit.setPlaceholderText("Where to save the file (type a path or Browse…)")
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = self.form = QFormLayout()
        form.addRow("Format", self.format_combo)
        form.addRow("Paper", self.page_combo)
        form.addRow("Statuses", status_grid)
        form.addRow("Tag", self.tag_combo)
        form.addRow("Article", self.article_combo)
        form.addRow("Source", self.source_combo)
        form.addRow("File", path_row)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("exportCount")
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS), self)
        hand_focus_on(self.preview)
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName("Preview of the exported rows")
        self.preview.setHorizontalHeaderLabels([field_words(c) for c in PREVIEW_COLUMNS])
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.verticalHeader().hide()
        self.preview.setWordWrap(False)
        for column, width in enumerate((220, 170, 150, 110, 60)):
            self.preview.setColumnWidth(column, width)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(QLabel("First rows:", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        for combo in (self.tag_combo, self.article_combo, self.source_combo):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed(self.format_combo.currentIndex())
        self.refresh_preview()

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for data, text in items:
            combo.addItem(marked(text), data)
        return combo

    # ------------------------------------------------------------ filter

    def claim_filter(self) -> ClaimFilter:
        statuses = frozenset(s for s, box in self.status_boxes.items() if box.isChecked())
        tag = self.tag_combo.currentData()
        article = self.article_combo.currentData()
        source = self.source_combo.currentData()
        return ClaimFilter(
            statuses=statuses,
            tags=frozenset({tag}) if tag else frozenset(),
            article_ids=frozenset({uuid.UUID(article)}) if article else frozenset(),
            source_ids=frozenset({uuid.UUID(source)}) if source else frozenset(),
        )

    def refresh_preview(self) -> None:
        if not any(box.isChecked() for box in self.status_boxes.values()):
            self.count_label.setText("Tick at least one status to export.")
            self.preview.setRowCount(0)
            self.export_button.setEnabled(False)
            return
        flt = self.claim_filter()
        total = exports.count(self.ctx.ws, flt)
        rows = exports.preview(self.ctx.ws, flt)
        if total == 0:
            self.count_label.setText(
                "No claims match. Tick more statuses, or choose any tag, "
                "all articles and all sources."
            )
        else:
            self.count_label.setText(f"{total} claim{'s match' if total != 1 else ' matches'}.")
        self.export_button.setEnabled(total > 0)
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, key in enumerate(PREVIEW_COLUMNS):
                text = marked(str(value_words(key, row.get(key, ""))))
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the columns cut long quotes and titles short
                self.preview.setItem(r, c, item)

    # ------------------------------------------------------------ path and run

    def suggested_name(self) -> str:
        """``claims.csv``; ``<article title> claims.csv`` for one article's claims.

        The title is made fit for a file name: no invisible or direction
        characters (which could make the name read as another), no separators.
        """
        name = "claims"
        if self.article_combo.currentData():
            title = self._article_titles.get(self.article_combo.currentData(), "")
            name = f"{file_name_part(title, 'article')} claims"
        return f"{name}{self.suffix()}"

    def suffix(self) -> str:
        fmt = self.format()
        return FILE_SUFFIX.get(fmt, f".{fmt}")

    def format(self) -> str:
        """The chosen format's name (as the CLI spells it)."""
        return str(self.format_combo.currentData())

    def export_options(self) -> dict[str, str]:
        """Options for the chosen format's writer: the paper size of a PDF report."""
        return {"page": str(self.page_combo.currentData())} if self.format() == "pdf" else {}

    def _format_changed(self, _index: int) -> None:
        # Paper matters only for the PDF report: the row (label too) shows for it alone.
        self.form.setRowVisible(self.page_combo, self.format() == "pdf")
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(self.suffix())))

    def browse(self) -> None:
        path = self.ctx.dialogs.save_file(
            "Export claims",
            f"{self.format_combo.currentText()} (*{self.suffix()})",
            self.suggested_name(),
        )
        if path:
            self.path_edit.setText(path)

    def start(self) -> Job | None:
        """Run the export in the background; the dialog reports the count when done."""
        text = self.path_edit.text().strip()
        if not text:
            self.browse()
            text = self.path_edit.text().strip()
            if not text:
                return None
        path = Path(text).expanduser()
        if not path.is_absolute():  # a bare name goes where the file dialogs start,
            path = Path(self.ctx.dialogs.start_folder()) / path  # not the program's folder
        if path.suffix == "":
            path = path.with_suffix(self.suffix())
        self.export_button.setEnabled(False)
        self.written = None
        self.job = exports.start_export(
            self.ctx,
            self.format(),
            self.claim_filter(),
            path,
            self,
            on_done=lambda n: self._done(n, path),
            **self.export_options(),
        )
        return self.job

    def _done(self, written: int | None, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.written = written
        if written is None:
            self.count_label.setText("The export was cancelled or failed; no file was written.")
            return
        message = f"Wrote {written} claim{'s' if written != 1 else ''} to {path}."
        self.count_label.setText(message)
        self.ctx.dialogs.info("Export", message)
