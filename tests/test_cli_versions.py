"""`claimdesk article versions` and `claimdesk article show`, run through the command line."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from db.cli import run

FIRST = "Zürich officials said 40 ships left port on Friday.\n\nThe harbour stayed open.\n"
SECOND = "UPDATE. Zürich officials said 40 ships left port on Friday.\n\nThe harbour stayed open.\n"
THIRD = "UPDATE. Zürich officials said 40 ships left port on Friday.\n\nThe harbour closed at 9.\n"


def cli(ws_path: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    rc = run(["--db", str(ws_path), *argv], out=out)
    return rc, out.getvalue()


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def revised(ws_path: Path, tmp_path: Path) -> str:
    """An article imported by Ann Lee, replaced by her, then by Bo Kim: two kept versions."""
    paths = []
    for name, text in (("v1.txt", FIRST), ("v2.txt", SECOND), ("v3.txt", THIRD)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    rc, out = cli(ws_path, "--as", "Ann Lee", "import", str(paths[0]))
    assert rc == 0
    article = out.split()[0]
    assert cli(ws_path, "--as", "Ann Lee", "analyst", "add", "Bo Kim")[0] == 0
    assert cli(ws_path, "--as", "Ann Lee", "article", "replace", article, str(paths[1]))[0] == 0
    assert cli(ws_path, "--as", "Bo Kim", "article", "replace", article, str(paths[2]))[0] == 0
    return article


def test_versions_lists_each_kept_text_with_its_time_size_and_who(
    ws_path: Path, revised: str
) -> None:
    before = dt.datetime.now().astimezone().replace(second=0, microsecond=0, tzinfo=None)
    rc, out = cli(ws_path, "article", "versions", revised)
    assert rc == 0
    lines = out.splitlines()
    assert "2 earlier versions" in lines[0] and f"{len(THIRD):,} characters" in lines[0]
    rows = [line.strip().split("\t") for line in lines[1:3]]
    assert [row[0] for row in rows] == ["1", "2"]
    assert [row[2] for row in rows] == [f"{len(FIRST)} characters", f"{len(SECOND)} characters"]
    assert [row[3] for row in rows] == ["replaced by Ann Lee", "replaced by Bo Kim"]
    assert [row[4] for row in rows] == ["v1.txt", "v2.txt"]
    for row in rows:  # replaced a moment ago, shown in local time
        when = dt.datetime.strptime(row[1], "%Y-%m-%d %H:%M")
        assert abs(when - before) <= dt.timedelta(minutes=2)
    assert f"article show {revised[:8]} --revision N" in lines[3]


def test_show_prints_an_earlier_version_or_the_current_text_exactly(
    ws_path: Path, revised: str
) -> None:
    assert cli(ws_path, "article", "show", revised, "--revision", "1") == (0, FIRST)
    assert cli(ws_path, "article", "show", revised, "--revision", "2") == (0, SECOND)
    assert cli(ws_path, "article", "show", revised) == (0, THIRD)


def test_an_unknown_revision_or_article_is_one_clear_line(
    ws_path: Path, revised: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in ("3", "0", "-1"):
        rc, out = cli(ws_path, "article", "show", revised, "--revision", number)
        assert (rc, out) == (2, "")
        line = one_error_line(capsys)
        assert f"has no earlier version {number}: its earlier versions are 1 to 2" in line
        assert revised[:8] in line
    for argv in (("versions", "0000ffff"), ("show", "0000ffff", "--revision", "1")):
        rc, out = cli(ws_path, "article", *argv)
        assert (rc, out) == (2, "")
        assert "No article with id 0000ffff" in one_error_line(capsys)
    with pytest.raises(SystemExit) as usage:  # not a number: a usage error
        cli(ws_path, "article", "show", revised, "--revision", "two")
    assert usage.value.code == 2 and "invalid int value" in one_error_line(capsys)


def test_an_article_never_replaced_says_so(
    ws_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "only.txt"
    path.write_text(FIRST, encoding="utf-8")
    rc, out = cli(ws_path, "--as", "Ann Lee", "import", str(path))
    article = out.split()[0]
    rc, out = cli(ws_path, "article", "versions", article)
    assert rc == 0 and out.startswith("No earlier versions of ") and "never been replaced" in out
    assert out.count("\n") == 1
    rc, out = cli(ws_path, "article", "show", article, "--revision", "1")
    assert (rc, out) == (2, "")
    assert "has no earlier version 1: its text has never been replaced" in one_error_line(capsys)
