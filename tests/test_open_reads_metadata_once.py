"""Opening an article reads its metadata once on the GUI thread: the reader's heading and
the metadata editor take what the reader read, and still show that article's."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from gui_shell_support import add_text_article, make_window

import db.articles
from db.workspace import Workspace


def test_opening_an_article_reads_its_metadata_once(
    ws: Workspace, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    first = add_text_article(ws, "The ferry ran late on Monday.\n", title="Ferry delays")
    second = add_text_article(ws, "The bridge opened on Tuesday.\n", title="Bridge opening")
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(first.id)
    real = db.articles.get_article
    on_gui: list[object] = []
    gui = threading.current_thread()

    def counting(ws: Workspace, article_id: object) -> db.articles.ArticleInfo:
        if threading.current_thread() is gui:
            on_gui.append(article_id)
        return real(ws, article_id)  # type: ignore[arg-type]

    monkeypatch.setattr(db.articles, "get_article", counting)
    assert window.open_article(second.id)
    assert len(on_gui) == 1
    assert window.reader_pane.info == second
    assert window.metadata_editor.info == second
    assert window.metadata_editor.edits["title"].text() == "Bridge opening"
