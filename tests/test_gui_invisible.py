"""Invisible and direction characters in the GUI: the reader, inspector and claims table
show them marked; offsets, quotes and copied text stay the stored text."""

from __future__ import annotations

from gui_shell_support import add_text_article, make_window, select_codepoints
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.anchors import Utf16Index
from db.claims import create_claim, get_claim
from desktop.models.claims_model import COL_QUOTE, COL_STATEMENT, COL_TAGS, ClaimsTableModel
from desktop.reader.highlighter import HIDDEN_BACKGROUND

RLO, PDF_, LRI, PDI, ZWSP = "\u202e", "\u202c", "\u2066", "\u2069", "\u200b"
# Made up for these tests; an emoji first, so UTF-16 and code-point offsets differ.
TEXT = (
    f"😀 The file invoice{RLO}gnp.exe{PDF_} was sent on Monday.\n"
    f"The count was {LRI}1,200{PDI} people, the minis{ZWSP}try said.\n"
)


def _opened(ws, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    info = add_text_article(ws, TEXT, title=f"Invoice {RLO}gnp.exe")
    window = make_window(ws, tmp_path, qtbot)
    assert window.article_panel.select(str(info.id))
    return window, info


def test_reader_shows_stand_ins_at_the_same_offsets(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _info = _opened(ws, tmp_path, qtbot)
    reader = window.reader
    shown = reader.toPlainText()
    assert RLO not in shown and ZWSP not in shown and LRI not in shown
    assert len(shown.encode("utf-16-le")) == len(TEXT.encode("utf-16-le"))
    index = Utf16Index(TEXT)
    position = index.to_utf16(TEXT.index(RLO))
    assert reader.hidden_at(position) == RLO
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in reader.tooltip_text(position)
    # The stand-in is painted in the warning colour.
    block = reader.document().findBlock(position)
    formats = block.layout().formats()
    painted = [
        f
        for f in formats
        if f.start <= position - block.position() < f.start + f.length
        and f.format.background().color() == HIDDEN_BACKGROUND
    ]
    assert painted
    assert "<U+202E>" in window.reader_pane.heading.full_text()
    file_text = window.metadata_editor.file_label.text()
    assert "Invoice <U+202E>gnp.exe.txt" in file_text
    assert "Title holds invisible or direction characters" in file_text
    assert RLO not in file_text


def test_selection_quote_and_copy_are_the_stored_text(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _info = _opened(ws, tmp_path, qtbot)
    reader = window.reader
    start, end = TEXT.index("invoice"), TEXT.index(" was sent")
    select_codepoints(reader, TEXT, start, end)
    assert reader.selected_span() == (start, end)
    reader.copy()
    assert QApplication.clipboard().text() == TEXT[start:end]
    assert reader.new_claim_from_selection()
    claims = reader.claims
    assert len(claims) == 1
    assert get_claim(ws, claims[0].id).quote == f"invoice{RLO}gnp.exe{PDF_}"


def test_inspector_and_claims_table_show_marks(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, info = _opened(ws, tmp_path, qtbot)
    start, end = TEXT.index("invoice"), TEXT.index(" was sent")
    claim = create_claim(
        ws,
        info.id,
        start,
        end,
        statement=f"The file {LRI}invoice{PDI} was sent",
        tags=[f"mal{ZWSP}ware"],
    )
    window.ctx.claimSelected.emit(str(claim.id))
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.info is not None and str(inspector.info.id) == str(claim.id))
    quote_html = inspector.quote_view.toHtml()
    assert "&lt;U+202E&gt;" in quote_html and RLO not in inspector.quote_view.toPlainText()
    assert inspector.hidden_note.isVisibleTo(inspector)
    note = inspector.hidden_note.text()
    assert "Statement" in note and "&lt;U+2066&gt;" in note and "&lt;U+200B&gt;" in note
    # The editor holds the stored text, so an edit keeps what it does not change.
    assert inspector.statement_edit.toPlainText() == f"The file {LRI}invoice{PDI} was sent"

    model = ClaimsTableModel(lambda: ws)
    model.load()
    row = model.row_of(str(claim.id))
    assert row is not None
    display = Qt.ItemDataRole.DisplayRole
    assert model.index(row, COL_QUOTE).data(display) == "invoice<U+202E>gnp.exe<U+202C>"
    assert (
        model.index(row, COL_STATEMENT).data(display) == "The file <U+2066>invoice<U+2069> was sent"
    )
    assert "mal<U+200B>ware" in model.index(row, COL_TAGS).data(display)
    tooltip = model.index(row, COL_QUOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "invoice<U+202E>gnp.exe<U+202C>"


def test_error_dialogs_mark_file_names(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.operations.imports import import_paths, show_report

    window = make_window(ws, tmp_path, qtbot)
    bad = tmp_path / f"report{RLO}txt.exe"
    bad.write_bytes(b"x")
    report = import_paths(ws, [bad], lambda done, total: True)
    show_report(window.ctx, report)
    ((_title, message),) = window.ctx.dialogs.errors
    assert "report<U+202E>txt.exe" in message and RLO not in message


def test_cell_and_label_helpers_mark_and_keep_separators_visible() -> None:
    from desktop.marks import marked_html, one_line

    assert one_line(f"a{RLO}b\u2029c <i>", 90) == "a<U+202E>b<U+2029>c <i>"
    assert one_line("x" * 100, 10) == "x" * 9 + "…"
    label = marked_html(f"<b>{ZWSP}</b>")
    assert label.startswith("&lt;b&gt;<span") and "&lt;U+200B&gt;</span>&lt;/b&gt;" in label
