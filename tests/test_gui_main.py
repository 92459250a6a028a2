"""The main window shell: panels, actions, menus, settings, workspaces, startup."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from gui_shell_support import MULTILINGUAL, action, add_text_article, make_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from db import articles as article_ops
from db.changes import Entity, Op, changed
from db.models import Status
from db.paths import default_workspace
from desktop.actions import ActionId, object_name
from desktop.dialogs import RecordingDialogs
from desktop.main_window.workspaces import LAST_KEY, recent


def test_window_holds_every_panel_by_object_name(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    for name in ("articleList", "reader", "claimInspector", "claimsTable"):
        assert window.findChild(QWidget, name) is not None, name
    # The sources panel waits behind the claims tab: built when it is first shown.
    assert window.findChild(QWidget, "sourcesView") is None
    window.show()
    qtbot.waitExposed(window)
    window.docks["Sources"].raise_()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "sourcesView") is not None)
    titles = {d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert {"Articles", "Article details", "Claim", "Claims", "Sources"} <= titles
    legend = window.findChild(QWidget, "statusLegend")
    assert legend is not None
    hint = legend.findChild(QLabel, "legendHint").text()
    assert "F8" in hint and "Ctrl+E" in hint and "inside another" in hint
    # Each colour chip says what its status means, not only that it is a colour.
    chips = legend.labels
    assert "confirmed by the evidence" in chips[Status.VERIFIED].toolTip()
    assert "review queue" in chips[Status.DISPUTED].toolTip()


def test_every_action_has_its_shortcut_and_sits_in_a_menu(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    expected = {
        "actionNewClaim": "Ctrl+E",
        "actionImport": "Ctrl+I",
        "actionExport": "Ctrl+Shift+E",
        "actionNextClaim": "F8",
        "actionPrevClaim": "Shift+F8",
        "actionUndo": "Ctrl+Z",
        "actionRedo": "Ctrl+Shift+Z",
        "actionOpenWorkspace": "Ctrl+O",
        "actionNewWorkspace": "Ctrl+N",
        "actionFind": "Ctrl+Shift+L",
        "actionSearch": "Ctrl+Shift+F",
        "actionFindInArticle": "Ctrl+F",
        "actionDeleteClaim": "Del",
        "actionFocusArticles": "Alt+1",
        "actionFocusClaims": "Alt+4",
    }
    for name, keys in expected.items():
        shortcuts = [s.toString() for s in action(window, name).shortcuts()]
        assert keys in shortcuts, (name, shortcuts)
    assert "Ctrl+]" in [s.toString() for s in action(window, "actionNextClaim").shortcuts()]

    in_menus: set[str] = set()
    pending = [m.menu() for m in window.menuBar().actions() if m.menu()]
    while pending:
        menu = pending.pop()
        for item in menu.actions():
            in_menus.add(item.objectName())
            if item.menu():
                pending.append(item.menu())
    names = {object_name(a) for a in ActionId} | {"actionUndo", "actionRedo"}
    assert names <= in_menus
    assert window.findChild(QAction, "actionNewClaim").shortcut() == QKeySequence("Ctrl+E")
    assert action(window, "actionQuit").shortcuts(), "Quit needs keys on every platform"
    for name in names:  # each window action opens from its menu with a letter
        assert "&" in action(window, name).text(), name


def test_help_lists_the_keyboard_shortcuts(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    action(window, "actionShortcuts").trigger()
    title, text = window.ctx.dialogs.infos[-1]
    assert title == "Keyboard shortcuts"
    for name, keys in [
        ("New Claim from Selection", "Ctrl+E"),
        ("Next Claim", "F8"),
        ("Undo", "Ctrl+Z"),
        ("Go to Sources", "Alt+5"),
        ("Review queue", "Ctrl+Shift+R"),
    ]:
        row = next(r for r in window.shortcut_rows() if r[1] == name)
        assert keys in row[2], row
        assert name in text and keys in text


def test_review_menu_and_add_dock_for_later_panels(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    review = window.menu("Review")
    assert review is window.menu("Review")
    assert review.objectName() == "menuReview"
    panel = QLabel("queue")
    panel.setObjectName("reviewQueue")
    dock = window.add_dock(panel, "Review queue", Qt.DockWidgetArea.RightDockWidgetArea)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.toggleViewAction() in window.menu("View").actions()
    assert window.findChild(QLabel, "reviewQueue") is panel


def test_status_bar_names_workspace_and_analyst(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    assert str(ws.path) in window.workspace_label.text()
    assert "Analyst" in window.analyst_label.text()


def test_choosing_an_article_opens_it_and_fills_the_editor(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = add_text_article(ws, "First text.\nWith two lines.", title="First")
    second = add_text_article(ws, MULTILINGUAL, title="Second")
    window = make_window(ws, tmp_path, qtbot)
    assert window.article_panel.select(str(second.id))
    assert window.reader.article_id == second.id
    assert window.reader.toPlainText() == MULTILINGUAL
    assert window.metadata_editor.edits["title"].text() == "Second"
    assert window.article_panel.select(str(first.id))
    assert window.reader_pane.heading.text() == "First"


def test_reader_byline_names_the_zone_of_the_publication_time(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    info = add_text_article(ws, "Dated text.", title="Dated")
    when = dt.datetime(2024, 10, 30, 5, 10, tzinfo=dt.UTC)
    article_ops.update_article(ws, info.id, published_at=when)
    window = make_window(ws, tmp_path, qtbot)
    assert window.article_panel.select(str(info.id))
    local = when.astimezone()
    assert local.strftime("%Y-%m-%d %H:%M %Z") in window.reader_pane.byline.text()


def test_metadata_edits_are_undoable_commands(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, "Some text.", title="Old title")
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(article.id)
    editor = window.metadata_editor
    editor.edits["title"].setText("New title")
    editor.edits["title"].editingFinished.emit()
    assert article_ops.get_article(ws, article.id).title == "New title"
    assert window.article_panel.titles() == ["New title"]

    editor.zone.setCurrentText("Asia/Seoul")
    editor.has_date.setChecked(True)
    editor.date.setDateTime(
        editor.date.dateTime().fromString("2024-03-05 09:30", "yyyy-MM-dd HH:mm")
    )
    editor.date.editingFinished.emit()
    stored = article_ops.get_article(ws, article.id).published_at
    assert stored == dt.datetime(2024, 3, 5, 0, 30, tzinfo=dt.UTC)

    window.ctx.undo_stack.undo()
    assert article_ops.get_article(ws, article.id).published_at is None
    window.ctx.undo_stack.undo()
    assert article_ops.get_article(ws, article.id).title == "Old title"
    assert editor.edits["title"].text() == "Old title"


def test_geometry_and_recent_workspaces_are_saved(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, "Remembered text.", title="Kept")
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(article.id)
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("window/geometry") is not None
    assert settings.value("window/lastArticle") == str(article.id)
    assert recent(settings) == [str(ws.path.resolve())]
    assert settings.value(LAST_KEY) == str(ws.path.resolve())


def test_first_start_geometry_is_most_of_the_screen_centred() -> None:
    from PySide6.QtCore import QRect, QSize

    from desktop.main_window.window import first_start_geometry

    assert first_start_geometry(QRect(0, 0, 1600, 1000)) == QRect(64, 50, 1472, 900)
    assert first_start_geometry(QRect(0, 0, 1280, 800)).size() == QSize(1177, 720)
    # A taskbar on the left: the window stays inside the free area.
    assert first_start_geometry(QRect(60, 0, 1540, 1000)).left() >= 60
    # Never below the window's minimum, and then from the free area's corner.
    small = first_start_geometry(QRect(0, 0, 800, 600), QSize(1000, 620))
    assert small == QRect(0, 0, 1000, 620)


def test_fresh_settings_size_the_window_to_its_screen(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QByteArray

    from desktop.main_window import MainWindow
    from desktop.main_window.window import first_start_geometry

    def expected(window):  # type: ignore[no-untyped-def]
        available = window.screen().availableGeometry()
        return first_start_geometry(available, window.minimumSizeHint()).size()

    window = make_window(ws, tmp_path, qtbot)  # nothing saved yet
    assert window.size() == expected(window)
    # A stored but empty geometry (an interrupted save) counts as nothing saved.
    broken = QSettings(str(tmp_path / "broken.ini"), QSettings.Format.IniFormat)
    broken.setValue("window/geometry", QByteArray())
    again = MainWindow(window.ctx, broken)
    qtbot.addWidget(again)
    assert again.size() == expected(again)
    # Later starts restore what was saved.
    window.show()
    qtbot.waitExposed(window)
    window.resize(window.width(), window.height() - 37)  # stays within the small test screen
    saved_size = window.size()
    window.save_settings()
    restored = MainWindow(window.ctx, window.settings)
    qtbot.addWidget(restored)
    assert restored.size() == saved_size


def test_first_start_gives_the_reader_most_of_the_height(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_text_article(ws, "Layout text.", title="Layout")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    claims = window.docks["Claims"]
    # The bottom tabs start small but show the claims table's filter and rows.
    qtbot.waitUntil(lambda: 110 <= claims.height() <= 0.25 * window.height())
    assert window.reader_pane.height() >= 0.55 * window.height()
    articles = window.docks["Articles"]
    assert articles.height() >= 120  # a few article rows above the scrollable details
    # A saved layout wins over the first-start split.
    first = claims.height()
    window.resizeDocks([claims], [first + 90], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: claims.height() > first + 40)
    saved = claims.height()
    window.save_settings()
    from desktop.main_window import MainWindow

    again = MainWindow(window.ctx, window.settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: abs(again.docks["Claims"].height() - saved) <= 4)


def test_switching_to_a_broken_file_reports_and_keeps_the_workspace(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    assert not window.switch_workspace(broken)
    assert window.ctx.ws is ws
    assert len(window.ctx.dialogs.errors) == 1
    assert "broken.sqlite" in window.ctx.dialogs.errors[0][1]


def test_open_workspace_action_switches_and_clears_the_reader(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, "Text in the first workspace.")
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(article.id)
    other = tmp_path / "other.sqlite"
    window.ctx.dialogs.next_paths = [str(other)]
    action(window, "actionOpenWorkspace").trigger()
    assert window.ctx.ws.path == other.resolve()
    assert window.reader.article_id is None
    assert window.article_panel.model.articles == []
    assert str(other.resolve()) in recent(window.settings)
    assert "other.sqlite" in window.windowTitle()
    window.ctx.ws.close()


def test_focus_actions_move_keyboard_focus(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_text_article(ws, "Focus text.")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    action(window, "actionFocusReader").trigger()
    qtbot.waitUntil(lambda: window.reader.hasFocus())
    action(window, "actionFocusArticles").trigger()
    qtbot.waitUntil(lambda: window.article_panel.view.hasFocus())
    action(window, "actionFocusSources").trigger()
    qtbot.waitUntil(lambda: window.sources_view.table.hasFocus())
    assert window.docks["Sources"].isVisible()


def test_initial_target_prefers_db_then_last_then_default(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import initial_target

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialogs = RecordingDialogs()
    assert initial_target("given.sqlite", False, settings, dialogs) == "given.sqlite"
    last = tmp_path / "last.sqlite"
    last.write_bytes(b"")
    settings.setValue(LAST_KEY, str(last))
    assert initial_target(None, False, settings, dialogs) == str(last)
    settings.setValue(LAST_KEY, str(tmp_path / "gone.sqlite"))
    dialogs.confirm_answer = False  # first start: decline the sample
    assert initial_target(None, False, settings, dialogs) == default_workspace()


def test_demo_opens_the_sample_workspace(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import initial_target, sample_path
    from desktop.main_window.workspaces import try_open

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialogs = RecordingDialogs()
    target = initial_target(None, True, settings, dialogs)
    assert Path(target) == sample_path()
    ws = try_open(target, dialogs)
    assert ws is not None
    try:
        assert len(article_ops.list_articles(ws)) >= 1
    finally:
        ws.close()


def test_open_initial_offers_another_file_after_a_failure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import open_initial

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not sqlite" * 50)
    dialogs = RecordingDialogs()
    dialogs.next_paths = [str(tmp_path / "fresh.sqlite")]
    ws = open_initial(broken, dialogs)
    assert ws is not None and ws.path == (tmp_path / "fresh.sqlite").resolve()
    assert len(dialogs.errors) == 1
    ws.close()
    dialogs.confirm_answer = False
    assert open_initial(broken, dialogs) is None


def test_excepthook_logs_and_shows_the_error(caplog) -> None:  # type: ignore[no-untyped-def]
    from desktop.errors import make_excepthook

    shown: list[tuple[str, str]] = []
    hook = make_excepthook(lambda title, text: shown.append((title, text)))
    try:
        raise KeyError("missing piece")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR):
            hook(type(exc), exc, exc.__traceback__)
    assert "Traceback" in caplog.text and "missing piece" in caplog.text
    assert len(shown) == 1 and "KeyError" in shown[0][1]


def test_setup_logging_writes_to_the_log_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from logging.handlers import RotatingFileHandler

    from desktop.errors import setup_logging

    root = logging.getLogger()
    before = list(root.handlers)
    path = tmp_path / "logs" / "claimdesk.log"
    try:
        setup_logging(path)
        logging.getLogger("claimdesk.test").warning("written to the file")
        for handler in root.handlers:
            handler.flush()
        assert "written to the file" in path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers:
            if handler not in before and isinstance(handler, RotatingFileHandler):
                root.removeHandler(handler)
                handler.close()


def test_recent_menu_reopens_an_earlier_workspace(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    first = str(ws.path.resolve())
    assert window.switch_workspace(tmp_path / "second.sqlite")
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if first in a.text()]
    assert len(entries) == 1
    entries[0].trigger()
    assert str(window.ctx.ws.path) == first
    window.ctx.ws.close()


def test_find_action_focuses_the_claims_filter(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    action(window, "actionFind").trigger()
    edit = getattr(window.claims_table, "filter_edit", None)
    target = edit if edit is not None else window.claims_table
    qtbot.waitUntil(target.hasFocus)


def test_shared_workspace_needs_migration_then_opens(ws, tmp_path, qtbot, pg_team) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    assert not window.switch_workspace(pg_team.owner_url)
    assert window.ctx.ws is ws
    assert "migrate" in window.ctx.dialogs.errors[-1][1]

    pg_team.migrate()  # by the database's owner; the team works through its logins
    assert window.switch_workspace(pg_team.login_url("admin"))
    try:
        assert window.ctx.ws.shared
        assert window.workspace_label.text().startswith("Shared workspace:")
        article = add_text_article(window.ctx.ws, "Shared text with 4 claims.", title="Shared")
        window.ctx.publish(changed(Entity.ARTICLE, [article.id], Op.CREATED))
        assert window.article_panel.titles() == ["Shared"]
        assert window.article_panel.select(str(article.id))
        start = "Shared text with 4 claims.".index("4 claims")
        from gui_shell_support import select_codepoints

        select_codepoints(window.reader, "Shared text with 4 claims.", start, start + 8)
        action(window, "actionNewClaim").trigger()
        from db.claims import claims_of_article

        (claim,) = claims_of_article(window.ctx.ws, article.id)
        assert claim.quote == "4 claims"
    finally:
        window.ctx.ws.close()


def test_main_opens_the_window_on_the_given_workspace(tmp_path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtWidgets import QApplication

    import desktop.review
    from db.paths import log_file
    from desktop import app as app_module
    from desktop.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(desktop.review, "ensure_first_analyst", lambda *a, **k: False)
    # A new workspace asks who is working (the dialog answered here).
    from desktop.dialogs import DialogService

    monkeypatch.setattr(DialogService, "who_is_working", lambda self: ("Ann Lee", "AL", ""))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    root = logging.getLogger()
    handlers = list(root.handlers)
    target = tmp_path / "cli.sqlite"
    try:
        assert app_module.main(["--db", str(target)]) == 0
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        assert len(shown) == 1
        window = shown[0]
        assert window.ctx.ws.path == target.resolve()
        assert "cli.sqlite" in window.windowTitle()
        assert window.analyst_button.text() == "Analyst: Ann Lee (admin)"
        assert target.exists()
        assert sys.excepthook is not sys.__excepthook__
        assert log_file().exists()
        window.close()
        window.deleteLater()
    finally:
        QApplication.instance().setStyleSheet("")
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()


def test_focus_inspector_reaches_a_control_inside_the_panel(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    action(window, "actionFocusInspector").trigger()
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    focused = window.focusWidget()
    assert focused is window.inspector or window.inspector.isAncestorOf(focused)


def test_panel_mnemonics_leave_the_menu_letters_free(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    import re

    from PySide6.QtWidgets import QAbstractButton

    from db import claims as claim_ops

    info = add_text_article(ws, "A figure of 42 was given.", title="Letters")
    claim = claim_ops.create_claim(ws, info.id, 12, 14)
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.ctx.claimSelected.emit(str(claim.id))

    def letter(text: str) -> str | None:
        found = re.search(r"&([^&])", text)
        return found.group(1).lower() if found else None

    tops = [letter(a.text()) for a in window.menuBar().actions()]
    # Every top-level menu opens with Alt and a letter of its own.
    assert None not in tops, [a.text() for a in window.menuBar().actions()]
    assert len(set(tops)) == len(tops), tops
    menus = set(tops)
    for dock in ("Claims", "Sources"):  # the two bottom tabs, each in front once
        window.docks[dock].raise_()
        qtbot.wait(10)
        for widget in window.findChildren(QWidget):
            if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisible():
                taken = letter(widget.text())
                assert taken not in menus, (widget.text(), "steals Alt+" + str(taken))
