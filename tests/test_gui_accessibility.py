"""Keyboard and screen-reader access, walked through Qt's accessibility interfaces."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_shell_support import MULTILINGUAL, add_text_article, make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDockWidget, QTabBar, QWidget

import desktop
from db.backup import BackupInfo
from db.bundles.merge import Conflict, MergeReport
from db.check import CheckReport, Finding
from db.claims import create_claim, get_claim, update_claim
from db.errors import StaleEdit
from db.links import add_link
from db.revisions import RevisionInfo
from db.sources import create_source
from db.workspace import Workspace
from desktop.accessibility import accessible_name, interactive_widgets, unnamed
from desktop.actions import ActionId
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.main_window.panes import panes, shown, takes_tab


def _describe(widget: QWidget) -> str:
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        chain.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {' < '.join(chain)}"


def _workspace_with_links(ws: Workspace) -> list[uuid.UUID]:
    """Two articles, three claims linked to the first: three cards in Compare."""
    one = add_text_article(ws, MULTILINGUAL, "One")
    two = add_text_article(ws, MULTILINGUAL.replace("42", "44"), "Two")
    source = create_source(ws, "Ministry spokesperson")
    first = create_claim(ws, one.id, 0, 12, source_id=source.id)
    second = create_claim(ws, two.id, 0, 12)
    third = create_claim(ws, two.id, 13, 20)
    add_link(ws, second.id, first.id, "contradicts")
    add_link(ws, third.id, first.id, "contradicts")
    return [first.id, second.id, third.id]


def test_every_control_of_the_main_window_has_a_name(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    claim_ids = _workspace_with_links(ws)
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.ctx.claimSelected.emit(str(claim_ids[0]))
    for dock in window.docks.values():  # every panel built and shown once
        dock.show()
        dock.raise_()
        qtbot.wait(1)
    window.docks["Compare"].raise_()
    compare = window.findChild(QWidget, "compareView")
    qtbot.waitUntil(lambda: len(compare.columns) == 3)

    controls = interactive_widgets(window)
    assert len(controls) > 100  # tables, trees, filters, the inspector's fields, ...
    missing = [_describe(w) for w in unnamed(window)]
    assert missing == [], "\n".join(missing)
    kinds = Counter(type(w).__name__ for w in controls)
    assert kinds["QTableView"] + kinds["_Table"] >= 6 and kinds["QTreeView"] >= 3
    # The filter combos say what they filter, not only the value they show.
    bar = window.claims_table.filter_bar
    for combo, purpose in (
        (bar.source_combo, "Source filter"),
        (bar.tag_combo, "Tag filter"),
        (bar.article_combo, "Article filter"),
    ):
        assert accessible_name(combo) == purpose
    # The three Open buttons of Compare each name their claim.
    opens = [accessible_name(c.open_button) for c in compare.columns]
    assert len(set(opens)) == 3 and all(o.startswith("Open the claim") for o in opens)


def _ctx(ws: Workspace) -> AppContext:
    return AppContext(ws, RecordingDialogs())


def _dialog_factories(ws: Workspace, tmp_path: Path) -> dict[str, Callable[[], QDialog]]:
    from PySide6.QtCore import QSettings

    from desktop.articles.encoding_dialog import EncodingDialog
    from desktop.claims_table.bulk_dialog import BulkEditDialog
    from desktop.export_dialog import ExportDialog
    from desktop.facts.picker import FactPickerDialog
    from desktop.inspector.link_dialog import LinkClaimDialog
    from desktop.inspector.new_source_dialog import NewSourceDialog
    from desktop.review.analyst_dialogs import (
        AnalystForm,
        FirstAnalystDialog,
        NewAnalystDialog,
        SwitchAnalystDialog,
        TeamDialog,
    )
    from desktop.review.history_panel import WorkspaceHistoryDialog
    from desktop.review.member_dialog import NewMemberDialog
    from desktop.review.verdict_dialog import VerdictDialog
    from desktop.revisions.versions_dialog import VersionsDialog
    from desktop.safety.check_dialog import CheckDialog
    from desktop.safety.restore_dialog import RestoreDialog
    from desktop.safety.settings_dialog import BackupSettings, BackupSettingsDialog
    from desktop.search.dialog import SearchDialog
    from desktop.shared.agreement_dialog import AgreementDialog
    from desktop.shared.bundle_ui import MergeReportDialog
    from desktop.shared.conflict import StaleEditDialog
    from desktop.shared.open_dialog import OpenSharedDialog
    from desktop.sources.dialogs import MergeTargetDialog, SourceEditDialog

    claim_ids = _workspace_with_links(ws)
    claim = get_claim(ws, claim_ids[0])
    update_claim(ws, claim.id, expected_version=claim.version, notes="theirs")
    with pytest.raises(StaleEdit) as stale:
        update_claim(ws, claim.id, expected_version=claim.version, notes="mine")
    drop = create_source(ws, "Agency")
    keep = create_source(ws, "Agency desk")
    text_file = tmp_path / "legacy.txt"
    text_file.write_bytes("Caf\xe9 opens".encode("latin-1"))
    now = dt.datetime(2024, 10, 18, 5, 10, tzinfo=dt.UTC)
    backup = BackupInfo(tmp_path / "b.sqlite", now, "0001", {"claim": 3}, 4096, "auto")
    finding = Finding("anchors", "A claim's words differ from its article", 1, ["x"], True)
    conflict = Conflict(
        "claims", claim.id, ("notes",), {"notes": "here"}, {"notes": "there"}, now, now
    )
    revision = RevisionInfo(uuid.uuid4(), uuid.uuid4(), 1, "old.txt", now, 120)
    settings = QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat)
    ctx = _ctx(ws)
    return {
        "EncodingDialog": lambda: EncodingDialog(text_file, "cp1252"),
        "NewMemberDialog": lambda: NewMemberDialog(),
        "BulkEditDialog": lambda: BulkEditDialog("status", 3, tags=[], sources=[]),
        "ExportDialog": lambda: ExportDialog(ctx),
        "FactPickerDialog": lambda: FactPickerDialog(ctx),
        "NewSourceDialog": lambda: NewSourceDialog("Harbour police", "B", 2),
        "LinkClaimDialog": lambda: LinkClaimDialog(ctx, str(claim_ids[0])),
        "AnalystForm": lambda: AnalystForm("New analyst", "Who is working?"),
        "FirstAnalystDialog": lambda: FirstAnalystDialog(),
        "NewAnalystDialog": lambda: NewAnalystDialog(True),
        "SwitchAnalystDialog": lambda: SwitchAnalystDialog(ctx),
        "TeamDialog": lambda: TeamDialog(ctx),
        "WorkspaceHistoryDialog": lambda: WorkspaceHistoryDialog(ctx),
        "VerdictDialog": lambda: VerdictDialog("a quoted claim"),
        "VersionsDialog": lambda: VersionsDialog("One", [revision], lambda _n: "old text"),
        "CheckDialog": lambda: CheckDialog(CheckReport(["ids"], [finding])),
        "RestoreDialog": lambda: RestoreDialog([backup], tmp_path, 4096),
        "BackupSettingsDialog": lambda: BackupSettingsDialog(
            BackupSettings(15, 10, 14), str(tmp_path)
        ),
        "SearchDialog": lambda: SearchDialog(ctx),
        "AgreementDialog": lambda: AgreementDialog(ctx),
        "MergeReportDialog": lambda: MergeReportDialog(ctx, MergeReport(conflicts=[conflict])),
        "StaleEditDialog": lambda: StaleEditDialog(stale.value, {"notes": "mine"}),
        "OpenSharedDialog": lambda: OpenSharedDialog(settings),
        "SourceEditDialog": lambda: SourceEditDialog(None),
        "MergeTargetDialog": lambda: MergeTargetDialog(drop, [drop, keep]),
    }


def dialog_classes() -> set[str]:
    """Every dialog class defined under desktop/ (a new one must join the walk below)."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, QDialog) and obj.__module__ == module.__name__:
                found.add(name)
    return found


def test_every_dialog_names_every_control(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    factories = _dialog_factories(ws, tmp_path)
    assert dialog_classes() == set(factories)
    total = 0
    missing: dict[str, list[str]] = {}
    alike: dict[str, list[str]] = {}
    for name, make in factories.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        controls = interactive_widgets(dialog)
        assert controls, name
        total += len(controls)
        missing[name] = [_describe(w) for w in unnamed(dialog)]
        # Two buttons of one dialog never sound the same.
        buttons = [
            accessible_name(w) for w in controls if isinstance(w, QAbstractButton) and w.isVisible()
        ]
        alike[name] = [b for b, n in Counter(buttons).items() if n > 1]
        dialog.close()
    unnamed_controls = [f"{k}: {w}" for k, v in missing.items() for w in v]
    assert unnamed_controls == [], "\n".join(unnamed_controls)
    same = [f"{k}: {b}" for k, v in alike.items() for b in v]
    assert same == [], "\n".join(same)
    assert total > 60


def _shown_window(ws: Workspace, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    claim_ids = _workspace_with_links(ws)
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ctx.claimSelected.emit(str(claim_ids[0]))
    return window


def _tab_stops(window: QWidget) -> set[QWidget]:
    """Every control of the window that Tab should reach (scrolled out of view or not)."""
    return {
        w
        for w in window.findChildren(QWidget)
        if takes_tab(w) and w.window() is window and w.focusProxy() is None
    }


def _walk(window: QWidget, qtbot, key: Qt.Key, limit: int) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press *key* from the reader until the focus is back on it; the widgets passed."""
    window.reader.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    visited: list[QWidget] = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), key)
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus is window.reader:
            return visited
        visited.append(focus)
    raise AssertionError(f"{limit} presses never came back to the reader: {visited[-5:]}")


def test_tab_and_shift_tab_go_round_every_control_with_no_trap(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _shown_window(ws, tmp_path, qtbot)
    window.claims_table.table.setFocus()  # the table once trapped Tab in its cells
    stops = _tab_stops(window)
    assert window.claims_table.table in stops and len(stops) > 20
    forward = _walk(window, qtbot, Qt.Key.Key_Tab, 3 * len(stops))
    # Every control on screen is reached once; nothing in a dock behind a tab is.
    assert set(forward) | {window.reader} == stops
    assert len(forward) == len(set(forward))
    on_screen = panes(window)
    outside = [w for w in forward if not any(p.isAncestorOf(w) for p in on_screen)]
    # ... but the tab bars of tabbed docks (arrow keys there choose the tab shown) and
    # the status bar's "who is working" button.
    assert outside and all(
        isinstance(w, QTabBar)
        or isinstance(w.parent(), QTabBar)
        or window.statusBar().isAncestorOf(w)
        for w in outside
    )
    behind = [d for d in window.docks.values() if d not in on_screen]
    assert behind and not any(d.isAncestorOf(w) for d in behind for w in forward)
    backward = _walk(window, qtbot, Qt.Key.Key_Backtab, 3 * len(stops))
    assert backward == forward[::-1]
    # The panels are reached in a few presses each, tables included.
    panels = {p for p in panes(window) for w in forward if p.isAncestorOf(w)}
    assert window.docks["Claims"] in panels and window.docks["Claim"] in panels


def test_multi_line_boxes_hand_tab_on_and_type_it_with_ctrl_tab(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.review.verdict_dialog import VerdictDialog

    dialog = VerdictDialog("a quoted claim")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.rationale.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rationale)
    qtbot.keyClicks(dialog.rationale, "checked")
    qtbot.keyClick(dialog.rationale, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.rationale.toPlainText() == "checked\t"
    qtbot.keyClick(dialog.rationale, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.rationale
    assert dialog.rationale.toPlainText() == "checked\t"


def test_f6_moves_from_panel_to_panel(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _shown_window(ws, tmp_path, qtbot)
    order = panes(window)
    names = [p.windowTitle() if isinstance(p, QDockWidget) else "reader" for p in order]
    assert names[names.index("reader") - 1] == "Article details"  # left column first
    assert {"Articles", "Claim", "Claims", "reader"} <= set(names)
    assert all(shown(p) for p in order)  # docks behind another tab are skipped
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    reached = []
    for _ in range(len(order)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        reached.append(next(p for p in order if p.isAncestorOf(focus)))
    start = order.index(window.reader_pane)
    assert reached == [order[(start + k) % len(order)] for k in range(1, len(order) + 1)]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert order[-1 + start].isAncestorOf(QApplication.focusWidget())


def test_f8_and_the_caret_announce_the_claim(ws, tmp_path, qtbot, monkeypatch, request) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, MULTILINGUAL, "Spoken")
    source = create_source(ws, "Ministry spokesperson")
    graded = create_claim(
        ws,
        article.id,
        0,
        12,
        source_id=source.id,
        reliability="B",
        credibility=2,
        status="verified",
        rationale="The ministry's transcript has it.",
    )
    plain = create_claim(ws, article.id, 13, 20, status="false", rationale="Misquoted.")
    heard: list[tuple[QWidget, str]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append((event.object(), event.message()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    QAccessible.setActive(True)  # as when a screen reader is running
    request.addfinalizer(lambda: QAccessible.setActive(False))
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    reader = window.reader
    window.open_article(article.id)
    reader.setFocus()

    window.action(ActionId.NEXT_CLAIM).trigger()  # F8
    said = reader.accessibleDescription()
    assert reader.selected_claim_id == str(graded.id)
    for words in ("Verified", "Ministry spokesperson", "B2", "Usually reliable"):
        assert words in said, (words, said)
    assert heard[-1] == (reader, said)
    window.action(ActionId.NEXT_CLAIM).trigger()
    said = reader.accessibleDescription()
    assert "False" in said and "Source: none" in said and "not graded" in said
    assert heard[-1][1] == said and len(heard) == 2
    # Shift+F8 goes back and says so again.
    window.action(ActionId.PREV_CLAIM).trigger()
    assert "Verified" in reader.accessibleDescription() and len(heard) == 3

    # The caret moved by the keyboard onto another claim announces it; off claims, silence.
    cursor = reader.textCursor()
    cursor.setPosition(15)
    reader.setTextCursor(cursor)
    assert "False" in reader.accessibleDescription() and len(heard) == 4
    cursor.setPosition(15 + 2)  # still in the same claim: nothing more is said
    reader.setTextCursor(cursor)
    assert len(heard) == 4
    cursor.setPosition(30)
    reader.setTextCursor(cursor)
    assert reader.accessibleDescription() == "" and len(heard) == 4
    # The interface a screen reader queries carries the same description.
    cursor.setPosition(2)
    reader.setTextCursor(cursor)
    interface = QAccessible.queryAccessibleInterface(reader)
    assert "Verified" in interface.text(QAccessible.Text.Description)
    assert str(plain.id) != str(graded.id)
    # With no screen reader listening nothing is read or said.
    QAccessible.setActive(False)
    count = len(heard)
    cursor.setPosition(15)
    reader.setTextCursor(cursor)
    assert len(heard) == count
