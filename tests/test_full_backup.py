"""A full backup of a workspace carries every table and restores row for row."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from full_backup_support import every_row, fill_every_table
from sqlalchemy import inspect as sa_inspect

from db.analysts import bind_analyst
from db.bundles import export_bundle
from db.bundles.archive import ALL_SECTION_NAMES, BACKUP_SECTION_NAMES, build_manifest
from db.bundles.full import (
    FULL_COLUMNS,
    IN_MEMBERS,
    LOCAL_COLUMNS,
    NOT_CARRIED,
    OUTSIDE_MODELS,
    TABLES,
    carried_tables,
    extra_columns,
    restore_workspace,
    section_columns,
)
from db.bundles.records import SECTIONS, columns
from db.cli import run
from db.errors import InvalidInput
from db.models import Base
from db.workspace import open_workspace


def _record_keys(section: str) -> set[str]:
    if section in TABLES:
        return {c.key for c in section_columns(section)}
    return {c.key for c in columns(section)} | {c.key for c in extra_columns(section)}


def test_every_table_of_the_models_is_carried_or_left_out_for_a_reason() -> None:
    carried = carried_tables()
    for name, table in Base.metadata.tables.items():
        if name in NOT_CARRIED:
            assert name not in carried and len(NOT_CARRIED[name]) > 30, name
            continue
        assert name in carried, f"{name}: carry it in a full backup or say in NOT_CARRIED why not"
        keys = _record_keys(carried[name])
        for column in table.columns:
            where = (
                column.key in keys,
                column.key in IN_MEMBERS.get(name, ()),
                (name, column.key) in LOCAL_COLUMNS,
            )
            assert sum(where) == 1, f"{name}.{column.key} travels {sum(where)} ways"
    assert set(carried) | set(NOT_CARRIED) == set(Base.metadata.tables)
    assert set(carried.values()) == set(ALL_SECTION_NAMES)
    assert all(len(why) > 30 for why in [*LOCAL_COLUMNS.values(), *OUTSIDE_MODELS.values()])
    # The exchange sections' models, with the columns a full backup adds to them.
    assert {s: SECTIONS[s].__tablename__ for s in SECTIONS} == {
        s: t for t, s in carried.items() if s in SECTIONS
    }
    assert all(s in SECTIONS for s in FULL_COLUMNS)


def test_every_table_a_workspace_file_holds_is_a_model_table_or_named(tmp_path: Path) -> None:
    """Tables outside the models (search index, schema revision) are named with a reason."""
    ws = open_workspace(tmp_path / "tables.sqlite")
    try:
        names = set(sa_inspect(ws.engine).get_table_names())
    finally:
        ws.close()
    outside = names - set(Base.metadata.tables)
    assert outside
    for name in outside:
        assert name in OUTSIDE_MODELS or any(
            p.endswith("*") and name.startswith(p[:-1]) for p in OUTSIDE_MODELS
        ), name


def test_a_full_backup_restores_every_row_into_a_new_workspace_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = open_workspace(tmp_path / "story.sqlite")
    try:
        bind_analyst(source)
        fill_every_table(source)
        expected = every_row(source)
        summary = export_bundle(source, tmp_path / "story.claimdesk", full=True)
    finally:
        source.close()
    assert all(expected[t] for t in carried_tables()), "the sample leaves a table empty"
    assert {s: summary.counts[s] for s in BACKUP_SECTION_NAMES} == {
        s: len(expected[TABLES[s]]) for s in BACKUP_SECTION_NAMES
    }
    target = tmp_path / "restored.sqlite"
    assert run(["restore", str(tmp_path / "story.claimdesk"), "-o", str(target)]) == 0
    assert "Restored" in capsys.readouterr().out
    restored = open_workspace(target)
    try:
        assert every_row(restored) == expected
        # A second restore into the same, no longer empty, workspace: refused, nothing stored.
        with pytest.raises(InvalidInput, match="empty workspace"):
            restore_workspace(restored, tmp_path / "story.claimdesk")
        assert every_row(restored) == expected
    finally:
        restored.close()


def test_long_earlier_texts_are_restored_a_slice_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.bundles import full

    source = open_workspace(tmp_path / "story.sqlite")
    try:
        bind_analyst(source)
        fill_every_table(source)
        expected = every_row(source)
        export_bundle(source, tmp_path / "story.claimdesk", full=True)
    finally:
        source.close()
    monkeypatch.setattr(full, "LONG_TEXT", 16)
    staged: list[int] = []
    stage = full.long_rows.stage_chunks

    def spying(session, chunks, size):  # type: ignore[no-untyped-def]
        staged.append(size)
        return stage(session, chunks, size)

    monkeypatch.setattr(full.long_rows, "stage_chunks", spying)
    target = open_workspace(tmp_path / "restored.sqlite")
    try:
        restore_workspace(target, tmp_path / "story.claimdesk")
        assert every_row(target) == expected
    finally:
        target.close()
    assert staged and all(size > 16 for size in staged)


def _tampered(bundle: Path, out: Path, section: str, change: dict[str, object]) -> Path:
    """*bundle* with the first record of *section* changed, its manifest made to match."""
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    name = next(n for n in members if n.startswith(f"records/{section}."))
    lines = members[name].splitlines()
    lines[0] = json.dumps({**json.loads(lines[0]), **change}).encode("utf-8")
    members[name] = b"\n".join(lines) + b"\n"
    new_manifest = json.loads(build_manifest(members, manifest["created_at"], "test"))
    new_manifest["scope"] = manifest["scope"]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(new_manifest))
        for member, data in members.items():
            zf.writestr(member, data)
    return out


@pytest.mark.parametrize(
    ("section", "change", "words"),
    [
        ("revisions", {"number": "one"}, "earlier text"),
        ("taggings", {"tag_id": "7b2b0c4e-0000-4000-8000-000000000000"}, "could not be restored"),
        ("settings", {"value": 3}, "setting"),
        ("claims", {"fact_id": 5}, "claim"),
        ("facts", {"name": "x" * 201}, "longer than 200"),
    ],
)
def test_a_full_backup_that_does_not_fit_is_refused_whole(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    section: str,
    change: dict[str, object],
    words: str,
) -> None:
    source = open_workspace(tmp_path / "story.sqlite")
    try:
        bind_analyst(source)
        fill_every_table(source)
        export_bundle(source, tmp_path / "story.claimdesk", full=True)
    finally:
        source.close()
    bad = _tampered(tmp_path / "story.claimdesk", tmp_path / "bad.claimdesk", section, change)
    target = tmp_path / "restored.sqlite"
    assert run(["restore", str(bad), "-o", str(target)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert words in line and "nothing" in line.lower()
    assert not target.exists() and not list(tmp_path.glob("restored.sqlite*"))


@pytest.mark.parametrize("scope", [None, "everything"])
def test_backup_sections_outside_a_full_backup_are_refused(
    tmp_path: Path, scope: str | None
) -> None:
    from db.bundles import import_bundle, read_bundle

    source = open_workspace(tmp_path / "story.sqlite")
    try:
        bind_analyst(source)
        fill_every_table(source)
        export_bundle(source, tmp_path / "story.claimdesk", full=True)
    finally:
        source.close()
    with zipfile.ZipFile(tmp_path / "story.claimdesk") as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    if scope is None:
        del manifest["scope"]
    else:
        manifest["scope"] = scope
    bad = tmp_path / "bad.claimdesk"
    with zipfile.ZipFile(bad, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for member, data in members.items():
            zf.writestr(member, data)
    why = "belongs only in a full backup" if scope is None else "unknown scope"
    with pytest.raises(InvalidInput, match=why):
        read_bundle(bad)
    target = open_workspace(tmp_path / "target.sqlite")
    try:
        bind_analyst(target)
        with pytest.raises(InvalidInput, match=why):
            import_bundle(target, bad)
        assert not any(every_row(target)[t] for t in carried_tables() if t != "analyst")
    finally:
        target.close()


def test_an_exchange_bundle_is_not_restored_as_a_backup(tmp_path: Path) -> None:
    source = open_workspace(tmp_path / "story.sqlite")
    try:
        bind_analyst(source)
        fill_every_table(source)
        export_bundle(source, tmp_path / "story.claimdesk")
    finally:
        source.close()
    target = open_workspace(tmp_path / "empty.sqlite")
    try:
        with pytest.raises(InvalidInput, match="not a full backup"):
            restore_workspace(target, tmp_path / "story.claimdesk")
        assert not any(every_row(target).values())
    finally:
        target.close()


@pytest.mark.postgres
@pytest.mark.parametrize("long_text", [False, True])
def test_a_shared_workspace_backup_restores_every_row_into_postgresql_and_sqlite(
    pg_url: str,
    pg_team: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    long_text: bool,
) -> None:
    """With *long_text*, earlier texts take the way of long ones (slices, one UPDATE)."""
    from conftest import _create_database, _drop_database, _group_roles, pg_base_url

    from db.bundles import full
    from db.workspace import migrate

    if long_text:
        monkeypatch.setattr(full, "LONG_TEXT", 16)

    ws = open_workspace(pg_url)
    try:
        bind_analyst(ws)
        fill_every_table(ws)
        expected = every_row(ws)
        outside = set(sa_inspect(ws.engine).get_table_names()) - set(Base.metadata.tables)
    finally:
        ws.close()
    assert outside and outside <= set(OUTSIDE_MODELS), outside
    assert all(expected[t] for t in carried_tables()), "the sample leaves a table empty"
    assert any(row[5] for row in expected["analyst"])  # the admin's login travels
    bundle = tmp_path / "shared.claimdesk"
    assert run(["backup", "--db", pg_url, "-o", str(bundle)]) == 0
    capsys.readouterr()

    # Into a new workspace file.
    target = tmp_path / "restored.sqlite"
    assert run(["restore", str(bundle), "-o", str(target)]) == 0, capsys.readouterr().err
    restored = open_workspace(target)
    try:
        assert every_row(restored) == expected
    finally:
        restored.close()

    # Into a new, empty PostgreSQL database, migrated and restored by its owner.
    base = pg_base_url()
    assert base is not None
    name, owner_url = _create_database(base)
    try:
        migrate(owner_url)
        assert run(["restore", str(bundle), "-o", owner_url]) == 0, capsys.readouterr().err
        again = open_workspace(owner_url)
        try:
            assert every_row(again) == expected
            with again.engine.connect() as conn:
                # New history continues after the restored positions.
                last = conn.exec_driver_sql("SELECT max(seq) FROM history").scalar()
                nxt = conn.exec_driver_sql("SELECT nextval('history_seq_seq')").scalar()
            assert last is not None and nxt is not None and nxt > last
        finally:
            again.close()
        # Restored again into the same database: refused in one line, nothing stored.
        assert run(["restore", str(bundle), "-o", owner_url]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert "empty workspace" in line
    finally:
        _drop_database(base, name, _group_roles(name))


def test_a_backup_from_before_status_since_restores_the_creation_as_the_wait(
    tmp_path: Path,
) -> None:
    """A full backup written before claims carried ``status_since`` restores; each claim
    then waits from its creation."""
    from sqlalchemy import select

    from db.models import Claim

    source = open_workspace(tmp_path / "story.sqlite")
    try:
        bind_analyst(source)
        fill_every_table(source)
        export_bundle(source, tmp_path / "story.claimdesk", full=True)
    finally:
        source.close()
    with zipfile.ZipFile(tmp_path / "story.claimdesk") as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    name = next(n for n in members if n.startswith("records/claims."))
    older = []
    for line in members[name].splitlines():
        record = json.loads(line)
        assert "status_since" in record
        del record["status_since"]
        older.append(json.dumps(record).encode("utf-8"))
    members[name] = b"\n".join(older) + b"\n"
    new_manifest = json.loads(build_manifest(members, manifest["created_at"], "test"))
    new_manifest["scope"] = manifest["scope"]
    with zipfile.ZipFile(tmp_path / "older.claimdesk", "w") as zf:
        zf.writestr("manifest.json", json.dumps(new_manifest))
        for member, data in members.items():
            zf.writestr(member, data)
    target = open_workspace(tmp_path / "restored.sqlite")
    try:
        restore_workspace(target, tmp_path / "older.claimdesk")
        with target.session() as session:
            rows = session.execute(select(Claim.status_since, Claim.created_at)).all()
        assert rows and all(since == created for since, created in rows)
    finally:
        target.close()
