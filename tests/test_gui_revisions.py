"""Revised articles in the window: replace a text from a file, place an orphan, undo it,
read earlier versions, and the import that offers to replace a matching article."""

from __future__ import annotations

from pathlib import Path

from gui_shell_support import action, add_text_article, make_window, select_codepoints
from PySide6.QtGui import QTextCursor

from db import articles as article_db
from db import claims as claim_db
from db.check import check_workspace
from db.orphans import orphan_count, orphan_page
from db.revisions import orphans, revisions

NOTICE = "Correction 😀🎉: an earlier version misstated a date.\n\n"


def wait_job(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error is None, job.error


def _seed_with_claims(ws, seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    """The first seed as an article with six claims, one per long paragraph."""
    seed = seed_paths[0].read_text(encoding="utf-8")
    art = add_text_article(ws, seed, "Seed")
    picked = [p for p in seed.split("\n") if len(p) > 80][:6]
    ids = [claim_db.create_claim_by_quote(ws, art.id, p[10:60]).id for p in picked]
    return seed, art, picked, ids


def _revise(seed: str, picked: list[str]) -> str:
    """A correction notice with emoji on top (UTF-16 and code points differ after it),
    the last claimed paragraph gone, and a figure changed in the first one's quote."""
    first = picked[0][10:60]
    changed = "".join("7" if ch.isdigit() else ch for ch in first)
    if changed == first:  # no figure in it: change a word instead
        changed = first.replace(" ", " xx ", 1)
    return NOTICE + seed.replace(picked[-1], "").replace(first, changed)


def test_replace_place_an_orphan_undo_and_read_the_earlier_text(
    ws, tmp_path: Path, qtbot, seed_paths: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    seed, art, picked, ids = _seed_with_claims(ws, seed_paths)
    before = {cid: claim_db.get_claim(ws, cid) for cid in ids}
    revised = _revise(seed, picked)
    revised_file = tmp_path / "revised.txt"
    revised_file.write_text(revised, encoding="utf-8")

    window = make_window(ws, tmp_path, qtbot)
    dialogs = window.ctx.dialogs
    assert window.open_article(art.id)
    window.ctx.undo_stack.push(_noop(window.ctx))  # an edit made before the replacement
    dialogs.next_paths = [str(revised_file)]
    job = window.revisions_ui.replace_current()
    wait_job(qtbot, job)

    # The report's figures are the claims' actual fate.
    orphaned = {o.id for o in orphans(ws, art.id)}
    after = {cid: claim_db.get_claim(ws, cid) for cid in ids}
    kept = [c for c in ids if c not in orphaned and after[c].start == before[c].start]
    moved = [c for c in ids if c not in orphaned and after[c].start != before[c].start]
    assert len(orphaned) >= 1 and len(moved) >= 1
    title, message = dialogs.infos[-1]
    assert title == "Replace Article Text"
    expected = f"{len(kept)} claim(s) kept in place, {len(moved)} moved, {len(orphaned)} orphaned"
    assert message.startswith(expected)
    assert "version 1" in message and "Ctrl+Z" in message
    assert window.ctx.undo_stack.count() == 2  # the earlier edit, then the replacement
    for cid in ids:
        if cid not in orphaned:
            assert revised[after[cid].start : after[cid].end] == after[cid].quote
    # The reader shows the new text with the placed claims only.
    assert window.reader.toPlainText() == revised
    assert window.reader.claim_count == len(ids) - len(orphaned)

    # The Orphans tab lists them, with a reason.
    ui = window.revisions_ui
    ui.show_orphans()
    qtbot.waitUntil(lambda: ui.orphans_view.model.rowCount() == len(orphaned), timeout=10_000)
    ui.orphans_view.table.selectRow(0)
    orphan = ui.orphans_view.chosen
    assert orphan is not None and orphan.id in orphaned
    assert orphan.reason and orphan.article_title == "Seed"
    old_quote = before[orphan.id].quote

    # Select words after the emoji and place the orphan there (Ctrl+Shift+P).
    at = revised.index(picked[1][5:40])
    select_codepoints(window.reader, revised, at, at + 35)
    assert action(window, "actionPlaceOrphan").shortcut().toString() == "Ctrl+Shift+P"
    action(window, "actionPlaceOrphan").trigger()
    placed = claim_db.get_claim(ws, orphan.id)
    assert (placed.start, placed.end) == (at, at + 35)
    assert placed.quote == revised[at : at + 35]
    assert orphan_count(ws) == len(orphaned) - 1
    assert window.reader.claim_count == len(ids) - len(orphaned) + 1
    qtbot.waitUntil(lambda: ui.orphans_view.model.rowCount() == len(orphaned) - 1, timeout=10_000)

    # Undo puts it back as an orphan with its earlier quote; redo places it again.
    window.ctx.undo_stack.undo()
    assert orphan.id in {o.id for o in orphans(ws, art.id)}
    assert claim_db.get_claim(ws, orphan.id).quote == old_quote
    assert window.reader.claim_count == len(ids) - len(orphaned)
    window.ctx.undo_stack.redo()
    assert claim_db.get_claim(ws, orphan.id).quote == revised[at : at + 35]
    assert orphan_count(ws) == len(orphaned) - 1

    # The earlier text is listed and shown read-only.
    dialog = ui.show_versions()
    assert dialog is not None
    assert dialog.model.rowCount() == 1
    assert dialog.text.isReadOnly()
    assert dialog.text.toPlainText() == seed
    assert revisions(ws, art.id)[0].length == len(seed)
    dialog.close()

    # Undoing the placement and then the replacement brings back the earlier text,
    # its file and every claim exactly where it was; redo replaces it again.
    original = article_db.get_article(ws, art.id)
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    assert article_db.article_text(ws, art.id).text == seed
    assert article_db.get_article(ws, art.id).filename == "Seed.txt"
    assert revisions(ws, art.id) == []
    assert orphan_count(ws) == 0
    for cid in ids:
        now = claim_db.get_claim(ws, cid)
        was = before[cid]
        assert (now.start, now.end, now.quote, now.prefix) == (
            was.start,
            was.end,
            was.quote,
            was.prefix,
        )
    assert window.reader.toPlainText() == seed
    assert window.reader.claim_count == len(ids)
    assert check_workspace(ws).ok
    window.ctx.undo_stack.redo()
    assert article_db.article_text(ws, art.id).text == revised
    assert original.sha256 == article_db.get_article(ws, art.id).sha256
    assert {o.id for o in orphans(ws, art.id)} == orphaned
    assert window.reader.toPlainText() == revised


def test_placing_needs_a_chosen_orphan_and_a_selection_in_its_article(
    ws, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    body = "Kyiv said 3,000 troops were training near the border. Nothing else was said."
    art = add_text_article(ws, body, "Troops")
    other = add_text_article(ws, "A different article about ferries and 12 ports.", "Ferries")
    claim = claim_db.create_claim_by_quote(ws, art.id, "3,000 troops were training")
    new = body.replace("3,000", "3,500").encode()
    window = make_window(ws, tmp_path, qtbot)
    dialogs = window.ctx.dialogs
    window.open_article(art.id)
    path = tmp_path / "troops.txt"
    path.write_bytes(new)
    dialogs.next_paths = [str(path)]
    wait_job(qtbot, window.revisions_ui.replace_current())
    assert dialogs.infos[-1][1].startswith("0 claim(s) kept in place, 0 moved, 1 orphaned")
    assert "figure" in orphan_page(ws, 0, 10)[0].reason
    place = action(window, "actionPlaceOrphan")
    place.trigger()  # nothing chosen
    assert "Orphans tab" in dialogs.errors[-1][1]
    ui = window.revisions_ui
    ui.show_orphans()
    qtbot.waitUntil(lambda: ui.orphans_view.model.rowCount() == 1, timeout=10_000)
    ui.orphans_view.table.selectRow(0)
    window.open_article(other.id)
    place.trigger()  # another article is open
    assert "Troops" in dialogs.errors[-1][1]
    # The chosen orphan shows in the inspector.
    assert window.inspector.claim_id is not None and str(window.inspector.claim_id) == str(claim.id)
    ui.orphans_view.open_chosen()  # Enter: its article opens, the likeliest words selected
    reader = window.reader
    assert reader.article_id == art.id
    span = reader.selected_span()
    assert span is not None and new.decode()[span[0] : span[1]] == "3,500 troops were training"
    reader.moveCursor(QTextCursor.MoveOperation.Start)  # no selection
    place.trigger()
    assert "Select the words" in dialogs.errors[-1][1]
    assert orphan_count(ws) == 1
    assert claim_db.get_claim(ws, claim.id).quote == "3,000 troops were training"
    reader.select_text(*span)
    place.trigger()
    assert orphan_count(ws) == 0
    assert claim_db.get_claim(ws, claim.id).quote == "3,500 troops were training"


def test_import_of_a_revised_file_offers_to_replace(
    ws, tmp_path: Path, qtbot, seed_paths: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    dialogs = window.ctx.dialogs
    wait_job(qtbot, window.import_paths([seed_paths[1]]))
    (art,) = article_db.list_articles(ws)
    seed = article_db.article_text(ws, art.id).text
    long = [p for p in seed.split("\n") if len(p) > 80]
    claim = claim_db.create_claim_by_quote(ws, art.id, long[1][:40])
    # The same title (its first line), one paragraph gone, a line added at the end.
    revised = seed.replace(long[-1], "") + "\nUpdated with a statement from the ministry.\n"
    v2 = tmp_path / "revised.txt"
    v2.write_text(revised, encoding="utf-8")

    dialogs.choice_answers = [None]  # Cancel: nothing changes
    wait_job(qtbot, window.import_paths([v2]))
    assert len(dialogs.choices_asked) == 1
    _title, question, choices = dialogs.choices_asked[0]
    assert art.title in question and "title" in question
    assert choices[0] == "Replace the text of the existing article (keeps its claims)"
    assert choices[1] == "Import as a new article"
    assert article_db.article_text(ws, art.id).text == seed
    assert len(article_db.list_articles(ws)) == 1

    dialogs.choice_answers = [0]  # Replace
    wait_job(qtbot, window.import_paths([v2]))
    qtbot.waitUntil(lambda: article_db.article_text(ws, art.id).text == revised, timeout=60_000)
    qtbot.waitUntil(lambda: "text replaced" in (dialogs.infos[-1:] or [("", "")])[0][1])
    assert "1 claim(s) kept in place, 0 moved, 0 orphaned" in dialogs.infos[-1][1]
    assert len(article_db.list_articles(ws)) == 1
    assert claim_db.get_claim(ws, claim.id).quote == long[1][:40]
    assert [r.number for r in revisions(ws, art.id)] == [1]

    # A third text with the same title, imported as a new article instead.
    v3 = tmp_path / "third.txt"
    v3.write_text(revised + "\nA third paragraph.\n", encoding="utf-8")
    dialogs.choice_answers = [1]
    wait_job(qtbot, window.import_paths([v3]))
    qtbot.waitUntil(lambda: len(article_db.list_articles(ws)) == 2, timeout=60_000)
    assert article_db.article_text(ws, art.id).text == revised


def _noop(ctx):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("Earlier edit")


def test_new_menu_entries_have_letters_of_their_own(ws, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    import re

    window = make_window(ws, tmp_path, qtbot)

    def letter(text: str) -> str | None:
        found = re.search(r"&([^&])", text)
        return found.group(1).lower() if found else None

    mine = {"actionReplaceArticleText", "actionArticleVersions", "actionPlaceOrphan"}
    for name in ("File", "Claim"):
        items = [a for a in window.menu(name).actions() if not a.isSeparator()]
        for item in items:
            if item.objectName() in mine:
                others = [letter(a.text()) for a in items if a is not item]
                assert letter(item.text()) not in others, item.text()
