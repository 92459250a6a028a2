"""Who is working: a new workspace is never worked in under a made-up analyst; the name
is asked or the one last chosen on this machine is used, shown in the status bar, and
switched there with one click.  The command line names the person at the computer."""

from __future__ import annotations

import io
from pathlib import Path

from gui_shell_support import add_text_article, make_window, select_codepoints
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import analysts
from db import articles as article_ops
from db.claims import claims_of_article
from db.cli import run
from db.history import claim_history
from db.workspace import open_workspace
from desktop.review.who_is_working import NAME_KEY

MOD = Qt.KeyboardModifier


def _ctrl_e(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_E, MOD.ControlModifier)


def _claim_in(qtbot, window, text: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Put a text in the window's workspace, select a word and press Ctrl+E."""
    article = add_text_article(window.ctx.ws, text, title="Bridge")
    assert window.open_article(article.id)
    start = text.index("14 crews")
    select_codepoints(window.reader, text, start, start + len("14 crews"))
    _ctrl_e(qtbot, window)
    return claims_of_article(window.ctx.ws, article.id)


TEXT = "The city said 14 crews worked on the bridge."


def test_a_new_workspace_asks_who_is_working_and_remembers(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    dialogs = window.ctx.dialogs
    dialogs.analyst_answers.append(("Mina Cho", "MC", "#10b981"))
    assert window.switch_workspace(tmp_path / "new.sqlite")
    assert dialogs.analysts_asked == 1
    people = analysts.list_analysts(window.ctx.ws)
    assert [(a.name, a.initials, a.role) for a in people] == [("Mina Cho", "MC", "admin")]
    assert window.analyst_button.text() == "Analyst: Mina Cho (admin)"
    assert window.settings.value(NAME_KEY) == "Mina Cho"
    (claim,) = _claim_in(qtbot, window, TEXT)
    assert {e.analyst_name for e in claim_history(window.ctx.ws, claim.id)} == {"Mina Cho"}

    # The next new workspace on this machine takes the remembered analyst, unasked.
    assert window.switch_workspace(tmp_path / "another.sqlite")
    assert dialogs.analysts_asked == 1
    people = analysts.list_analysts(window.ctx.ws)
    assert [(a.name, a.initials, a.color) for a in people] == [("Mina Cho", "MC", "#10b981")]
    window.ctx.ws.close()


def test_nobody_named_means_no_edits_until_someone_is(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    dialogs = window.ctx.dialogs
    assert window.switch_workspace(tmp_path / "new.sqlite")  # the question is cancelled
    assert analysts.list_analysts(window.ctx.ws) == []
    assert window.analyst_button.text().startswith("No analyst")
    assert _claim_in(qtbot, window, TEXT) == []
    assert "status bar" in dialogs.errors[-1][1]
    story = tmp_path / "story.txt"
    story.write_text("Bridge\n\n" + TEXT, encoding="utf-8")
    assert window.import_paths([story]) is None  # nor imports
    assert "status bar" in dialogs.errors[-1][1]
    assert len(article_ops.list_articles(window.ctx.ws)) == 1  # only the one added directly

    # One click on the status bar: New analyst… names the first analyst.
    entries = window.analyst_button.actions_shown()
    assert [a.text() for a in entries] == ["New analyst…"]
    dialogs.analyst_answers.append(("Jo Park", "", ""))
    entries[0].trigger()
    assert [(a.name, a.role) for a in analysts.list_analysts(window.ctx.ws)] == [
        ("Jo Park", "admin")
    ]
    assert "Jo Park" in window.analyst_button.text()
    select_codepoints(window.reader, TEXT, TEXT.index("14"), TEXT.index("14") + 8)
    _ctrl_e(qtbot, window)
    (claim,) = claims_of_article(window.ctx.ws, window.reader.article_id)
    assert claim_history(window.ctx.ws, claim.id)[-1].analyst_name == "Jo Park"
    window.ctx.ws.close()


def test_switching_analyst_is_one_click_in_the_status_bar(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    analysts.add_analyst(ws, "Rita Review")
    window = make_window(ws, tmp_path, qtbot)
    before = analysts.get_current(ws)
    assert len(_claim_in(qtbot, window, TEXT)) == 1
    assert window.ctx.undo_stack.count() == 1
    entries = {a.text(): a for a in window.analyst_button.actions_shown()}
    assert entries[f"{before.name} ({before.role.value})"].isChecked()
    entries["Rita Review (analyst)"].trigger()
    assert analysts.get_current(window.ctx.ws).name == "Rita Review"
    assert window.analyst_button.text() == "Analyst: Rita Review (analyst)"
    assert window.settings.value(NAME_KEY) == "Rita Review"
    assert window.ctx.undo_stack.count() == 0  # earlier edits are not undone under her name
    assert "Rita Review (analyst)" in [
        a.text() for a in window.analyst_button.actions_shown() if a.isChecked()
    ]


def test_the_window_opens_as_the_analyst_last_chosen_here(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    analysts.add_analyst(ws, "Rita Review")
    window = make_window(ws, tmp_path, qtbot)
    window.settings.setValue(NAME_KEY, "rita review")
    window.ensure_analyst()
    assert analysts.get_current(window.ctx.ws).name == "Rita Review"
    assert "Rita Review" in window.analyst_button.text()


def test_act_as_on_an_empty_workspace_names_its_first_analyst(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.review import act_as

    fresh = open_workspace(tmp_path / "fresh.sqlite")
    try:
        assert fresh.analyst_id is None
        assert act_as(AppContext(fresh, RecordingDialogs()), "Ann Lee")
        assert [(a.name, a.role) for a in analysts.list_analysts(fresh)] == [("Ann Lee", "admin")]
    finally:
        fresh.close()


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return run(list(argv), out=out), out.getvalue()


def test_cli_names_the_person_at_the_computer_and_says_so(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "story.txt"
    story.write_text("Bridge repairs\n\n" + TEXT, encoding="utf-8")
    monkeypatch.setenv("CLAIMDESK_ANALYST", "Kim Desk")
    path = tmp_path / "cli.sqlite"
    rc, _out = _cli("--db", str(path), "import", str(story))
    assert rc == 0
    err = capsys.readouterr().err
    assert "'Kim Desk'" in err and "--as" in err
    assert len(err.strip().splitlines()) == 1
    rc, _out = _cli("--db", str(path), "articles")
    assert rc == 0 and capsys.readouterr().err == ""  # said once, when named
    ws = open_workspace(path)
    try:
        assert [(a.name, a.role) for a in analysts.list_analysts(ws)] == [("Kim Desk", "admin")]
    finally:
        ws.close()

    # A refused command on a new workspace names nobody: one line, nothing stored.
    empty = tmp_path / "empty.sqlite"
    rc, _out = _cli("--db", str(empty), "import", str(tmp_path / "missing.txt"))
    assert rc == 2 and len(capsys.readouterr().err.strip().splitlines()) == 1
    ws = open_workspace(empty)
    try:
        assert analysts.list_analysts(ws) == []
    finally:
        ws.close()

    # --as on a new workspace names its first analyst; nothing is said.
    other = tmp_path / "other.sqlite"
    rc, _out = _cli("--db", str(other), "--as", "Ann Lee", "import", str(story))
    assert rc == 0 and capsys.readouterr().err == ""
    ws = open_workspace(other)
    try:
        assert [a.name for a in analysts.list_analysts(ws)] == ["Ann Lee"]
    finally:
        ws.close()


def test_the_sample_workspace_is_the_demo_desks_work(tmp_path: Path) -> None:
    from db.sample import SAMPLE_ANALYST, create_sample_workspace

    path = create_sample_workspace(tmp_path / "sample.sqlite")
    ws = open_workspace(path)
    try:
        assert [a.name for a in analysts.list_analysts(ws)] == [SAMPLE_ANALYST]
    finally:
        ws.close()
