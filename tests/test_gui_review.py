"""The review panels: queue and verdict dialog, history restore, discussion, compare."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMenu
from review_support import act_as, add_seed, claim_at

from db import analysts, claims, comments, history, links, review
from db.changes import Entity, Op, changed
from db.models import Status
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.review import (
    CompareView,
    DiscussionPanel,
    FirstAnalystDialog,
    HistoryPanel,
    ReviewQueueView,
    WorkspaceHistoryDialog,
    install_review_ui,
)
from desktop.review.analyst_dialogs import SwitchAnalystDialog


@pytest.fixture
def team(ws: Workspace) -> Workspace:
    analysts.add_analyst(ws, "Ana Lyst")
    analysts.add_analyst(ws, "Rita Review", role="reviewer")
    return ws


@pytest.fixture
def ctx(team: Workspace) -> AppContext:
    return AppContext(team, RecordingDialogs())


def _ok(dialog) -> object:  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_queue_verdict_dialog_records_verdict(ctx, team, seed_paths: list[Path], qtbot) -> None:
    aid, text = add_seed(team, seed_paths[0])
    act_as(team, "Ana Lyst")
    c = claim_at(team, aid, text, status="in_review")
    act_as(team, "Rita Review")
    view = ReviewQueueView(ctx)
    qtbot.addWidget(view)
    assert view.objectName() == "reviewQueue"
    assert view.model.rowCount() == 1
    assert view.count_label.text() == (
        "1 claim waiting: select one to assign it or give a verdict."
    )
    with qtbot.waitSignal(ctx.claimSelected) as sel:
        assert view.select_claim(c.id)
    assert sel.args == [str(c.id)]
    assert view.count_label.text() == "1 claim waiting."
    dialog = view.open_verdict_dialog()
    assert dialog is not None and dialog.isVisible()
    assert not _ok(dialog).isEnabled()  # no rationale yet
    dialog.rationale.setPlainText("   ")
    assert not _ok(dialog).isEnabled()
    dialog.set_status("verified")
    dialog.rationale.setPlainText("The ministry's release gives the same figure.")
    assert _ok(dialog).isEnabled()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    got = review.verdicts_of(team, c.id)
    assert [(v.reviewer_name, v.status) for v in got] == [("Rita Review", Status.VERIFIED)]
    assert got[0].rationale == "The ministry's release gives the same figure."
    assert claims.get_claim(team, c.id).status == Status.VERIFIED
    assert view.model.rowCount() == 0
    assert view.count_label.text().startswith("No claims waiting for review")
    assert ctx.dialogs.errors == []
    # Ctrl+Z takes the verdict back: in review again and back in the queue; the
    # verdict stays on record (append-only), the history shows it taken back.
    assert ctx.undo_stack.undoText() == "Verdict: Verified"
    ctx.undo_stack.undo()
    assert len(review.verdicts_of(team, c.id)) == 1
    assert claims.get_claim(team, c.id).status == Status.IN_REVIEW
    assert view.model.claim_ids == [str(c.id)]
    assert history.claim_history(team, c.id)[-1].action == "take back"
    ctx.undo_stack.redo()
    assert [v.status for v in review.verdicts_of(team, c.id)] == [Status.VERIFIED] * 2
    assert claims.get_claim(team, c.id).status == Status.VERIFIED
    assert view.model.rowCount() == 0


def test_verdict_refusal_is_shown_not_raised(ctx, team, seed_paths: list[Path], qtbot) -> None:
    aid, text = add_seed(team, seed_paths[1])
    act_as(team, "Ana Lyst")
    c = claim_at(team, aid, text, status="disputed")
    view = ReviewQueueView(ctx)
    qtbot.addWidget(view)
    view.select_claim(c.id)
    dialog = view.open_verdict_dialog()
    dialog.set_status("false")
    dialog.rationale.setPlainText("Wrong.")
    _ok(dialog).click()
    assert len(ctx.dialogs.errors) == 1
    assert "Only reviewers and admins" in ctx.dialogs.errors[0][1]
    assert claims.get_claim(team, c.id).status == Status.DISPUTED
    assert view.model.rowCount() == 1


def test_queue_filters_assign_undo_and_open(ctx, team, seed_paths: list[Path], qtbot) -> None:
    a1, t1 = add_seed(team, seed_paths[0], "Alpha")
    a2, t2 = add_seed(team, seed_paths[1], "Beta")
    c1 = claim_at(team, a1, t1, status="in_review")
    c2 = claim_at(team, a2, t2, status="in_review")
    view = ReviewQueueView(ctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 2
    view.set_filters(article_id=a2)
    assert [i.claim_id for i in view.items] == [c2.id]
    view.set_filters()
    view.select_claim(c1.id)
    rita = analysts.get_analyst(team, "Rita Review")
    view.assign_to.setCurrentIndex(view.assign_to.findData(str(rita.id)))
    view.assign_selected()
    assert claims.get_claim(team, c1.id).assignee_id == rita.id
    view.set_filters(assignee=str(rita.id))
    assert [i.assignee_name for i in view.items] == ["Rita Review"]
    view.set_filters(assignee="unassigned")
    assert [i.claim_id for i in view.items] == [c2.id]
    ctx.undo_stack.undo()
    assert claims.get_claim(team, c1.id).assignee_id is None
    assert len(view.items) == 2  # refreshed on claimsChanged
    view.set_filters()
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    row = next(r for r, i in enumerate(view.items) if i.claim_id == c1.id)
    rect = view.table.visualRect(view.model.index(row, 4))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(ctx.openClaimRequested) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [str(c1.id)]


def _text(model, row: int, col: int, parent=None, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    return model.index(row, col, parent or QModelIndex()).data(role)


def test_history_panel_restore_and_undo(
    ctx, team, seed_paths: list[Path], qtbot, qtmodeltester
) -> None:
    aid, text = add_seed(team, seed_paths[2])
    c = claim_at(team, aid, text, statement="First wording")
    claims.update_claim(team, c.id, statement="Second wording", notes="a note")
    panel = HistoryPanel(ctx)
    qtbot.addWidget(panel)
    assert not panel.restore_button.isEnabled()
    ctx.claimSelected.emit(str(c.id))
    model = panel.model
    assert model.rowCount() == 2
    assert panel.title.text().startswith(f"2 changes to claim {str(c.id)[:8]}")
    assert "Select one to restore" in panel.title.text()
    qtmodeltester.check(model)
    # A field change is cut short in its column; its tooltip gives both values whole.
    edit = model.index(1, 0)
    fields = [_text(model, i, 3, edit) for i in range(model.rowCount(edit))]
    statement = fields.index("Statement")  # in words, not the stored name
    tip = _text(model, statement, 4, edit, Qt.ItemDataRole.ToolTipRole)
    assert tip == "First wording\n→\nSecond wording"
    first_entry = panel.items[0].id
    assert panel.select_entry(first_entry)
    assert panel.restore_button.isEnabled()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda p, a, b: inserted.append((a, b)) if not p.isValid() else 0)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    info = claims.get_claim(team, c.id)
    assert (info.statement, info.notes) == ("First wording", "")
    assert model.rowCount() == 3 and inserted == [(2, 2)]  # one row added, nothing re-read
    assert _text(model, 2, 2) == "restored"
    assert _text(model, 2, 1) == "Analyst"
    ctx.undo_stack.undo()
    info = claims.get_claim(team, c.id)
    assert (info.statement, info.notes) == ("Second wording", "a note")
    assert model.rowCount() == 4  # the undo is history too
    assert panel.verdicts.isHidden()
    v = review.give_verdict(team, c.id, "unverifiable", "No <second> source.")
    ctx.publish(changed(Entity.VERDICT, [v.id], Op.CREATED, parent=c.id))
    assert "No &lt;second&gt; source." in panel.verdicts.text()
    assert _text(model, 4, 2) == "verdict"


def test_history_model_reads_by_page(ctx, team, seed_paths: list[Path], qtbot) -> None:
    from desktop.models.history_model import PAGE

    aid, text = add_seed(team, seed_paths[2])
    c = claim_at(team, aid, text)
    total = 2 * PAGE + 30
    for i in range(total - 1):
        claims.update_claim(team, c.id, notes=f"note {i}")
    panel = HistoryPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show()
    qtbot.waitExposed(panel)
    ctx.claimSelected.emit(str(c.id))
    model = panel.model
    assert model.rowCount() == total
    qtbot.wait(10)
    # Scrolled to the latest: the pages in view were read, not the whole history.
    assert 1 <= model.page_reads <= 2
    assert model.item_at(total - 1).changes[0].new == f"note {total - 2}"
    reads = model.page_reads
    assert model.item_at(PAGE).changes[0].new == f"note {PAGE - 1}"
    assert model.page_reads <= reads + 1  # the middle page, once
    # A new change: one row inserted at the end, the pages read stay.
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda p, a, b: inserted.append((a, b)) if not p.isValid() else 0)
    claims.update_claim(team, c.id, notes="last")
    ctx.publish(changed(Entity.CLAIM, [c.id], fields={"notes"}))
    assert inserted == [(total, total)]
    assert model.item_at(total).changes[0].new == "last"


def test_discussion_panel_threads(ctx, team, seed_paths: list[Path], qtbot) -> None:
    aid, text = add_seed(team, seed_paths[3])
    c = claim_at(team, aid, text)
    panel = DiscussionPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.title.text() == "Select a claim to discuss it."
    ctx.claimSelected.emit(str(c.id))
    assert not panel.comment_button.isEnabled()
    # An empty discussion says how to start one rather than "0 open, 0 resolved".
    assert "No comments yet" in panel.title.text()
    assert "New thread" in panel.title.text()
    panel.editor.setPlainText("Which date is right?")
    panel.comment_button.click()
    assert panel.model.rowCount() == 1
    assert panel.title.text() == "1 open, 0 resolved"
    top = panel.threads[0].id
    assert panel.select_comment(top)
    panel.editor.setPlainText("The later one.")
    panel.reply_button.click()
    assert panel.model.rowCount(panel.model.index(0, 0)) == 1
    assert comments.open_thread_counts(team) == {c.id: 1}
    panel.select_comment(top)
    assert panel.resolve_button.text() == "Resolve"
    panel.resolve_button.click()
    assert comments.open_thread_counts(team) == {}
    panel.select_comment(top)
    assert panel.resolve_button.text() == "Reopen"


def test_discussion_edits_are_undoable(ctx, team, seed_paths: list[Path], qtbot, qtmodeltester):
    aid, text = add_seed(team, seed_paths[3])
    c = claim_at(team, aid, text)
    other = claim_at(team, aid, text, nth=1)
    comments.add_comment(team, other.id, "Elsewhere")
    panel = DiscussionPanel(ctx)
    qtbot.addWidget(panel)
    ctx.claimSelected.emit(str(c.id))
    panel.editor.setPlainText("First thread")
    panel.comment_button.click()
    panel.editor.setPlainText("Second thread")
    panel.comment_button.click()
    assert [t.body for t in panel.threads] == ["First thread", "Second thread"]
    qtmodeltester.check(panel.model)
    first, second = (t.id for t in panel.threads)
    resets: list[int] = []
    removed: list[tuple[int, int]] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.rowsRemoved.connect(
        lambda p, a, b: removed.append((a, b)) if not p.isValid() else 0
    )
    # Resolve the second thread, then a reply reopens it; Ctrl+Z walks back each step.
    panel.select_comment(second)
    panel.resolve_button.click()
    assert comments.open_thread_counts(team)[c.id] == 1
    panel.select_comment(second)
    panel.editor.setPlainText("Not settled yet")
    panel.reply_button.click()
    assert comments.open_thread_counts(team)[c.id] == 2
    assert ctx.undo_stack.undoText() == "Reply to comment"
    ctx.undo_stack.undo()  # the reply goes, the thread is resolved again
    assert comments.open_thread_counts(team)[c.id] == 1
    assert panel.model.rowCount(panel.model.index(1, 0)) == 0
    ctx.undo_stack.undo()  # resolving undone
    assert comments.open_thread_counts(team)[c.id] == 2
    ctx.undo_stack.undo()  # the second thread goes: one row removed, nothing reset
    assert [t.body for t in panel.threads] == ["First thread"]
    assert removed == [(1, 1)] and resets == []
    ctx.undo_stack.redo()
    assert [t.id for t in panel.threads] == [first, second]
    # The other claim's discussion was never touched.
    assert [t.body for t in comments.threads_of(team, other.id)] == ["Elsewhere"]
    # A record about another claim's comments leaves this panel alone.
    before = list(panel.threads)
    comments.add_comment(team, other.id, "Also elsewhere")
    ctx.publish(changed(Entity.COMMENT, [uuid.uuid4()], Op.CREATED, parent=other.id))
    assert panel.threads == before and resets == []


def test_compare_view_columns(ctx, team, seed_paths: list[Path], qtbot) -> None:
    a1, t1 = add_seed(team, seed_paths[0], "One")
    a2, t2 = add_seed(team, seed_paths[1], "Two")
    x = claim_at(team, a1, t1)
    y = claim_at(team, a2, t2)
    links.add_link(team, y.id, x.id, "contradicts")
    view = CompareView(ctx)
    qtbot.addWidget(view)
    ctx.claimSelected.emit(str(x.id))
    assert len(view.columns) == 2
    assert "<b>" in view.columns[0].sentence.text()
    ctx.claimSelected.emit(str(y.id))
    assert view.columns[0].item.claim_id == y.id
    claims.delete_claim(team, y.id)
    ctx.claims_changed([y.id])
    assert view.columns == [] and ctx.dialogs.errors == []


def test_compare_cards_scroll_rather_than_being_cut(
    ctx, team, seed_paths: list[Path], qtbot
) -> None:
    a1, t1 = add_seed(team, seed_paths[0], "One")
    a2, t2 = add_seed(team, seed_paths[1], "Two")
    x = claim_at(team, a1, t1)
    y = claim_at(team, a2, t2)
    links.add_link(team, y.id, x.id, "contradicts")
    view = CompareView(ctx)
    qtbot.addWidget(view)
    view.resize(900, 140)  # a short bottom dock
    view.show()
    qtbot.waitExposed(view)
    ctx.claimSelected.emit(str(x.id))
    qtbot.waitUntil(lambda: view.area.verticalScrollBar().maximum() > 0)
    for column in view.columns:
        # Each card keeps the height its wrapped text needs; the area scrolls to it.
        assert column.height() >= column.heightForWidth(column.width())
        assert column.open_button.geometry().bottom() <= column.height()
    bar = view.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    button = view.columns[0].open_button
    top_left = button.mapTo(view.area.viewport(), button.rect().topLeft())
    assert view.area.viewport().rect().contains(top_left)


def test_first_analyst_dialog_suggests_initials(qtbot) -> None:
    dialog = FirstAnalystDialog()
    qtbot.addWidget(dialog)
    ok = _ok(dialog)
    assert not ok.isEnabled()
    dialog.name.setText("Mara Okafor")
    assert dialog.initials.text() == "MO" and ok.isEnabled()
    assert dialog.values()[:2] == ("Mara Okafor", "MO")


def test_switch_analyst_dialog(ctx, team, qtbot) -> None:
    dialog = SwitchAnalystDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.people.setCurrentIndex(dialog.people.findText("Rita Review (reviewer)"))
    assert dialog.apply().name == "Rita Review"
    assert analysts.get_current(team).name == "Rita Review"


class _Shell(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.menus: dict[str, QMenu] = {}
        self.docks = {}

    def add_dock(self, widget, title, area):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QDockWidget

        dock = QDockWidget(title, self)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[title] = dock
        return dock

    def menu(self, name: str) -> QMenu:
        return self.menus.setdefault(name, self.menuBar().addMenu(name))


def test_install_review_ui_adds_docks_and_actions(ctx, qtbot) -> None:
    shell = _Shell()
    qtbot.addWidget(shell)
    ui = install_review_ui(shell, ctx)
    assert set(shell.docks) == {"Review queue", "Compare", "Discussion", "History"}
    titles = [a.text() for a in shell.menus["Review"].actions() if a.text()]
    assert "Give &verdict…" in titles and "&Switch analyst…" in titles
    assert shell.findChild(ReviewQueueView, "reviewQueue") is ui.queue


def test_real_main_window_has_review_menu(ws: Workspace, tmp_path: Path, qtbot) -> None:
    from desktop.main_window import MainWindow

    context = AppContext(ws, RecordingDialogs())
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    if window.findChild(ReviewQueueView, "reviewQueue") is None:
        install_review_ui(window, context)
    assert window.findChild(ReviewQueueView, "reviewQueue") is not None
    assert "Review queue" in window.docks


def _answer_first_analyst_dialog(name: str) -> None:
    from PySide6.QtWidgets import QApplication

    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FirstAnalystDialog)
    dialog.name.setText(name)
    dialog.accept()


def test_first_start_names_the_default_admin(ws: Workspace, tmp_path: Path, qtbot) -> None:
    from PySide6.QtCore import QTimer

    from desktop.review import ensure_first_analyst

    context = AppContext(ws, RecordingDialogs())
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    before = analysts.get_current(ws)
    QTimer.singleShot(0, lambda: _answer_first_analyst_dialog("Mara Okafor"))
    assert ensure_first_analyst(context, None, settings)
    me = analysts.get_current(ws)
    assert (me.id, me.name, me.initials, me.role) == (before.id, "Mara Okafor", "MO", "admin")
    assert not ensure_first_analyst(context, None, settings)  # asked once


def test_first_start_on_empty_workspace_creates_admin(ws_path: Path, qtbot) -> None:
    from PySide6.QtCore import QTimer

    from db.workspace import open_workspace
    from desktop.review import ensure_first_analyst

    fresh = open_workspace(ws_path)
    try:
        context = AppContext(fresh, RecordingDialogs())
        QTimer.singleShot(0, lambda: _answer_first_analyst_dialog("Jo Park"))
        assert ensure_first_analyst(context)
        assert [(a.name, a.role) for a in analysts.list_analysts(fresh)] == [("Jo Park", "admin")]
        assert analysts.get_current(fresh).name == "Jo Park"
    finally:
        fresh.close()


def test_workspace_history_names_what_was_changed(ctx, team, seed_paths: list[Path], qtbot) -> None:
    from db.sources import create_source

    aid, text = add_seed(team, seed_paths[0])
    c = claim_at(team, aid, text)
    create_source(team, "Wire Agency")
    claims.update_claim(team, c.id, notes="checked")
    dialog = WorkspaceHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = {}
    for i in range(model.rowCount()):
        what = _text(model, i, 3)
        rows.setdefault((_text(model, i, 2), what.split(" ")[0]), what)
    assert rows[("created", "source")] == "source “Wire Agency”"
    title = next(i.label for i in dialog.items if i.entity_type == "article")
    assert title and rows[("created", "article")] == f"article “{title}”"
    assert c.quote[:20] in rows[("created", "claim")]
    assert c.quote[:20] in rows[("changed", "claim")]
    assert dialog.count_label.text() == f"{model.rowCount()} changes, newest first"
    dialog.kind_filter.setCurrentIndex(dialog.kind_filter.findData("source"))
    assert [i.entity_type for i in dialog.items] == ["source"]


def test_team_dialog_edits_are_undoable(ctx, team, qtbot) -> None:
    from db import settings
    from desktop.review import TeamDialog

    dialog = TeamDialog(ctx)
    qtbot.addWidget(dialog)
    ana = analysts.get_analyst(team, "Ana Lyst")
    dialog.set_role(ana.id, "reviewer")
    assert analysts.get_analyst(team, "Ana Lyst").role == "reviewer"
    dialog.four_eyes.setChecked(False)
    dialog.organisation.setText("Harbour Desk")
    dialog.save_settings()
    assert not settings.four_eyes_enabled(team)
    ctx.undo_stack.undo()  # both rules, one step
    assert settings.four_eyes_enabled(team) and settings.organisation_name(team) != "Harbour Desk"
    ctx.undo_stack.undo()
    assert analysts.get_analyst(team, "Ana Lyst").role == "analyst"


def test_compare_view_names_each_claims_relay_chain(
    ctx, team, seed_paths: list[Path], qtbot
) -> None:
    from desktop.operations import relays as relay_ops

    a1, t1 = add_seed(team, seed_paths[0], "One")
    a2, t2 = add_seed(team, seed_paths[1], "Two")
    x = claim_at(team, a1, t1)
    y = claim_at(team, a2, t2)
    links.add_link(team, y.id, x.id, "contradicts")
    view = CompareView(ctx)
    qtbot.addWidget(view)
    ctx.claimSelected.emit(str(x.id))
    assert all("Relayed by" not in c.header.text() for c in view.columns)
    assert relay_ops.add_relay(ctx, y.id, "Park Min-ho")
    assert relay_ops.add_relay(ctx, y.id, "Daily Example")
    headers = {c.item.claim_id: c.header.text() for c in view.columns}
    assert "Relayed by: Park Min-ho → Daily Example" in headers[y.id]
    assert "Relayed by" not in headers[x.id]


def test_history_panel_lists_relay_edits_as_they_are_made(
    ctx, team, seed_paths: list[Path], qtbot
) -> None:
    from desktop.operations import relays as relay_ops

    aid, text = add_seed(team, seed_paths[2])
    c = claim_at(team, aid, text)
    panel = HistoryPanel(ctx)
    qtbot.addWidget(panel)
    ctx.claimSelected.emit(str(c.id))
    model = panel.model
    assert model.rowCount() == 1
    assert relay_ops.add_relay(ctx, c.id, "Yu")
    assert relay_ops.add_relay(ctx, c.id, "Daily Example")
    assert relay_ops.move_relay(ctx, c.id, 1, -1)
    assert model.rowCount() == 4
    last = model.index(3, 0)
    fields = [_text(model, i, 3, last) for i in range(model.rowCount(last))]
    assert fields == ["Relayed by"]
    tip = _text(model, 0, 4, last, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Yu, Daily Example\n→\nDaily Example, Yu"
    ctx.undo_stack.undo()  # the undo is history too
    assert model.rowCount() == 5
