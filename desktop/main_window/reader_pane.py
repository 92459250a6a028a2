"""The central pane: article heading and byline, the status legend and the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db import articles as article_ops
from db.errors import ClaimDeskError
from desktop.articles.list_panel import format_article_time
from desktop.context import AppContext
from desktop.main_window.legend import StatusLegend
from desktop.reader import ReaderView
from desktop.style import reader_font


class ReaderPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("readerPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.heading = QLabel("No article open", self)
        self.heading.setObjectName("articleHeading")
        self.heading.setWordWrap(True)
        self.byline = QLabel("Import an article with Ctrl+I, or pick one on the left.", self)
        self.byline.setObjectName("articleByline")
        self.byline.setWordWrap(True)
        self.legend = StatusLegend(self)
        self.reader = ReaderView(ctx, self)
        self.reader.setFont(reader_font())
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(18, 2, 18, 4)
        legend_row.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.byline)
        layout.addLayout(legend_row)
        layout.addWidget(self.reader, 1)
        self.reader.articleOpened.connect(lambda _id: self.update_heading())
        ctx.articlesChanged.connect(self.update_heading)
        ctx.workspaceChanged.connect(self.update_heading)

    def update_heading(self) -> None:
        aid = self.reader.article_id
        if aid is None:
            self.heading.setText("No article open")
            self.byline.setText("Import an article with Ctrl+I, or pick one on the left.")
            return
        try:
            info = article_ops.get_article(self.ctx.ws, aid)
        except ClaimDeskError:
            return
        self.heading.setText(info.title or info.filename or "(untitled)")
        parts = [info.outlet, info.author]
        if info.published_at:
            parts.append(format_article_time(info))
        if info.claim_count:
            parts.append(f"{info.claim_count} claim{'s' if info.claim_count != 1 else ''}")
        else:
            parts.append("no claims yet: select words and press Ctrl+E")
        self.byline.setText(" · ".join(p for p in parts if p))
