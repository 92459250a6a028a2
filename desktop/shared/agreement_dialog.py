"""The agreement report dialog: pick an article and two analysts, read the figures."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.agreement import AgreementReport
from db.errors import ClaimDeskError
from desktop.context import AppContext
from desktop.operations.agreement import agreement
from desktop.operations.analysts import list_analysts
from desktop.operations.articles import list_articles
from desktop.screen_fit import resize_within_screen


class AgreementDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: AgreementReport | None = None
        self.setWindowTitle("Agreement between analysts")
        self.article = QComboBox()
        for a in list_articles(ctx):
            self.article.addItem(a.title or str(a.id)[:8], a.id)
        self.analyst_a = QComboBox()
        self.analyst_b = QComboBox()
        for person in list_analysts(ctx):
            self.analyst_a.addItem(person.name, person.id)
            self.analyst_b.addItem(person.name, person.id)
        if self.analyst_b.count() > 1:
            self.analyst_b.setCurrentIndex(1)
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0.05, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.5)
        self.overlap.setToolTip(
            "How much two marked quotes must overlap (shared characters over all their "
            "characters) to count as the same claim"
        )
        self.compute_button = QPushButton("Compare")
        self.compute_button.clicked.connect(self.compute)
        self.output = QPlainTextEdit()
        self.output.setAccessibleName("Agreement figures")
        self.output.setReadOnly(True)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        if self.analyst_a.count() < 2:
            self.output.setPlaceholderText(
                "Agreement compares the claims two analysts marked in the same article. "
                "This workspace has one analyst so far: add another with "
                "Review → Team and review rules…"
            )
        else:
            self.output.setPlaceholderText(
                "Choose an article and two analysts, then press Compare to see how far "
                "the claims they marked agree."
            )
        form = QFormLayout()
        form.addRow("Article", self.article)
        form.addRow("Analyst A (reference)", self.analyst_a)
        form.addRow("Analyst B", self.analyst_b)
        form.addRow("Minimum overlap", self.overlap)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compute_button)
        layout.addWidget(self.output)
        resize_within_screen(self, 640, 480)

    def compute(self) -> AgreementReport | None:
        article_id = self.article.currentData()
        if article_id is None:
            self.output.setPlainText("There are no articles in this workspace.")
            return None
        try:
            self.report = agreement(
                self.ctx,
                article_id,
                self.analyst_a.currentData(),
                self.analyst_b.currentData(),
                overlap=self.overlap.value(),
            )
        except ClaimDeskError as exc:
            self.report = None
            self.output.setPlainText(str(exc))
            return None
        self.output.setPlainText("\n".join(self.report.lines()))
        return self.report
