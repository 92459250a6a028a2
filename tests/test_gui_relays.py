"""The inspector's relay chain: real widgets over a real SQLite workspace, driven by keys."""

from __future__ import annotations

import pytest
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt

from db import sources as source_ops
from db.articles import article_text
from db.history import claim_history
from db.relays import relay_names
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.inspector import ClaimInspector
from tests.gui_shell_support import make_window


@pytest.fixture
def ctx(ws):
    context = AppContext(ws, RecordingDialogs())
    yield context
    context.undo_stack.clear()


@pytest.fixture
def claim(ws, seed_paths):
    article = add_seed_article(ws, seed_paths[0], "Defectors")
    text = article_text(ws, article.id).text
    agency = source_ops.create_source(ws, "Spy Agency")
    (first,) = sentence_claims(ws, article, text, 1, source_id=agency.id)
    return first


@pytest.fixture
def inspector(qtbot, ctx, claim):
    widget = ClaimInspector(ctx)
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    widget.show_claim(str(claim.id))
    return widget


def _chain(ws, claim) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return relay_names(ws, [claim.id]).get(claim.id, ())


def _type_relay(qtbot, inspector, name: str) -> None:  # type: ignore[no-untyped-def]
    field = inspector.relays.input
    field.setFocus()
    field.selectAll()  # a refused name stays in the field for correcting: type over it
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_add_known_and_new_relays_by_keys_each_one_undo_step(ws, ctx, claim, inspector, qtbot):  # type: ignore[no-untyped-def]
    source_ops.create_source(ws, "Park Min-ho")
    before = len(source_ops.list_sources(ws))
    _type_relay(qtbot, inspector, "park min-ho")  # a registered name, any case
    assert _chain(ws, claim) == ("Park Min-ho",)
    assert inspector.relays.input.text() == ""
    _type_relay(qtbot, inspector, "Daily Example")  # a new name: a new source
    assert _chain(ws, claim) == ("Park Min-ho", "Daily Example")
    assert len(source_ops.list_sources(ws)) == before + 1
    assert inspector.relays.names() == ["Park Min-ho", "Daily Example"]
    assert ctx.undo_stack.count() == 2

    ctx.undo_stack.undo()  # the new source goes with the relay it was typed for
    assert _chain(ws, claim) == ("Park Min-ho",)
    assert source_ops.find_source(ws, "Daily Example") is None
    assert inspector.relays.names() == ["Park Min-ho"]
    ctx.undo_stack.redo()
    assert _chain(ws, claim) == ("Park Min-ho", "Daily Example")
    assert inspector.relays.names() == ["Park Min-ho", "Daily Example"]


def test_original_source_and_repeats_are_refused(ws, ctx, claim, inspector, qtbot):  # type: ignore[no-untyped-def]
    _type_relay(qtbot, inspector, "Park Min-ho")
    count = ctx.undo_stack.count()
    _type_relay(qtbot, inspector, "PARK MIN-HO")
    assert inspector.relays.input.text() == "PARK MIN-HO"  # kept for correcting
    _type_relay(qtbot, inspector, "Spy Agency")  # the original source itself
    assert _chain(ws, claim) == ("Park Min-ho",)
    assert ctx.undo_stack.count() == count
    errors = [message for _title, message in ctx.dialogs.errors]
    assert any("already relays" in e for e in errors)
    assert any("original source" in e for e in errors)


def test_move_and_remove_by_keys_and_undo_restores_each_chain(ws, ctx, claim, inspector, qtbot):  # type: ignore[no-untyped-def]
    for name in ("Yu", "Park Min-ho", "Daily Example"):
        _type_relay(qtbot, inspector, name)
    steps = ctx.undo_stack.count()
    chains = [_chain(ws, claim)]
    relays = inspector.relays.list
    relays.setFocus()
    relays.setCurrentRow(2)
    qtbot.keyClick(relays, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    chains.append(_chain(ws, claim))
    assert chains[-1] == ("Yu", "Daily Example", "Park Min-ho")
    assert relays.currentRow() == 1  # the moved relay stays selected
    qtbot.keyClick(relays, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    chains.append(_chain(ws, claim))
    assert chains[-1] == ("Daily Example", "Yu", "Park Min-ho")
    qtbot.keyClick(relays, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first
    assert _chain(ws, claim) == chains[-1]
    qtbot.keyClick(relays, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    chains.append(_chain(ws, claim))
    assert chains[-1] == ("Yu", "Daily Example", "Park Min-ho")
    relays.setCurrentRow(0)
    qtbot.keyClick(relays, Qt.Key.Key_Delete)
    chains.append(_chain(ws, claim))
    assert chains[-1] == ("Daily Example", "Park Min-ho")
    assert inspector.relays.names() == list(chains[-1])
    assert ctx.undo_stack.count() == steps + 4  # one step per edit

    for expected in reversed(chains[:-1]):
        ctx.undo_stack.undo()
        assert _chain(ws, claim) == expected
        assert inspector.relays.names() == list(expected)


def test_relay_edits_appear_in_the_claims_history(ws, ctx, claim, inspector, qtbot):  # type: ignore[no-untyped-def]
    _type_relay(qtbot, inspector, "Yu")
    _type_relay(qtbot, inspector, "Daily Example")
    inspector.relays.list.setCurrentRow(0)
    inspector.relays.remove_selected()
    entries = [h for h in claim_history(ws, claim.id) if h.action == "update"]
    changes = [c for h in entries for c in h.changes if c.field == "relayed_by"]
    assert [(c.old, c.new) for c in changes] == [
        ([], ["Yu"]),
        (["Yu"], ["Yu", "Daily Example"]),
        (["Yu", "Daily Example"], ["Daily Example"]),
    ]
    assert "Yu, Daily Example → Daily Example" in entries[-1].summary()


def test_ctrl_z_in_the_window_restores_the_chain(ws, claim, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.ctx.claimSelected.emit(str(claim.id))
    inspector = window.inspector
    assert inspector.claim_id == claim.id
    _type_relay(qtbot, inspector, "Yu")
    _type_relay(qtbot, inspector, "Daily Example")
    relays = inspector.relays.list
    relays.setFocus()
    relays.setCurrentRow(1)
    qtbot.keyClick(relays, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _chain(ws, claim) == ("Daily Example", "Yu")
    qtbot.keyClick(relays, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _chain(ws, claim) == ("Yu", "Daily Example")
    assert inspector.relays.names() == ["Yu", "Daily Example"]


def test_deleting_the_claim_and_undoing_brings_its_chain_back(ws, ctx, claim, inspector, qtbot):  # type: ignore[no-untyped-def]
    from desktop.operations import claims as claim_ops

    _type_relay(qtbot, inspector, "Yu")
    _type_relay(qtbot, inspector, "Daily Example")
    assert claim_ops.delete_claim(ctx, claim.id)
    assert _chain(ws, claim) == ()
    assert inspector.claim_id is None
    ctx.undo_stack.undo()
    assert _chain(ws, claim) == ("Yu", "Daily Example")
    inspector.show_claim(str(claim.id))
    assert inspector.relays.names() == ["Yu", "Daily Example"]
    ctx.undo_stack.redo()
    assert _chain(ws, claim) == ()


def test_merging_or_deleting_a_relaying_source_keeps_chains_and_undo_restores_them(
    ws, ctx, claim, inspector, qtbot
):  # type: ignore[no-untyped-def]
    from desktop.operations import sources as source_desk

    for name in ("Yu", "Yonhap", "Daily Example"):
        _type_relay(qtbot, inspector, name)
    yu = source_ops.find_source(ws, "Yu")
    yonhap = source_ops.find_source(ws, "Yonhap")
    agency = source_ops.find_source(ws, "Spy Agency")
    assert yu is not None and yonhap is not None and agency is not None
    # Merged into a source already in the chain: it appears once, where the kept one was.
    assert source_desk.merge_sources(ctx, yu.id, yonhap.id)
    assert _chain(ws, claim) == ("Yonhap", "Daily Example")
    assert inspector.relays.names() == ["Yonhap", "Daily Example"]
    ctx.undo_stack.undo()
    assert _chain(ws, claim) == ("Yu", "Yonhap", "Daily Example")
    # Merged into the original source: no longer a relay of its own claim.
    assert source_desk.merge_sources(ctx, yonhap.id, agency.id)
    assert _chain(ws, claim) == ("Yu", "Daily Example")
    ctx.undo_stack.undo()
    assert _chain(ws, claim) == ("Yu", "Yonhap", "Daily Example")
    # Deleted: gone from the chain (recorded in the history), back with undo.
    assert source_desk.delete_source(ctx, yonhap.id)
    assert _chain(ws, claim) == ("Yu", "Daily Example")
    assert inspector.relays.names() == ["Yu", "Daily Example"]
    last = [h for h in claim_history(ws, claim.id) if h.action == "update"][-1]
    assert [(c.field, c.new) for c in last.changes] == [("relayed_by", ["Yu", "Daily Example"])]
    ctx.undo_stack.undo()
    assert _chain(ws, claim) == ("Yu", "Yonhap", "Daily Example")
    assert inspector.relays.names() == ["Yu", "Yonhap", "Daily Example"]


def test_restoring_an_earlier_state_restores_the_chain_and_undo_puts_it_back(
    ws, ctx, claim, inspector, qtbot
):  # type: ignore[no-untyped-def]
    from desktop.commands.review import RestoreStateCommand

    _type_relay(qtbot, inspector, "Yu")
    _type_relay(qtbot, inspector, "Daily Example")
    entries = claim_history(ws, claim.id)
    after_first = next(h for h in entries if any(c.new == ["Yu"] for c in h.changes))
    created = entries[0]
    ctx.undo_stack.push(RestoreStateCommand(ctx, claim.id, after_first.id))
    assert _chain(ws, claim) == ("Yu",)
    assert inspector.relays.names() == ["Yu"]
    ctx.undo_stack.undo()
    assert _chain(ws, claim) == ("Yu", "Daily Example")
    ctx.undo_stack.push(RestoreStateCommand(ctx, claim.id, created.id))  # before any relay
    assert _chain(ws, claim) == ()
    assert claim_history(ws, claim.id)[-1].action == "restore"
    ctx.undo_stack.undo()
    assert _chain(ws, claim) == ("Yu", "Daily Example")
    assert inspector.relays.names() == ["Yu", "Daily Example"]
    # A relay deleted since cannot be brought back by name: refused, nothing changes.
    yu = source_ops.find_source(ws, "Yu")
    assert yu is not None
    source_ops.delete_source(ws, yu.id)
    refused = RestoreStateCommand(ctx, claim.id, after_first.id)
    ctx.undo_stack.push(refused)
    assert refused.failed  # reported, and dropped from the stack
    assert _chain(ws, claim) == ("Daily Example",)
    assert any("has since been deleted" in m for _t, m in ctx.dialogs.errors)


def test_relay_edits_and_undo_on_postgresql(qtbot, pg_ws, seed_paths):  # type: ignore[no-untyped-def]
    context = AppContext(pg_ws, RecordingDialogs())
    try:
        article = add_seed_article(pg_ws, seed_paths[1], "Shared")
        (made,) = sentence_claims(pg_ws, article, article_text(pg_ws, article.id).text, 1)
        widget = ClaimInspector(context)
        qtbot.addWidget(widget)
        widget.show()
        widget.show_claim(str(made.id))
        for name in ("Yu", "Daily Example"):
            _type_relay(qtbot, widget, name)
        widget.relays.list.setCurrentRow(1)
        qtbot.keyClick(widget.relays.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert _chain(pg_ws, made) == ("Daily Example", "Yu")
        context.undo_stack.undo()
        assert _chain(pg_ws, made) == ("Yu", "Daily Example")
        context.undo_stack.undo()
        assert _chain(pg_ws, made) == ("Yu",)
        assert source_ops.find_source(pg_ws, "Daily Example") is None
        assert widget.relays.names() == ["Yu"]
    finally:
        context.undo_stack.clear()
