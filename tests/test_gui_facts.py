"""The Facts dock in the real window: make a fact of selected claims, undo, best answer."""

from __future__ import annotations

import uuid

from db.claims import update_claim
from db.facts.service import fact_ids_of, list_facts
from tests.gui_shell_support import make_window
from tests.test_facts import STORY, _claims


def test_new_fact_from_selected_claims_and_its_answer(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, late, _other = _claims(ws, STORY)
    update_claim(ws, seoul, status="verified", rationale="Checked against the record.")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.facts_view
    window.docks["Facts"].raise_()
    view.selected_claims = lambda: [seoul, kyiv, late]
    view.ask_name = lambda _suggestion: "How many North Korean troops are in Russia?"
    view.new_fact()
    (fact,) = list_facts(ws)
    assert fact.claim_count == 3
    assert fact_ids_of(ws, [seoul])[uuid.UUID(seoul)] == fact.id
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
    answer = view.model.data(view.model.index(0, 2))
    assert "1,500 troops arrived in Russia — verified" in answer
    # Taking one claim out, then undoing both steps, puts everything back.
    view.selected_claims = lambda: [late]
    view.take_out()
    assert fact_ids_of(ws, [late])[uuid.UUID(late)] is None
    window.ctx.undo_stack.undo()
    assert fact_ids_of(ws, [late])[uuid.UUID(late)] == fact.id
    window.ctx.undo_stack.undo()
    assert list_facts(ws) == [] and fact_ids_of(ws, [seoul])[uuid.UUID(seoul)] is None
    window.ctx.undo_stack.redo()
    (again,) = list_facts(ws)
    assert again.id == fact.id and again.claim_count == 3
    assert isinstance(again.id, uuid.UUID)
