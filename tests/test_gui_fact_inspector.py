"""Facts from the inspector and the reader, in the real window: assign, create, remove,
Ctrl+Z; the duplicate-span prompt; rename, merge and split in the Facts tab."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton

from db import claims as claim_ops
from db.facts.service import assign_claims, claim_ids_in, create_fact, get_fact, list_facts
from db.spans import claims_over_span
from desktop.dialogs import DialogService
from desktop.facts.picker import FactPickerDialog
from tests.gui_shell_support import action, add_text_article, make_window, select_codepoints
from tests.test_facts import STORY, _claims


def _fact_of(ws, claim: str) -> uuid.UUID | None:  # type: ignore[no-untyped-def]
    return claim_ops.get_claim(ws, claim).fact_id


def _later(qtbot, answer) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer the next modal dialog with *answer(dialog)*; the list records what was seen."""
    seen: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not open yet
            QTimer.singleShot(20, run)
            return
        seen.append(type(dialog).__name__)
        answer(dialog)

    QTimer.singleShot(0, run)
    return seen


def _pick(qtbot, words: str, expect_rows: int):  # type: ignore[no-untyped-def]
    """Type *words* in the fact picker, wait for the list, press Enter."""

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, FactPickerDialog)
        qtbot.keyClicks(dialog.filter_edit, words)
        qtbot.waitUntil(lambda: dialog.model.text == words, timeout=5000)
        assert dialog.model.rowCount() == expect_rows
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

    return _later(qtbot, answer)


def _type_name(qtbot, name: str):  # type: ignore[no-untyped-def]
    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(name)
        dialog.accept()

    return _later(qtbot, answer)


def _keys(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    """Press keys in the reader as the analyst would, the window active again after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, key, modifiers)


def _undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _keys(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_assign_create_and_remove_from_the_inspector_with_undo(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, _late, _other = _claims(ws, STORY)
    arrived, _ = create_fact(ws, "How many troops arrived in Russia?")
    create_fact(ws, "Who sent the reinforcements?")
    assign_claims(ws, arrived.id, [kyiv])
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    window.ctx.claimSelected.emit(seoul)
    section = window.inspector.fact_section
    assert "Not in a fact" in section.fact_label.text()
    assert "1 independent source" in section.corroboration_label.text()
    assert not section.remove_button.isEnabled()

    # Assign: the picker lists both facts, typing narrows it to one, Enter picks it.
    seen = _pick(qtbot, "arrived", 1)
    qtbot.mouseClick(section.assign_button, Qt.MouseButton.LeftButton)
    assert seen == ["FactPickerDialog"]
    assert _fact_of(ws, seoul) == arrived.id
    assert arrived.name in section.fact_label.text()
    assert "with 1 claim more" in section.fact_label.text()
    assert section.remove_button.isEnabled()
    _undo(qtbot, window)
    assert _fact_of(ws, seoul) is None
    assert "Not in a fact" in section.fact_label.text()
    _keys(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _fact_of(ws, seoul) == arrived.id

    # A new fact from the claim takes it out of the one it was in.
    seen = _type_name(qtbot, "When did the first troops arrive?")
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    assert seen == ["QInputDialog"]
    made = next(f for f in list_facts(ws) if f.name == "When did the first troops arrive?")
    assert _fact_of(ws, seoul) == made.id
    assert "the only claim so far" in section.fact_label.text()
    # Remove it from its fact, then undo both steps one by one.
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert _fact_of(ws, seoul) is None
    _undo(qtbot, window)
    assert _fact_of(ws, seoul) == made.id
    _undo(qtbot, window)
    assert _fact_of(ws, seoul) == arrived.id
    assert all(f.name != made.name for f in list_facts(ws))
    assert window.ctx.dialogs.errors == []


def test_assign_to_fact_from_the_readers_context_menu(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, *_rest = _claims(ws, STORY)
    fact, _ = create_fact(ws, "How many troops arrived in Russia?")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    window.ctx.claimSelected.emit(seoul)
    reader = window.reader
    assert reader.selected_claim_id == seoul
    assign = action(window, "actionAssignToFact")
    assert assign in reader.actions()  # the reader's context menu lists its own actions
    seen = _pick(qtbot, "troops", 1)
    _keys(
        qtbot,
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == ["FactPickerDialog"]
    assert _fact_of(ws, seoul) == fact.id
    assert fact.name in window.inspector.fact_section.fact_label.text()
    _undo(qtbot, window)
    assert _fact_of(ws, seoul) is None


def test_assign_several_claims_from_the_claims_table(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.claims_model import ClaimIdRole

    seoul, kyiv, late, _other = _claims(ws, STORY)
    fact, _ = create_fact(ws, "How many troops arrived in Russia?")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    table = window.claims_table
    window.docks["Claims"].raise_()
    qtbot.waitUntil(lambda: table.model.rowCount() == 4, timeout=15000)
    assert action(window, "actionAssignToFact") in table.actions()  # in its context menu
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    table.table.setFocus()

    def select_both() -> bool:
        """Click one row and Ctrl+click the other, as the analyst would (again if a late
        refresh of the table dropped the selection)."""
        view = table.table
        for claim, keys in (
            (seoul, Qt.KeyboardModifier.NoModifier),
            (late, Qt.KeyboardModifier.ControlModifier),
        ):
            row = table.model.row_of(claim)
            if row is None or table.model.index(row, 0).data(ClaimIdRole) != claim:
                return False
            index = table.model.index(row, 0)
            view.scrollTo(index)
            qtbot.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, keys, view.visualRect(index).center()
            )
        return sorted(table.selected_claim_ids()) == sorted([seoul, late])

    qtbot.waitUntil(select_both, timeout=10000)
    seen = _pick(qtbot, "", 1)
    qtbot.keyClick(
        table.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == ["FactPickerDialog"]
    assert set(claim_ids_in(ws, fact.id)) == {uuid.UUID(seoul), uuid.UUID(late)}
    assert _fact_of(ws, kyiv) is None
    window.ctx.undo_stack.undo()  # one command: both come out at once
    assert claim_ids_in(ws, fact.id) == []


def _press(label: str):  # type: ignore[no-untyped-def]
    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QMessageBox)
        assert dialog.objectName() == "choiceDialog"
        assert "already covers exactly this text" in dialog.text()
        if label == "Escape":
            dialog.reject()
            return
        (button,) = [
            b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == label
        ]
        button.click()

    return answer


def test_a_claim_over_exactly_the_words_of_another_asks_first(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said 40 ships left port on Friday. Another 12 boats stayed."
    article = add_text_article(ws, text, "Ships")
    start = text.index("40 ships")
    end = start + len("40 ships left port")
    existing = claim_ops.create_claim(ws, article.id, start, end)
    window = make_window(ws, tmp_path, qtbot)
    window.ctx.dialogs = DialogService(window)  # real dialogs, answered below
    window.show()
    window.open_article(article.id)
    reader = window.reader
    new_claim = action(window, "actionNewClaim")

    # "Select the Existing One": nothing is made, the claim there is selected.
    select_codepoints(reader, text, start, end)
    seen = _later(qtbot, _press("Select the Existing One"))
    new_claim.trigger()
    assert seen == ["QMessageBox"]
    assert claims_over_span(ws, article.id, start, end) == [existing.id]
    assert reader.selected_claim_id == str(existing.id)
    assert window.inspector.claim_id == existing.id
    # Cancel (Escape): nothing is made.
    select_codepoints(reader, text, start, end)
    seen = _later(qtbot, _press("Escape"))
    new_claim.trigger()
    assert seen == ["QMessageBox"]
    assert claims_over_span(ws, article.id, start, end) == [existing.id]
    # "Create Another": a second claim over the same words, undone by Ctrl+Z.
    select_codepoints(reader, text, start, end)
    seen = _later(qtbot, _press("Create Another"))
    _keys(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["QMessageBox"]
    (_first, second) = claims_over_span(ws, article.id, start, end)
    assert reader.selected_claim_id == str(second)
    _undo(qtbot, window)
    assert claims_over_span(ws, article.id, start, end) == [existing.id]
    # Words overlapping the claim but not the same span are not asked about.
    select_codepoints(reader, text, start, end - 5)
    assert reader.new_claim_from_selection()
    assert len(claim_ops.claims_of_article(ws, article.id)) == 2


def test_rename_merge_and_split_in_the_facts_tab_with_undo(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, late, other = _claims(ws, STORY)
    troops, _ = create_fact(ws, "How many troops?")
    second, _ = create_fact(ws, "Troops, second list", "from the briefing")
    assign_claims(ws, troops.id, [seoul, kyiv])
    assign_claims(ws, second.id, [late, other])
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.facts_view
    window.docks["Facts"].raise_()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=15000)

    def select(fact_id: uuid.UUID) -> None:
        row = next(n for n, (f, _a) in enumerate(view.model.rows) if f.id == fact_id)
        view.table.selectRow(row)

    # Rename (F2 on the table), through the real name dialog; undo restores the name.
    select(troops.id)
    view.table.setFocus()
    seen = _type_name(qtbot, "How many troops are in Russia?")
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    assert seen == ["QInputDialog"]
    assert get_fact(ws, troops.id).name == "How many troops are in Russia?"
    window.ctx.undo_stack.undo()
    assert get_fact(ws, troops.id).name == "How many troops?"
    window.ctx.undo_stack.redo()

    # Merge the second list into it, picked in the real picker (which leaves it out).
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=15000)
    select(troops.id)
    seen = _pick(qtbot, "troops", 1)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert seen == ["FactPickerDialog"]
    assert [f.id for f in list_facts(ws)] == [troops.id]
    assert get_fact(ws, troops.id).claim_count == 4
    window.ctx.undo_stack.undo()
    back = get_fact(ws, second.id)
    assert (back.name, back.notes, back.claim_count) == (second.name, second.notes, 2)
    assert set(claim_ids_in(ws, second.id)) == {uuid.UUID(late), uuid.UUID(other)}

    # Split: two claims leave for a new fact; all of them, or others, are refused.
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=15000)
    select(second.id)
    view.ask_name = lambda _s: "How many troops arrived by December?"
    view.selected_claims = lambda: [seoul]
    view.split()
    assert "not in" in window.ctx.dialogs.errors[-1][1]
    view.selected_claims = lambda: [late, other]
    view.split()
    assert "Every claim" in window.ctx.dialogs.errors[-1][1]
    view.selected_claims = lambda: [late]
    view.split()
    made = next(f for f in list_facts(ws) if f.name == "How many troops arrived by December?")
    assert claim_ids_in(ws, made.id) == [uuid.UUID(late)]
    assert claim_ids_in(ws, second.id) == [uuid.UUID(other)]
    window.ctx.undo_stack.undo()
    assert set(claim_ids_in(ws, second.id)) == {uuid.UUID(late), uuid.UUID(other)}
    assert all(f.name != made.name for f in list_facts(ws))


def test_repeats_of_a_figure_in_the_conflicts_queue(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.models import Relation

    repeat = (
        "A defence ministry said 1,500 troops arrived in Russia last week.",
        "1,500 troops arrived in Russia",
        STORY[0][2],
    )
    seoul, _kyiv, _late, _other, again = _claims(ws, [*STORY, repeat])
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.conflicts_view
    window.docks["Conflicts"].raise_()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 3, timeout=15000)
    (same,) = [p for p in view.model.rows if p.relation is Relation.SAME]
    assert {str(same.from_claim.claim_id), str(same.to_claim.claim_id)} == {seoul, again}
    assert "repeat" in view.summary.text()
    row = view.model.rows.index(same)
    assert view.model.data(view.model.index(row, 0)) == "repeats"
    view.table.setFocus()
    view.table.selectRow(row)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # dismissed, remembered
    assert same not in view.model.rows
    view.refresh()
    qtbot.waitUntil(lambda: not view.refresher.stale and view.model.rowCount() >= 2, timeout=15000)
    assert all(p.relation is not Relation.SAME for p in view.model.rows)


def test_inspector_fact_edits_on_postgresql(qtbot, pg_url) -> None:  # type: ignore[no-untyped-def]
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.inspector import ClaimInspector

    migrate(pg_url)
    pg = open_workspace(pg_url)
    bind_analyst(pg)
    ctx = AppContext(pg, RecordingDialogs())
    try:
        seoul, kyiv, *_rest = _claims(pg, STORY)
        fact, _ = create_fact(pg, "How many troops arrived?")
        inspector = ClaimInspector(ctx)
        qtbot.addWidget(inspector)
        inspector.show_claim(seoul)
        section = inspector.fact_section
        section.pick = lambda: fact.id
        assert section.assign()
        assert _fact_of(pg, seoul) == fact.id and fact.name in section.fact_label.text()
        section.ask_name = lambda _s: "A question of its own"
        assert section.new_fact()
        assert get_fact(pg, _fact_of(pg, seoul)).name == "A question of its own"
        assert section.remove() and _fact_of(pg, seoul) is None
        while ctx.undo_stack.canUndo():
            ctx.undo_stack.undo()
        assert _fact_of(pg, seoul) is None and [f.name for f in list_facts(pg)] == [fact.name]
        assert ctx.dialogs.errors == []
        assert _fact_of(pg, kyiv) is None
    finally:
        ctx.undo_stack.clear()
        pg.close()
