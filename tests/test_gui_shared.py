"""Shared-workspace UI: the poller shows others' edits, the dialogs keep passwords out."""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMenu

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.claims import create_claim, get_claim, update_claim
from db.comments import add_comment
from db.errors import StaleEdit
from db.sources import create_source
from db.workspace import Workspace, migrate, open_workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.inspector.inspector import ClaimInspector
from desktop.reader.view import ReaderView
from desktop.review.discussion import DiscussionPanel
from desktop.shared.conflict import (
    DISCARD,
    REAPPLY,
    StaleEditDialog,
    resolve_stale_edit,
    show_value,
)
from desktop.shared.install import install_shared_ui
from desktop.shared.open_dialog import OpenSharedDialog, recent_urls
from desktop.shared.poller import ChangePoller
from desktop.shared.urls import build_url


@pytest.fixture
def two_ctx(store: Workspace, store_again: Workspace, seed_paths: list[Path]):
    data = seed_paths[2].read_bytes()
    article = add_article(store, NewArticle(text=data.decode("utf-8"), original=data))
    return AppContext(store, RecordingDialogs()), store_again, article


def test_poller_shows_another_clients_edit(qtbot, two_ctx) -> None:
    ctx, second, article = two_ctx
    claim = create_claim(ctx.ws, article.id, 0, 12)
    poller = ChangePoller(ctx, interval_ms=1000)
    with qtbot.waitSignal(poller.ready, timeout=2500):
        poller.start()
    update_claim(second, claim.id, notes="edited elsewhere")
    with qtbot.waitSignal(
        ctx.claimsChanged, timeout=2500, check_params_cb=lambda ids: str(claim.id) in ids
    ):
        pass
    with qtbot.waitSignal(ctx.sourcesChanged, timeout=2500):
        create_source(second, "Agency X")
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=2500)
    assert get_claim(ctx.ws, claim.id).notes == "edited elsewhere"


class FakeMainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.menus: dict[str, QMenu] = {}

    def menu(self, name: str) -> QMenu:
        if name not in self.menus:
            self.menus[name] = self.menuBar().addMenu(name)
        return self.menus[name]


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_install_adds_menu_action_and_starts_poller(qtbot, ws, tmp_path) -> None:
    window = FakeMainWindow()
    qtbot.addWidget(window)
    ctx = AppContext(ws, RecordingDialogs())
    ui = install_shared_ui(window, ctx, settings=_settings(tmp_path))
    texts = [a.text() for a in window.menus["File"].actions()]
    assert "Open shared workspace…" in texts
    assert "Export bundle…" in texts and "Import bundle…" in texts
    assert ui.poller.active
    window.close()
    assert not ui.poller.active


def test_open_dialog_never_stores_the_password(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    dialog = OpenSharedDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText("db.example.org")
    dialog.port.setValue(5433)
    dialog.database.setText("desk")
    dialog.user.setText("maria")
    dialog.password.setText("s3cr3t-pw")
    assert dialog.url() == "postgresql+psycopg://maria:s3cr3t-pw@db.example.org:5433/desk"
    dialog.remember()
    assert recent_urls(settings) == ["postgresql+psycopg://maria@db.example.org:5433/desk"]
    assert "s3cr3t-pw" not in (tmp_path / "settings.ini").read_text()

    again = OpenSharedDialog(settings)
    qtbot.addWidget(again)
    assert again.recent.count() == 2
    again.recent.setCurrentIndex(1)
    assert again.host.text() == "db.example.org"
    assert again.port.value() == 5433
    assert again.user.text() == "maria"
    assert again.password.text() == ""  # asked again


def test_open_dialog_explains_itself_and_opens_only_when_filled(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    dialog = OpenSharedDialog(settings)
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert dialog.windowTitle() == "Open shared workspace"
    assert "PostgreSQL" in dialog.intro.text()
    assert not dialog.recent.isVisibleTo(dialog)  # nothing recent: no empty list
    assert not open_button.isEnabled()
    dialog.database.setText("desk")
    assert not open_button.isEnabled()
    dialog.user.setText("maria")
    assert open_button.isEnabled()  # the password may be empty (trust or peer login)
    dialog.host.setText(" ")
    assert not open_button.isEnabled()
    dialog.host.setText("db.example.org")
    dialog.remember()

    again = OpenSharedDialog(settings)
    qtbot.addWidget(again)
    assert again.recent.isVisibleTo(again)
    assert again.recent.currentText() == "Choose a server used before…"


def test_failed_connection_message_and_log_hide_password(qtbot, ws, tmp_path, caplog) -> None:
    window = FakeMainWindow()
    qtbot.addWidget(window)
    dialogs = RecordingDialogs()
    ctx = AppContext(ws, dialogs)
    ui = install_shared_ui(window, ctx, settings=_settings(tmp_path), interval_ms=60000)
    ui.poller.stop()
    url = build_url("127.0.0.1", 1, "nowhere", "maria", "hunter2-secret")
    with caplog.at_level(logging.DEBUG):
        assert ui.open_url(url) is False
    assert dialogs.errors, "the failure is shown"
    assert "hunter2-secret" not in dialogs.errors[0][1]
    assert "127.0.0.1" in dialogs.errors[0][1]
    assert "hunter2-secret" not in caplog.text
    assert ctx.ws is ws


def test_open_url_switches_to_the_shared_workspace(qtbot, ws, tmp_path, pg_url) -> None:
    migrate(pg_url)
    window = FakeMainWindow()
    qtbot.addWidget(window)
    ctx = AppContext(ws, RecordingDialogs())
    settings = _settings(tmp_path)
    ui = install_shared_ui(window, ctx, settings=settings, interval_ms=60000)
    # The poller restarts on the new workspace: wait until its first job is done.
    with qtbot.waitSignals([ctx.workspaceChanged, ui.poller.ready], timeout=2500):
        assert ui.open_url(pg_url, remember=lambda: None)
    assert ctx.ws.shared
    assert ctx.ws.analyst_id is not None
    ui.poller.stop()
    qtbot.waitUntil(lambda: ui.poller.idle, timeout=2500)
    ctx.ws.close()


def test_stale_edit_dialog_shows_both_sides_and_reapplies(qtbot, ws, seed_paths) -> None:
    data = seed_paths[3].read_bytes()
    article = add_article(ws, NewArticle(text=data.decode("utf-8"), original=data))
    claim = create_claim(ws, article.id, 0, 15, notes="first")
    update_claim(
        ws,
        claim.id,
        expected_version=claim.version,
        notes="theirs",
        status="verified",
        rationale="Checked against the record.",
    )
    mine = {"notes": "mine"}
    with pytest.raises(StaleEdit) as info:
        update_claim(ws, claim.id, expected_version=claim.version, **mine)

    dialog = StaleEditDialog(info.value, mine)
    qtbot.addWidget(dialog)
    assert [dialog.cell(0, c) for c in range(3)] == ["Notes", "mine", "theirs"]
    assert dialog.current_version == claim.version + 1
    dialog.reapply_button.click()
    assert dialog.choice == REAPPLY

    discarded = resolve_stale_edit(
        info.value,
        mine,
        lambda v: update_claim(ws, claim.id, expected_version=v, **mine),
        ask=lambda *a: DISCARD,
    )
    assert discarded is None
    assert get_claim(ws, claim.id).notes == "theirs"

    result = resolve_stale_edit(
        info.value,
        mine,
        lambda v: update_claim(ws, claim.id, expected_version=v, **mine),
        ask=lambda *a: REAPPLY,
    )
    assert result.notes == "mine"
    assert result.status == "verified"  # their other change is kept


def test_bundle_export_and_import_with_conflict_resolution(qtbot, tmp_path, seed_paths) -> None:
    from desktop.shared.bundle_ui import BundleActions

    here = open_workspace(tmp_path / "here.sqlite")
    bind_analyst(here)
    data = seed_paths[1].read_bytes()
    article = add_article(here, NewArticle(text=data.decode("utf-8"), original=data))
    claim = create_claim(here, article.id, 0, 25, notes="base")
    dialogs = RecordingDialogs()
    ctx = AppContext(here, dialogs)
    actions = BundleActions(ctx)

    bundle = tmp_path / "from-here.claimdesk"
    dialogs.next_paths = [str(bundle)]
    job = actions.export()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert bundle.exists() and dialogs.infos[-1][0] == "Bundle written"

    there = open_workspace(tmp_path / "there.sqlite")
    bind_analyst(there)
    other_ctx = AppContext(there, RecordingDialogs())
    other = BundleActions(other_ctx)
    other_ctx.dialogs.next_paths = [str(bundle)]
    with qtbot.waitSignal(other_ctx.articlesChanged, timeout=5000):
        job = other.import_()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert other_ctx.dialogs.infos[-1][0] == "Bundle merged"
    assert get_claim(there, claim.id).notes == "base"

    update_claim(here, claim.id, notes="edited here")
    dialogs.next_paths = [str(bundle)]
    job = actions.export()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    update_claim(there, claim.id, notes="edited there, later")
    other_ctx.dialogs.next_paths = [str(bundle)]
    job = other.import_()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    report = other.report_dialog
    assert report is not None and len(report.pending) == 1
    qtbot.addWidget(report)
    texts = [report.table.item(0, c).text() for c in range(4)]
    assert texts[1:] == ["Notes", "edited there, later", "edited here"]
    with qtbot.waitSignal(other_ctx.claimsChanged, timeout=2500):
        assert report.resolve_selected("incoming")
    assert get_claim(there, claim.id).notes == "edited here"
    assert report.pending == [] and not report.take_button.isEnabled()
    here.close()
    there.close()


def test_agreement_dialog_shows_the_figures(qtbot, ws, seed_paths) -> None:
    from db.models import Analyst
    from desktop.shared.agreement_dialog import AgreementDialog

    data = seed_paths[0].read_bytes()
    article = add_article(ws, NewArticle(text=data.decode("utf-8"), original=data, title="T"))
    ids = []
    with ws.session() as session:
        for name in ("Ann", "Ben"):
            person = Analyst(name=name)
            session.add(person)
            session.flush()
            ids.append(person.id)
    ws.analyst_id = ids[0]
    create_claim(ws, article.id, 0, 20)
    create_claim(ws, article.id, 40, 60)
    ws.analyst_id = ids[1]
    create_claim(ws, article.id, 1, 20)
    dialog = AgreementDialog(AppContext(ws, RecordingDialogs()))
    qtbot.addWidget(dialog)
    assert "press Compare" in dialog.output.placeholderText()
    dialog.analyst_a.setCurrentIndex(dialog.analyst_a.findText("Ann"))
    dialog.analyst_b.setCurrentIndex(dialog.analyst_b.findText("Ben"))
    dialog.compute_button.click()
    assert dialog.report is not None and dialog.report.matched == 1
    text = dialog.output.toPlainText()
    assert "Recall: 0.500" in text and "Precision: 1.000" in text
    dialog.analyst_b.setCurrentIndex(dialog.analyst_b.findText("Ann"))
    dialog.compute_button.click()
    assert dialog.report is None and "two different analysts" in dialog.output.toPlainText()


def test_agreement_dialog_with_one_analyst_says_how_to_add_another(qtbot, ws) -> None:
    from desktop.shared.agreement_dialog import AgreementDialog

    dialog = AgreementDialog(AppContext(ws, RecordingDialogs()))
    qtbot.addWidget(dialog)
    assert dialog.analyst_a.count() == 1
    assert "Team and review rules" in dialog.output.placeholderText()


def _stale_command(ws, seed_paths):
    from desktop.commands.inspector import CheckedUpdateClaimCommand

    data = seed_paths[4].read_bytes()
    article = add_article(ws, NewArticle(text=data.decode("utf-8"), original=data))
    claim = create_claim(ws, article.id, 0, 15, notes="first")
    update_claim(ws, claim.id, expected_version=claim.version, notes="theirs")
    return claim, lambda ctx: CheckedUpdateClaimCommand(
        ctx, claim.id, {"notes": "mine"}, {"notes": "first"}, claim.version
    )


def test_undo_command_stale_edit_reapplied_through_handler(qtbot, ws, seed_paths) -> None:
    from desktop.shared.conflict import make_stale_handler

    claim, make = _stale_command(ws, seed_paths)
    dialogs = RecordingDialogs()
    ctx = AppContext(ws, dialogs)
    asked: list[dict] = []

    def ask(exc, attempted, parent):
        asked.append(attempted)
        return REAPPLY

    ctx.stale_edit_handler = make_stale_handler(ctx, ask=ask)
    ctx.undo_stack.push(make(ctx))
    assert asked == [{"notes": "mine"}]
    assert get_claim(ws, claim.id).notes == "mine"
    assert ctx.undo_stack.count() == 1 and not dialogs.errors
    ctx.undo_stack.undo()
    assert get_claim(ws, claim.id).notes == "theirs"  # undo returns to their stored value


def test_undo_command_stale_edit_discarded_or_reported(qtbot, ws, seed_paths) -> None:
    from desktop.shared.conflict import make_stale_handler

    claim, make = _stale_command(ws, seed_paths)
    dialogs = RecordingDialogs()
    ctx = AppContext(ws, dialogs)
    ctx.stale_edit_handler = make_stale_handler(ctx, ask=lambda *a: DISCARD)
    ctx.undo_stack.push(make(ctx))
    assert get_claim(ws, claim.id).notes == "theirs"
    assert ctx.undo_stack.count() == 0 and not dialogs.errors
    # With recording dialogs and no chooser, the stale edit is reported as before.
    ctx.stale_edit_handler = make_stale_handler(ctx)
    ctx.undo_stack.push(make(ctx))
    assert ctx.undo_stack.count() == 0 and len(dialogs.errors) == 1


def test_open_reader_inspector_and_discussion_follow_another_client(qtbot, two_ctx) -> None:
    ctx, second, article = two_ctx
    claim = create_claim(ctx.ws, article.id, 0, 12)
    reader = ReaderView(ctx)
    inspector = ClaimInspector(ctx)
    discussion = DiscussionPanel(ctx)
    for widget in (reader, inspector, discussion):
        qtbot.addWidget(widget)
    reader.open_article(article.id)
    ctx.claimSelected.emit(str(claim.id))
    assert inspector.claim_id == claim.id and discussion.threads == []
    poller = ChangePoller(ctx, interval_ms=500)
    with qtbot.waitSignal(poller.ready, timeout=2000):
        poller.start()

    update_claim(second, claim.id, notes="checked by the other desk")
    added = create_claim(second, article.id, 20, 30)
    add_comment(second, claim.id, "Which month was it?")
    qtbot.waitUntil(
        lambda: (
            inspector.info is not None
            and inspector.info.notes == "checked by the other desk"
            and str(added.id) in {str(c.id) for c in reader.claims}
            and [t.body for t in discussion.threads] == ["Which month was it?"]
        ),
        timeout=2000,
    )
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=2000)


@pytest.fixture
def seoul_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_conflict_values_show_times_in_local_time(qtbot, seoul_time) -> None:
    stored = dt.datetime(2024, 10, 30, 5, 10, tzinfo=dt.UTC)
    assert show_value(stored) == "2024-10-30 14:10:00"
    assert show_value(dt.date(2024, 10, 30)) == "2024-10-30"

    class Stored:
        version = 3
        updated_at = stored
        published_at = stored

    dialog = StaleEditDialog(
        StaleEdit("stale", current={"article": Stored()}), {"published_at": None}
    )
    qtbot.addWidget(dialog)
    assert dialog.cell(0, 2) == "2024-10-30 14:10:00"
    assert "changed 2024-10-30 14:10:00" in dialog.intro.text()


def test_recent_workspaces_never_keep_the_password(tmp_path) -> None:
    from desktop.main_window import workspaces

    settings = _settings(tmp_path)
    workspaces.remember(settings, "postgresql+psycopg://ana:Hush4242@db.example/desk")
    settings.sync()
    assert workspaces.recent(settings) == ["postgresql+psycopg://ana@db.example/desk"]
    assert settings.value(workspaces.LAST_KEY) == "postgresql+psycopg://ana@db.example/desk"
    assert "Hush4242" not in Path(settings.fileName()).read_text()
