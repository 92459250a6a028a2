"""Exchange bundles: round trip across databases, idempotence, all-or-nothing, conflicts."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bundle_support import members_of, records_of, with_records, write_bundle
from sqlalchemy import func, select

from db.analysts import add_analyst, bind_analyst
from db.articles import NewArticle, add_article
from db.bundles import export_bundle, import_bundle, resolve_conflict
from db.bundles.records import SECTIONS, to_record
from db.claims import ClaimFilter, create_claim, get_claim, update_claim
from db.errors import InvalidInput, Refused, StaleEdit
from db.links import add_link
from db.models import Analyst, Comment, Evidence, HistoryEntry, Role, Status, Verdict
from db.review import give_verdict
from db.sources import create_source, update_source
from db.workspace import Workspace, migrate, open_workspace


def _open(target: str | Path) -> Workspace:
    ws = open_workspace(target)
    bind_analyst(ws)
    return ws


def _populate(ws: Workspace, seeds: list[Path]) -> dict[str, Any]:
    with ws.session() as session:
        reviewer = Analyst(name="Rita Reviewer", initials="RR", role=Role.REVIEWER)
        session.add(reviewer)
        session.flush()
        reviewer_id = reviewer.id
    arts = []
    for seed in seeds[:2]:
        data = seed.read_bytes()
        arts.append(
            add_article(
                ws,
                NewArticle(
                    text=data.decode("utf-8"), original=data, filename=seed.name, title=seed.stem
                ),
            )
        )
    source = create_source(ws, "Defence ministry", kind="agency", aliases=["MoD"])
    update_source(ws, source.id, default_reliability="B")
    c1 = create_claim(ws, arts[0].id, 0, 40, source_id=source.id, tags=["army", "ukraine"])
    c2 = create_claim(ws, arts[0].id, 50, 90, reliability="C", credibility=3)
    c3 = create_claim(ws, arts[1].id, 10, 30, notes="check the date", assignee_id=reviewer_id)
    add_link(ws, c1.id, c2.id, "supports", note="same figure")
    add_link(ws, c3.id, c1.id, "contradicts", dispute=False)  # statuses as set here
    with ws.session() as session:
        session.add(Evidence(claim_id=c1.id, url="https://example.org/a", note="report"))
        top = Comment(claim_id=c2.id, body="Is this the right figure?")
        session.add(top)
        session.flush()
        session.add(Comment(claim_id=c2.id, parent_id=top.id, body="Yes, page 3."))
        session.add(
            Verdict(claim_id=c3.id, reviewer_id=reviewer_id, status=Status.DISPUTED, rationale="x")
        )
    return {"articles": arts, "claims": [c1, c2, c3], "source": source}


def canonical(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    """Every entity except analysts and history, as sorted JSON records without versions."""
    out: dict[str, list[dict[str, Any]]] = {}
    with ws.session() as session:
        for section, model in SECTIONS.items():
            if section in ("analysts", "history"):
                continue
            rows = [to_record(section, r) for r in session.scalars(select(model))]
            for r in rows:
                r.pop("version", None)
            if section == "articles":
                texts = {a.id: a.text for a in session.scalars(select(SECTIONS[section]))}
                for r in rows:
                    r["text"] = texts[uuid.UUID(r["id"])]
            out[section] = sorted(rows, key=lambda r: r["id"])
    return out


def _history_ids(ws: Workspace) -> set[uuid.UUID]:
    with ws.session() as session:
        return set(session.scalars(select(HistoryEntry.id)))


def _row_counts(ws: Workspace) -> dict[str, int]:
    with ws.session() as session:
        return {
            s: session.scalar(select(func.count()).select_from(m)) or 0 for s, m in SECTIONS.items()
        }


def test_round_trip_sqlite_postgresql_sqlite(tmp_path, seed_paths, pg_url) -> None:
    first = _open(tmp_path / "a.sqlite")
    _populate(first, seed_paths)
    original = canonical(first)
    assert len(original["claims"]) == 3 and len(original["comments"]) == 2

    bundle = tmp_path / "out.claimdesk"
    summary = export_bundle(first, bundle)
    assert summary.counts["claims"] == 3 and summary.counts["verdicts"] == 1
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "claimdesk-bundle" and manifest["version"] == 3
        assert manifest["records"] == "jsonl" and "data.json" not in zf.namelist()
        assert manifest["created_by"] == "Analyst"
        assert {m["path"] for m in manifest["members"]} == set(zf.namelist()) - {"manifest.json"}

    migrate(pg_url)
    shared = _open(pg_url)
    report = import_bundle(shared, bundle)
    assert report.added["claims"] == 3 and report.added["comments"] == 2
    assert not report.conflicts
    assert canonical(shared) == original
    assert _history_ids(first) <= _history_ids(shared)

    back_file = tmp_path / "back.claimdesk"
    export_bundle(shared, back_file)
    last = _open(tmp_path / "b.sqlite")
    import_bundle(last, back_file)
    assert canonical(last) == original
    assert _history_ids(first) <= _history_ids(last)
    with last.session() as session:
        names = set(session.scalars(select(Analyst.name)))
    assert {"Analyst", "Rita Reviewer"} <= names
    for ws in (first, shared, last):
        ws.close()


def test_second_merge_changes_nothing(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    _populate(first, seed_paths)
    bundle = tmp_path / "x.claimdesk"
    export_bundle(first, bundle)
    other = _open(tmp_path / "b.sqlite")
    import_bundle(other, bundle)
    before = _row_counts(other)
    before_content = canonical(other)
    again = import_bundle(other, bundle)
    assert again.total_added == 0 and again.total_updated == 0 and not again.conflicts
    assert again.unchanged["claims"] == 3 and again.unchanged["history"] > 0
    assert _row_counts(other) == before
    assert canonical(other) == before_content
    # Merging a bundle into the workspace it came from changes nothing either.
    own = import_bundle(first, bundle)
    assert own.total_added == 0 and own.total_updated == 0 and not own.conflicts


def test_export_by_article_and_filter(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    made = _populate(first, seed_paths)
    by_article = export_bundle(first, tmp_path / "one.claimdesk", [made["articles"][1].id])
    assert by_article.counts["articles"] == 1 and by_article.counts["claims"] == 1
    assert by_article.counts["links"] == 0  # the other end is not in the bundle
    flt = ClaimFilter(tags=frozenset({"army"}))
    by_tag = export_bundle(first, tmp_path / "tag.claimdesk", flt=flt)
    assert by_tag.counts["claims"] == 1 and by_tag.counts["sources"] == 1
    assert by_tag.counts["evidence"] == 1


def test_changes_on_one_side_apply_and_on_both_sides_conflict(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    made = _populate(first, seed_paths)
    c1, c2 = made["claims"][0], made["claims"][1]
    export_bundle(first, tmp_path / "base.claimdesk")
    other = _open(tmp_path / "b.sqlite")
    import_bundle(other, tmp_path / "base.claimdesk")

    update_claim(other, c2.id, notes="edited by the other desk first")
    update_claim(first, c1.id, notes="newer edit from first")
    update_claim(first, c2.id, notes="first's later edit of c2")
    update_claim(other, c2.id, notes="other's latest edit of c2")  # newest: local wins
    export_bundle(first, tmp_path / "next.claimdesk")
    history_before = len(_history_ids(other))
    report = import_bundle(other, tmp_path / "next.claimdesk")
    assert report.updated == {"claims": 1}
    assert get_claim(other, c1.id).notes == "newer edit from first"
    assert len(report.conflicts) == 1
    conflict = report.conflicts[0]
    assert conflict.entity_id == c2.id and conflict.fields == ("notes",)
    assert conflict.local["notes"] == "other's latest edit of c2"
    assert conflict.incoming["notes"] == "first's later edit of c2"
    assert get_claim(other, c2.id).notes == "other's latest edit of c2"  # not applied
    assert len(_history_ids(other)) > history_before  # the update was recorded

    resolve_conflict(other, conflict, take="local")
    assert get_claim(other, c2.id).notes == "other's latest edit of c2"
    resolve_conflict(other, conflict, take="incoming")
    assert get_claim(other, c2.id).notes == "first's later edit of c2"
    with pytest.raises(StaleEdit):
        resolve_conflict(other, conflict, take="incoming")  # local changed since


def _rewrite(src: Path, dst: Path, edit) -> None:
    """Copy a bundle, letting *edit* change its records, with a fresh valid manifest."""
    members = members_of(src)
    data = records_of(members)
    edit(data)
    write_bundle(dst, with_records(members, data))


def test_merge_is_all_or_nothing(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    _populate(first, seed_paths)
    good = tmp_path / "good.claimdesk"
    export_bundle(first, good)

    def break_last_claim(data: dict[str, Any]) -> None:
        data["claims"][-1]["article_id"] = str(uuid.uuid4())

    bad = tmp_path / "bad.claimdesk"
    _rewrite(good, bad, break_last_claim)
    other = _open(tmp_path / "b.sqlite")
    before = _row_counts(other)
    with pytest.raises(InvalidInput, match="neither in the bundle nor in this workspace"):
        import_bundle(other, bad)
    assert _row_counts(other) == before
    report = import_bundle(other, good)
    assert report.added["claims"] == 3


def test_claim_not_matching_its_article_text_is_refused(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    _populate(first, seed_paths)
    good = tmp_path / "good.claimdesk"
    export_bundle(first, good)

    def shift(data: dict[str, Any]) -> None:
        data["claims"][0]["start"] += 1

    bad = tmp_path / "bad.claimdesk"
    _rewrite(good, bad, shift)
    other = _open(tmp_path / "b.sqlite")
    before = _row_counts(other)
    with pytest.raises(InvalidInput, match="does not match its article's text"):
        import_bundle(other, bad)
    assert _row_counts(other) == before


def test_merge_obeys_roles_and_four_eyes(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    made = _populate(first, seed_paths)
    c1 = made["claims"][0]
    export_bundle(first, tmp_path / "base.claimdesk")
    bind_analyst(first, "Rita Reviewer")  # not the creator of c1
    give_verdict(first, c1.id, "verified", "Two independent reports agree.")
    export_bundle(first, tmp_path / "decided.claimdesk")

    # Into a fresh workspace: a plain analyst cannot bring in a verified claim.
    fresh = _open(tmp_path / "c.sqlite")
    add_analyst(fresh, "Pat Plain", role="analyst")
    bind_analyst(fresh, "Pat Plain")
    before = _row_counts(fresh)
    with pytest.raises(Refused, match="Only reviewers and admins"):
        import_bundle(fresh, tmp_path / "decided.claimdesk")
    assert _row_counts(fresh) == before

    # An update to "verified": refused for the claim's own creator (four-eyes),
    # accepted for another admin of this workspace.
    other = _open(tmp_path / "b.sqlite")
    import_bundle(other, tmp_path / "base.claimdesk")
    assert get_claim(other, c1.id).status == Status.UNVERIFIED
    with other.session() as session:
        creator = session.get_one(Analyst, get_claim(other, c1.id).created_by_id)
        creator_name = creator.name
    bind_analyst(other, creator_name)
    before = canonical(other)
    with pytest.raises(Refused, match="four-eyes"):
        import_bundle(other, tmp_path / "decided.claimdesk")
    assert canonical(other) == before
    bind_analyst(other, "Analyst")
    report = import_bundle(other, tmp_path / "decided.claimdesk")
    assert report.updated["claims"] == 1
    assert get_claim(other, c1.id).status == Status.VERIFIED


def test_taking_an_incoming_decision_in_a_conflict_obeys_roles(tmp_path, seed_paths) -> None:
    first = _open(tmp_path / "a.sqlite")
    c1 = _populate(first, seed_paths)["claims"][0]
    export_bundle(first, tmp_path / "base.claimdesk")
    other = _open(tmp_path / "b.sqlite")
    import_bundle(other, tmp_path / "base.claimdesk")
    bind_analyst(first, "Rita Reviewer")
    give_verdict(first, c1.id, "false", "The date is a year off.")
    export_bundle(first, tmp_path / "decided.claimdesk")
    update_claim(other, c1.id, status="disputed")  # both desks changed the status: a conflict
    report = import_bundle(other, tmp_path / "decided.claimdesk")
    (conflict,) = report.conflicts
    assert conflict.fields == ("status",)

    add_analyst(other, "Pat Plain", role="analyst")
    bind_analyst(other, "Pat Plain")
    with pytest.raises(Refused, match="Only reviewers and admins"):
        resolve_conflict(other, conflict, take="incoming")
    assert get_claim(other, c1.id).status == Status.DISPUTED
    bind_analyst(other, "Analyst")
    resolve_conflict(other, conflict, take="incoming")
    assert get_claim(other, c1.id).status == Status.FALSE
