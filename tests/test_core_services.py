"""Claims, sources and links through the db/ services on a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.articles import NewArticle, add_article, list_articles, update_article
from db.claims import (
    ClaimFilter,
    create_claim,
    create_claim_by_quote,
    delete_claim,
    get_claim,
    list_claims,
    restore_claim,
    update_claim,
)
from db.errors import DuplicateArticle, InvalidInput, NotFound, StaleEdit
from db.links import add_link, links_of_claim, remove_link
from db.models import Claim, HistoryEntry, Status
from db.sources import find_or_create_source, find_source, merge_sources

TEXT = (
    "Seoul's spy agency said 1,500 troops had left. Kyiv put the number at 3,000 troops.\n"
    "Later a lawmaker said 10,000 troops 🪖 were in Kursk, near 쿠르스크.\n"
)


@pytest.fixture
def article(ws):
    return add_article(ws, NewArticle(text=TEXT, original=TEXT.encode(), filename="t.txt"))


def test_claim_anchor_is_code_points_with_context(ws, article) -> None:
    claim = create_claim_by_quote(ws, article.id, "쿠르스크")
    assert TEXT[claim.start : claim.end] == "쿠르스크"
    assert claim.prefix == TEXT[max(0, claim.start - 32) : claim.start]
    assert claim.suffix == TEXT[claim.end : claim.end + 32]
    assert claim.statement == "쿠르스크"


def test_nth_occurrence_and_missing_quote(ws, article) -> None:
    second = create_claim_by_quote(ws, article.id, "troops", occurrence=2)
    assert second.start == TEXT.index("troops", TEXT.index("troops") + 1)
    with pytest.raises(NotFound, match="does not occur 4 times"):
        create_claim_by_quote(ws, article.id, "troops", occurrence=4)
    with pytest.raises(NotFound):
        create_claim_by_quote(ws, article.id, "12,000 troops")


def test_grading_validation_and_source_default(ws, article) -> None:
    nis = find_or_create_source(ws, "National Intelligence Service", default_reliability="b")
    claim = create_claim_by_quote(ws, article.id, "1,500 troops", source_id=nis.id, credibility=2)
    assert claim.grading == "B2"
    assert claim.source_name == "National Intelligence Service"
    with pytest.raises(InvalidInput, match="A–F"):
        update_claim(ws, claim.id, reliability="G")
    with pytest.raises(InvalidInput, match="1–6"):
        update_claim(ws, claim.id, credibility=7)
    assert get_claim(ws, claim.id).grading == "B2"


def test_stale_edit_is_refused_and_nothing_lost(ws, article) -> None:
    claim = create_claim_by_quote(ws, article.id, "3,000 troops")
    first = update_claim(ws, claim.id, expected_version=claim.version, notes="first")
    with pytest.raises(StaleEdit) as caught:
        update_claim(ws, claim.id, expected_version=claim.version, notes="second")
    assert caught.value.current["claim"].notes == "first"
    assert get_claim(ws, claim.id).notes == "first"
    assert first.version == claim.version + 1


def test_filters(ws, article) -> None:
    a = create_claim_by_quote(
        ws,
        article.id,
        "1,500 troops",
        status="verified",
        rationale="Checked against the record.",
        tags=["nk"],
    )
    create_claim_by_quote(ws, article.id, "3,000 troops", tags=["ua"])
    verified = list_claims(ws, ClaimFilter(statuses=frozenset({Status.VERIFIED})))
    assert [c.id for c in verified] == [a.id]
    assert [c.id for c in list_claims(ws, ClaimFilter(tags=frozenset({"nk"})))] == [a.id]
    assert len(list_claims(ws, ClaimFilter(text="3,000"))) == 1


def test_delete_and_restore_keep_the_id(ws, article) -> None:
    claim = create_claim_by_quote(ws, article.id, "10,000 troops", tags=["kursk"])
    delete_claim(ws, claim.id)
    with pytest.raises(NotFound):
        get_claim(ws, claim.id)
    again = restore_claim(ws, claim)
    assert (again.id, again.start, again.tags) == (claim.id, claim.start, claim.tags)


def test_links_read_both_ways(ws, article) -> None:
    old = create_claim_by_quote(ws, article.id, "1,500 troops")
    new = create_claim_by_quote(ws, article.id, "10,000 troops")
    link = add_link(ws, new.id, old.id, "updates")
    assert [v.label for v in links_of_claim(ws, new.id)] == ["updates"]
    assert [v.label for v in links_of_claim(ws, old.id)] == ["updated by"]
    with pytest.raises(InvalidInput):
        add_link(ws, new.id, old.id, "updates")
    with pytest.raises(InvalidInput):
        add_link(ws, new.id, new.id, "same")
    with pytest.raises(InvalidInput, match="Unknown relation"):
        add_link(ws, new.id, old.id, "refutes")
    remove_link(ws, link.id)
    assert links_of_claim(ws, old.id) == []


def test_merge_sources_moves_claims_and_keeps_alias(ws, article) -> None:
    a = find_or_create_source(ws, "NIS")
    b = find_or_create_source(ws, "South Korea's spy agency", affiliation="South Korea")
    create_claim_by_quote(ws, article.id, "1,500 troops", source_id=a.id)
    create_claim_by_quote(ws, article.id, "3,000 troops", source_id=b.id)
    kept = merge_sources(ws, a.id, b.id)
    assert kept.claim_count == 2
    assert "South Korea's spy agency" in kept.aliases
    assert kept.affiliation == "South Korea"
    assert find_source(ws, "south korea's spy agency").id == a.id


def test_duplicate_article_adds_nothing(ws, article) -> None:
    with pytest.raises(DuplicateArticle):
        add_article(ws, NewArticle(text=TEXT, original=TEXT.encode(), filename="again.txt"))
    assert len(list_articles(ws)) == 1


def test_every_change_is_in_history_with_old_and_new(ws, article) -> None:
    claim = create_claim(ws, article.id, 0, 5)
    update_claim(ws, claim.id, status="in_review", tags=["a"])
    update_claim(ws, claim.id, status="unverified")
    update_article(ws, article.id, title="Troop numbers")
    with ws.session() as session:
        entries = session.scalars(
            select(HistoryEntry).where(HistoryEntry.entity_id == claim.id).order_by(HistoryEntry.at)
        ).all()
        assert [e.action for e in entries] == ["create", "update", "update"]
        assert entries[1].changes["status"] == ["unverified", "in_review"]
        assert entries[1].changes["tags"] == [[], ["a"]]
        assert entries[2].changes == {"status": ["in_review", "unverified"]}
        assert all(e.analyst_id == ws.analyst_id for e in entries)
        stamped = session.get(Claim, claim.id)
        assert stamped.created_by_id == ws.analyst_id
        assert stamped.updated_at.tzinfo is not None
        titles = session.scalar(select(func.count()).where(HistoryEntry.entity_id == article.id))
        assert titles == 2


def test_a_file_that_is_not_a_workspace_is_refused_unchanged(tmp_path) -> None:
    from db.workspace import open_workspace

    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"just some notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(InvalidInput, match="is a text file, not a ClaimDesk workspace"):
        open_workspace(path)
    assert path.read_bytes() == before


def test_unreachable_shared_workspace_names_the_server_without_password() -> None:
    from db.workspace import open_workspace

    with pytest.raises(InvalidInput) as caught:
        open_workspace("postgresql+psycopg://analyst:hunter2@127.0.0.1:1/claims")
    assert "Cannot open the shared workspace" in str(caught.value)
    assert "hunter2" not in str(caught.value)
