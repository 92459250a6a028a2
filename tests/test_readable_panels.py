"""Field names and values in words, and no text cut off without a tooltip, in the history,
discussion, compare and export-preview panels (real widgets)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from db.articles import NewArticle, add_article
from db.claims import create_claim, update_claim
from db.comments import add_comment, reply
from db.links import add_link
from db.sources import create_source
from db.wording import field_words, value_words
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.export_dialog import PREVIEW_COLUMNS, ExportDialog
from desktop.models.discussion_model import COL_BODY, COL_WHEN, COL_WHO
from desktop.models.history_model import COL_ACTION, COL_CHANGE, COL_WHAT
from desktop.models.history_model import COL_WHEN as H_WHEN
from desktop.models.history_model import COL_WHO as H_WHO
from desktop.review.compare_view import COLUMN_WIDTH, CompareView
from desktop.review.discussion import DiscussionPanel
from desktop.review.history_panel import HistoryPanel

CODES = ("source_id", "in_review", "event_start", "assignee_id", "article_title")
TEXT = (
    "The harbour board said 30 divers worked on the wall. "
    "The mayor said only 12 divers were there. The wall cost 4 million."
)


def _claims(ws):  # type: ignore[no-untyped-def]
    article = add_article(
        ws, NewArticle(text=TEXT, original=TEXT.encode(), title="Harbour wall finished")
    )
    first = create_claim(ws, article.id, TEXT.index("30 divers"), TEXT.index("30 divers") + 9)
    second = create_claim(ws, article.id, TEXT.index("12 divers"), TEXT.index("12 divers") + 9)
    return first, second


def _texts(model, parent=QModelIndex(), role=Qt.ItemDataRole.DisplayRole) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: B008
    out = []
    for row in range(model.rowCount(parent)):
        for col in range(model.columnCount(parent)):
            index = model.index(row, col, parent)
            value = index.data(role)
            if value:
                out.append(str(value))
        first = model.index(row, 0, parent)
        if model.hasChildren(first):
            out += _texts(model, first, role)
    return out


def _shown(qtbot, panel: QWidget, width: int = 640, height: int = 420) -> QWidget:  # type: ignore[no-untyped-def]
    holder = QWidget()
    QVBoxLayout(holder).addWidget(panel)
    qtbot.addWidget(holder)
    holder.resize(width, height)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


def test_words_for_fields_and_values() -> None:
    assert field_words("source_id") == "Source"
    assert field_words("article_title") == "Article"
    assert field_words("default_reliability") == "Default reliability"
    assert field_words("some_new_field_id") == "Some new field"
    assert value_words("status", "in_review") == "In review"
    assert value_words("status", "unverifiable") == "Unverifiable"
    assert value_words("status", "bogus") == "bogus"
    assert value_words("contested", True) == "yes"
    assert value_words("notes", "in_review") == "in_review"  # free text is left alone


def test_history_panel_speaks_in_words(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, _ = _claims(ws)
    source = create_source(ws, "Harbour board")
    update_claim(ws, first.id, status="in_review", source_id=source.id, event_start="2024-10-08")
    ctx = AppContext(ws, RecordingDialogs())
    panel = HistoryPanel(ctx)
    holder = _shown(qtbot, panel)  # noqa: F841 - keeps the panel alive
    panel.show_claim(first.id)
    model = panel.model
    assert model.rowCount() == 2
    shown = _texts(model)
    joined = "\n".join(shown)
    for code in CODES:
        assert code not in joined, code
    change = model.index(1, COL_CHANGE).data()
    assert "Status: Unverified → In review" in change
    assert "Source: — → Harbour board" in change
    update = model.index(1, 0)
    fields = [model.index(r, COL_WHAT, update).data() for r in range(model.rowCount(update))]
    assert {"Status", "Source", "Event start"} <= set(fields)
    tips = "\n".join(_texts(model, role=Qt.ItemDataRole.ToolTipRole))
    assert "In review" in tips and "source_id" not in tips


def test_history_columns_fit_their_text(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, _ = _claims(ws)
    update_claim(ws, first.id, status="in_review")
    ctx = AppContext(ws, RecordingDialogs())
    panel = HistoryPanel(ctx)
    holder = _shown(qtbot, panel, width=520)  # noqa: F841 - keeps the panel alive
    panel.show_claim(first.id)
    tree, model = panel.tree, panel.model
    header = tree.header()
    metrics = tree.fontMetrics()
    for col in (H_WHEN, H_WHO, COL_ACTION):
        for row in range(model.rowCount()):
            text = model.index(row, col).data()
            assert header.sectionSize(col) >= metrics.horizontalAdvance(text), (col, text)
    # What does not fit is whole in the tooltip.
    row = model.index(1, COL_CHANGE)
    assert row.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, COL_WHAT).data(Qt.ItemDataRole.ToolTipRole)


def test_discussion_columns_fit_and_the_comment_takes_the_rest(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, _ = _claims(ws)
    long_body = "The mayor's figure comes from a press release that " * 8
    top = add_comment(ws, first.id, long_body.strip())
    reply(ws, top.id, "Checked with the harbour board: 30 is right.")
    ctx = AppContext(ws, RecordingDialogs())
    panel = DiscussionPanel(ctx)
    holder = _shown(qtbot, panel, width=700)  # noqa: F841 - keeps the panel alive
    panel.show_claim(first.id)
    tree, model = panel.tree, panel.model
    header = tree.header()
    metrics = tree.fontMetrics()
    for col in (COL_WHO, COL_WHEN):
        text = model.index(0, col).data()
        # (the header sizes its sections once the new rows are laid out)
        qtbot.waitUntil(lambda c=col, t=text: header.sectionSize(c) >= metrics.horizontalAdvance(t))
    assert header.sectionResizeMode(COL_BODY) == QHeaderView.ResizeMode.Stretch
    total = sum(header.sectionSize(c) for c in range(model.columnCount()))
    assert abs(total - tree.viewport().width()) <= 2  # no dead room, no clipped column
    assert header.sectionSize(COL_BODY) > header.sectionSize(COL_WHO)
    assert model.index(0, COL_BODY).data(Qt.ItemDataRole.ToolTipRole) == long_body.strip()
    for col in (COL_WHO, COL_WHEN):
        assert model.index(0, col).data(Qt.ItemDataRole.ToolTipRole)


def test_compare_cards_use_the_width_and_say_contradicts(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = _claims(ws)
    add_link(ws, second.id, first.id, "contradicts")
    ctx = AppContext(ws, RecordingDialogs())
    view = CompareView(ctx)
    holder = _shown(qtbot, view, width=1200, height=400)
    view.show_claim(first.id)
    assert len(view.columns) == 2
    assert "1 contradicts" in view.title.text()
    other = next(c for c in view.columns if c.item.claim_id == second.id)
    assert "contradicts the compared claim" in other.header.text()
    qtbot.waitUntil(lambda: view.columns[0].width() > COLUMN_WIDTH)
    used = sum(c.width() for c in view.columns)
    assert used > 0.8 * view.area.viewport().width()
    holder.resize(500, 400)  # narrower than two cards: the strip scrolls, cards keep width
    qtbot.waitUntil(lambda: view.columns[0].width() == COLUMN_WIDTH)
    assert all(c.width() >= COLUMN_WIDTH for c in view.columns)


def test_export_preview_in_words(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, _ = _claims(ws)
    update_claim(ws, first.id, status="in_review")
    ctx = AppContext(ws, RecordingDialogs())
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    for box in dialog.status_boxes.values():
        box.setChecked(True)
    dialog.refresh_preview()
    table = dialog.preview
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [field_words(c) for c in PREVIEW_COLUMNS]
    assert "Article" in headers and not any("_" in h for h in headers)
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(len(headers))]
    assert "In review" in cells and "Unverified" in cells
    assert not any(code in cell for cell in cells for code in CODES)


def test_conflict_dialogs_speak_in_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from db.errors import StaleEdit
    from db.models import Status
    from desktop.shared.conflict import StaleEditDialog, show_value

    assert show_value("in_review", "status") == "In review"
    assert show_value(Status.FALSE, "status") == "False"
    assert show_value(None, "source_id") == "—"
    stored = SimpleNamespace(status=Status.VERIFIED, assignee_id=None, updated_at=None)
    exc = StaleEdit("changed", current={"claim": stored})
    dialog = StaleEditDialog(exc, {"status": "in_review", "assignee_id": None})
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert ["Assigned to", "—", "—"] in rows
    assert ["Status", "In review", "Verified"] in rows
