"""Relay chains travel: bundles (SQLite ⇄ PostgreSQL, three-way merge), W3C round trip, CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from bundle_support import as_version_one, members_of, records_of, with_records, write_bundle

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.bundles import export_bundle, import_bundle, resolve_conflict
from db.claims import ClaimFilter, create_claim, get_claim
from db.relays import relay_chain, relay_names, set_relay_ids
from db.sources import create_source, find_source, list_sources
from db.workspace import Workspace, migrate, open_workspace


def _open(target: str | Path) -> Workspace:
    ws = open_workspace(target)
    bind_analyst(ws)
    return ws


def _article(ws: Workspace, seed: Path) -> Any:
    data = seed.read_bytes()
    text = data.decode("utf-8")
    return add_article(
        ws, NewArticle(text=text, original=data, filename=seed.name, title=seed.stem)
    )


def _populate(ws: Workspace, seeds: list[Path]) -> dict[str, Any]:
    """Two claims from one seed: one relayed by two sources (one cited nowhere else)."""
    article = _article(ws, seeds[0])
    agency = create_source(ws, "Spy Agency", kind="agency", aliases=["NIS"])
    lawmaker = create_source(ws, "Park Min-ho", kind="person")
    outlet = create_source(ws, "Daily Example", kind="outlet")
    relayed = create_claim(ws, article.id, 0, 40, source_id=agency.id)
    plain = create_claim(ws, article.id, 50, 90, source_id=outlet.id)
    set_relay_ids(ws, relayed.id, [lawmaker.id, outlet.id])
    return {
        "article": article,
        "relayed": relayed,
        "plain": plain,
        "sources": (agency, lawmaker, outlet),
    }


def _chains(ws: Workspace) -> dict[str, tuple[str, ...]]:
    from db.claims import list_claims

    claims = list_claims(ws)
    names = relay_names(ws, [c.id for c in claims])
    return {str(c.id): names.get(c.id, ()) for c in claims}


def test_bundle_round_trip_sqlite_postgresql_sqlite_keeps_chains(tmp_path, seed_paths, pg_url):
    first = _open(tmp_path / "a.sqlite")
    made = _populate(first, seed_paths)
    chains = _chains(first)
    assert chains[str(made["relayed"].id)] == ("Park Min-ho", "Daily Example")
    bundle = tmp_path / "out.claimdesk"
    export_bundle(first, bundle, [made["article"].id])
    data = records_of(members_of(bundle))
    record = next(c for c in data["claims"] if c["id"] == str(made["relayed"].id))
    assert record["relayed_by"] == [str(made["sources"][1].id), str(made["sources"][2].id)]
    assert {s["name"] for s in data["sources"]} == {"Spy Agency", "Park Min-ho", "Daily Example"}

    migrate(pg_url)
    shared = _open(pg_url)
    try:
        report = import_bundle(shared, bundle)
        assert report.added["claims"] == 2 and not report.conflicts
        assert _chains(shared) == chains
        again = import_bundle(shared, bundle)  # the same bundle twice changes nothing
        assert not again.added.get("claims") and not again.conflicts
        back = tmp_path / "back.claimdesk"
        export_bundle(shared, back)
    finally:
        shared.close()
    last = _open(tmp_path / "b.sqlite")
    try:
        import_bundle(last, back)
        assert _chains(last) == chains
    finally:
        last.close()
        first.close()


def test_three_way_merge_takes_a_chain_changed_there_and_reports_a_clash(tmp_path, seed_paths):
    here = _open(tmp_path / "here.sqlite")
    made = _populate(here, seed_paths)
    claim_id = made["relayed"].id
    _agency, lawmaker, outlet = made["sources"]
    base = tmp_path / "base.claimdesk"
    export_bundle(here, base)
    there = _open(tmp_path / "there.sqlite")
    try:
        import_bundle(there, base)
        set_relay_ids(there, claim_id, [outlet.id, lawmaker.id])  # reordered there only
        changed = tmp_path / "changed.claimdesk"
        export_bundle(there, changed)
        report = import_bundle(here, changed)
        assert report.updated.get("claims") == 1 and not report.conflicts
        assert relay_names(here, [claim_id])[claim_id] == ("Daily Example", "Park Min-ho")

        # Both sides change the chain differently: a conflict, nothing taken.
        set_relay_ids(there, claim_id, [lawmaker.id])
        set_relay_ids(here, claim_id, [outlet.id])
        clash = tmp_path / "clash.claimdesk"
        export_bundle(there, clash)
        report = import_bundle(here, clash)
        (conflict,) = report.conflicts
        assert conflict.fields == ("relayed_by",)
        assert relay_names(here, [claim_id])[claim_id] == ("Daily Example",)
        back = resolve_conflict(here, conflict, "incoming")
        assert relay_names(here, [claim_id])[claim_id] == ("Park Min-ho",)
        assert back is not None
        resolve_conflict(here, back, "incoming")  # and back again
        assert relay_names(here, [claim_id])[claim_id] == ("Daily Example",)
    finally:
        there.close()
        here.close()


def test_a_bundle_without_chains_imports_with_none_and_a_bad_chain_changes_nothing(
    tmp_path, seed_paths
):
    src = _open(tmp_path / "src.sqlite")
    made = _populate(src, seed_paths)
    bundle = tmp_path / "old.claimdesk"
    export_bundle(src, bundle)
    src.close()

    def rewrite(name: str, change) -> Path:  # type: ignore[no-untyped-def]
        members = members_of(as_version_one(bundle, tmp_path / f"v1-{name}"))
        data = records_of(members)
        for claim in data["claims"]:
            change(claim)
        return write_bundle(tmp_path / name, with_records(members, data))

    older = rewrite("older.claimdesk", lambda c: c.pop("relayed_by"))
    target = _open(tmp_path / "target.sqlite")
    try:
        from db.errors import InvalidInput

        broken = rewrite("broken.claimdesk", lambda c: c.update(relayed_by=["not an id"]))
        with pytest.raises(InvalidInput, match="relayed_by"):
            import_bundle(target, broken)
        assert list_sources(target) == []
        report = import_bundle(target, older)
        assert report.added["claims"] == 2
        assert relay_names(target, [made["relayed"].id]) == {}
    finally:
        target.close()


def _w3c_round_trip(source: Workspace, target: Workspace, seeds: list[Path], tmp_path: Path):  # type: ignore[no-untyped-def]
    from db.exporting import export
    from db.importing.w3c import import_annotations

    made = _populate(source, seeds)
    out = tmp_path / "claims.jsonld"
    assert export(source, "w3c", ClaimFilter(), out) == 2
    doc = json.loads(out.read_text(encoding="utf-8"))
    items = {i["id"]: i for i in doc["first"]["items"]}
    item = items[f"urn:uuid:{made['relayed'].id}"]
    assert item["attributedTo"] == "Spy Agency"
    assert item["relayedBy"] == ["Park Min-ho", "Daily Example"]
    _article(target, seeds[0])
    registered = create_source(target, "National Intelligence Service", aliases=["spy agency"])
    report = import_annotations(target, out)
    assert (report.added, report.problems) == (2, [])
    relayed = get_claim(target, made["relayed"].id)
    assert relayed.source_id == registered.id  # matched through its alias
    assert relay_names(target, [relayed.id])[relayed.id] == ("Park Min-ho", "Daily Example")
    plain = get_claim(target, made["plain"].id)
    outlet = find_source(target, "daily example")
    assert outlet is not None and plain.source_id == outlet.id  # one new source, used twice
    assert relay_chain(target, relayed.id)[1][0] == outlet.id
    assert relay_names(target, [plain.id]) == {}


def test_w3c_round_trip_keeps_source_and_chain(tmp_path, seed_paths):
    source, target = _open(tmp_path / "a.sqlite"), _open(tmp_path / "b.sqlite")
    try:
        _w3c_round_trip(source, target, seed_paths, tmp_path)
    finally:
        source.close()
        target.close()


def test_w3c_round_trip_into_postgresql(tmp_path, seed_paths, pg_url):
    migrate(pg_url)
    source, target = _open(tmp_path / "a.sqlite"), _open(pg_url)
    try:
        _w3c_round_trip(source, target, seed_paths, tmp_path)
    finally:
        source.close()
        target.close()


def test_cli_claims_lists_the_chain(tmp_path, seed_paths):
    from db.cli import run

    path = tmp_path / "w.sqlite"
    ws = _open(path)
    made = _populate(ws, seed_paths)
    ws.close()
    out = io.StringIO()
    assert run(["--db", str(path), "claims"], out=out) == 0
    lines = {line.split("\t")[0]: line for line in out.getvalue().splitlines()}
    assert lines[str(made["relayed"].id)].endswith("\trelayed by: Park Min-ho → Daily Example")
    assert lines[str(made["plain"].id)].endswith("\trelayed by: -")


def test_an_article_deleted_and_brought_back_keeps_its_claims_chains(tmp_path, seed_paths):
    from db.articles import delete_article
    from db.bundles import restore_bundle

    ws = _open(tmp_path / "w.sqlite")
    try:
        made = _populate(ws, seed_paths)
        chains = _chains(ws)
        snapshot = tmp_path / "snapshot.claimdesk"
        export_bundle(ws, snapshot, [made["article"].id], outside_links=True)
        delete_article(ws, made["article"].id)
        assert _chains(ws) == {}
        restore_bundle(ws, snapshot)
        assert _chains(ws) == chains
    finally:
        ws.close()
