"""A bundle is written as a stream: records read a batch at a time, files a slice at a time."""

from __future__ import annotations

import json
import sqlite3
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bundle_support import members_of, records_of
from store_support import store_kinds
from test_bundles import _populate

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.bundles import archive, export_bundle, import_bundle, read_bundle, stream_zip
from db.bundles import export as bundle_export
from db.bundles.records import SECTIONS, to_record
from db.claims import ClaimFilter, create_claim, delete_claim
from db.errors import InvalidInput
from db.long_rows import SLICE
from db.relays import set_relay_names
from db.sources import create_source
from db.workspace import Workspace, open_workspace

store_kind = store_kinds("postgres")  # the PostgreSQL cases keep their id


def _workspace(tmp_path: Path, seed_paths: list[Path], name: str = "src") -> tuple[Workspace, Any]:
    ws = open_workspace(tmp_path / f"{name}.sqlite")
    bind_analyst(ws)
    made = _populate(ws, seed_paths)
    return ws, made


def _long_text(items: int) -> str:
    phrase = "Київ said 서울 reported the figures on Tuesday; item"
    return "".join(f"{phrase} {n}. " for n in range(items))


def _sections(path: Path) -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = records_of(members_of(path))
    return data


def _ids(records: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in records}


def test_records_are_those_of_the_loaded_rows(tmp_path: Path, seed_paths: list[Path]) -> None:
    ws, made = _workspace(tmp_path, seed_paths)
    c1, c2, _ = made["claims"]
    set_relay_names(ws, c2.id, ["Wire service", "Local paper"])
    path = tmp_path / "all.claimdesk"
    summary = export_bundle(ws, path)
    data = _sections(path)
    assert summary.counts == {s: len(data[s]) for s in SECTIONS}
    with ws.session() as session:
        for section, model in SECTIONS.items():
            assert [r["id"] for r in data[section]] == sorted(r["id"] for r in data[section])
            for record in data[section]:
                row = session.get(model, uuid.UUID(record["id"]))
                assert row is not None, (section, record["id"])
                assert record == to_record(section, row), section
    by_id = {r["id"]: r for r in data["claims"]}
    assert by_id[str(c1.id)]["tags"] == ["army", "ukraine"]
    assert len(by_id[str(c2.id)]["relayed_by"]) == 2
    assert {"Wire service", "Local paper"} <= {r["name"] for r in data["sources"]}
    ws.close()


def test_what_a_partial_bundle_carries(
    store: Workspace, tmp_path: Path, seed_paths: list[Path]
) -> None:
    ws, made = store, _populate(store, seed_paths)
    first, second = made["articles"]
    c1, c2, c3 = made["claims"]
    create_source(ws, "Never cited")
    gone = create_claim(ws, first.id, 100, 120)
    delete_claim(ws, gone.id)
    path = tmp_path / "second.claimdesk"
    export_bundle(ws, path, [second.id])
    data = _sections(path)
    assert _ids(data["articles"]) == {str(second.id)}
    assert _ids(data["claims"]) == {str(c3.id)}
    assert data["links"] == [] and data["sources"] == [] and data["evidence"] == []
    assert len(data["verdicts"]) == 1
    carried = {h["entity_id"] for h in data["history"]}
    assert str(gone.id) not in carried and str(c1.id) not in carried
    assert {str(second.id), str(c3.id)} <= carried
    # Links to claims outside travel on request; the first article's deletion travels with it.
    export_bundle(ws, path, [second.id], outside_links=True)
    assert len(_sections(path)["links"]) == 1
    export_bundle(ws, path, [first.id])
    data = _sections(path)
    assert _ids(data["claims"]) == {str(c1.id), str(c2.id)}
    assert str(gone.id) in {h["entity_id"] for h in data["history"]}
    assert {h["action"] for h in data["history"] if h["entity_id"] == str(gone.id)} == {
        "create",
        "delete",
    }
    assert "Never cited" not in {s["name"] for s in data["sources"]}
    # A claim filter: the matching claims and their articles only.
    export_bundle(ws, path, flt=ClaimFilter(tags=frozenset({"army"})))
    data = _sections(path)
    assert _ids(data["claims"]) == {str(c1.id)} and _ids(data["articles"]) == {str(first.id)}
    assert {s["name"] for s in data["sources"]} == {"Defence ministry"}


def _export_many_chosen(ws: Workspace, tmp_path: Path, fakes: int) -> None:
    """The chosen articles are repeated in several subqueries of one statement: many
    chosen articles must not pass the driver's limit of parameters."""
    bind_analyst(ws)
    texts = [f"Short article number {n}." for n in range(3)]
    ids = [add_article(ws, NewArticle(text=t, original=t.encode())).id for t in texts]
    fake = [uuid.uuid4() for _ in range(fakes)]
    with ws.session() as session:
        chosen = bundle_export.choose(ids + fake, None, False)
        out = stream_zip.BundleZip(tmp_path / "many.zip")
        counts = bundle_export.write_records(session, out, chosen)
        out.finish("now", "test")
    assert counts["articles"] == 3 and counts["history"] >= 3


def test_many_chosen_articles_fit_one_statement(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "many.sqlite")
    with ws.session() as session:
        raw = session.connection().connection.driver_connection
        limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    _export_many_chosen(ws, tmp_path, limit // 8 + 1)
    ws.close()


def test_many_chosen_articles_fit_one_statement_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    ws = open_workspace(pg_url)
    try:
        _export_many_chosen(ws, tmp_path, 2**16 // 8 + 1)  # the protocol's 65,535 parameters
    finally:
        ws.close()


def test_files_are_written_a_slice_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = open_workspace(tmp_path / "long.sqlite")
    bind_analyst(ws)
    text = _long_text(60_000)  # about 3.6 MiB
    info = add_article(ws, NewArticle(text=text, original=text.encode("utf-8")))
    create_claim(ws, info.id, 0, 4)
    writes: list[int] = []
    write = stream_zip.MemberSink.write

    def spy(self: stream_zip.MemberSink, data: bytes) -> None:
        writes.append(len(data))
        write(self, data)

    monkeypatch.setattr(stream_zip.MemberSink, "write", spy)
    path = tmp_path / "long.claimdesk"
    export_bundle(ws, path)
    assert writes and max(writes) <= SLICE < len(text.encode("utf-8"))
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist()[-1] == "manifest.json"
        assert zf.read(archive.text_member(info.id)) == text.encode("utf-8")
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["version"] == archive.VERSION and manifest["records"] == "jsonl"
    with read_bundle(path) as bundle:  # sizes and checksums as the reader computes them
        assert bundle.size(archive.original_member(info.id)) == len(text.encode("utf-8"))
    ws.close()


def test_failed_export_leaves_nothing(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = _workspace(tmp_path, seed_paths)
    path = tmp_path / "out.claimdesk"
    export_bundle(ws, path)
    before = path.read_bytes()
    real = bundle_export._write_section

    def fail_at_history(out: Any, section: str, records: Any, analysts: set[str]) -> int:
        if section == "history":
            raise InvalidInput("disk full")
        return real(out, section, records, analysts)

    monkeypatch.setattr(bundle_export, "_write_section", fail_at_history)
    with pytest.raises(InvalidInput, match="disk full"):
        export_bundle(ws, path)
    assert path.read_bytes() == before  # the earlier bundle is left as it was
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    ws.close()


def test_streamed_bundle_round_trips_on_postgresql(
    tmp_path: Path, seed_paths: list[Path], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_bundles import canonical

    from db.bundles import export_files

    # Slices that end inside a character's UTF-8 bytes.
    monkeypatch.setattr(export_files, "PG_SLICE", 100_003)
    ws = open_workspace(pg_url)
    bind_analyst(ws)
    try:
        _populate(ws, seed_paths)
        text = _long_text(30_000)
        long = add_article(ws, NewArticle(text=text, original=text.encode("utf-8")))
        create_claim(ws, long.id, len(text) - 9, len(text))
        path = tmp_path / "pg.claimdesk"
        export_bundle(ws, path)
        with zipfile.ZipFile(path) as zf:
            assert zf.read(archive.text_member(long.id)) == text.encode("utf-8")
        target = open_workspace(tmp_path / "target.sqlite")
        bind_analyst(target)
        report = import_bundle(target, path)
        assert report.added["articles"] == 3 and not report.conflicts
        assert canonical(target) == canonical(ws)
        assert import_bundle(target, path).total_added == 0
        target.close()
    finally:
        ws.close()


def test_a_bundle_past_the_import_limits_says_so(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = _workspace(tmp_path, seed_paths)
    path = tmp_path / "big.claimdesk"
    fits = export_bundle(ws, path)
    assert fits.over_limits == () and "too large" not in fits.describe()
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", sum(map(len, members_of(path).values())) - 1)
    summary = export_bundle(ws, path)
    assert summary.over_limits and "its members hold" in summary.over_limits[0]
    assert "too large to be imported again" in summary.describe()
    target = open_workspace(tmp_path / "target.sqlite")
    bind_analyst(target)
    with pytest.raises(InvalidInput, match=r"expands to more than"):
        import_bundle(target, path)  # as the summary warned
    target.close()
    ws.close()


def test_a_section_past_the_member_limit_spans_several_members(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """However large a section, every member stays within what an import accepts."""
    ws, _ = _workspace(tmp_path, seed_paths)
    whole = tmp_path / "whole.claimdesk"
    export_bundle(ws, whole)
    history = members_of(whole)[archive.records_member("history")]
    assert history.count(b"\n") > 6
    limit = len(history) // 3
    monkeypatch.setattr(archive, "RECORDS_MEMBER_BYTES", limit)
    path = tmp_path / "split.claimdesk"
    summary = export_bundle(ws, path)
    assert summary.over_limits == ()
    members = members_of(path)
    parts = sorted(n for n in members if n.startswith("records/history."))
    assert len(parts) >= 3 and parts[:2] == [
        archive.records_member("history", 1),
        archive.records_member("history", 2),
    ]
    assert all(0 < len(members[n]) <= limit and members[n].endswith(b"\n") for n in parts)
    assert b"".join(members[n] for n in parts) == history  # records split between lines only
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["version"] == 3
    listed = [m["path"] for m in manifest["members"] if m["path"].startswith("records/history.")]
    assert listed == parts
    assert _sections(path) == _sections(whole)
    target = open_workspace(tmp_path / "target.sqlite")
    bind_analyst(target)
    report = import_bundle(target, path)
    assert report.added["history"] == summary.counts["history"] and not report.conflicts
    from test_bundles import canonical

    assert canonical(target) == canonical(ws)
    again = import_bundle(target, path)
    assert again.total_added == again.total_updated == 0 and not again.conflicts
    target.close()
    ws.close()
