"""Long text files read a slice at a time (db.importing.streamed): stored exactly as the
whole-file reader stores them, refused as it refuses them, and found by search.

The thresholds are lowered here so that small files take the streamed path and
slices of a few bytes cut every character, CR LF pair and combining sequence.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.articles import article_text, get_article
from db.errors import DuplicateArticle, InvalidInput
from db.importing import import_file, read_file, streamed
from db.importing.text import normalise_text
from db.search import search
from db.workspace import Workspace
from desktop.operations.imports import import_paths

# Characters that NFC, the line-ending rule or UTF-8 treat specially: combining
# marks, Hangul jamo that compose, CR and LF, a BOM, characters of 2, 3 and 4 bytes.
TRICKY = [
    "a", "e", " ", "\n", "\r", "\r\n", "\u0301", "\u0327", "A\u030a", "Å", "\u1100",
    "\u1161", "\u11a8", "가", "Ω", "Ω", "\ufeff", "😀", "Колонна", "\t", "\x0b",
]  # fmt: skip


def _streamed_bytes(data: bytes, size: int) -> bytes:
    slices = iter([data[at : at + size] for at in range(0, len(data), size)])
    return b"".join(run.encode("utf-8") for run in streamed._runs(streamed._decoded(slices)))


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.sampled_from(TRICKY), max_size=60),
    bom=st.booleans(),
    size=st.integers(min_value=1, max_value=9),
)
def test_runs_normalise_exactly_as_the_whole_text(parts: list[str], bom: bool, size: int) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + "".join(parts).encode("utf-8")
    whole = normalise_text(data.decode("utf-8-sig")).encode("utf-8")
    assert _streamed_bytes(data, size) == whole


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streamed, "STREAM_BYTES", 1)
    monkeypatch.setattr(streamed, "SLICE", 7)


def _text(tail: str = "Quellwasser") -> str:
    line = "Колонна прошла мост 다리 e\u0301 near the river at dawn, officials said 😀.\r\n"
    head = "Title: Night crossing\r\nBy Ilse Marrow\r\nhttps://example.org/night\r\n\r\n"
    return head + line * 40 + f"Last line {tail}\r"


def _write(tmp_path: Path, data: bytes, name: str = "long.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("bom", [False, True])
def test_a_streamed_file_is_stored_as_the_whole_reader_reads_it(
    ws: Workspace, tmp_path: Path, small: None, bom: bool
) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + _text().encode("utf-8")
    path = _write(tmp_path, data)
    expected = read_file(path)  # the whole-file reader
    assert streamed.streams_file(path)
    info = import_file(ws, path)
    assert article_text(ws, info.id).text == expected.text
    stored = get_article(ws, info.id)
    for name in ("title", "author", "url", "outlet", "published_at", "encoding", "format"):
        assert getattr(stored, name) == getattr(expected, name), name
    assert stored.title == "Night crossing" and stored.author == "Ilse Marrow"
    with ws.engine.connect() as conn:
        original = conn.exec_driver_sql("SELECT original, sha256 FROM article").one()
    assert original[0] == data
    assert [h.article_id for h in search(ws, "quellwasser").hits] == [info.id]
    with pytest.raises(DuplicateArticle) as refused:
        import_file(ws, path)
    assert "was imported before" in str(refused.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Some text\n" * 30 + b"\x00 and a NUL", "looks like a binary file"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08 noise \x0e\x0f\x10\x11\n" * 20, "looks like a binary"),
        (b" \r\n\t \n" * 40, "holds no text"),
    ],
)
def test_a_streamed_file_is_refused_as_the_whole_reader_refuses_it(
    ws: Workspace, tmp_path: Path, small: None, data: bytes, message: str
) -> None:
    path = _write(tmp_path, data, "bad.txt")
    with pytest.raises(InvalidInput, match=message) as whole:
        read_file(path)
    with pytest.raises(InvalidInput) as streamed_refusal:
        import_file(ws, path)
    assert str(streamed_refusal.value) == str(whole.value)
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM article").scalar() == 0


@pytest.mark.parametrize(
    "data",
    [
        "Price rose \u20ac5, caf\u00e9 owners said.\n".encode("cp1252") * 40,  # not UTF-8
        codecs.BOM_UTF16_LE + "A text in UTF-16.\n".encode("utf-16-le") * 40,
    ],
)
def test_a_file_not_in_utf8_is_read_whole(
    ws: Workspace, tmp_path: Path, small: None, data: bytes
) -> None:
    path = _write(tmp_path, data, "legacy.txt")
    with pytest.raises(streamed.NotStreamed):
        streamed.read_long_text(path)
    info = import_file(ws, path)
    assert article_text(ws, info.id).text == read_file(path).text


def test_a_line_too_long_to_stream_is_read_whole(
    ws: Workspace, tmp_path: Path, small: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streamed, "RUN_CHARS", 100)
    path = _write(tmp_path, ("word " * 200 + "\n").encode())
    with pytest.raises(streamed.NotStreamed):
        streamed.read_long_text(path)
    info = import_file(ws, path)
    assert article_text(ws, info.id).text == "word " * 200 + "\n"


def test_the_window_import_streams_a_long_file_among_others(
    ws: Workspace, tmp_path: Path, small: None
) -> None:
    long = _write(tmp_path, _text().encode("utf-8"), "long.txt")
    other = _write(tmp_path, b"Short note\n\nAbendrot at dawn.\n", "other.md")
    report = import_paths(ws, [other, long], lambda done, total: True)
    assert not report.problems and len(report.added) == 2
    by_file = {a.filename: a for a in report.added}
    assert article_text(ws, by_file["long.txt"].id).text == read_file(long).text
    assert [h.article_id for h in search(ws, "quellwasser").hits] == [by_file["long.txt"].id]

    again = import_paths(ws, [long], lambda done, total: True)
    assert again.added == [] and [d[0] for d in again.duplicates] == ["long.txt"]

    # A new text of a stored article (same title): kept aside whole for the analyst.
    from desktop.operations.revisions import earlier_versions

    revised = _write(tmp_path, _text("Flussmündung").encode("utf-8"), "revised.txt")
    aside = import_paths(ws, [revised], lambda done, total: True, earlier_versions(ws))
    assert aside.added == [] and len(aside.revised) == 1
    name, new, existing = aside.revised[0]
    assert name == "revised.txt" and new.text == read_file(revised).text
    assert existing.id == by_file["long.txt"].id


def test_the_command_line_import_streams_a_long_file_as_it_reads_a_short_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from db.cli import run
    from db.workspace import open_workspace

    path = _write(tmp_path, _text().encode("utf-8"))

    def twice(db: Path) -> list[tuple[int, str, str]]:
        results = []
        for _ in range(2):
            out = io.StringIO()
            rc = run(["import", str(path), "--db", str(db)], out=out)
            lines = [line.split("\t")[-1] for line in out.getvalue().splitlines()]
            results.append((rc, "\n".join(lines), capsys.readouterr().err))
        return results

    whole = twice(tmp_path / "whole.sqlite")
    monkeypatch.setattr(streamed, "STREAM_BYTES", 1)
    monkeypatch.setattr(streamed, "SLICE", 7)
    assert streamed.streams_file(path)
    assert twice(tmp_path / "streamed.sqlite") == whole
    assert whole[0][1] == "Night crossing" and "was imported before" in whole[1][2]
    ws = open_workspace(tmp_path / "streamed.sqlite")
    try:
        with ws.engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT text, original FROM article").all()
        assert stored == [(read_file(path).text, path.read_bytes())]
    finally:
        ws.close()
