"""Paints a hit's snippet with its marked terms highlighted."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.search.model import MarksRole

MARK_STYLE = "background-color:#ffe08a; color:#1f1f1f; font-weight:600"


def marked_html(text: str, marks: list[tuple[int, int]]) -> str:
    """*text* as HTML with every (start, end) code-point range highlighted."""
    out: list[str] = []
    at = 0
    for start, end in sorted(marks):
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f"<span style='{MARK_STYLE}'>{html.escape(text[start:end])}</span>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


class SnippetDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        text = str(index.data() or "")
        doc.setHtml(marked_html(text, list(index.data(MarksRole) or [])))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        marks = index.data(MarksRole)
        if not marks:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text,
                opt.palette.color(QPalette.ColorRole.HighlightedText),
            )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))
