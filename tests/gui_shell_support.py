"""Helpers for the main-window and reader tests: a window on a real workspace."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtTest import QTest
from sqlalchemy import event

from db.anchors import Utf16Index
from db.articles import ArticleInfo, NewArticle, add_article
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs

# Written for these tests: emoji (two UTF-16 units each) before ordinary words,
# and lines in Hangul, Cyrillic and Arabic.
MULTILINGUAL = (
    "Opening line 😀 reports 42 people at the square.\n"
    "한국어 문장: 시장은 새 다리가 열렸다고 말했다.\n"
    "Министр сообщил о 15 новых школах.\n"
    "قال المتحدث إن 30 شاحنة وصلت أمس.\n"
    "🎉🎉 Closing remark 👍 with a final figure of 7."
)


def add_text_article(ws: Workspace, text: str, title: str = "Test article") -> ArticleInfo:
    return add_article(
        ws,
        NewArticle(text=text, original=text.encode("utf-8"), filename=f"{title}.txt", title=title),
    )


def make_window(ws: Workspace, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    ctx = AppContext(ws, RecordingDialogs())
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    return window


def select_codepoints(reader, text: str, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Select text[start:end] in the reader by UTF-16 positions, as a mouse drag would."""
    index = Utf16Index(text)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(index.to_utf16(start))
    cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)


def window_on_article(  # type: ignore[no-untyped-def]
    ws: Workspace,
    text: str,
    tmp_path: Path,
    qtbot,
    size: tuple[int, int],
    title: str,
    in_review: int = 0,
):
    """A main window of *size*, shown and settled, with an article of *text* open (with
    *in_review* short claims in review at its start, made before the window)."""
    from db import claims as claim_ops

    article = add_text_article(ws, text, title=title)
    for n in range(in_review):
        claim_ops.create_claim(ws, article.id, n * 3, n * 3 + 2, status="in_review")
    window = make_window(ws, tmp_path, qtbot)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    assert window.open_article(article.id)
    settle(qtbot)
    return window


def action(window, name: str) -> QAction:  # type: ignore[no-untyped-def]
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop and the thread pool run until nothing is left to do."""
    pool = QThreadPool.globalInstance()
    for _ in range(5):
        qtbot.wait(50)
        pool.waitForDone(10_000)
    qtbot.wait(50)


def ctrl_e_statements(ws: Workspace, window, qtbot) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Press Ctrl+E in *window*'s reader, let everything settle, and return each SQL
    statement sent meanwhile with the name of the thread that sent it."""
    statements: list[tuple[str, str]] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append((threading.current_thread().name, " ".join(statement.split())[:160]))

    event.listen(ws.engine, "before_cursor_execute", seen)
    try:
        QTest.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
    finally:
        event.remove(ws.engine, "before_cursor_execute", seen)
    return statements
