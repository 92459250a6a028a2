"""The Conflicts queue in the real window: proposals appear, Enter links, Delete dismisses."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.links import all_links
from tests.gui_shell_support import make_window
from tests.test_facts import STORY, _claims


def test_accept_and_dismiss_with_keys_and_undo(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, late, _other = _claims(ws, STORY)
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.conflicts_view
    window.docks["Conflicts"].raise_()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 2, timeout=15000)
    first = view.model.rows[0]
    assert first.relation.value == "contradicts"
    assert "cannot both hold" in view.model.data(view.model.index(0, 3))
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    linked = {(link.from_claim_id, link.to_claim_id, link.relation) for link in all_links(ws)}
    assert (first.from_claim.claim_id, first.to_claim.claim_id, first.relation) in linked
    assert first not in view.model.rows
    window.ctx.undo_stack.undo()
    assert all_links(ws) == []
    # Dismiss the next one with Delete; it is remembered, and undo brings it back.
    view.table.selectRow(0)
    second = view.selected()
    assert second is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert second not in view.model.rows
    view.refresh()
    qtbot.waitUntil(lambda: not view.refresher.stale and view.model.rowCount() > 0, timeout=15000)
    keys = {(p.from_claim.claim_id, p.to_claim.claim_id) for p in view.model.rows}
    assert (second.from_claim.claim_id, second.to_claim.claim_id) not in keys
    window.ctx.undo_stack.undo()  # the dismissal is undone: proposed again
    view.refresh()
    qtbot.waitUntil(
        lambda: (
            (second.from_claim.claim_id, second.to_claim.claim_id)
            in {(p.from_claim.claim_id, p.to_claim.claim_id) for p in view.model.rows}
        ),
        timeout=15000,
    )
    involved = {
        str(c) for p in view.model.rows for c in (p.from_claim.claim_id, p.to_claim.claim_id)
    }
    assert involved <= {seoul, kyiv, late}


def test_accepting_a_contradiction_disputes_both_claims_and_undo_restores(
    ws, tmp_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from db.claims import get_claim, update_claim
    from db.models import Status

    seoul, kyiv, _late, _other = _claims(ws, STORY)
    update_claim(ws, seoul, status="in_review")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.conflicts_view
    window.docks["Conflicts"].raise_()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 1, timeout=15000)
    row = next(
        n for n, p in enumerate(view.model.rows)
        if {str(p.from_claim.claim_id), str(p.to_claim.claim_id)} == {seoul, kyiv}
    )  # fmt: skip
    view.table.selectRow(row)
    view.accept_selected()
    assert get_claim(ws, seoul).status is Status.DISPUTED
    assert get_claim(ws, kyiv).status is Status.DISPUTED
    window.ctx.undo_stack.undo()
    assert get_claim(ws, seoul).status is Status.IN_REVIEW
    assert get_claim(ws, kyiv).status is Status.UNVERIFIED


def test_tabs_behind_others_do_no_work_at_start(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _claims(ws, STORY)
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(800)
    # The Claims tab is in front: neither the Conflicts nor the Facts tab computed anything.
    assert window.conflicts_view.refresher.generation == 0
    assert window.facts_view.refresher.generation == 0
    window.docks["Conflicts"].raise_()
    qtbot.waitUntil(lambda: window.conflicts_view.refresher.generation == 1, timeout=5000)
    assert window.facts_view.refresher.generation == 0


def test_a_date_conflict_shows_both_dates_in_the_queue(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.test_date_conflicts import OCT_2024, _claim

    _claim(
        ws,
        "The first troops arrived in October 2023.",
        "The first troops arrived in October 2023",
        None,
    )
    _claim(
        ws,
        "The first troops arrived earlier this month.",
        "The first troops arrived earlier this month",
        OCT_2024,
    )
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.conflicts_view
    window.docks["Conflicts"].raise_()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 1, timeout=15000)
    row = next(n for n, p in enumerate(view.model.rows) if p.kind == "date")
    cells = [view.model.data(view.model.index(row, col)) for col in range(4)]
    assert cells[0] == "contradicts (dates)"
    assert {cells[1].rsplit(" · ", 1)[1], cells[2].rsplit(" · ", 1)[1]} == {
        "October 2023",
        "1–23 October 2024",
    }
    assert "first deployment of troops" in cells[3]
    view.table.setFocus()
    view.table.selectRow(row)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert [link.relation.value for link in all_links(ws)] == ["contradicts"]
