"""Ctrl+E in the whole main window: which SQL statements one new claim costs.

Every panel of the window is built (the docks tabbed behind others too), on a
workspace where half the claims wait for review.  Statements are counted on
the workspace's engine from every thread, the background reads the key press
starts included; the count is deterministic, so it is asserted.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from db import claims as claim_ops
from db.claims import list_claims
from db.word_snap import snap_to_words
from desktop.shared.scroll_bars import CachedScrollBar
from tests.gui_shell_support import (
    add_text_article,
    ctrl_e_statements,
    make_window,
    select_codepoints,
    settle,
)

CLAIMS = 300
# The claims table's rank of one claim.
# The rank of a row: a count over the whole order, or over one article's claims
# when a neighbour of the same article is on screen.
RANK = ("SELECT (SELECT count(*)", "SELECT ((SELECT count(*)")


def test_one_ctrl_e_in_the_whole_window_costs_few_statements(
    ws, seed_paths: list[Path], tmp_path: Path, qtbot
) -> None:
    text = seed_paths[0].read_text(encoding="utf-8")
    article = add_text_article(ws, text, title="Seed")
    other = add_text_article(ws, seed_paths[1].read_text(encoding="utf-8"), title="Other")
    # Claims over the first part of the text; the words after them stay free.
    for n in range(CLAIMS):
        target = article.id if n % 2 else other.id
        start = (n // 2) * 3
        status = "in_review" if n % 4 < 2 else "unverified"
        claim_ops.create_claim(ws, target, start, start + 2, status=status)
    free = (n // 2) * 3 + 40
    assert free + 30 < len(text)

    window = make_window(ws, tmp_path, qtbot)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    # Every dock built and read once (the tabbed-away ones shown in turn), then
    # the window laid out as it starts.
    settle(qtbot)
    docks = window.docks
    hidden = {name for name, dock in docks.items() if dock.isHidden()}
    in_front = [name for name, dock in docks.items() if dock.widget().isVisible()]
    for name in list(docks):
        docks[name].show()
        docks[name].raise_()
        settle(qtbot)
    for name in hidden:
        docks[name].hide()
    for name in in_front:
        docks[name].raise_()
    settle(qtbot)
    assert {n for n, d in docks.items() if d.widget().isVisible()} == set(in_front)
    assert window.open_article(article.id)
    settle(qtbot)
    queue = window.review_ui.queue
    table = window.claims_table
    waiting = queue.model.rowCount()
    assert waiting == CLAIMS // 2
    # A first claim shows the inspector, which reads its tag and source choices and
    # the analysts' names once; the press measured is the next one, as on a busy desk.
    # Whole words (Ctrl+E widens a selection to them): the measured press's claim is
    # the one that starts at its words' start.
    measured = snap_to_words(text, free, free + 12)
    first = snap_to_words(text, measured[0] - 20, measured[0] - 8)
    assert first[1] < measured[0]
    select_codepoints(window.reader, text, *first)
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    before_total = len(list_claims(ws))

    select_codepoints(window.reader, text, *measured)
    window.reader.setFocus()
    settle(qtbot)
    across = window.claims_table.table.horizontalScrollBar()
    assert isinstance(across, CachedScrollBar) and across.isVisible()
    drawn = across.drawn
    statements = ctrl_e_statements(ws, window, qtbot)
    # The row added changes nothing the horizontal bar shows: its picture is painted
    # again, not drawn by the style (a couple of milliseconds at a window's width).
    assert across.drawn == drawn

    created = [c for c in list_claims(ws) if (c.start, c.end) == measured]
    assert len(list_claims(ws)) == before_total + 1 and len(created) == 1
    new_id = str(created[0].id)
    # The new claim stays the one shown: the claims table placing its row above the
    # row selected before does not choose that claim again.
    assert window.inspector.info is not None and str(window.inspector.info.id) == new_id
    assert window.claims_table.current_claim_id() in (None, new_id)
    log = "\n".join(f"[{t}] {s}" for t, s in statements)
    # The claims table places the one new row: one rank query (two statements) for
    # the refresh and at most one more to find it for the selection; an article's
    # count changing moves none of its other rows.
    ranks = [s for _t, s in statements if s.startswith(RANK)]
    assert 1 <= len(ranks) <= 2, log
    assert any(s.startswith("INSERT INTO claim") for _t, s in statements)
    # What the GUI thread runs: the claim, its history entry and the anchor's text;
    # the claims table's two counts placing the row beside its article's claims;
    # the article's count; the history panel's page of the new claim (its history
    # is read, as for any claim); the orphan count.  The evidence, links, verdicts,
    # comments and comparison of a claim just created, its source's count and its
    # place in the review queue are known without a query.
    on_gui = [s for t, s in statements if t == threading.main_thread().name]
    assert len(on_gui) <= 10, log
    for never in ("SELECT verdict", "SELECT comment", "SELECT claim_link", "SELECT evidence"):
        assert not any(s.startswith(never) for s in on_gui), log
    assert not any("GROUP BY claim.source_id" in s for s in on_gui), log

    # The claims table and the article list show it.
    qtbot.waitUntil(lambda: table.model.row_of(new_id) is not None, timeout=5000)
    articles = window.article_panel.model
    shown = articles.info(str(article.id))
    assert shown is not None and shown.claim_count == CLAIMS // 2 + 2
    # A new claim is unverified: the queue keeps its rows until it is sent for review.
    assert queue.model.rowCount() == waiting
    window.docks["Review queue"].raise_()
    settle(qtbot)
    from desktop.operations import claims as claim_door

    info = created[0]
    sent = claim_door.update_claim(
        window.ctx, info.id, {"status": "in_review"}, {"status": info.status}, info.version
    )
    assert sent
    settle(qtbot)
    assert queue.model.row_of(new_id) is not None
    assert queue.model.rowCount() == waiting + 1
