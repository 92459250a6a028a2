"""Many claims at once in the claims table: status, tag, source and fact, one undo step each."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from panels_support import add_seed_article
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, insert, select

from db import claims as claim_ops
from db.analysts import add_analyst, bind_analyst
from db.anchors import CONTEXT_CHARS
from db.articles import article_text
from db.changes import Changes, Entity
from db.facts.service import create_fact
from db.models import Claim, HistoryEntry, Role, Status
from db.relays import set_relay_ids
from db.review import verdicts_of
from db.sources import create_source
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs

CLAIMS = 1500  # several pages: most selected rows are never read by the table


@pytest.fixture
def ctx(ws):
    return AppContext(ws, RecordingDialogs())


def _insert_claims(ws, article_id: uuid.UUID, text: str, count: int) -> None:
    """*count* unverified claims by one Core insert (no history, nobody's own claims)."""
    base = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    rows = []
    for n in range(count):
        start = (n * 7) % (len(text) - 40)
        end = start + 5 + n % 30
        rows.append(
            {
                "id": uuid.uuid4(),
                "article_id": article_id,
                "start": start,
                "end": end,
                "quote": text[start:end],
                "prefix": text[max(0, start - CONTEXT_CHARS) : start],
                "suffix": text[end : end + CONTEXT_CHARS],
                "statement": f"Statement {n}",
                "status": Status.UNVERIFIED,
                "created_at": base,
                "updated_at": base,
                "version": 1,
            }
        )
    with ws.engine.begin() as conn:
        conn.execute(insert(Claim), rows)


@pytest.fixture
def many(ws, seed_paths):
    info = add_seed_article(ws, seed_paths[2], "Long report")
    _insert_claims(ws, info.id, article_text(ws, info.id).text, CLAIMS)
    return info


@pytest.fixture
def view(qtbot, ctx, many):
    widget = ClaimsTableView(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitUntil(
        lambda: widget.model.rowCount() == CLAIMS and not widget.model.busy, timeout=10000
    )
    return widget


def _records(ctx) -> list[Changes]:
    seen: list[Changes] = []
    ctx.changed.connect(seen.append)
    return seen


def _statuses(ws) -> dict[Status, int]:
    with ws.session() as session:
        rows = session.execute(select(Claim.status, func.count()).group_by(Claim.status))
        return {Status(s): n for s, n in rows}


def _select_all(qtbot, view) -> None:
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def test_select_all_names_every_row_without_reading_them(qtbot, view) -> None:
    _select_all(qtbot, view)
    held = len(view.model.held_rows())
    assert held < CLAIMS  # the table holds a few pages only
    ids = view.selected_claim_ids()
    assert len(ids) == len(set(ids)) == CLAIMS
    assert len(view.model.held_rows()) == held  # and reading the ids read no rows
    # A selection with a gap: rows 10-19 and 1200-1209, in table order.
    model, selection = view.model, view.table.selectionModel()
    chosen = QItemSelection(model.index(1200, 0), model.index(1209, 11))
    chosen.merge(
        QItemSelection(model.index(10, 0), model.index(19, 11)),
        QItemSelectionModel.SelectionFlag.Select,
    )
    selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.selected_rows() == [(10, 19), (1200, 1209)]
    picked = view.selected_claim_ids()
    assert picked[:10] == [model.claim_id_at(r) for r in range(10, 20)]
    assert picked[10:] == [model.claim_id_at(r) for r in range(1200, 1210)]


def test_status_of_all_rows_is_one_step_one_record(qtbot, ws, ctx, view) -> None:
    _select_all(qtbot, view)
    records = _records(ctx)
    with ws.session() as session:
        history_before = session.scalar(select(func.count()).select_from(HistoryEntry))
    assert view.set_status(view.selected_claim_ids(), Status.IN_REVIEW) == CLAIMS
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == f"Set {CLAIMS:,} claims to In review"
    assert _statuses(ws) == {Status.IN_REVIEW: CLAIMS}
    (record,) = records
    assert len(record.ids(Entity.CLAIM)) == CLAIMS
    assert all(c.fields == frozenset({"status"}) for c in record.of(Entity.CLAIM))
    with ws.session() as session:  # each claim's history records its own change
        added = session.scalar(select(func.count()).select_from(HistoryEntry)) - history_before
    assert added == CLAIMS
    qtbot.waitUntil(lambda: not view.model.busy, timeout=10000)
    assert view.model.index(0, 1).data().startswith("In review")
    ctx.undo_stack.undo()
    assert _statuses(ws) == {Status.UNVERIFIED: CLAIMS}
    assert len(records) == 2 and len(records[1].ids(Entity.CLAIM)) == CLAIMS
    qtbot.waitUntil(lambda: not view.model.busy, timeout=10000)
    assert view.model.index(0, 1).data().startswith("Unverified")
    ctx.undo_stack.redo()
    assert _statuses(ws) == {Status.IN_REVIEW: CLAIMS}


def test_verified_asks_one_rationale_for_all_and_records_each_verdict(qtbot, ws, ctx, view) -> None:
    ids = view.model.ids_at(0, 40)
    assert view.set_status(ids, Status.VERIFIED) == 0  # asked first
    dialog = view.bulk_dialog
    assert dialog is not None and dialog.status() is Status.VERIFIED
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.rationale.isVisible()
    assert _statuses(ws) == {Status.UNVERIFIED: CLAIMS}
    qtbot.keyClicks(dialog.rationale, "All forty match the ministry's list.")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert view.bulk_dialog is None
    assert _statuses(ws) == {Status.VERIFIED: 40, Status.UNVERIFIED: CLAIMS - 40}
    for claim_id in ids[:3]:
        (verdict,) = verdicts_of(ws, claim_id)
        assert verdict.rationale == "All forty match the ministry's list."
        assert verdict.reviewer_name and verdict.status is Status.VERIFIED
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()  # the same decision comes back: no second verdict
    assert len(verdicts_of(ws, ids[0])) == 1
    assert _statuses(ws)[Status.VERIFIED] == 40


def test_one_refused_claim_refuses_the_whole_step(qtbot, ws, ctx, view, many) -> None:
    text = article_text(ws, many.id).text
    add_analyst(ws, "Rita Review", role=Role.REVIEWER)
    bind_analyst(ws, "Rita Review")
    own = claim_ops.create_claim(ws, many.id, 3, 30, statement="Rita's own")
    assert text[3:30] == own.quote
    ctx.claims_changed([own.id])
    qtbot.waitUntil(
        lambda: view.model.rowCount() == CLAIMS + 1 and not view.model.busy, timeout=10000
    )
    ids = [*view.model.ids_at(0, 30), str(own.id)]
    before_errors = len(ctx.dialogs.errors)
    assert view.set_status(ids, Status.FALSE, "The figures were invented.") == -1
    assert len(ctx.dialogs.errors) == before_errors + 1
    message = ctx.dialogs.errors[-1][1]
    assert "four-eyes" in message and "1 of these" in message and str(own.id)[:8] in message
    assert "\n" not in message
    assert ctx.undo_stack.count() == 0
    assert _statuses(ws) == {Status.UNVERIFIED: CLAIMS + 1}
    assert verdicts_of(ws, ids[0]) == []


def test_tag_source_and_fact_for_all_selected(qtbot, ws, ctx, view) -> None:
    ids = view.model.ids_at(100, 250)
    claim_ops.update_claim(ws, ids[0], tags=["kept", "border"])
    # A tag through the dialog the menu opens.
    dialog = view.open_bulk_dialog("tag", ids)
    assert dialog is view.bulk_dialog and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.value_edit, "  border ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ctx.undo_stack.undoText() == "Tag 250 claims “border”"
    assert claim_ops.get_claim(ws, ids[0]).tags == ("border", "kept")
    assert all(claim_ops.get_claim(ws, i).tags == ("border",) for i in ids[1:4])
    ctx.undo_stack.undo()
    assert claim_ops.get_claim(ws, ids[0]).tags == ("border", "kept")  # had it already
    assert claim_ops.get_claim(ws, ids[1]).tags == ()
    ctx.undo_stack.redo()

    wire = create_source(ws, "Harbour Wire", aliases=["HW"])
    assert view.set_source(ids, "hw") == 250
    assert {claim_ops.get_claim(ws, i).source_id for i in ids[::50]} == {wire.id}
    assert view.set_source(ids, "Nobody at all") == -1
    assert "No source is named" in ctx.dialogs.errors[-1][1]
    # A source that relays one of the claims cannot become their original source.
    relay = create_source(ws, "Relay desk")
    set_relay_ids(ws, ids[7], [relay.id])
    steps = ctx.undo_stack.count()
    assert view.set_source(ids, "Relay desk") == -1
    assert "relays 1 of these claims" in ctx.dialogs.errors[-1][1]
    assert ctx.undo_stack.count() == steps
    assert claim_ops.get_claim(ws, ids[8]).source_id == wire.id

    fact, _record = create_fact(ws, "How many boats left port?")
    assert view.set_fact(ids, fact.id, fact.name) == 250
    assert ctx.undo_stack.undoText() == "Put 250 claims in “How many boats left port?”"
    assert claim_ops.get_claim(ws, ids[42]).fact_id == fact.id
    ctx.undo_stack.undo()
    assert claim_ops.get_claim(ws, ids[42]).fact_id is None


def test_actions_have_keys_and_the_context_menu_counts(qtbot, view) -> None:
    keys = {m: a.shortcut().toString() for m, a in view.bulk_actions.items()}
    assert keys == {
        "status": "Ctrl+Shift+S",
        "tag": "Ctrl+Shift+T",
        "source": "Ctrl+Shift+O",
        "fact": "Ctrl+Shift+U",
    }
    _select_all(qtbot, view)
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = view.bulk_dialog
    assert dialog is not None and dialog.mode == "tag"
    assert f"{CLAIMS:,} selected claims" in dialog.windowTitle()
    dialog.reject()
    assert view.bulk_dialog is None


def test_main_window_menu_and_keys(qtbot, ws, many, tmp_path) -> None:
    from gui_shell_support import make_window

    window = make_window(ws, tmp_path, qtbot)
    window.show()
    table = window.claims_table
    qtbot.waitUntil(
        lambda: table.model.rowCount() == CLAIMS and not table.model.busy, timeout=10000
    )
    rows = {(menu, name): keys for menu, name, keys in window.shortcut_rows()}
    assert rows[("Claim", "Set Status of Selected Claims…")] == "Ctrl+Shift+S"
    assert rows[("Claim", "Add Tag to Selected Claims…")] == "Ctrl+Shift+T"
    assert rows[("Claim", "Set Source of Selected Claims…")] == "Ctrl+Shift+O"
    assert rows[("Claim", "Put Selected Claims in a Fact…")] == "Ctrl+Shift+U"
    table.table.setFocus()
    qtbot.waitUntil(lambda: table.table.hasFocus(), timeout=5000)
    qtbot.keyClick(table.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        table.table,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = table.bulk_dialog
    assert dialog is not None and dialog.mode == "status"
    dialog.set_status(Status.DISPUTED)
    assert dialog.ok_button.isEnabled() and not dialog.rationale.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _statuses(ws) == {Status.DISPUTED: CLAIMS}
    assert window.ctx.undo_stack.undoText() == f"Set {CLAIMS:,} claims to Disputed"
