"""Saved filters in the claims filter bar: kept in the workspace, shared, undoable."""

from __future__ import annotations

import pytest
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt

from db import claims as claim_ops
from db import saved_filters
from db.articles import article_text
from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.models import Status
from db.sources import create_source, delete_source
from db.workspace import open_workspace
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs


@pytest.fixture
def data(ws, seed_paths):
    article = add_seed_article(ws, seed_paths[1], "Alpha report")
    made = sentence_claims(ws, article, article_text(ws, article.id).text, 6)
    agency = create_source(ws, "Wire agency")
    for claim in made[:3]:
        claim_ops.update_claim(ws, claim.id, status="in_review", source_id=agency.id)
    claim_ops.update_claim(ws, made[0].id, tags=["border"])
    return {"claims": made, "agency": agency}


def _view(qtbot, ws) -> ClaimsTableView:
    view = ClaimsTableView(AppContext(ws, RecordingDialogs()))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.model.busy, timeout=5000)
    return view


def _wait(qtbot, view, rows: int) -> None:
    qtbot.waitUntil(lambda: view.model.rowCount() == rows and not view.model.busy, timeout=5000)


def test_save_choose_rename_delete_and_undo(qtbot, ws, data) -> None:
    view = _view(qtbot, ws)
    ctx, bar, saved = view.ctx, view.filter_bar, view.saved_filters
    _wait(qtbot, view, 6)
    assert saved.names() == [] and not saved.rename_action.isEnabled()
    # The analyst narrows the table, then saves it under a name (asked in a dialog).
    bar.status_actions[Status.IN_REVIEW].setChecked(True)
    assert bar.source_combo.select(str(data["agency"].id), ws)
    _wait(qtbot, view, 3)
    ctx.dialogs.text_answers.append("  Agency   in review ")
    saved.save_action.trigger()
    assert saved.names() == ["Agency in review"]
    assert saved.combo.currentText() == saved.combo.toolTip() == "Agency in review"
    assert ctx.undo_stack.undoText() == "Save filter “Agency in review”"

    # Everything again; picking the saved filter in the list brings it back whole.
    bar.apply_filter(ClaimFilter())
    _wait(qtbot, view, 6)
    assert saved.combo.currentIndex() == 0  # what is shown is no longer the saved one
    saved.combo.setFocus()
    qtbot.keyClick(saved.combo, Qt.Key.Key_Down)
    _wait(qtbot, view, 3)
    assert bar.status_actions[Status.IN_REVIEW].isChecked()
    assert bar.source_combo.currentData() == str(data["agency"].id)
    assert bar.status_button.text() == "Status: In review"

    # A second name may not repeat the first (case aside); nothing is stored then.
    ctx.dialogs.text_answers.append("AGENCY IN REVIEW")
    assert not saved.save_current()
    assert "already named" in ctx.dialogs.errors[-1][1]
    assert len(saved_filters.list_saved(ws)) == 1

    ctx.dialogs.text_answers.append("Wire, in review")
    assert saved.rename_current()
    assert saved.names() == ["Wire, in review"]
    ctx.undo_stack.undo()
    assert saved.names() == ["Agency in review"]
    ctx.undo_stack.redo()

    assert saved.select("Wire, in review")
    assert saved.delete_current()
    assert saved.names() == [] and saved.combo.currentText() == "Saved filters…"
    ctx.undo_stack.undo()
    assert saved.names() == ["Wire, in review"]
    (kept,) = saved_filters.list_saved(ws)
    info = saved_filters.get_saved(ws, kept[0])
    assert info.claim_filter.statuses == frozenset({Status.IN_REVIEW})
    assert info.claim_filter.source_ids == frozenset({data["agency"].id})


def test_the_team_shares_them_and_a_gone_source_is_said(qtbot, ws, ws_path, data) -> None:
    flt = ClaimFilter(tags=frozenset({"border"}), source_ids=frozenset({data["agency"].id}))
    saved_filters.save_filter(ws, "Border from the agency", flt)
    # Another analyst's window on the same workspace file lists it.
    other = open_workspace(ws_path)
    try:
        view = _view(qtbot, other)
        assert view.saved_filters.names() == ["Border from the agency"]
        assert view.saved_filters.select("Border from the agency")
        _wait(qtbot, view, 1)
        assert view.filter_bar.tag_combo.currentData() == "border"
        # One saved meanwhile in the first window shows up when the list is opened.
        saved_filters.save_filter(ws, "All border", ClaimFilter(tags=frozenset({"border"})))
        view.saved_filters.combo.showPopup()
        assert view.saved_filters.names() == ["All border", "Border from the agency"]
        view.saved_filters.combo.hidePopup()
        delete_source(ws, data["agency"].id)
        view.saved_filters.combo.setCurrentIndex(0)
        assert view.saved_filters.select("Border from the agency")
        (_title, message) = view.ctx.dialogs.infos[-1]
        assert "the source it names no longer exists" in message
        assert view.filter_bar.source_combo.currentData() is None
    finally:
        other.close()


@pytest.mark.parametrize(("name", "why"), [("   ", "needs a name"), ("a\u202eb", "invisible")])
def test_bad_names_are_refused(ws, name: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=why):
        saved_filters.save_filter(ws, name, ClaimFilter())
    assert saved_filters.list_saved(ws) == []


def test_criteria_round_trip() -> None:
    import datetime as dt
    import uuid

    flt = ClaimFilter(
        statuses=frozenset({Status.FALSE, Status.DISPUTED}),
        article_ids=frozenset({uuid.uuid4()}),
        source_ids=frozenset({uuid.uuid4(), uuid.uuid4()}),
        tags=frozenset({"Café", "border"}),
        text="troops 1,500",
        since=dt.datetime(2024, 10, 1, tzinfo=dt.UTC),
        contested_only=True,
        hide_superseded=True,
    )
    assert saved_filters.from_criteria(saved_filters.to_criteria(flt)) == flt
    with pytest.raises(InvalidInput, match="cannot be read"):
        saved_filters.from_criteria('{"statuses": ["nonsense"]}')


def test_shared_workspace_logins_share_them(pg_team, pg_url) -> None:
    from db import analysts
    from db.workspace import migrate

    migrate(pg_url)
    admin = open_workspace(pg_url)
    other = open_workspace(pg_team.login_url("analyst"))
    try:
        analysts.bind_analyst(admin)
        analysts.bind_analyst(other)
        made = saved_filters.save_filter(
            admin, "Disputed only", ClaimFilter(statuses=frozenset({Status.DISPUTED}))
        )
        assert saved_filters.list_saved(other) == [(made.id, "Disputed only")]
        assert saved_filters.get_saved(other, made.id).claim_filter.statuses == {Status.DISPUTED}
        mine = saved_filters.save_filter(other, "Mine", ClaimFilter(text="troops"))
        assert saved_filters.rename_filter(other, mine.id, "Troops") == "Mine"
        assert [name for _i, name in saved_filters.list_saved(admin)] == [
            "Disputed only",
            "Troops",
        ]
        saved_filters.delete_filter(other, mine.id)
        assert len(saved_filters.list_saved(admin)) == 1
    finally:
        other.close()
        admin.close()
