"""``claimdesk search``: text and JSON hits, exit 2 with one line for unusable queries."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from cli_support import cli

from db.articles import NewArticle, add_article
from db.claims import create_claim
from db.workspace import Workspace, migrate, open_workspace

TEXT = "Министр обороны said 100% of units moved; the BBC and ВВС reported it.\n"


def _fill(ws: Workspace) -> tuple[uuid.UUID, uuid.UUID]:
    new = NewArticle(text=TEXT, original=TEXT.encode(), title="Defence report")
    article = add_article(ws, new)
    claim = create_claim(ws, article.id, 0, 7)
    return article.id, claim.id


@pytest.fixture
def filled(ws: Workspace, ws_path: Path) -> tuple[Path, uuid.UUID, uuid.UUID]:
    article_id, claim_id = _fill(ws)
    ws.close()
    return ws_path, article_id, claim_id


def test_json_hits_carry_ids_offsets_and_marked_snippets(filled) -> None:
    path, article_id, claim_id = filled
    rc, out = cli("--db", str(path), "search", "МИНИСТР", "--format", "json")
    assert rc == 0
    data = json.loads(out)
    assert data["query"] == "МИНИСТР" and data["more"] is False
    by_field = {h["field"]: h for h in data["hits"]}
    assert set(by_field) == {"quote", "text"}
    quote, text = by_field["quote"], by_field["text"]
    assert quote["claim_id"] == str(claim_id) and text["claim_id"] is None
    for hit in (quote, text):
        assert hit["article_id"] == str(article_id)
        assert TEXT[hit["article_start"] : hit["article_end"]] == "Министр"
        start, end = hit["marks"][0]
        assert hit["snippet"][start:end] == "Министр"


def test_text_lines(filled) -> None:
    path, article_id, _ = filled
    rc, out = cli("--db", str(path), "search", "100%")
    assert rc == 0
    lines = out.splitlines()
    assert len(lines) == 1
    fields = lines[0].split("\t")
    start = TEXT.index("100%")
    assert fields[:4] == [str(article_id), "-", f"text:{start}-{start + 4}", f"{start}-{start + 4}"]
    assert "⟦100%⟧" in fields[4]


def test_no_hits_is_success_with_no_output(filled) -> None:
    path, _, _ = filled
    assert cli("--db", str(path), "search", "Kharkiv") == (0, "")


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("%", "no letters or digits"),
        ("?!…", "no letters or digits"),
        ("x" * (10 * 1024 * 1024), "too long"),
        ("", "empty"),
        ("Kyiv\udcff", "not valid text"),  # an undecodable byte on the command line
    ],
)
def test_bad_queries_exit_2_with_one_line_and_change_nothing(
    filled, capsys: pytest.CaptureFixture[str], query: str, words: str
) -> None:
    path, _, _ = filled
    before = path.read_bytes()
    rc, out = cli("--db", str(path), "search", query)
    err = capsys.readouterr().err
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err
    assert path.read_bytes() == before


def test_bad_query_does_not_create_a_workspace(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.sqlite"
    assert cli("--db", str(missing), "search", "%")[0] == 2
    assert not missing.exists()


@pytest.mark.parametrize("query", ['"BBC', "BBC*", "NEAR(BBC)", "{text}:BBC", "BBC'; DROP TABLE"])
def test_syntax_characters_are_searched_as_text(filled, query: str) -> None:
    path, _, _ = filled
    rc, out = cli("--db", str(path), "search", query, "--format", "json")
    assert rc == 0
    assert json.loads(out)["hits"] == []
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM article").fetchone() == (1,)
    finally:
        con.close()


def test_limit_is_checked(filled, capsys) -> None:
    path, _, _ = filled
    assert cli("--db", str(path), "search", "BBC", "--limit", "0")[0] == 2
    assert "1–1000" in capsys.readouterr().err


@pytest.mark.postgres
def test_search_on_postgresql(pg_url: str) -> None:
    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        from db.analysts import bind_analyst

        bind_analyst(ws)
        article_id, claim_id = _fill(ws)
    finally:
        ws.close()
    rc, out = cli("--db", pg_url, "search", "министр", "--format", "json")
    assert rc == 0
    hits = json.loads(out)["hits"]
    assert {(h["field"], h["claim_id"]) for h in hits} == {
        ("quote", str(claim_id)),
        ("text", None),
    }
    assert all(h["article_id"] == str(article_id) for h in hits)
