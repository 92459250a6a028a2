"""The command line stores no file whose encoding was only recognised until it is named.

Files are written here in legacy encodings (texts written for these tests).
Without ``--encoding`` such a file is held back with one line naming it, the
encoding recognised and its first line read so; the other files of the same
command are imported and the exit code is 1.  ``article replace`` takes
``--encoding`` too, so a text stored in the wrong code page can be read again.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.cli import run

ROOT = Path(__file__).resolve().parent.parent
CZECH = "Vláda schválila rozpočet na příští rok\n\nPoslanci o něm jednali dlouho, řekl předseda.\n"
RUSSIAN = "Мэрия утвердила план ремонта дорог\n\nРаботы начнутся в апреле, сообщил чиновник.\n"
ENGLISH = "Harbour talks resume\n\nThe talks resumed on Monday, the port said.\n"


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        rc = run(list(argv), out=out)
    finally:
        sys.stderr = saved
    return rc, out.getvalue(), err.getvalue()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _held_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "not imported: it is not UTF-8" in line]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {
        "cz.txt": CZECH.encode("cp1250"),
        "ru.txt": RUSSIAN.encode("koi8_r"),
        "en.txt": ENGLISH.encode("utf-8"),
    }
    for name, data in out.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in out}


def test_a_recognised_file_is_held_back_and_the_others_imported(
    ws_path: Path, files: dict[str, Path]
) -> None:
    rc, out, err = _cli("--db", str(ws_path), "import", str(files["cz.txt"]), str(files["en.txt"]))
    assert rc == 1
    assert out.strip().endswith("\tHarbour talks resume")  # the UTF-8 file is stored
    assert _rows(ws_path, "SELECT title FROM article") == [("Harbour talks resume",)]
    (line,) = _held_lines(err)
    assert line.startswith("claimdesk: cz.txt: not imported")
    assert "Windows-1250" in line
    assert '"Vláda schválila rozpočet na příští rok"' in line  # its first line, read so
    assert f"claimdesk import --encoding cp1250 {files['cz.txt']}" in line

    # Named, it is stored as read, and is no duplicate of anything.
    rc, out, err = _cli(
        "--db", str(ws_path), "import", "--encoding", "cp1250", str(files["cz.txt"])
    )
    assert (rc, err.count("\n")) == (0, 0), err
    assert ("Vláda schválila rozpočet na příští rok", "cp1250") in _rows(
        ws_path, "SELECT title, encoding FROM article"
    )
    stored = _rows(ws_path, "SELECT text FROM article WHERE encoding = 'cp1250'")
    assert stored == [(CZECH,)]


def test_another_encoding_can_be_named_instead(ws_path: Path, files: dict[str, Path]) -> None:
    rc, _out, err = _cli("--db", str(ws_path), "import", str(files["ru.txt"]))
    assert rc == 1
    (line,) = _held_lines(err)
    assert "KOI8-R" in line and '"Мэрия утвердила план ремонта дорог"' in line
    assert _rows(ws_path, "SELECT count(*) FROM article") == [(0,)]
    # The analyst names another page: that reading is stored, not the one recognised.
    rc, _out, _err = _cli(
        "--db", str(ws_path), "import", "--encoding", "cp1251", str(files["ru.txt"])
    )
    assert rc == 0
    ((text, encoding),) = _rows(ws_path, "SELECT text, encoding FROM article")
    assert encoding == "cp1251" and text == RUSSIAN.encode("koi8_r").decode("cp1251")


def test_a_folder_holds_back_each_recognised_file(ws_path: Path, files: dict[str, Path]) -> None:
    folder = files["cz.txt"].parent
    rc, out, err = _cli("--db", str(ws_path), "import", str(folder))
    assert rc == 1
    assert len(out.splitlines()) == 1
    held = _held_lines(err)
    assert sorted(line.split(":")[1].strip() for line in held) == ["cz.txt", "ru.txt"]
    assert err.splitlines()[-1] == "claimdesk: imported 1 article; 2 files not imported"


def test_a_page_that_declares_its_charset_is_not_held_back(ws_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "ru.html"
    body = "<p>" + RUSSIAN.replace("\n\n", "</p><p>") + "</p>"
    page.write_bytes(
        f'<html><head><meta charset="windows-1251"><title>Дороги</title></head>'
        f"<body>{body}</body></html>".encode("cp1251")
    )
    rc, _out, err = _cli("--db", str(ws_path), "import", str(page))
    assert rc == 0 and not _held_lines(err)
    assert _rows(ws_path, "SELECT encoding FROM article") == [("cp1251",)]


def test_bytes_with_no_plausible_reading_are_refused_with_the_offset(
    ws_path: Path, tmp_path: Path, files: dict[str, Path]
) -> None:
    bad = tmp_path / "values.txt"
    bad.write_bytes(
        b"Report on the meeting\n\nThe values were \x81\x8d\x8f\x90\x9d in the table.\n"
    )
    rc, _out, err = _cli("--db", str(ws_path), "import", str(bad), str(files["en.txt"]))
    assert rc == 2
    assert "values.txt is not UTF-8 (the byte at offset 39 is not valid UTF-8)" in err
    # named files are all read first: one refused, none stored (nor the workspace made)
    assert not ws_path.exists() or _rows(ws_path, "SELECT count(*) FROM article") == [(0,)]


def test_a_text_stored_in_the_wrong_code_page_is_read_again(
    ws_path: Path, files: dict[str, Path]
) -> None:
    """As an earlier version stored it: Windows-1250 bytes read as Windows-1252."""
    cz = files["cz.txt"]
    rc, out, _err = _cli("--db", str(ws_path), "import", "--encoding", "cp1252", str(cz))
    assert rc == 0
    article = out.split("\t")[0]
    assert out.strip().endswith("\tVláda schválila rozpoèet na pøíští rok")
    rc, _out, _err = _cli(
        "--db", str(ws_path), "claim", "add", "--article", article[:8], "--quote", "Poslanci"
    )
    assert rc == 0

    # Importing it again in the right page adds nothing, and says what would.
    rc, _out, err = _cli("--db", str(ws_path), "import", "--encoding", "cp1250", str(cz))
    assert "was imported before" in err
    assert f"claimdesk article replace {article[:8]} --encoding cp1250 {cz}" in err

    # Without --encoding, article replace does not guess either.
    before = _rows(ws_path, "SELECT text, title FROM article")
    rc, _out, err = _cli("--db", str(ws_path), "article", "replace", article[:8], str(cz))
    assert rc == 1
    assert "cz.txt: the text was not replaced: it is not UTF-8; read as Windows-1250" in err
    assert f"claimdesk article replace {article[:8]} --encoding cp1250 {cz}" in err
    assert _rows(ws_path, "SELECT text, title FROM article") == before

    rc, out, _err = _cli(
        "--db", str(ws_path), "article", "replace", article[:8], "--encoding", "cp1250", str(cz)
    )
    assert rc == 0
    assert "the title now reads: Vláda schválila rozpočet na příští rok" in out
    assert _rows(ws_path, "SELECT text, title, encoding FROM article") == [
        (CZECH, "Vláda schválila rozpočet na příští rok", "cp1250")
    ]
    ((quote, start),) = _rows(ws_path, "SELECT quote, start FROM claim")
    assert quote == "Poslanci" and CZECH[start : start + 8] == "Poslanci"


def test_the_title_read_again_is_put_back_when_the_replacement_is_undone(
    ws_path: Path, files: dict[str, Path]
) -> None:
    from db.importing import read_file
    from db.revision_undo import revert_replacement
    from db.revisions import replace_article_text
    from db.workspace import open_workspace

    cz = files["cz.txt"]
    rc, out, _err = _cli("--db", str(ws_path), "import", "--encoding", "cp1252", str(cz))
    assert rc == 0
    article = out.split("\t")[0]
    ws = open_workspace(ws_path)
    try:
        from db.analysts import bind_analyst

        bind_analyst(ws)
        report = replace_article_text(ws, article, read_file(cz, "cp1250"), keep_before=True)
        assert report.title == "Vláda schválila rozpočet na příští rok"
        assert report.before is not None
        revert_replacement(ws, report.article_id, report.revision, report.sha256, report.before)
    finally:
        ws.close()
    assert _rows(ws_path, "SELECT title, encoding FROM article") == [
        ("Vláda schválila rozpoèet na pøíští rok", "cp1252")
    ]


def test_a_revised_text_keeps_the_articles_title(ws_path: Path, tmp_path: Path) -> None:
    first, later = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(ENGLISH, encoding="utf-8")
    later.write_text(ENGLISH.replace("resume", "collapse"), encoding="utf-8")
    rc, out, _err = _cli("--db", str(ws_path), "import", str(first))
    article = out.split("\t")[0][:8]
    rc, out, _err = _cli("--db", str(ws_path), "article", "replace", article, str(later))
    assert rc == 0 and "the title now reads" not in out
    assert _rows(ws_path, "SELECT title FROM article") == [("Harbour talks resume",)]


def test_the_command_as_run_from_a_shell(tmp_path: Path, files: dict[str, Path]) -> None:
    db = tmp_path / "shell.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "import", str(files["cz.txt"])],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1
    (line,) = _held_lines(done.stderr)
    assert "cz.txt" in line and "Windows-1250" in line and "rozpočet" in line
    assert "rozpoèet" not in done.stderr
