"""Wire-service datelines give the publication date, time and zone on import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.articles import get_article
from db.importing import import_file
from db.importing.datelines import ZONE_MINUTES, context_year, read_wire_dateline
from db.importing.metadata import TZINFOS, extract_metadata, parse_dateline

KST = dt.timezone(dt.timedelta(hours=9))


@pytest.mark.parametrize(
    ("line", "local", "offset", "zone"),
    [
        ("SEOUL, Oct. 18, 2024 (14:10 KST)", dt.datetime(2024, 10, 18, 14, 10), 540, "KST"),
        ("18.10.2024, 14:10", dt.datetime(2024, 10, 18, 14, 10), None, ""),
        ("05.10.2024, 14:10", dt.datetime(2024, 10, 5, 14, 10), None, ""),
        ("Oct. 18, 2024 | 14:10 KST", dt.datetime(2024, 10, 18, 14, 10), 540, "KST"),
        ("2024-10-18 | 14:10 KST", dt.datetime(2024, 10, 18, 14, 10), 540, "KST"),
        ("18 October 2024 | 9:05 a.m. EDT", dt.datetime(2024, 10, 18, 9, 5), -240, "EDT"),
        ("Friday, Oct. 18, 2024 · 2:10 p.m. KST", dt.datetime(2024, 10, 18, 14, 10), 540, "KST"),
        ("NEW YORK, Oct 18, 2024 (3:00 pm UTC-4)", dt.datetime(2024, 10, 18, 15, 0), -240, ""),
    ],
)
def test_dateline_gives_date_time_and_zone(
    line: str, local: dt.datetime, offset: int | None, zone: str
) -> None:
    meta = extract_metadata(f"Headline over the story\n\n{line}\n\nThe body of the story.")
    tz = dt.UTC if offset is None else dt.timezone(dt.timedelta(minutes=offset))
    assert meta.published_at == local.replace(tzinfo=tz)
    assert meta.published_offset == offset
    assert meta.published_zone == zone
    assert meta.title == "Headline over the story"


def test_dateline_opening_the_first_paragraph() -> None:
    text = "Headline\n\nSEOUL, Oct. 18, 2024 (14:10 KST) -- Officials said that it rained."
    meta = extract_metadata(text)
    assert meta.published_at == dt.datetime(2024, 10, 18, 5, 10, tzinfo=dt.UTC)
    assert (meta.published_offset, meta.published_zone) == (540, "KST")


def test_dateline_without_year_is_not_guessed() -> None:
    text = "Headline\n\nSEOUL, Oct 18 (Yonhap) -- Officials said on Friday that it rained."
    meta = extract_metadata(text)
    assert meta.published_at is None
    assert meta.published_offset is None


def test_dateline_without_year_takes_the_year_from_the_url() -> None:
    text = (
        "Headline\nhttps://news.example.kr/view/2023/10/18/abc\n\n"
        "SEOUL, Oct 18 (Yonhap) -- Officials said on Friday that it rained."
    )
    meta = extract_metadata(text)
    assert meta.published_at == dt.datetime(2023, 10, 18, tzinfo=dt.UTC)


def test_dateline_without_year_takes_the_year_from_a_copyright_notice() -> None:
    text = "Headline\n\nSEOUL, Oct 18 (Yonhap) -- It rained.\n\n(c) 2022 Yonhap News"
    assert extract_metadata(text).published_at == dt.datetime(2022, 10, 18, tzinfo=dt.UTC)


def test_two_years_in_context_give_no_date() -> None:
    assert context_year(["© 2022 Wire", "© 2023 Wire"]) is None
    assert context_year([], "https://x.example/2021/05/a/2022/06/b") is None


def test_a_date_opening_an_ordinary_sentence_is_not_a_dateline() -> None:
    meta = extract_metadata("Headline\n\nOctober 11, officials in the city met to discuss it.")
    assert meta.published_at is None
    assert read_wire_dateline("Oct 18 was a Friday") is None


def test_a_word_after_the_time_is_not_taken_for_a_zone() -> None:
    found = read_wire_dateline("SEOUL, Oct. 18, 2024 (14:10 local)")
    assert found is not None
    assert (found.hour, found.minute, found.offset, found.zone) == (14, 10, None, "")


def test_unknown_or_ambiguous_zone_is_not_mapped() -> None:
    assert "IST" not in ZONE_MINUTES  # India, Ireland or Israel
    found = read_wire_dateline("18.10.2024, 14:10 IST")
    assert found is not None and found.offset is None


def test_zone_table_is_explicit_and_shared() -> None:
    assert ZONE_MINUTES["KST"] == 9 * 60
    assert TZINFOS["KST"] == 9 * 3600
    assert TZINFOS["EDT"] == -4 * 3600
    found = parse_dateline("Oct. 18, 2024 | 14:10 KST")
    assert found is not None and found.when == dt.datetime(2024, 10, 18, 14, 10, tzinfo=KST)


def test_import_stores_utc_with_the_original_offset(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wire.txt"
    path.write_text(
        "Rain falls on the capital\n\nSEOUL, Oct. 18, 2024 (14:10 KST) -- It rained.\n",
        encoding="utf-8",
    )
    info = import_file(ws, path)
    stored = get_article(ws, info.id)
    assert stored.published_at == dt.datetime(2024, 10, 18, 5, 10, tzinfo=dt.UTC)
    assert stored.published_at.utcoffset() == dt.timedelta(0)
    assert (stored.published_offset, stored.published_zone) == (540, "KST")


YEARLESS = "Rain falls on the capital\n\nSEOUL, Oct 18 (Yonhap) -- It rained all day.\n"


def test_cli_says_when_a_dateline_gave_no_year(ws_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import io

    from db.cli import run

    path = tmp_path / "yonhap.txt"
    path.write_text(YEARLESS, encoding="utf-8")
    argv = ["--db", str(ws_path), "--as", "Ann Lee", "import", str(path)]
    assert run(argv, out=io.StringIO()) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("claimdesk: note: yonhap.txt: the dateline (SEOUL, Oct 18)")
    assert "no year" in err[0] and "left empty" in err[0]


def test_window_import_report_names_the_yearless_dateline(ws, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui_shell_support import make_window

    path = tmp_path / "yonhap.txt"
    path.write_text(YEARLESS, encoding="utf-8")
    window = make_window(ws, tmp_path, qtbot)
    job = window.import_paths([path])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.result.notes and job.result.notes[0][0] == "yonhap.txt"
    (title, message), *_ = window.ctx.dialogs.infos
    assert title == "Import" and "yonhap.txt" in message and "no year" in message
    assert get_article(ws, job.result.added[0].id).published_at is None
