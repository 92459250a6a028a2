"""The demo workspace and its sample articles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from db.articles import article_text, list_articles
from db.claims import list_claims
from db.errors import InvalidInput
from db.links import all_links
from db.models import Relation, Status
from db.sample import CLAIMS, create_sample_workspace, sample_files
from db.sources import list_sources
from db.workspace import open_workspace

DISCLAIMER = "Sample article written for the ClaimDesk demo workspace; not real reporting."


def test_sample_files_have_header_and_reasonable_length() -> None:
    files = sample_files()
    assert len(files) == 4
    for path in files:
        text = path.read_text(encoding="utf-8")
        head = text.split("\n\n", 1)[0].splitlines()
        assert head[0].startswith("# ")
        assert head[1].startswith("By ")
        assert head[2].startswith("Outlet: ")
        assert head[3].startswith("Published: ")
        assert head[4].startswith("URL: https://example.org/")
        assert DISCLAIMER in head[5]
        words = len(text.split("\n\n", 1)[1].split())
        assert 250 <= words <= 450, (path.name, words)
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in files)
    assert re.search(r"[\uac00-\ud7a3]", corpus), "no Hangul"
    assert re.search(r"[\u0400-\u04ff]", corpus), "no Cyrillic"
    for figure in ("1,500", "3,000", "10,000", "12,000"):
        assert figure in corpus
    assert "Correction:" in corpus


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    return create_sample_workspace(tmp_path / "demo.sqlite")


def test_sample_workspace_content(sample_path: Path) -> None:
    ws = open_workspace(sample_path)
    try:
        articles = list_articles(ws)
        assert len(articles) == 4
        published = sorted(a.published_at for a in articles if a.published_at)
        assert published == [
            dt.datetime(2024, 10, 24, 0, 30, tzinfo=dt.UTC),
            dt.datetime(2024, 10, 25, 8, 15, tzinfo=dt.UTC),
            dt.datetime(2024, 10, 28, 16, 0, tzinfo=dt.UTC),
            dt.datetime(2024, 10, 30, 5, 10, tzinfo=dt.UTC),
        ]
        # Each article keeps the zone its dateline gave.
        zones = [
            (a.published_offset, a.published_zone)
            for a in sorted(articles, key=lambda a: a.published_at or dt.datetime.min)
        ]
        assert zones == [(540, "KST"), (180, "EEST"), (0, "GMT"), (540, "KST")]
        assert {a.outlet for a in articles} == {
            "Harbourline News",
            "Eastern Ledger",
            "The Meridian Review",
        }
        texts = {a.id: article_text(ws, a.id).text for a in articles}
        claims = list_claims(ws)
        assert len(claims) == len(CLAIMS) >= 12
        for claim in claims:
            assert texts[claim.article_id][claim.start : claim.end] == claim.quote
            assert claim.source_id is not None
            assert claim.reliability is not None
        assert len({c.status for c in claims}) >= 5
        assert Status.FALSE in {c.status for c in claims}
        assert len({c.grading for c in claims}) >= 4
        assert any(c.event_start for c in claims)
        assert any("원산" in c.quote for c in claims)
        tags = {t for c in claims for t in c.tags}
        assert {"troops", "forecast", "correction"} <= tags
        relations = {link.relation for link in all_links(ws)}
        assert {Relation.CONTRADICTS, Relation.UPDATES, Relation.SAME, Relation.SUPPORTS} <= (
            relations
        )
        from db.evidence import list_evidence

        evidence = [e for c in claims for e in list_evidence(ws, c.id)]
        assert len(evidence) == 2
        assert {e.stance.value for e in evidence} == {"supports", "refutes"}
        sources = {s.name: s for s in list_sources(ws)}
        assert sources["National Intelligence Service"].default_reliability == "B"
        assert sources["Min-ji Kwon"].claim_count == 2
    finally:
        ws.close()


def test_sample_workspace_reopens_and_is_editable(sample_path: Path) -> None:
    from db.claims import update_claim

    for _ in range(2):
        ws = open_workspace(sample_path)
        try:
            claims = list_claims(ws)
            assert len(claims) == len(CLAIMS)
            update_claim(ws, claims[0].id, notes="checked again")
        finally:
            ws.close()
    assert list(sample_path.parent.glob("*.bak")) == []


def test_refuses_existing_non_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "taken.sqlite"
    target.write_bytes(b"something")
    with pytest.raises(InvalidInput, match="already exists"):
        create_sample_workspace(target)
    assert target.read_bytes() == b"something"


def test_empty_existing_file_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "empty.sqlite"
    target.touch()
    create_sample_workspace(target)
    ws = open_workspace(target)
    try:
        assert len(list_articles(ws)) == 4
    finally:
        ws.close()
