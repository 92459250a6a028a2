"""Folders of articles, file dialogs' start folder, files handed over by the desktop,
--version and --help."""

from __future__ import annotations

import argparse
import configparser
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from gui_shell_support import action, make_window
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from db import __version__
from db.articles import list_articles
from db.bundles import export_bundle
from db.cli import build_parser, run
from db.cli.files import split_file_arguments, window_options_only
from db.errors import InvalidInput
from db.workspace import open_workspace
from desktop.dialogs import DialogService, documents_folder
from desktop.launcher import subcommands
from desktop.main_window.handed import open_handed, workspace_among

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def article_rows(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM article").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def folder(tmp_path: Path, seed_paths: list[Path]) -> Path:
    """Two seeds at the top, one in a sub-folder, one hidden, a binary .txt and a picture."""
    root = tmp_path / "articles"
    (root / "week 2").mkdir(parents=True)
    (root / ".trash").mkdir()
    shutil.copy(seed_paths[0], root / seed_paths[0].name)
    shutil.copy(seed_paths[1], root / seed_paths[1].name)
    shutil.copy(seed_paths[2], root / "week 2" / seed_paths[2].name)
    shutil.copy(seed_paths[3], root / ".trash" / seed_paths[3].name)
    (root / "week 2" / "scan.txt").write_bytes(bytes(range(256)) * 40)
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    return root


# ---------------------------------------------------------------- command line


def test_cli_imports_a_folder_and_reports_each_refusal(
    ws_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    rc = run(["--db", str(ws_path), "import", str(folder)], out=out)
    err = capsys.readouterr().err
    assert rc == 1  # some files were not imported
    assert len(out.getvalue().splitlines()) == 3
    assert article_rows(ws_path) == 3  # the hidden folder's article is left alone
    lines = err.strip().splitlines()
    assert any("photo.jpg" in line and ".jpg" in line for line in lines)
    assert any("scan.txt" in line and "binary" in line for line in lines)
    assert lines[-1] == "claimdesk: imported 3 articles; 2 files not imported"
    assert all(line.startswith("claimdesk: ") for line in lines)
    # Again: every article is a duplicate now, reported and not stored twice.
    rc = run(["--db", str(ws_path), "import", str(folder)], out=io.StringIO())
    assert article_rows(ws_path) == 3


def test_cli_folder_of_good_files_exits_0(ws_path: Path, tmp_path: Path, seed_paths) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(seed_paths[4], good / "one.txt")
    assert run(["--db", str(ws_path), "import", str(good)], out=io.StringIO()) == 0
    assert article_rows(ws_path) == 1


# ---------------------------------------------------------------- arguments


COMMANDS = {"import", "articles", "claim"}


def test_files_are_split_from_the_options(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("x")
    options, files = split_file_arguments(["--db", "w.sqlite", str(story), str(tmp_path)], COMMANDS)
    assert options == ["--db", "w.sqlite"]
    assert files == [str(story.resolve()), str(tmp_path.resolve())]
    assert split_file_arguments(["import", str(story)], COMMANDS) == (["import", str(story)], [])
    assert split_file_arguments(["--demo"], COMMANDS) == (["--demo"], [])
    with pytest.raises(InvalidInput, match=r"gone\.txt"):
        split_file_arguments([str(tmp_path / "gone.txt")], COMMANDS)
    # A mistyped command is left to the parser, which lists the commands.
    assert split_file_arguments(["imprt"], COMMANDS) == (["imprt"], [])


def test_a_command_wins_over_a_file_of_that_name(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    Path("articles").write_text("not an article list")
    assert split_file_arguments(["articles"], COMMANDS) == (["articles"], [])


def _every_parser(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    yield path
    for act in parser._actions:
        if isinstance(act, argparse._SubParsersAction):
            for name, sub in act.choices.items():
                yield from _every_parser(sub, (*path, name))


def test_every_help_is_printed_once() -> None:
    commands = list(_every_parser(build_parser()))
    assert ("claim", "edit") in commands and ("source", "merge") in commands
    for command in commands:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err), pytest.raises(SystemExit) as stop:
            build_parser().parse_args([*command, "--help"])
        assert stop.value.code == 0
        assert out.getvalue().count("usage: claimdesk") == 1, command
        assert err.getvalue() == ""


def test_launcher_prints_help_and_version_once() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for argv, expected in ((["--help"], "usage: claimdesk"), (["--version"], "claimdesk ")):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.count(expected) == 1
        assert done.stderr == ""
    assert done.stdout.strip() == f"claimdesk {__version__}"


def test_version_matches_the_project() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__


def test_launcher_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", str(tmp_path / "gone.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 2
    expected = f"claimdesk: {tmp_path / 'gone.txt'}: no such file or folder."
    assert done.stderr.strip().splitlines() == [expected]


def test_launcher_knows_every_subcommand() -> None:
    assert {"import", "claim", "source", "evidence", "bundle"} <= subcommands(build_parser())


@pytest.mark.parametrize(
    ("argv", "window_only"),
    [
        ([], True),
        (["--db", "w.claimdesk.sqlite"], True),
        (["--db=w.claimdesk.sqlite", "--as", "Ann Lee", "--demo"], True),
        (["--db", "claims"], True),  # a value, not the subcommand
        (["claims"], False),
        (["--db", "w.claimdesk.sqlite", "story.txt"], False),
        (["--help"], False),
        (["--he"], False),  # an abbreviation: the whole parser reads it
        (["--version"], False),
        (["--demo=yes"], False),
    ],
)
def test_only_the_windows_own_options_skip_the_subcommands(
    argv: list[str], window_only: bool
) -> None:
    assert window_options_only(argv) is window_only


def test_the_window_parser_reads_the_same_options_as_the_whole_one() -> None:
    argv = ["--db", "w.claimdesk.sqlite", "--as", "Ann Lee", "--demo"]
    light = build_parser(commands=False)
    assert not subcommands(light)
    assert vars(light.parse_args(argv)) == {
        k: v for k, v in vars(build_parser().parse_args(argv)).items() if k != "command"
    }


# ---------------------------------------------------------------- the desktop entry


def test_desktop_entry_opens_what_it_is_handed() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "io.claimdesk.ClaimDesk.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split() == ["claimdesk", "%F"]
    mimes = entry["MimeType"].rstrip(";").split(";")
    assert "application/x-claimdesk-bundle" in mimes and "text/plain" in mimes
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / "io.claimdesk.ClaimDesk.mime.xml").getroot()
    kind = root.find("m:mime-type", ns)
    assert kind is not None and kind.get("type") == "application/x-claimdesk-bundle"
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.claimdesk"]


# ---------------------------------------------------------------- the window


def wait_job(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: job.done, timeout=30_000)


def test_import_folder_action_imports_and_reports(ws, tmp_path, qtbot, folder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    found = action(window, "actionImportFolder")
    assert "Folder" in found.text()
    window.ctx.dialogs.next_paths = [str(folder)]
    found.trigger()
    assert len(window.jobs) == 1
    job = window.jobs[0]
    wait_job(qtbot, job)
    assert len(list_articles(ws)) == 3
    qtbot.waitUntil(lambda: len(window.article_panel.model.articles) == 3, timeout=30_000)
    (title, message), *_ = window.ctx.dialogs.errors
    assert title == "Import"
    assert "Imported 3 articles" in message
    assert "photo.jpg" in message and "scan.txt" in message
    assert ".trash" not in message


def test_an_empty_folder_says_so(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert window.import_folder(empty) is None
    assert "no article files" in window.ctx.dialogs.infos[-1][1]


def test_handed_files_import_and_bundles_are_offered(  # type: ignore[no-untyped-def]
    ws, tmp_path, qtbot, seed_paths
) -> None:
    other = open_workspace(tmp_path / "other.sqlite")
    try:
        from db.analysts import bind_analyst
        from db.importing import import_file

        bind_analyst(other)
        import_file(other, seed_paths[4])
        bundle = tmp_path / "team.claimdesk"
        export_bundle(other, bundle)
    finally:
        other.close()
    window = make_window(ws, tmp_path, qtbot)
    dialogs = window.ctx.dialogs
    dialogs.confirm_answer = False  # the merge is declined first
    open_handed(window, [str(seed_paths[0]), str(bundle)])
    assert len(window.jobs) == 1  # the article import only
    wait_job(qtbot, window.jobs[0])
    assert len(list_articles(ws)) == 1
    dialogs.confirm_answer = True
    open_handed(window, [str(bundle)])
    job = window.shared_ui.bundles.job
    assert job is not None
    wait_job(qtbot, job)
    assert len(list_articles(ws)) == 2
    assert workspace_among([str(bundle), str(tmp_path / "other.sqlite")]) == str(
        tmp_path / "other.sqlite"
    )
    assert workspace_among([str(bundle)]) is None


# ---------------------------------------------------------------- file dialogs


def test_file_dialogs_start_in_documents_then_the_last_folder(
    tmp_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    chosen = tmp_path / "picked" / "story.txt"
    chosen.parent.mkdir()
    chosen.write_text("x")

    def fake_open(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return [str(chosen)], ""

    def fake_save(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", ""

    def fake_folder(_parent, _title, start):  # type: ignore[no-untyped-def]
        asked.append(start)
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_open)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", fake_folder)
    monkeypatch.chdir(tmp_path)  # the program's folder must not be offered
    settings = QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat)
    dialogs = DialogService(None, settings)
    dialogs.open_files("Import articles", "*")
    assert asked[0] == documents_folder() != str(tmp_path)
    dialogs.save_file("Export", "*", "claims.csv")
    assert asked[1] == str(chosen.parent / "claims.csv")
    dialogs.open_folder("Import a folder")
    assert asked[2] == str(chosen.parent)
    # A fresh service (the next start of the program) remembers the folder too.
    assert DialogService(None, settings).start_folder() == str(chosen.parent)
    shutil.rmtree(chosen.parent)  # a folder that is gone: back to the documents folder
    assert DialogService(None, settings).start_folder() == documents_folder()


def test_dropping_a_folder_and_a_workspace(ws, tmp_path, qtbot, folder) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    other = tmp_path / "other.claimdesk.sqlite"
    open_workspace(other).close()
    window = make_window(ws, tmp_path, qtbot)
    window.ctx.dialogs.confirm_answer = False  # keep this workspace
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert len(window.jobs) == 1
    wait_job(qtbot, window.jobs[0])
    assert len(list_articles(ws)) == 3  # the folder's articles
    assert window.ctx.ws is ws  # the workspace was offered, and declined
    assert not any("other.claimdesk" in m for _, m in window.ctx.dialogs.errors)


@pytest.mark.parametrize("group", ["claim", "source", "evidence", "article", "bundle"])
def test_a_group_without_its_action_shows_its_own_usage_once(group: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run([group]) == 2
    err = capsys.readouterr().err
    assert err.count("usage:") == 1
    assert err.startswith(f"usage: claimdesk {group} ")


def test_a_bare_export_name_is_saved_where_the_dialogs_start(
    ws, tmp_path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from db.claims import create_claim
    from db.models import Status
    from desktop.export_dialog import ExportDialog

    import_file = __import__("db.importing", fromlist=["import_file"]).import_file
    story = tmp_path / "story.txt"
    story.write_text("Harbour wall\n\nThe port said 30 divers worked on it.", encoding="utf-8")
    article = import_file(ws, story)
    create_claim(ws, article.id, 0, 6)
    window = make_window(ws, tmp_path, qtbot)
    start = tmp_path / "chosen"
    start.mkdir()
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    monkeypatch.setattr(window.ctx.dialogs, "start_folder", lambda: str(start))
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.status_boxes[Status.UNVERIFIED].setChecked(True)
    dialog.path_edit.setText("sheet")
    job = dialog.start()
    assert job is not None
    wait_job(qtbot, job)
    assert (start / "sheet.csv").is_file()
    assert list(program.iterdir()) == []
