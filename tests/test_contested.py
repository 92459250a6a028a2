"""Contested claims and superseded claims, on SQLite and PostgreSQL.

An accepted contradicts link disputes an undecided claim and marks a decided
one contested (its verdict kept) until a reviewer confirms it; an updates link
marks the older claim superseded, which every claim sheet export shows.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from review_support import act_as, add_seed, claim_at

from db import analysts, claims, contested, history, links, review
from db.changes import Entity
from db.claims import ClaimFilter
from db.cli import run
from db.errors import InvalidInput, Refused
from db.exporting import export
from db.exporting.markdown import md_escape
from db.facts import proposals
from db.models import Relation, Status
from db.workspace import Workspace, open_workspace


def _queue_ids(ws: Workspace) -> set[str]:
    return {cid for _key, cid in review.queue_order(ws)}


def _last_claim_entry(ws: Workspace, claim_id):
    return [e for e in history.claim_history(ws, claim_id) if e.entity_type == "claim"][-1]


def _two_claims(ws: Workspace, seed: Path, first: str, second: str):
    aid, body = add_seed(ws, seed)
    return (
        claim_at(ws, aid, body, 0, status=first),
        claim_at(ws, aid, body, 1, status=second),
    )


def test_contradiction_disputes_the_undecided_and_contests_the_decided(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ws = store
    decided, open_one = _two_claims(ws, seed_paths[0], "verified", "unverified")
    assert not decided.contested and str(decided.id) not in _queue_ids(ws)

    link = links.add_link(ws, open_one.id, decided.id, Relation.CONTRADICTS)

    assert link.disputed == ((open_one.id, Status.UNVERIFIED),)
    assert link.contested == (decided.id,)
    kept = claims.get_claim(ws, decided.id)
    assert (kept.status, kept.contested) == (Status.VERIFIED, True)
    flipped = claims.get_claim(ws, open_one.id)
    assert (flipped.status, flipped.contested) == (Status.DISPUTED, False)
    assert {str(decided.id), str(open_one.id)} <= _queue_ids(ws)
    item = next(i for i in review.review_queue(ws) if i.claim_id == decided.id)
    assert item.contested and item.status is Status.VERIFIED
    entry = _last_claim_entry(ws, decided.id)
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("contested", False, True)]


def test_supports_or_updates_links_leave_verdicts_alone(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ws = store
    a, b = _two_claims(ws, seed_paths[1], "false", "verified")
    for relation in (Relation.SUPPORTS, Relation.UPDATES):
        info = links.add_link(ws, a.id, b.id, relation)
        assert info.contested == () and info.disputed == ()
    assert not claims.get_claim(ws, a.id).contested
    assert not claims.get_claim(ws, b.id).contested
    assert _queue_ids(ws) == set()


def test_confirm_clears_the_mark_and_is_recorded_in_history(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ws = store
    a, b = _two_claims(ws, seed_paths[2], "unverifiable", "verified")
    links.add_link(ws, a.id, b.id, Relation.CONTRADICTS)
    assert claims.get_claim(ws, a.id).contested and claims.get_claim(ws, b.id).contested
    # With a second analyst the four-eyes rule binds: whoever made a claim verified
    # cannot confirm that verdict either.
    analysts.add_analyst(ws, "Rita Review", role="reviewer")
    with pytest.raises(Refused, match="four-eyes"):
        contested.confirm(ws, b.id)
    assert claims.get_claim(ws, b.id).contested  # nothing changed

    info = contested.confirm(ws, a.id)
    assert (info.status, info.contested) == (Status.UNVERIFIABLE, False)
    assert str(a.id) not in _queue_ids(ws) and str(b.id) in _queue_ids(ws)
    entry = _last_claim_entry(ws, a.id)
    assert entry.action == contested.CONFIRM_ACTION
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("contested", True, False)]
    with pytest.raises(InvalidInput, match="not contested"):
        contested.confirm(ws, a.id)


def test_only_a_reviewer_confirms(ws: Workspace, seed_paths: list[Path]) -> None:
    a, b = _two_claims(ws, seed_paths[2], "false", "verified")
    links.add_link(ws, a.id, b.id, Relation.CONTRADICTS)
    analysts.add_analyst(ws, "Pat Plain", role="analyst")
    analysts.add_analyst(ws, "Rita Review", role="reviewer")
    act_as(ws, "Pat Plain")
    with pytest.raises(Refused, match="reviewer"):
        contested.confirm(ws, a.id)
    assert claims.get_claim(ws, a.id).contested
    act_as(ws, "Rita Review")
    assert not contested.confirm(ws, a.id).contested
    assert _last_claim_entry(ws, a.id).analyst_name == "Rita Review"


def test_a_new_verdict_settles_the_contest_and_taking_it_back_restores_it(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ws = store
    a, b = _two_claims(ws, seed_paths[3], "verified", "verified")
    links.add_link(ws, a.id, b.id, Relation.CONTRADICTS)
    verdict = review.give_verdict(ws, a.id, "false", "The later count contradicts it")
    after = claims.get_claim(ws, a.id)
    assert (after.status, after.contested) == (Status.FALSE, False)
    review.take_back_verdict(ws, verdict.id, Status.VERIFIED, contested=True)
    back = claims.get_claim(ws, a.id)
    assert (back.status, back.contested) == (Status.VERIFIED, True)


def test_undoing_the_link_clears_only_what_it_set(store: Workspace, seed_paths: list[Path]) -> None:
    ws = store
    a, b = _two_claims(ws, seed_paths[4], "verified", "unverifiable")
    first = links.add_link(ws, a.id, b.id, Relation.CONTRADICTS)
    assert set(first.contested) == {a.id, b.id}
    # A second contradiction finds them contested already: it sets nothing new.
    aid, body = add_seed(ws, seed_paths[0], title="other")
    third = claim_at(ws, aid, body, 2, status="verified", rationale="Checked against the record.")
    second = links.add_link(ws, third.id, a.id, Relation.CONTRADICTS)
    assert second.contested == (third.id,)
    links.remove_link(ws, second.id)
    assert contested.set_contested(ws, second.contested, False) == [third.id]
    assert claims.get_claim(ws, a.id).contested  # still contested by the first link
    assert not claims.get_claim(ws, third.id).contested


def test_restoring_a_removed_link_changes_no_status(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ws = store
    a, b = _two_claims(ws, seed_paths[0], "unverified", "verified")
    info = links.add_link(ws, a.id, b.id, Relation.CONTRADICTS, dispute=False)
    links.remove_link(ws, info.id)
    links.restore_link(ws, info)
    assert claims.get_claim(ws, a.id).status is Status.UNVERIFIED
    assert not claims.get_claim(ws, b.id).contested


def test_accepting_a_proposal_names_the_contested_claims(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ws = store
    a, b = _two_claims(ws, seed_paths[1], "verified", "in_review")
    proposal = proposals.LinkProposal(
        relation=Relation.CONTRADICTS,
        from_claim=SimpleNamespace(claim_id=a.id),  # accept() reads only the ids
        to_claim=SimpleNamespace(claim_id=b.id),
        reason="the first deployment dated a year apart",
        kind="date",  # a date conflict's reason is its words
    )
    record = proposals.accept(ws, proposal)
    assert record.fields_of(Entity.CLAIM, str(a.id)) == frozenset({"contested"})
    assert record.fields_of(Entity.CLAIM, str(b.id)) == frozenset({"status"})
    assert claims.get_claim(ws, a.id).contested


def test_cli_link_add_contests_a_decided_claim(ws_path: Path, seed_paths: list[Path]) -> None:
    ws = open_workspace(ws_path)
    analysts.bind_analyst(ws)
    a, b = _two_claims(ws, seed_paths[2], "verified", "verified")
    ws.close()
    out = io.StringIO()
    rc = run(["--db", str(ws_path), "link", "add", str(a.id), str(b.id), "--relation",
              "contradicts"], out=out)  # fmt: skip
    assert rc == 0
    ws = open_workspace(ws_path)
    try:
        assert claims.get_claim(ws, a.id).contested and claims.get_claim(ws, b.id).contested
    finally:
        ws.close()


def _exported(ws: Workspace, tmp_path: Path, fmt: str) -> Path:
    target = tmp_path / f"sheet.{fmt}"
    export(ws, fmt, ClaimFilter(), target)
    return target


def test_exports_carry_superseded_by_and_contested(
    store: Workspace, seed_paths: list[Path], tmp_path: Path
) -> None:
    ws = store
    older, newer = _two_claims(ws, seed_paths[3], "verified", "unverified")
    links.add_link(ws, newer.id, older.id, Relation.UPDATES)
    rival = claim_at(
        ws,
        older.article_id,
        add_seed_text(seed_paths[3]),
        2,
        status="verified",
        rationale="Checked against the record.",
    )
    links.add_link(ws, rival.id, older.id, Relation.CONTRADICTS)

    with open(_exported(ws, tmp_path, "csv"), newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows[str(older.id)]["superseded_by"] == str(newer.id)
    assert rows[str(newer.id)]["superseded_by"] == ""
    assert rows[str(older.id)]["contested"] == "yes"
    assert rows[str(newer.id)]["contested"] == ""

    data = json.loads(_exported(ws, tmp_path, "json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id[str(older.id)]["superseded_by"] == [str(newer.id)]
    assert by_id[str(newer.id)]["superseded_by"] == []
    assert by_id[str(older.id)]["contested"] is True

    book = load_workbook(_exported(ws, tmp_path, "xlsx"), read_only=True)
    sheet = book["Claims"]
    table = list(sheet.iter_rows(values_only=True))
    header = list(table[0])
    by_row = {r[0]: dict(zip(header, r, strict=True)) for r in table[1:]}
    assert by_row[str(older.id)]["superseded_by"] == str(newer.id)
    assert by_row[str(newer.id)]["superseded_by"] is None
    assert by_row[str(older.id)]["contested"] == "yes"
    book.close()

    markdown = _exported(ws, tmp_path, "md").read_text(encoding="utf-8")
    assert md_escape(f"Verified (contested; superseded by {str(newer.id)[:8]})") in markdown
    html = _exported(ws, tmp_path, "html").read_text(encoding="utf-8")
    assert f"Verified (contested; superseded by {str(newer.id)[:8]})" in html


def add_seed_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


def test_filters_contested_only_and_hide_superseded(
    store: Workspace, seed_paths: list[Path]
) -> None:
    from db.claim_pages import ClaimOrder, SortKey, claim_page, count_claims
    from db.claim_rows import R_CONTESTED, R_ID, R_SUPERSEDED_BY

    ws = store
    older, newer = _two_claims(ws, seed_paths[4], "verified", "unverified")
    aid = older.article_id
    rival = claim_at(
        ws,
        aid,
        add_seed_text(seed_paths[4]),
        2,
        status="false",
        rationale="Checked against the record.",
    )
    links.add_link(ws, newer.id, older.id, Relation.UPDATES)
    links.add_link(ws, rival.id, newer.id, Relation.CONTRADICTS)  # rival contested

    contested_only = ClaimFilter(contested_only=True)
    current = ClaimFilter(hide_superseded=True)
    assert [c.id for c in claims.list_claims(ws, contested_only)] == [rival.id]
    assert {c.id for c in claims.list_claims(ws, current)} == {newer.id, rival.id}
    assert count_claims(ws, contested_only) == 1 and count_claims(ws, current) == 2
    page = claim_page(ws, ClaimFilter(), ClaimOrder(SortKey.POSITION), 0)
    by_id = {row[R_ID]: row for row in page}
    assert by_id[str(older.id)][R_SUPERSEDED_BY] == str(newer.id)
    assert by_id[str(newer.id)][R_SUPERSEDED_BY] is None
    assert [row[R_ID] for row in page if row[R_CONTESTED]] == [str(rival.id)]
    both = ClaimFilter(contested_only=True, hide_superseded=True)
    assert [r[R_ID] for r in claim_page(ws, both, ClaimOrder(SortKey.STATUS), 0)] == [str(rival.id)]


def test_cli_claims_contested_and_hide_superseded(ws_path: Path, seed_paths: list[Path]) -> None:
    ws = open_workspace(ws_path)
    analysts.bind_analyst(ws)
    older, newer = _two_claims(ws, seed_paths[0], "verified", "verified")
    links.add_link(ws, newer.id, older.id, Relation.UPDATES)
    ws.close()

    def listed(*extra: str) -> set[str]:
        out = io.StringIO()
        assert run(["--db", str(ws_path), "claims", *extra], out=out) == 0
        return {line.split("\t")[0] for line in out.getvalue().splitlines() if line}

    assert listed() == {str(older.id), str(newer.id)}
    assert listed("--hide-superseded") == {str(newer.id)}
    assert listed("--contested") == set()
    assert run(["--db", str(ws_path), "link", "add", str(older.id), str(newer.id),
                "--relation", "contradicts"], out=io.StringIO()) == 0  # fmt: skip
    assert listed("--contested") == {str(older.id), str(newer.id)}


def test_cli_review_marks_contested_and_confirm_keeps_the_verdict(
    ws_path: Path, seed_paths: list[Path]
) -> None:
    ws = open_workspace(ws_path)
    analysts.bind_analyst(ws)
    a, b = _two_claims(ws, seed_paths[1], "unverifiable", "unverified")
    links.add_link(ws, b.id, a.id, Relation.CONTRADICTS)
    ws.close()

    def cli(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return run(["--db", str(ws_path), *argv], out=out), out.getvalue()

    rc, out = cli("review")
    rows = {line.split("\t")[0]: line.split("\t")[1] for line in out.splitlines()}
    assert rc == 0 and rows == {str(a.id): "unverifiable (contested)", str(b.id): "disputed"}
    rc, out = cli("confirm", str(a.id)[:8])
    assert rc == 0 and out.startswith(f"{a.id}\tunverifiable\t")
    assert set(line.split("\t")[0] for line in cli("review")[1].splitlines()) == {str(b.id)}
    rc, _ = cli("confirm", str(b.id))  # not contested: refused, nothing changes
    assert rc == 2
    ws = open_workspace(ws_path)
    try:
        assert claims.get_claim(ws, b.id).status is Status.DISPUTED
    finally:
        ws.close()


def test_migration_adds_the_contested_column_without_rebuilding_claims(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect, text

    from db.workspace import alembic_config, make_engine, to_url

    engine = make_engine(to_url(tmp_path / "old.sqlite"))
    try:
        command.upgrade(alembic_config(engine), "0011")
        with engine.connect() as conn:
            before = conn.execute(text("SELECT sql FROM sqlite_master WHERE name='claim'")).scalar()
        assert "contested" not in {c["name"] for c in inspect(engine).get_columns("claim")}
        command.upgrade(alembic_config(engine), "head")
        columns = {c["name"]: c for c in inspect(engine).get_columns("claim")}
        assert not columns["contested"]["nullable"]
        assert "ix_claim_contested" in {i["name"] for i in inspect(engine).get_indexes("claim")}
        with engine.connect() as conn:
            after = conn.execute(text("SELECT sql FROM sqlite_master WHERE name='claim'")).scalar()
        # An ADD COLUMN adds its text to the stored definition; a rebuild would rewrite it.
        # (Migration 0022 adds status_since the same way.)
        added = (", contested BOOLEAN DEFAULT 0 NOT NULL", ", status_since DATETIME")
        assert after.replace(added[0], "").replace(added[1], "") == before
        command.downgrade(alembic_config(engine), "0011")
        assert "contested" not in {c["name"] for c in inspect(engine).get_columns("claim")}
    finally:
        engine.dispose()


def test_a_bundle_carries_the_contested_mark_and_its_confirmation(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    from db.bundles import export_bundle, import_bundle

    first = open_workspace(tmp_path / "a.sqlite")
    analysts.bind_analyst(first)
    a, b = _two_claims(first, seed_paths[2], "verified", "unverified")
    links.add_link(first, b.id, a.id, Relation.CONTRADICTS)
    export_bundle(first, tmp_path / "one.claimdesk")
    other = open_workspace(tmp_path / "b.sqlite")
    analysts.bind_analyst(other)
    try:
        import_bundle(other, tmp_path / "one.claimdesk")
        assert claims.get_claim(other, a.id).contested
        assert str(a.id) in _queue_ids(other)
        contested.confirm(first, a.id)  # kept in the first workspace, then sent again
        export_bundle(first, tmp_path / "two.claimdesk")
        report = import_bundle(other, tmp_path / "two.claimdesk")
        assert not report.conflicts
        assert not claims.get_claim(other, a.id).contested
        assert str(a.id) not in _queue_ids(other)
    finally:
        other.close()
        first.close()
