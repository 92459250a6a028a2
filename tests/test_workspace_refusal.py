"""Files that are not workspaces are refused with one line, and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from workspace_files import padded_workspace

from db.cli import run
from db.errors import InvalidInput
from db.workspace import open_workspace


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _real_workspace(path: Path) -> Path:
    padded_workspace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def _truncated(tmp: Path) -> Path:
    path = _real_workspace(tmp / "cut.sqlite")
    data = path.read_bytes()
    path.write_bytes(data[:-1])
    return path


def _zeroed_page(tmp: Path) -> Path:
    path = _real_workspace(tmp / "zeroed.sqlite")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    # Zero every page after the first two: the schema page survives, the tables do not.
    for n in range(2, pages):
        data[n * page : (n + 1) * page] = bytes(page)
    path.write_bytes(bytes(data))
    return path


def _bad_page_header(tmp: Path) -> Path:
    """One table page whose header is garbage: SQLite's check names it over two lines."""
    path = _real_workspace(tmp / "header.sqlite")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[3 * page + 3 : 3 * page + 5] = b"\x7f\x7f"  # the cell count and content start
    path.write_bytes(bytes(data))
    return path


def _foreign(tmp: Path) -> Path:
    path = tmp / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO album (name) VALUES ('summer')")
    conn.commit()
    conn.close()
    return path


def _file(name: str, data: bytes):  # type: ignore[no-untyped-def]
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return make


CASES = {
    "empty": (_file("empty.sqlite", b""), "empty"),
    "text": (_file("notes.sqlite", b"just some notes\n"), "text file"),
    "png": (_file("pic.sqlite", b"\x89PNG\r\n\x1a\n" + bytes(200)), "PNG image"),
    "truncated": (_truncated, "truncated"),
    "zeroed": (_zeroed_page, "damaged"),
    "page header": (_bad_page_header, "damaged"),
    "foreign": (_foreign, "another program"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_and_untouched(tmp_path: Path, case: str) -> None:
    make, reason = CASES[case]
    path = make(tmp_path)
    before = _fingerprint(tmp_path)
    with pytest.raises(InvalidInput) as info:
        open_workspace(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert reason in message
    assert _fingerprint(tmp_path) == before


@pytest.mark.parametrize("case", ["zeroed", "foreign", "truncated"])
def test_a_check_begun_early_refuses_the_same(tmp_path: Path, case: str) -> None:
    """The start-up checks the file in the background; opening it gives that verdict."""
    from db import file_guard
    from db.workspace import check_soon

    make, reason = CASES[case]
    path = make(tmp_path)
    before = _fingerprint(tmp_path)
    check_soon(path)
    assert len(file_guard._early) == 1
    with pytest.raises(InvalidInput, match=reason):
        open_workspace(path)
    assert file_guard._early == {}  # taken, not left for a later open
    assert _fingerprint(tmp_path) == before


def test_an_early_check_is_not_trusted_once_the_file_changed(tmp_path: Path) -> None:
    from db import file_guard
    from db.workspace import check_soon

    path = _real_workspace(tmp_path / "w.sqlite")
    check_soon(path)
    (early,) = file_guard._early.values()
    early.done.wait()
    assert early.error is None
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[2 * page :] = bytes(len(data) - 2 * page)  # damaged after the early check
    path.write_bytes(bytes(data))
    with pytest.raises(InvalidInput, match="damaged"):
        open_workspace(path)
    file_guard._early.clear()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="is a folder"):
        open_workspace(tmp_path)


def test_missing_folder_is_an_error_not_created(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "ws.sqlite"
    with pytest.raises(InvalidInput, match="does not exist"):
        open_workspace(target)
    assert not (tmp_path / "nowhere").exists()
    ws = open_workspace(target, create_folder=True)
    ws.close()
    assert target.is_file()


def test_a_real_workspace_still_opens(tmp_path: Path) -> None:
    path = _real_workspace(tmp_path / "good.sqlite")
    ws = open_workspace(path)
    try:
        with ws.engine.connect() as conn:
            value = conn.exec_driver_sql("SELECT value FROM setting WHERE key='padding'").scalar()
        assert value == "x" * 40_000
    finally:
        ws.close()


@pytest.mark.parametrize("case", ["empty", "foreign", "truncated"])
def test_cli_refuses_in_one_line(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, reason = CASES[case]
    path = make(tmp_path)
    before = _fingerprint(tmp_path)
    code = run(["articles", "--db", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and reason in err and str(path) in err
    assert _fingerprint(tmp_path) == before


class _Dialogs:
    def __init__(self, answer: bool) -> None:
        self.errors: list[str] = []
        self.questions: list[str] = []
        self.answer = answer

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    def info(self, title: str, text: str) -> None:
        pass


def test_gui_open_refuses_a_foreign_file(qapp: object, tmp_path: Path) -> None:
    from desktop.main_window.workspaces import try_open

    path = _foreign(tmp_path)
    before = _fingerprint(tmp_path)
    dialogs = _Dialogs(answer=True)
    assert try_open(path, dialogs) is None  # type: ignore[arg-type]
    assert len(dialogs.errors) == 1 and "another program" in dialogs.errors[0]
    assert _fingerprint(tmp_path) == before


@pytest.mark.parametrize("answer", [True, False])
def test_gui_offers_to_create_a_missing_folder(qapp: object, tmp_path: Path, answer: bool) -> None:
    from desktop.main_window.workspaces import try_open

    target = tmp_path / "new" / "ws.sqlite"
    dialogs = _Dialogs(answer=answer)
    ws = try_open(target, dialogs)  # type: ignore[arg-type]
    assert len(dialogs.questions) == 1 and str(target.parent) in dialogs.questions[0]
    if answer:
        assert ws is not None and target.is_file()
        ws.close()
    else:
        assert ws is None and not target.parent.exists()


def _checkpoint_cut_short(tmp: Path) -> tuple[Path, Path]:
    """Killed mid-checkpoint: page 1 written (counting new pages), the rest in the log."""
    path = _real_workspace(tmp / "live.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO setting (key, value) VALUES ('more', ?)", ("y" * 200_000,))
    conn.commit()
    copy = tmp / "killed.sqlite"
    copy.write_bytes(path.read_bytes())
    Path(f"{copy}-wal").write_bytes(Path(f"{path}-wal").read_bytes())
    conn.close()  # the last connection checkpoints the original whole
    whole = path.read_bytes()
    page = int.from_bytes(whole[16:18], "big")
    cut = bytearray(copy.read_bytes())
    cut[:page] = whole[:page]
    copy.write_bytes(bytes(cut))
    assert int.from_bytes(cut[28:32], "big") * page > len(cut)
    return copy, Path(f"{copy}-wal")


def test_a_checkpoint_cut_short_opens_from_its_log(tmp_path: Path) -> None:
    path, _wal = _checkpoint_cut_short(tmp_path)
    ws = open_workspace(path)
    try:
        with ws.engine.connect() as conn:
            value = conn.exec_driver_sql("SELECT value FROM setting WHERE key='more'").scalar()
        assert value == "y" * 200_000
    finally:
        ws.close()


def test_the_same_file_without_its_log_is_refused_as_truncated(tmp_path: Path) -> None:
    path, wal = _checkpoint_cut_short(tmp_path)
    wal.unlink()
    before = _fingerprint(tmp_path)
    with pytest.raises(InvalidInput, match="truncated"):
        open_workspace(path)
    assert _fingerprint(tmp_path) == before
