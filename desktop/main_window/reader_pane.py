"""The central pane: article heading and byline, the status legend and the reader.

The byline's claim count is the reader's own; the article is re-read only when
a change record names its metadata.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.articles import ArticleInfo
from db.changes import Changes, Entity
from db.errors import ClaimDeskError
from db.invisible import marked
from desktop.articles.list_panel import COUNT_FIELDS, format_article_time
from desktop.context import AppContext
from desktop.main_window.legend import StatusLegend
from desktop.operations import articles as article_ops
from desktop.reader import ReaderView
from desktop.shared.clamped_label import ClampedLabel
from desktop.shared.steady_box import SteadyBox

# Margins (left, top, right, bottom) of the colour legend on a row of its own under
# the byline, and beside it.
LEGEND_BELOW = (18, 0, 18, 2)
LEGEND_BESIDE = (12, 0, 18, 2)


class ReaderPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("readerPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # One line (the whole title in its tooltip), so the text keeps the height.
        self.heading = ClampedLabel("No article open", 1, self)
        self.heading.setObjectName("articleHeading")
        self.byline = QLabel("Import an article with Ctrl+I, or pick one on the left.", self)
        self.byline.setObjectName("articleByline")
        self.byline.setWordWrap(True)
        self.legend = StatusLegend(self)
        # The how-to line under the colours goes to their tooltip: the article's lines
        # need the height more.
        self.legend.hint.hide()
        self.legend.setToolTip(self.legend.hint.text())
        self.reader = ReaderView(ctx, self)
        # The byline and the colours share a row when it is wide enough for both.
        self._legend_row = QHBoxLayout()
        self._legend_row.addWidget(self.legend)
        self._info = QGridLayout()
        self._info.setSpacing(0)
        # Its claim count changes with every claim made: the box keeps that from laying
        # out the whole window again when the byline's size stays the same.
        self._info.addWidget(SteadyBox(self.byline, self), 0, 0)
        self._info.addLayout(self._legend_row, 1, 0)
        self._info.setColumnStretch(0, 1)
        self._one_row = False
        self._legend_row.setContentsMargins(*LEGEND_BELOW)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addLayout(self._info)
        layout.addWidget(self.reader, 1)
        self.info: ArticleInfo | None = None
        self.reader.articleOpened.connect(lambda _id: self.update_heading(self.reader.opened_info))
        self.reader.spansChanged.connect(self._show_byline)
        ctx.changed.connect(self._on_changed)
        ctx.workspaceChanged.connect(self.update_heading)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The colours beside the byline when both fit in the width, else below it."""
        byline = self.byline.fontMetrics().horizontalAdvance(self.byline.text())
        margins = self.byline.contentsMargins()
        needed = byline + margins.left() + margins.right() + self.legend.sizeHint().width()
        one_row = self.width() >= needed + LEGEND_BESIDE[0] + LEGEND_BESIDE[2]
        if one_row == self._one_row:
            return
        self._one_row = one_row
        self._info.removeItem(self._legend_row)
        if one_row:
            self._info.addLayout(self._legend_row, 0, 1)
            self._legend_row.setContentsMargins(*LEGEND_BESIDE)
        else:
            self._info.addLayout(self._legend_row, 1, 0)
            self._legend_row.setContentsMargins(*LEGEND_BELOW)

    def _on_changed(self, changes: Changes) -> None:
        aid = self.reader.article_id
        if aid is None or changes.everything:
            self.update_heading()
            return
        fields = changes.fields_of(Entity.ARTICLE, str(aid))
        if fields is not None and not (fields and fields <= COUNT_FIELDS):
            self.update_heading()

    def update_heading(self, known: ArticleInfo | None = None) -> None:
        """Read the open article's metadata again and show it (*known*: just read, when it
        is the open article's)."""
        aid = self.reader.article_id
        self.info = None
        if aid is None:
            self.heading.setText("No article open")
            self.byline.setText("Import an article with Ctrl+I, or pick one on the left.")
            self._arrange()
            return
        if known is not None and known.id == aid:
            self.info = known
        else:
            try:
                self.info = article_ops.get_article(self.ctx, aid)
            except ClaimDeskError:
                return
        self.heading.setText(marked(self.info.title or self.info.filename or "(untitled)"))
        self._show_byline()

    def _show_byline(self) -> None:
        info = self.info
        if info is None or self.reader.article_id != info.id:
            return
        parts = [info.outlet, info.author]
        if info.published_at:
            parts.append(format_article_time(info))
        count = self.reader.claim_count
        if count:
            parts.append(f"{count} claim{'s' if count != 1 else ''}")
        else:
            parts.append("no claims yet: select words and press Ctrl+E")
        self.byline.setText(marked(" · ".join(p for p in parts if p)))
        self._arrange()
