"""An article's publication zone: kept from the dateline, shown, edited, exported, bundled."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from bundle_support import as_version_one, members_of, records_of, with_records, write_bundle
from gui_shell_support import add_text_article, make_window

from db import articles as article_ops
from db.analysts import bind_analyst
from db.articles import (
    NewArticle,
    add_article,
    get_article,
    published_day,
    published_iso,
    published_text,
    update_article,
)
from db.bundles import export_bundle, import_bundle
from db.claims import ClaimFilter, create_claim_by_quote
from db.errors import InvalidInput
from db.exporting import sheet
from db.importing import import_file
from db.importing.metadata import extract_metadata, parse_dateline
from db.importing.text import read_text_article
from db.workspace import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_workspace,
    to_url,
)
from desktop.articles.list_panel import format_published

KST_TEXT = (
    "Bridge reopens after repairs\n\n"
    "Published: 30 October 2024, 14:10 KST\n\n"
    "The city said the bridge carried 12,000 cars on its first day.\n"
)
UTC_0510 = dt.datetime(2024, 10, 30, 5, 10, tzinfo=dt.UTC)


def _import_kst(ws, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "bridge.txt"
    path.write_text(KST_TEXT, encoding="utf-8")
    return import_file(ws, path)


# ---------------------------------------------------------------- parsing and import


@pytest.mark.parametrize(
    ("line", "offset", "zone"),
    [
        ("Published: 30 October 2024, 14:10 KST", 540, "KST"),
        ("Published: 30 October 2024, 09:10 EDT", -240, "EDT"),
        ("Published: 2024-10-30T14:10:00+05:30", 330, ""),
        ("Published: 30 October 2024, 05:10 UTC", 0, "UTC"),
        ("Published: 30 October 2024, 05:10", None, ""),
        ("Published: 30 October 2024", None, ""),
    ],
)
def test_dateline_keeps_the_zone_it_names(line: str, offset: int | None, zone: str) -> None:
    meta = extract_metadata(f"Headline\n\n{line}\n\nBody.")
    assert meta.published_at is not None
    assert meta.published_at.utcoffset() is not None
    assert meta.published_offset == offset
    assert meta.published_zone == zone


def test_parse_dateline_gives_the_same_instant_as_utc() -> None:
    found = parse_dateline("30 October 2024, 14:10 KST")
    assert found is not None
    assert found.when == UTC_0510
    assert (found.offset, found.zone) == (540, "KST")


def test_text_import_stores_utc_and_the_offset(ws, tmp_path: Path) -> None:
    new = read_text_article(KST_TEXT.encode("utf-8"), "bridge.txt")
    assert (new.published_offset, new.published_zone) == (540, "KST")
    info = _import_kst(ws, tmp_path)
    stored = get_article(ws, info.id)
    assert stored.published_at == UTC_0510
    assert stored.published_at.utcoffset() == dt.timedelta(0)
    assert stored.published_offset == 540
    assert stored.published_zone == "KST"


def test_naive_dateline_is_taken_as_utc_with_unknown_zone(ws, tmp_path: Path) -> None:
    path = tmp_path / "naive.txt"
    path.write_text("Headline\n\nPublished: 30 October 2024, 05:10\n\nBody text.\n")
    info = get_article(ws, import_file(ws, path).id)
    assert info.published_at == UTC_0510
    assert info.published_offset is None
    assert info.published_zone == ""


def test_html_meta_time_keeps_its_offset(ws, tmp_path: Path) -> None:
    html = (
        "<html><head><title>Bridge</title>"
        '<meta property="article:published_time" content="2024-10-30T14:10:00+09:00">'
        "</head><body><article><p>The city said the bridge carried 12,000 cars on its "
        "first day after repairs.</p></article></body></html>"
    )
    path = tmp_path / "bridge.html"
    path.write_text(html, encoding="utf-8")
    info = get_article(ws, import_file(ws, path).id)
    assert info.published_at == UTC_0510
    assert info.published_offset == 540


# ---------------------------------------------------------------- core edits


def test_update_article_sets_and_clears_the_zone(ws) -> None:
    info = add_text_article(ws, "Some text.")
    seoul = dt.datetime(2024, 10, 30, 14, 10, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    after = update_article(ws, info.id, published_at=seoul, published_zone="KST")
    assert (after.published_at, after.published_offset, after.published_zone) == (
        UTC_0510,
        540,
        "KST",
    )
    # A plain UTC value names no zone of the article's.
    after = update_article(ws, info.id, published_at=UTC_0510)
    assert (after.published_offset, after.published_zone) == (None, "")
    after = update_article(ws, info.id, published_at=UTC_0510, published_offset=0)
    assert after.published_offset == 0
    after = update_article(ws, info.id, published_at=None)
    assert (after.published_at, after.published_offset, after.published_zone) == (None, None, "")


@pytest.mark.parametrize("bad", [24 * 60, -19 * 60, "540", 1.5, True])
def test_update_article_refuses_impossible_offsets(ws, bad: object) -> None:
    info = add_text_article(ws, "Some text.")
    with pytest.raises(InvalidInput):
        update_article(ws, info.id, published_at=UTC_0510, published_offset=bad)
    assert get_article(ws, info.id).published_offset is None


def test_format_published_shows_the_articles_zone_and_utc() -> None:
    assert format_published(UTC_0510, 540, "KST") == "2024-10-30 14:10 KST (05:10 UTC)"
    assert format_published(UTC_0510, 330) == "2024-10-30 10:40 UTC+05:30 (05:10 UTC)"
    late = dt.datetime(2024, 10, 30, 20, 0, tzinfo=dt.UTC)
    assert format_published(late, 540, "KST") == "2024-10-31 05:00 KST (2024-10-30 20:00 UTC)"
    assert format_published(UTC_0510, 0, "UTC") == "2024-10-30 05:10 UTC"


# ---------------------------------------------------------------- desktop


def test_editor_and_reader_show_the_articles_own_zone(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    info = _import_kst(ws, tmp_path)
    window = make_window(ws, tmp_path, qtbot)
    assert window.article_panel.select(str(info.id))
    editor = window.metadata_editor
    assert editor.as_published_chosen()
    assert "KST" in editor.zone.currentText()
    assert editor.date.dateTime().toString("yyyy-MM-dd HH:mm") == "2024-10-30 14:10"
    assert editor.published_as.text() == "2024-10-30 14:10 KST (05:10 UTC)"
    assert "2024-10-30 14:10 KST (05:10 UTC)" in window.reader_pane.byline.text()
    row = window.article_panel.model.row_of(str(info.id))
    tooltip = window.article_panel.model.data(
        window.article_panel.model.index(row, 0),
        3,  # ToolTipRole
    )
    assert "2024-10-30 14:10 KST (05:10 UTC)" in tooltip


def test_editing_the_time_keeps_the_articles_zone(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    info = _import_kst(ws, tmp_path)
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(info.id)
    editor = window.metadata_editor
    editor.show_article(info.id)
    editor.date.setDateTime(
        editor.date.dateTime().fromString("2024-10-30 15:40", "yyyy-MM-dd HH:mm")
    )
    editor.date.editingFinished.emit()
    stored = get_article(ws, info.id)
    assert stored.published_at == dt.datetime(2024, 10, 30, 6, 40, tzinfo=dt.UTC)
    assert (stored.published_offset, stored.published_zone) == (540, "KST")
    assert editor.date.dateTime().toString("HH:mm") == "15:40"
    assert window.ctx.undo_stack.undoText() == "Edit article published at"

    window.ctx.undo_stack.undo()
    back = get_article(ws, info.id)
    assert (back.published_at, back.published_offset, back.published_zone) == (
        UTC_0510,
        540,
        "KST",
    )


def test_entering_a_time_in_another_zone_sets_that_zone(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    info = add_text_article(ws, "Undated text.")
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(info.id)
    editor = window.metadata_editor
    editor.show_article(info.id)
    editor.zone.setCurrentText("Europe/Berlin")
    editor.has_date.setChecked(True)
    editor.date.setDateTime(
        editor.date.dateTime().fromString("2024-07-01 12:00", "yyyy-MM-dd HH:mm")
    )
    editor.date.editingFinished.emit()
    stored = get_article(ws, info.id)
    assert stored.published_at == dt.datetime(2024, 7, 1, 10, 0, tzinfo=dt.UTC)
    assert (stored.published_offset, stored.published_zone) == (120, "CEST")

    window.ctx.undo_stack.undo()
    cleared = get_article(ws, info.id)
    assert (cleared.published_at, cleared.published_offset) == (None, None)


# ---------------------------------------------------------------- export and bundles


def test_csv_writes_the_time_at_the_articles_offset(ws, tmp_path: Path) -> None:
    bind_analyst(ws)
    info = _import_kst(ws, tmp_path)
    create_claim_by_quote(ws, info.id, "12,000 cars")
    target = tmp_path / "sheet.csv"
    assert sheet.write_csv(ws, ClaimFilter(), target, None) == 1
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["published_at"] == "2024-10-30T14:10:00+09:00"
    assert dt.datetime.fromisoformat(rows[0]["published_at"]) == UTC_0510


def test_bundle_round_trip_keeps_the_zone(tmp_path: Path) -> None:
    first = open_workspace(tmp_path / "a.sqlite")
    bind_analyst(first)
    info = _import_kst(first, tmp_path)
    bundle = tmp_path / "out.claimdesk"
    export_bundle(first, bundle)
    other = open_workspace(tmp_path / "b.sqlite")
    bind_analyst(other)
    report = import_bundle(other, bundle)
    assert report.added["articles"] == 1
    got = get_article(other, info.id)
    assert (got.published_at, got.published_offset, got.published_zone) == (
        UTC_0510,
        540,
        "KST",
    )
    first.close()
    other.close()


def test_bundle_from_before_the_zone_fields_imports_with_unknown_zone(tmp_path: Path) -> None:
    first = open_workspace(tmp_path / "a.sqlite")
    bind_analyst(first)
    info = _import_kst(first, tmp_path)
    bundle = tmp_path / "out.claimdesk"
    export_bundle(first, bundle)
    first.close()
    old = tmp_path / "old.claimdesk"
    # Written as the ClaimDesk before zones wrote it: one data.json, version 1.
    _rewrite_data(as_version_one(bundle, tmp_path / "v1.claimdesk"), old, _drop_zone_fields)
    other = open_workspace(tmp_path / "b.sqlite")
    bind_analyst(other)
    import_bundle(other, old)
    got = get_article(other, info.id)
    assert got.published_at == UTC_0510
    assert (got.published_offset, got.published_zone) == (None, "")
    other.close()


def _drop_zone_fields(data: dict) -> dict:  # type: ignore[type-arg]
    for record in data["articles"]:
        assert record.pop("published_offset") == 540
        assert record.pop("published_zone") == "KST"
    return data


def _rewrite_data(source: Path, target: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Copy a bundle with its records changed (in the layout they had), the manifest's
    digests kept consistent."""
    members = members_of(source)
    write_bundle(target, with_records(members, change(records_of(members))))


def test_bundle_with_an_impossible_offset_is_refused(tmp_path: Path) -> None:
    first = open_workspace(tmp_path / "a.sqlite")
    bind_analyst(first)
    _import_kst(first, tmp_path)
    bundle = tmp_path / "out.claimdesk"
    export_bundle(first, bundle)
    first.close()
    bad = tmp_path / "bad.claimdesk"

    def impossible(data: dict) -> dict:  # type: ignore[type-arg]
        data["articles"][0]["published_offset"] = 99 * 60
        return data

    _rewrite_data(bundle, bad, impossible)
    other = open_workspace(tmp_path / "b.sqlite")
    bind_analyst(other)
    with pytest.raises(InvalidInput, match="published_offset"):
        import_bundle(other, bad)
    assert article_ops.list_articles(other) == []
    other.close()


# ---------------------------------------------------------------- migration


def test_upgrade_from_0001_keeps_articles_with_unknown_zone(ws_path: Path) -> None:
    engine = make_engine(to_url(ws_path))
    try:
        command.upgrade(alembic_config(engine), "0001")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO article (id, title, outlet, author, url, published_at, text, "
                "original, sha256, filename, encoding, format, created_at, updated_at, version) "
                "VALUES ('00112233445566778899aabbccddeeff', 'Old article', '', '', '', "
                "'2024-10-30 05:10:00', 'Old text.', x'4f6c64', '" + "ab" * 32 + "', "
                "'old.txt', 'utf-8', 'txt', '2024-10-30 06:00:00', '2024-10-30 06:00:00', 1)"
            )
    finally:
        engine.dispose()
    ws = open_workspace(ws_path)
    try:
        assert current_revision(ws.engine) == head_revision(ws.engine) != "0001"
        assert ws.backup_path is not None and ws.backup_path.exists()
        (info,) = article_ops.list_articles(ws)
        assert info.title == "Old article"
        assert info.published_at == UTC_0510
        assert info.published_offset is None
        assert info.published_zone == ""
        assert article_ops.article_text(ws, info.id).text == "Old text."
    finally:
        ws.close()
    backup = sqlite3.connect(ws.backup_path)
    try:
        assert backup.execute("SELECT title FROM article").fetchall() == [("Old article",)]
    finally:
        backup.close()


def test_new_article_defaults_to_unknown_zone(ws) -> None:
    info = add_article(ws, NewArticle(text="Plain.", original=b"Plain.", title="Plain"))
    assert (info.published_offset, info.published_zone) == (None, "")


# ---------------------------------------------------------------- every other output
# An article published at 05:00 KST on 31 October is 20:00 UTC on 30 October: each
# output below would show the 30th (or 20:00) if it fell back to UTC.

LATE_KST_TEXT = (
    "Ferry timetable changes\n\n"
    "Published: 31 October 2024, 05:00 KST\n\n"
    "The port said the first ferry now leaves at six in the morning.\n"
)
UTC_2000 = dt.datetime(2024, 10, 30, 20, 0, tzinfo=dt.UTC)
NAIVE_TEXT = (
    "Harbour dues rise\n\n"
    "Published: 30 October 2024, 23:30\n\n"
    "The harbour board said dues rise by four percent next year.\n"
)


def _zoned_claims(ws, tmp_path: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """A verified claim in a late-KST article and one in an article without a zone."""
    bind_analyst(ws)
    out = {}
    for name, text, quote in (
        ("ferry.txt", LATE_KST_TEXT, "first ferry now leaves"),
        ("dues.txt", NAIVE_TEXT, "dues rise by four percent"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        info = import_file(ws, path)
        out[name] = create_claim_by_quote(
            ws, info.id, quote, status="verified", rationale="Checked against the record."
        )
    return out


def test_shared_helpers_render_the_articles_zone() -> None:
    assert published_text(UTC_2000, 540, "KST") == "2024-10-31 05:00 KST"
    assert published_text(UTC_0510, 330) == "2024-10-30 10:40 UTC+05:30"
    assert published_text(UTC_0510, -240, "EDT") == "2024-10-30 01:10 EDT"
    assert published_text(UTC_0510, None) == "2024-10-30 05:10 UTC"
    assert published_text(None, 540, "KST") == ""
    assert published_day(UTC_2000, 540) == "2024-10-31"
    assert published_day(UTC_2000, None) == "2024-10-30"
    assert published_iso(UTC_2000, 540) == "2024-10-31T05:00:00+09:00"
    assert published_iso(UTC_2000, 0) == "2024-10-30T20:00:00+00:00"
    assert published_iso(UTC_2000, None) == "2024-10-30T20:00:00Z"


def test_xlsx_writes_the_articles_wall_time_and_its_zone(ws, tmp_path: Path) -> None:
    import openpyxl

    from db.exporting import export

    claims = _zoned_claims(ws, tmp_path)
    target = tmp_path / "claims.xlsx"
    assert export(ws, "xlsx", ClaimFilter(), target) == 2
    sheet = openpyxl.load_workbook(target)["Claims"]
    header = [c.value for c in sheet[1]]
    assert "published_at (UTC)" not in header
    when = header.index("published_at (article's zone)")
    assert header[when + 1] == "published_zone"
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    kst = rows[str(claims["ferry.txt"].id)]
    assert kst[when].is_date
    assert kst[when].value == dt.datetime(2024, 10, 31, 5, 0)
    assert kst[when + 1].value == "KST (UTC+09:00)"
    naive = rows[str(claims["dues.txt"].id)]
    assert naive[when].value == dt.datetime(2024, 10, 30, 23, 30)
    assert naive[when + 1].value == "UTC (no zone given)"


def test_reports_cite_the_articles_own_time(ws, tmp_path: Path) -> None:
    from db.exporting import export

    _zoned_claims(ws, tmp_path)
    html_path, md_path, pdf_path = tmp_path / "r.html", tmp_path / "r.md", tmp_path / "r.pdf"
    assert export(ws, "html", ClaimFilter(), html_path) == 2
    assert export(ws, "md", ClaimFilter(), md_path) == 2
    assert export(ws, "pdf", ClaimFilter(), pdf_path) == 2
    html = html_path.read_text(encoding="utf-8")
    assert "2024-10-31 05:00 KST" in html
    assert "2024-10-30 23:30 UTC" in html
    assert "2024-10-30 20:00" not in html
    markdown = md_path.read_text(encoding="utf-8")
    assert "2024-10-31 05:00 KST" in markdown
    assert "2024-10-30 23:30 UTC" in markdown
    assert "2024-10-30 20:00" not in markdown
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()
    text = " ".join(pages)
    assert "2024-10-31 05:00 KST" in text
    assert "2024-10-30 23:30 UTC" in text


def test_claimreview_date_published_keeps_the_offset(ws, tmp_path: Path) -> None:
    from db.exporting import export

    claims = _zoned_claims(ws, tmp_path)
    target = tmp_path / "reviews.json"
    assert export(ws, "claimreview", ClaimFilter(), target) == 2
    by_id = {r["identifier"]: r for r in json.loads(target.read_text(encoding="utf-8"))}
    kst = by_id[f"urn:uuid:{claims['ferry.txt'].id}"]["itemReviewed"]["appearance"]
    assert kst["datePublished"] == "2024-10-31T05:00:00+09:00"
    assert dt.datetime.fromisoformat(kst["datePublished"]) == UTC_2000
    naive = by_id[f"urn:uuid:{claims['dues.txt'].id}"]["itemReviewed"]["appearance"]
    assert naive["datePublished"] == "2024-10-30T23:30:00Z"


def test_cli_lists_the_articles_own_day(ws_path: Path, tmp_path: Path) -> None:
    import io

    from db.cli import run

    ws = open_workspace(ws_path)
    try:
        _zoned_claims(ws, tmp_path)
    finally:
        ws.close()
    out = io.StringIO()
    assert run(["--db", str(ws_path), "articles"], out=out) == 0
    days = {line.split("\t")[3]: line.split("\t")[1] for line in out.getvalue().splitlines()}
    assert days == {"Ferry timetable changes": "2024-10-31", "Harbour dues rise": "2024-10-30"}


def test_compare_shows_the_articles_own_time(ws, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.compare import compare_set
    from db.links import add_link
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.review.compare_view import CompareColumn

    claims = _zoned_claims(ws, tmp_path)
    ferry, dues = claims["ferry.txt"], claims["dues.txt"]
    add_link(ws, dues.id, ferry.id, "contradicts")
    items = {i.claim_id: i for i in compare_set(ws, ferry.id)}
    kst, naive = items[ferry.id], items[dues.id]
    assert (kst.published_at, kst.published_offset, kst.published_zone) == (UTC_2000, 540, "KST")
    assert kst.published_day == "2024-10-31"
    assert kst.published_text == "2024-10-31 05:00 KST"
    assert naive.published_text == "2024-10-30 23:30 UTC"
    column = CompareColumn(AppContext(ws, RecordingDialogs()), kst)
    qtbot.addWidget(column)
    assert "2024-10-31 05:00 KST" in column.header.text()
