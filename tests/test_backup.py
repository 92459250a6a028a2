"""Backups: taken online and verified, rotated, listed, restored into a new file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db import articles as article_ops
from db import claims as claim_ops
from db.analysts import bind_analyst
from db.backup import (
    WorkspaceDamaged,
    backup_folder,
    clean_leftovers,
    list_backups,
    read_backup,
    restore_backup,
    rotate,
    take_backup,
)
from db.cli import run
from db.errors import InvalidInput
from db.importing.text import read_text_article
from db.workspace import Workspace, open_workspace


def _fill(ws: Workspace, n: int = 3, first: int = 0) -> list[str]:
    bind_analyst(ws)
    ids = []
    for i in range(first, first + n):
        text = f"Officials said {1000 + i} troops arrived on day {i}. Nothing else happened."
        art = article_ops.add_article(
            ws, read_text_article(f"Report {i}\n\n{text}".encode(), f"report{i}.txt")
        )
        claim = claim_ops.create_claim_by_quote(ws, art.id, f"{1000 + i} troops")
        ids.append(str(claim.id))
    return ids


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "story.sqlite"
    ws = open_workspace(path)
    try:
        _fill(ws)
    finally:
        ws.close()
    return path


def test_backup_while_open_is_verified_and_complete(workspace: Path) -> None:
    ws = open_workspace(workspace)
    try:
        info = take_backup(workspace)
        # The workspace stays usable while and after the copy is made.
        _fill(ws, 1, first=10)
    finally:
        ws.close()
    assert info.path.parent == backup_folder(workspace)
    assert info.counts["claim"] == 3 and info.counts["article"] == 3
    assert info.counts["history"] > 0
    assert _count(info.path, "claim") == 3
    assert info.revision is not None
    assert read_backup(info.path).counts == info.counts
    assert "3 articles, 3 claims, 0 sources" in info.describe()
    one = dataclasses.replace(info, counts={"article": 1, "claim": 1, "source": 1})
    assert "1 article, 1 claim, 1 source " in one.describe()
    assert [b.path for b in list_backups(workspace)] == [info.path]
    assert not any(p.name.endswith(".part") for p in info.path.parent.iterdir())


def test_restore_writes_a_new_file_that_opens(workspace: Path, tmp_path: Path) -> None:
    info = take_backup(workspace)
    target = tmp_path / "restored.sqlite"
    restored = restore_backup(info.path, target)
    assert restored.counts == info.counts
    ws = open_workspace(target)
    try:
        assert len(article_ops.list_articles(ws)) == 3
    finally:
        ws.close()
    # Never over an existing file, and nothing changes when refused.
    before = workspace.read_bytes()
    with pytest.raises(InvalidInput, match="already exists"):
        restore_backup(info.path, workspace)
    assert workspace.read_bytes() == before


def test_a_damaged_backup_is_refused(workspace: Path, tmp_path: Path) -> None:
    info = take_backup(workspace)
    data = bytearray(info.path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[2 * page : 3 * page] = bytes(page)
    info.path.write_bytes(bytes(data))
    target = tmp_path / "out.sqlite"
    with pytest.raises(InvalidInput):
        restore_backup(info.path, target)
    assert not target.exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_a_damaged_workspace_is_named_by_its_backup(workspace: Path) -> None:
    """An index that no longer matches its table passes the quick check on opening;
    the full check of the backup's copy finds it and names the workspace."""
    conn = sqlite3.connect(workspace)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_claim_status ON claim (quote)' "
        "WHERE name = 'ix_claim_status'"
    )
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceDamaged, match=r"story\.sqlite is damaged: .*missing from index"):
        take_backup(workspace)
    folder = backup_folder(workspace)
    assert not folder.exists() or list(folder.iterdir()) == []  # nothing kept, no .part file


def test_rotation_keeps_the_last_n_and_one_per_day(workspace: Path) -> None:
    folder = backup_folder(workspace)
    taken = [take_backup(workspace) for _ in range(4)]
    # Pretend older backups: move three descriptions back by 1, 2 and 30 days.
    import json

    for info, days in zip(taken[:3], (30, 2, 1), strict=True):
        desc = info.path.with_suffix(".json")
        data = json.loads(desc.read_text())
        data["taken"] = (info.taken - dt.timedelta(days=days)).isoformat()
        desc.write_text(json.dumps(data))
    removed = rotate(workspace, keep_last=1, keep_days=14)
    kept = {b.path for b in list_backups(workspace)}
    assert taken[0].path in removed  # 30 days old, beyond the daily window
    assert kept == {taken[1].path, taken[2].path, taken[3].path}
    assert all(not p.exists() for p in removed)
    assert folder.is_dir()


def test_leftover_part_files_are_cleaned(workspace: Path) -> None:
    folder = backup_folder(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".20260101T000000000000Z.sqlite.part").write_bytes(b"half")
    assert clean_leftovers(workspace) == 1
    assert list(folder.iterdir()) == []


def test_cli_backup_backups_restore(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["backup", "--db", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert "Backed up to" in out and "3 claim" in out
    assert run(["backups", "--db", str(workspace)]) == 0
    listing = capsys.readouterr().out
    backups = list_backups(workspace)
    assert len(backups) == 1 and backups[0].path.name in listing
    target = tmp_path / "again.sqlite"
    assert run(["restore", str(backups[0].path), "-o", str(target)]) == 0
    assert _count(target, "claim") == 3
    # Refusals: one line, exit 2, nothing written.
    assert run(["restore", str(backups[0].path), "-o", str(target)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert run(["restore", str(tmp_path / "missing.sqlite"), "-o", str(tmp_path / "x.sqlite")]) == 2
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.postgres
def test_shared_workspace_backup_is_a_full_bundle(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.bundles import import_bundle
    from db.workspace import migrate

    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        claim_ids = _fill(ws)
        claim_ops.update_claim(ws, claim_ids[0], statement="Troops arrived")
        from db import links as link_ops
        from db.models import Relation

        link_ops.add_link(ws, claim_ids[0], claim_ids[1], Relation.SUPPORTS)
        with ws.engine.connect() as conn:
            history_rows = conn.exec_driver_sql("SELECT count(*) FROM history").scalar()
    finally:
        ws.close()
    bundle = tmp_path / "shared.claimdesk"
    assert run(["backup", "--db", pg_url, "-o", str(bundle)]) == 0
    assert "Backed up to" in capsys.readouterr().out
    target = open_workspace(tmp_path / "from-shared.sqlite")
    try:
        bind_analyst(target)
        import_bundle(target, bundle)
        with target.engine.connect() as conn:
            claims = conn.exec_driver_sql("SELECT count(*) FROM claim").scalar()
            links = conn.exec_driver_sql("SELECT count(*) FROM claim_link").scalar()
            history = conn.exec_driver_sql("SELECT count(*) FROM history").scalar()
            statement = conn.exec_driver_sql(
                "SELECT statement FROM claim WHERE statement = 'Troops arrived'"
            ).scalar()
    finally:
        target.close()
    assert claims == 3 and links == 1 and statement == "Troops arrived"
    assert history is not None and history_rows is not None and history >= history_rows


@pytest.mark.postgres
def test_a_shared_backup_in_many_members_restores_every_row(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workspace whose records pass a member's limit: backed up, restored into an empty one."""
    from sqlalchemy import select
    from test_bundles import canonical

    from db.bundles import archive, import_bundle
    from db.bundles.records import SECTIONS
    from db.workspace import migrate

    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        claim_ids = _fill(ws, 12)
        claim_ops.update_claim(ws, claim_ids[0], statement="Troops arrived")
        expected = canonical(ws)
        with ws.session() as session:
            rows = {s: set(session.scalars(select(m.id))) for s, m in SECTIONS.items()}
    finally:
        ws.close()
    monkeypatch.setattr(archive, "RECORDS_MEMBER_BYTES", 2048)
    bundle = tmp_path / "shared.claimdesk"
    assert run(["backup", "--db", pg_url, "-o", str(bundle)]) == 0
    monkeypatch.undo()
    with archive.read_bundle(bundle) as contents:
        for section in ("claims", "history"):
            assert len(contents.parts[section]) >= 2, section
    target = open_workspace(tmp_path / "restored.sqlite")
    try:
        bind_analyst(target)
        report = import_bundle(target, bundle)
        assert not report.conflicts
        with target.session() as session:
            restored = {s: set(session.scalars(select(m.id))) for s, m in SECTIONS.items()}
        assert canonical(target) == expected
    finally:
        target.close()
    assert {s: restored[s] for s in rows if s != "analysts"} == {
        s: ids for s, ids in rows.items() if s != "analysts"
    }
    assert rows["analysts"] <= restored["analysts"]
    assert len(rows["claims"]) == 12 and len(rows["history"]) > 24


def test_restore_of_a_bundle_names_the_way_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exchange bundle is no backup: restore says how to bring it in."""
    from db.bundles import export_bundle

    source = open_workspace(tmp_path / "shared-copy.sqlite")
    bind_analyst(source)
    _fill(source)
    bundle = tmp_path / "shared.claimdesk"
    export_bundle(source, bundle)
    source.close()
    target = tmp_path / "restored.sqlite"
    assert run(["restore", str(bundle), "-o", str(target)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "is an exchange bundle" in line and not target.exists()
    command = line.split("with: claimdesk ", 1)[1].split()
    assert run(command) == 0  # the person at this computer becomes its first analyst
    assert _count(target, "claim") == 3


def test_a_bundle_with_decided_claims_imports_into_a_new_workspace_without_as(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db import review
    from db.bundles import export_bundle
    from db.models import Status
    from db.settings import FOUR_EYES, set_setting

    source = open_workspace(tmp_path / "shared-copy.sqlite")
    bind_analyst(source)
    first, _, _ = _fill(source)
    claim_ops.update_claim(source, first, status=Status.IN_REVIEW)
    set_setting(source, FOUR_EYES, "off")
    review.give_verdict(source, first, Status.VERIFIED, "Two sources agree.")
    bundle = tmp_path / "shared.claimdesk"
    export_bundle(source, bundle)
    source.close()
    target = tmp_path / "new.sqlite"
    # "Choose who you are" was the answer: the importer was not yet an analyst.
    assert run(["--db", str(target), "bundle", "import", str(bundle)]) == 0, capsys.readouterr()
    assert _count(target, "verdict") == 1


def test_the_copy_goes_through_small_page_caches(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are copied once: both ends of the copy keep a small page cache (SQLite's
    default of 2 MiB each stayed resident in the window after the backup taken on
    opening)."""

    def cache_kib(conn: sqlite3.Connection) -> int:
        size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        if size < 0:
            return -size
        return size * int(conn.execute("PRAGMA page_size").fetchone()[0]) // 1024

    seen: list[tuple[int, int]] = []

    class Watched(sqlite3.Connection):
        def backup(self, target: sqlite3.Connection, **kwargs: Any) -> None:  # type: ignore[override]
            seen.append((cache_kib(self), cache_kib(target)))
            super().backup(target, **kwargs)

    connect = sqlite3.connect

    def watched_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        return connect(*args, factory=Watched, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", watched_connect)
    info = take_backup(workspace)
    assert info.path.exists()
    assert len(seen) == 1
    source, target = seen[0]
    assert source <= 256 and target <= 256
