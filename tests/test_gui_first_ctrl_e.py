"""The first Ctrl+E after start-up costs what later ones cost.

Start-up reads the inspector's tag, source and analyst lists once the window has
painted, and opening an article has the claims table read the rows of that
article's claims; the first new claim then needs neither those lists nor a rank
counted over every claim before it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from db import claims as claim_ops
from db.word_snap import snap_to_words
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from tests.gui_shell_support import add_text_article, ctrl_e_statements, select_codepoints, settle

# More claims in the article listed first than the claims table's first page holds:
# no row of the article read in the reader is held until it is opened.
OTHER_CLAIMS = 260
SEED_CLAIMS = 20
WHOLE_RANK = "SELECT (SELECT count(*)"  # a row's rank counted over the whole order
ARTICLE_RANK = "SELECT ((SELECT count(*)"  # counted over one article's claims
POLL = ("SELECT history.id, history.seq", "SELECT analyst.id", 'SELECT setting."key"')
LOOKUPS = ("SELECT tag.name FROM tag", "FROM source ORDER BY", "FROM analyst ORDER BY")


def test_the_first_ctrl_e_reads_no_lookups_and_counts_one_article(
    ws, seed_paths: list[Path], tmp_path: Path, qtbot
) -> None:
    from desktop.main_window import MainWindow

    text = seed_paths[0].read_text(encoding="utf-8")
    seed = add_text_article(ws, text, title="Seed")
    other = add_text_article(ws, seed_paths[1].read_text(encoding="utf-8"), title="Another")
    for n in range(OTHER_CLAIMS):
        claim_ops.create_claim(ws, other.id, n * 2, n * 2 + 1)
    for n in range(SEED_CLAIMS):
        claim_ops.create_claim(ws, seed.id, n * 3, n * 3 + 2, tags=["early"])
    free = SEED_CLAIMS * 3 + 40
    assert free + 30 < len(text)

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/lastArticle", str(seed.id))
    window = MainWindow(AppContext(ws, RecordingDialogs()), settings, fill_after_paint=True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.reader.article_id == seed.id, timeout=10_000)
    settle(qtbot)
    table = window.claims_table
    assert table.model.rowCount() == OTHER_CLAIMS + SEED_CLAIMS
    # The table shows its first page (the other article) and holds the reader's too.
    first_seed_row = OTHER_CLAIMS
    assert table.model.is_loaded(first_seed_row)

    measured = snap_to_words(text, free, free + 12)
    select_codepoints(window.reader, text, *measured)
    window.reader.setFocus()
    settle(qtbot)
    statements = ctrl_e_statements(ws, window, qtbot)
    log = "\n".join(f"[{t}] {s}" for t, s in statements)

    created = [c for c in claim_ops.list_claims(ws) if (c.start, c.end) == measured]
    assert len(created) == 1, log
    new_id = str(created[0].id)
    assert not any(s.startswith(WHOLE_RANK) for _t, s in statements), log
    assert sum(s.startswith(ARTICLE_RANK) for _t, s in statements) == 1, log
    assert not any(word in s for _t, s in statements for word in LOOKUPS), log
    # The change feed's poll (every second, whatever happens) may fall into the press.
    press = [s for _t, s in statements if not s.startswith(POLL)]
    assert len(press) <= 5, log
    # Placed after the article's claims before it, and shown: the inspector names who
    # made it, and offers the tags already in use.
    assert table.model.row_of(new_id) == first_seed_row + SEED_CLAIMS
    assert table.current_claim_id() == new_id
    assert window.inspector.info is not None and str(window.inspector.info.id) == new_id
    analyst = ws.analyst_id
    assert analyst is not None
    names = window.inspector._names
    assert names.get(analyst) and names[analyst] in window.inspector.header.text()
    assert "early" in window.inspector.tag_completer.model().stringList()
