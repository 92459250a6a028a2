"""CSV and JSON claim sheets: row-for-row equality, formula neutralisation, cancelling."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
from pathlib import Path

import pytest

import db.exporting.sheet as sheet
from db.articles import NewArticle, add_article, article_text
from db.claims import ClaimFilter, create_claim_by_quote, list_claims, update_claim
from db.errors import InvalidInput
from db.exporting import EXPORTERS, export
from db.exporting.cells import iter_cells
from db.exporting.rows import COLUMNS, ExportCancelled, default_filter, iter_rows
from db.links import add_link
from db.models import Status
from db.sources import find_or_create_source
from db.workspace import Workspace

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
TEXT = (
    "Harbour report\n\n"
    "=SUM(A1:A9) was typed by a reader.\n"
    "+44 boats left port.\n"
    "-3 degrees overnight.\n"
    "@harbourmaster posted a notice.\n"
    "\tIndented figure: 17 cranes.\n"
    "Plain line with 20 trucks and 名古屋 🚢 cargo."
)


@pytest.fixture
def filled(ws):
    """A workspace with one article and claims whose cells start with risky characters."""
    art = add_article(
        ws,
        NewArticle(
            text=TEXT,
            original=TEXT.encode(),
            filename="harbour.txt",
            title="Harbour report",
            outlet="example-news.com",
            url="https://www.example-news.com/h",
            published_at=dt.datetime(2024, 3, 2, 9, 0, tzinfo=dt.UTC),
        ),
    )
    specs = [
        ("=SUM(A1:A9)", "=Evil source", "=tag", "=HYPERLINK(x)", "=note"),
        ("+44 boats", "+Plus agency", "+tag", "+1 statement", "+note"),
        ("-3 degrees", "-Minus office", "-tag", "-2 statement", "-note"),
        ("@harbourmaster", "@Handle", "@tag", "@cmd statement", "@note"),
        ("\tIndented figure", "Normal source", "\ttag", "\tstatement", "\tnote"),
        ("20 trucks", "Port authority", "ordinary", "\rcarriage statement", "\rnote"),
        ("名古屋 🚢 cargo", "Port authority", "unicode", "Cargo via 名古屋 🚢", ""),
    ]
    ids = []
    for i, (quote, source, tag, statement, note) in enumerate(specs):
        src = find_or_create_source(ws, source, default_reliability="B")
        status = Status.VERIFIED if i % 2 == 0 else Status.DISPUTED
        claim = create_claim_by_quote(
            ws,
            art.id,
            quote,
            source_id=src.id,
            credibility=2,
            tags=[tag, "shared"],
            statement=statement,
            notes=note,
            event_start=dt.date(2024, 3, 1),
            event_end=dt.date(2024, 3, 2) if i == 0 else None,
        )
        update_claim(ws, claim.id, status=status, rationale=f"{note or 'Seen'} reason {i}")
        ids.append(claim.id)
    link = add_link(ws, ids[0], ids[1], "contradicts")
    return {"article": art, "claims": ids, "link": link}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return list(reader)


def _db_rows(ws, flt: ClaimFilter) -> list:
    return [row for batch in iter_rows(ws, flt) for row in batch]


def _unneutral(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(DANGEROUS):
        return value[1:]
    return value


def test_every_format_has_a_writer_a_suffix_and_a_label() -> None:
    from db.exporting import FILE_SUFFIX, FORMAT_LABELS

    assert set(EXPORTERS) == set(FILE_SUFFIX) == set(FORMAT_LABELS)
    assert all(callable(writer) for writer in EXPORTERS.values())


def test_csv_matches_database_row_for_row(ws, filled, tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    n = sheet.write_csv(ws, ClaimFilter(), target, None)
    rows = _read_csv(target)
    assert target.read_bytes().startswith(",".join(COLUMNS).encode() + b"\r\n")
    claims = {c.id: c for c in list_claims(ws)}
    assert n == len(rows) == len(claims) == 7
    text = article_text(ws, filled["article"].id).text
    for got, expected in zip(rows, _db_rows(ws, ClaimFilter()), strict=True):
        cells = expected.cells()
        assert got == {k: str(sheet.neutralise(cells[k])) for k in COLUMNS}
        info = claims[expected.id]
        assert got["id"] == str(info.id)
        assert _unneutral(got["quote"]) == info.quote == text[info.start : info.end]
        assert (int(got["start"]), int(got["end"])) == (info.start, info.end)
        assert _unneutral(got["statement"]) == info.statement
        assert _unneutral(got["source"]) == info.source_name
        assert got["grading"] == info.grading == "B2"
        assert got["status"] == info.status.value
        assert got["published_at"] == "2024-03-02T09:00:00+00:00"
    first = next(r for r in rows if r["id"] == str(filled["claims"][0]))
    assert first["event_date"] == "2024-03-01/2024-03-02"
    assert f"contradicts {filled['claims'][1]}" in first["links"]
    second = next(r for r in rows if r["id"] == str(filled["claims"][1]))
    assert f"← contradicts {filled['claims'][0]}" in second["links"]


def test_csv_neutralises_every_dangerous_prefix(ws, filled, tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    sheet.write_csv(ws, ClaimFilter(), target, None)
    rows = _read_csv(target)
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(DANGEROUS), (column, value)
    by_quote = {_unneutral(r["quote"]): r for r in rows}
    for prefix, quote in [
        ("=", "=SUM(A1:A9)"),
        ("+", "+44 boats"),
        ("-", "-3 degrees"),
        ("@", "@harbourmaster"),
        ("\t", "\tIndented figure"),
    ]:
        row = by_quote[quote]
        assert row["quote"] == "'" + quote
        assert row["statement"].startswith("'" + prefix)
        if prefix != "\t":  # tag names are stripped of whitespace when saved
            assert row["tags"].startswith("'" + prefix)
    assert by_quote["=SUM(A1:A9)"]["source"] == "'=Evil source"
    assert by_quote["@harbourmaster"]["source"] == "'@Handle"
    assert by_quote["20 trucks"]["statement"] == "'\rcarriage statement"
    # Numbers stay numbers; harmless text is untouched.
    for row in rows:
        assert row["start"].isdigit() and row["end"].isdigit()
    assert by_quote["名古屋 🚢 cargo"]["statement"] == "Cargo via 名古屋 🚢"
    assert by_quote["20 trucks"]["source"] == "Port authority"


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@a", "\tx", "\rx"])
def test_neutralise_each_prefix(value: str) -> None:
    assert sheet.neutralise(value) == "'" + value
    assert sheet.neutralise(5) == 5
    assert sheet.neutralise("a=1") == "a=1"


def test_json_matches_database(ws, filled, tmp_path: Path) -> None:
    target = tmp_path / "sheet.json"
    n = sheet.write_json(ws, ClaimFilter(), target, None)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert set(data) == {"exported_at", "filter", "count", "claims"}
    assert data["count"] == n == len(data["claims"]) == 7
    assert dt.datetime.fromisoformat(data["exported_at"]).tzinfo is not None
    expected = [r.as_json() for r in _db_rows(ws, ClaimFilter())]
    assert data["claims"] == expected
    quotes = {c["quote"] for c in data["claims"]}
    assert "=SUM(A1:A9)" in quotes  # JSON keeps values as they are
    first = next(c for c in data["claims"] if c["id"] == str(filled["claims"][0]))
    assert first["links"] == [
        {"relation": "contradicts", "claim_id": str(filled["claims"][1]), "direction": "outgoing"}
    ]
    assert first["tags"] == ["=tag", "shared"]
    assert first["start"] == TEXT.index("=SUM")


def test_status_filter_in_both_formats(ws, filled, tmp_path: Path) -> None:
    flt = default_filter()
    verified = {str(c.id) for c in list_claims(ws) if c.status == Status.VERIFIED}
    assert len(verified) == 4
    sheet.write_csv(ws, flt, tmp_path / "v.csv", None)
    sheet.write_json(ws, flt, tmp_path / "v.json", None)
    assert {r["id"] for r in _read_csv(tmp_path / "v.csv")} == verified
    data = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert {c["id"] for c in data["claims"]} == verified
    assert data["filter"]["statuses"] == ["verified"]
    disputed = ClaimFilter(statuses=frozenset({Status.DISPUTED}))
    assert export(ws, "csv", disputed, tmp_path / "d.csv") == 3


def test_empty_export_is_valid(ws, tmp_path: Path) -> None:
    assert sheet.write_json(ws, ClaimFilter(), tmp_path / "e.json", None) == 0
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert data["claims"] == [] and data["count"] == 0
    assert sheet.write_csv(ws, ClaimFilter(), tmp_path / "e.csv", None) == 0
    assert _read_csv(tmp_path / "e.csv") == []


# CSV streams light rows (db.exporting.cells), JSON the typed ones.
@pytest.mark.parametrize(
    ("writer", "source", "reader"),
    [(sheet.write_csv, "iter_cells", iter_cells), (sheet.write_json, "iter_rows", iter_rows)],
)
def test_progress_per_batch_and_cancel_leaves_no_file(
    ws, filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer, source, reader
) -> None:
    monkeypatch.setattr(sheet, source, functools.partial(reader, batch=3))
    calls: list[tuple[int, int]] = []
    target = tmp_path / "out.dat"
    writer(ws, ClaimFilter(), target, lambda done, total: calls.append((done, total)) or True)
    assert calls == [(0, 7), (3, 7), (6, 7), (7, 7)]

    previous = target.read_bytes()
    seen: list[int] = []

    def stop_after_first(done: int, total: int) -> bool:
        seen.append(done)
        return done < 3

    fresh = tmp_path / "fresh.dat"
    with pytest.raises(ExportCancelled):
        writer(ws, ClaimFilter(), fresh, stop_after_first)
    assert seen == [0, 3]
    assert not fresh.exists()
    with pytest.raises(ExportCancelled):
        writer(ws, ClaimFilter(), target, stop_after_first)
    assert target.read_bytes() == previous  # the old file is untouched
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_failure_midway_leaves_no_file(
    ws, filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args, **kwargs):
        yield next(iter_cells(ws, ClaimFilter()))[:2]
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(sheet, "iter_cells", broken)
    target = tmp_path / "x.csv"
    with pytest.raises(RuntimeError):
        sheet.write_csv(ws, ClaimFilter(), target, None)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_stdout_and_stream_targets(ws, filled, capsys: pytest.CaptureFixture[str]) -> None:
    assert sheet.write_csv(ws, default_filter(), None, None) == 4
    out = capsys.readouterr().out
    assert out.startswith(",".join(COLUMNS) + "\n")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 4
    buffer = io.StringIO()
    assert sheet.write_json(ws, default_filter(), buffer, None) == 4
    assert json.loads(buffer.getvalue())["count"] == 4


def test_missing_folder_is_refused(ws, filled, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        sheet.write_csv(ws, ClaimFilter(), tmp_path / "nope" / "x.csv", None)


def test_filter_as_json() -> None:
    flt = ClaimFilter(
        statuses=frozenset({Status.VERIFIED, Status.FALSE}),
        tags=frozenset({"b", "a"}),
        since=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    )
    data = sheet.filter_as_json(flt)
    assert data["statuses"] == ["false", "verified"]
    assert data["tags"] == ["a", "b"]
    assert data["since"] == "2024-01-01T00:00:00+00:00"
    assert data["until"] is None
    json.dumps(data)


@pytest.mark.postgres
def test_csv_and_json_on_postgresql(pg_ws: Workspace, tmp_path: Path) -> None:
    art = add_article(pg_ws, NewArticle(text=TEXT, original=TEXT.encode(), filename="h.txt"))
    first = create_claim_by_quote(pg_ws, art.id, "=SUM(A1:A9)", tags=["=x"])
    second = create_claim_by_quote(pg_ws, art.id, "名古屋 🚢 cargo")
    add_link(pg_ws, second.id, first.id, "updates")
    assert sheet.write_csv(pg_ws, ClaimFilter(), tmp_path / "pg.csv", None) == 2
    assert sheet.write_json(pg_ws, ClaimFilter(), tmp_path / "pg.json", None) == 2
    rows = _read_csv(tmp_path / "pg.csv")
    assert [r["id"] for r in rows] == [str(first.id), str(second.id)]
    assert rows[0]["quote"] == "'=SUM(A1:A9)" and rows[0]["tags"] == "'=x"
    assert rows[1]["quote"] == "名古屋 🚢 cargo"
    assert int(rows[1]["start"]) == TEXT.index("名古屋")
    assert rows[1]["links"] == f"updates {first.id}"
    data = json.loads((tmp_path / "pg.json").read_text(encoding="utf-8"))
    assert data["claims"] == [r.as_json() for r in _db_rows(pg_ws, ClaimFilter())]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_file_permissions_follow_the_umask(ws, filled, tmp_path: Path, fmt: str) -> None:
    # A sheet is handed to colleagues: not left private (0600) like a temporary file.
    old = os.umask(0o022)
    try:
        target = tmp_path / f"sheet.{fmt}"
        export(ws, fmt, ClaimFilter(), target)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
