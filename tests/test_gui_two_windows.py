"""Two ClaimDesk windows on one SQLite file: each sees the other's edits through the
change feed, and no edit is lost (real widgets, one file, two connections)."""

from __future__ import annotations

from pathlib import Path

from gui_shell_support import action, make_window, select_codepoints
from panels_support import add_seed_article

from db import claims as claim_ops
from db.analysts import bind_analyst
from db.articles import article_text
from db.word_snap import snap_to_words
from db.workspace import open_workspace
from desktop.shared.conflict import REAPPLY, make_stale_handler

WAIT_MS = 8000


def _window(path: Path, folder: Path, qtbot):  # type: ignore[no-untyped-def]
    ws = open_workspace(path)
    bind_analyst(ws)
    folder.mkdir()
    window = make_window(ws, folder, qtbot)
    poller = window.shared_ui.poller
    qtbot.waitUntil(lambda: poller.mark is not None, timeout=WAIT_MS)
    return window


def _words(text: str, near: int) -> tuple[int, int]:
    while text[near].isspace():
        near += 1
    return snap_to_words(text, near, near + 8)


def _spans(window) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {c.id: c for c in window.reader.claims}


def test_two_windows_on_one_file_see_each_others_edits(tmp_path: Path, seed_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "desk.sqlite"
    setup = open_workspace(path)
    bind_analyst(setup)
    article = add_seed_article(setup, seed_paths[1], "Seed")
    text = article_text(setup, article.id).text
    setup.close()
    first = _window(path, tmp_path / "first", qtbot)
    second = _window(path, tmp_path / "second", qtbot)
    try:
        for window in (first, second):
            assert window.open_article(article.id)

        # A claim made with Ctrl+E in the first window appears in the second.
        start, end = _words(text, 40)
        select_codepoints(first.reader, text, start, end)
        action(first, "actionNewClaim").trigger()
        made = first.reader.selected_claim_id
        assert made is not None
        qtbot.waitUntil(lambda: made in _spans(second), timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: second.article_panel.model.info(str(article.id)).claim_count == 1,
            timeout=WAIT_MS,
        )

        # The second window edits the claim's notes in its inspector; the first sees it.
        second.ctx.claimSelected.emit(made)
        qtbot.waitUntil(lambda: second.inspector.info is not None, timeout=WAIT_MS)
        second.inspector.notes_edit.setPlainText("Checked against the ministry's table")
        second.inspector.notes_edit.commit()
        assert claim_ops.get_claim(second.ctx.ws, made).notes.startswith("Checked")
        first.ctx.claimSelected.emit(made)
        qtbot.waitUntil(
            lambda: first.inspector.notes_edit.toPlainText().startswith("Checked"),
            timeout=WAIT_MS,
        )

        # Both windows make a claim at once, before either has polled: both are kept,
        # and each window ends up showing both.
        one = _words(text, 200)
        two = _words(text, 400)
        select_codepoints(first.reader, text, *one)
        select_codepoints(second.reader, text, *two)
        action(first, "actionNewClaim").trigger()
        action(second, "actionNewClaim").trigger()
        mine, theirs = first.reader.selected_claim_id, second.reader.selected_claim_id
        assert mine is not None and theirs is not None and mine != theirs
        for window in (first, second):
            qtbot.waitUntil(
                lambda w=window: {made, mine, theirs} <= set(_spans(w)), timeout=WAIT_MS
            )
            qtbot.waitUntil(
                lambda w=window: w.article_panel.model.info(str(article.id)).claim_count == 3,
                timeout=WAIT_MS,
            )
        stored = {str(c.id) for c in claim_ops.claims_of_article(first.ctx.ws, article.id)}
        assert stored == {made, mine, theirs}

        # Both edit the same claim before either sees the other's edit: the later one is
        # told the claim changed (the analyst here re-applies on top), and both edits stay.
        asked: list[dict[str, object]] = []

        def reapply(_exc, attempted, _parent):  # type: ignore[no-untyped-def]
            asked.append(dict(attempted))
            return REAPPLY

        second.ctx.stale_edit_handler = make_stale_handler(second.ctx, None, ask=reapply)
        for window in (first, second):
            window.shared_ui.poller.stop()
            qtbot.waitUntil(lambda w=window: w.shared_ui.poller.idle, timeout=WAIT_MS)
            window.ctx.claimSelected.emit(made)
            assert window.inspector.info is not None and str(window.inspector.info.id) == made
        first.inspector.notes_edit.setPlainText("Second source found")
        first.inspector.notes_edit.commit()
        second.inspector.statement_edit.setPlainText("The ministry counted the ballots")
        second.inspector.statement_edit.commit()
        assert asked == [{"statement": "The ministry counted the ballots"}]
        both = claim_ops.get_claim(first.ctx.ws, made)
        assert (both.notes, both.statement) == (
            "Second source found",
            "The ministry counted the ballots",
        )
        for window in (first, second):
            window.shared_ui.poller.start()
        qtbot.waitUntil(
            lambda: first.inspector.statement_edit.toPlainText().startswith("The ministry"),
            timeout=WAIT_MS,
        )
        qtbot.waitUntil(
            lambda: second.inspector.notes_edit.toPlainText() == "Second source found",
            timeout=WAIT_MS,
        )
        for window in (first, second):
            assert window.ctx.dialogs.errors == []
    finally:
        for window in (first, second):
            window.shared_ui.poller.stop()
            qtbot.waitUntil(lambda w=window: w.shared_ui.poller.idle, timeout=WAIT_MS)
            window.ctx.undo_stack.clear()
            window.close()
            window.ctx.ws.close()
