"""claim edit/delete, evidence add/remove, link remove, source add/edit/merge, article edit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_support import cli

from db.articles import get_article
from db.claims import get_claim, list_claims
from db.evidence import list_evidence
from db.links import links_of_claim
from db.relays import relay_chain
from db.sources import find_source, list_sources
from db.workspace import open_workspace

STORY = (
    "Title: Harbour wall finished\n"
    "Published: 4 March 2024 10:00 GMT\n\n"
    "The port said 30 divers worked on the wall. The mayor said the wall cost 4 million.\n"
    "Engineers said the wall would last 80 years."
)


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def refused(capsys: pytest.CaptureFixture[str], rc: int, *words: str) -> None:
    err = capsys.readouterr().err
    assert rc == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("claimdesk: ") and "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def setup(ws_path: Path, tmp_path: Path) -> dict[str, str]:
    story = tmp_path / "harbour.txt"
    story.write_text(STORY, encoding="utf-8")
    rc, out = cli("--db", str(ws_path), "import", str(story))
    assert rc == 0
    article = out.split("\t")[0]
    ids = {"article": article}
    for key, quote in (("divers", "30 divers"), ("cost", "cost 4 million"), ("years", "80 years")):
        rc, out = cli(
            "--db", str(ws_path), "claim", "add", "--article", article, "--quote", quote,
            "--source", "Port authority", "--reliability", "B", "--credibility", "2",
        )  # fmt: skip
        assert rc == 0
        ids[key] = out.strip()
    return ids


def test_claim_edit_sets_every_field(ws_path: Path, setup: dict[str, str]) -> None:
    rc, out = cli(
        "--db", str(ws_path), "claim", "edit", setup["divers"],
        "--statement", "Thirty divers built the wall", "--kind", "figure",
        "--source", "Harbour master", "--relayed-by", "Coast Radio", "--relayed-by", "Wire Two",
        "--reliability", "C", "--credibility", "3", "--status", "in_review",
        "--note", "ask the port", "--tag", "harbour", "--tag", "Works",
        "--event-date", "8-13 October 2024",
    )  # fmt: skip
    assert rc == 0, out
    assert out.startswith(setup["divers"])
    ws = open_workspace(ws_path)
    try:
        c = get_claim(ws, setup["divers"])
        assert c.statement == "Thirty divers built the wall"
        assert c.kind.value == "figure"
        assert c.source_name == "Harbour master"
        assert (c.reliability, c.credibility, c.status.value) == ("C", 3, "in_review")
        assert c.notes == "ask the port"
        assert sorted(t.casefold() for t in c.tags) == ["harbour", "works"]
        assert (str(c.event_start), str(c.event_end)) == ("2024-10-08", "2024-10-13")
        assert [name for _, name in relay_chain(ws, c.id)] == ["Coast Radio", "Wire Two"]
    finally:
        ws.close()
    rc, _ = cli(
        "--db", str(ws_path), "claim", "edit", setup["divers"], "--no-source", "--no-relays",
        "--no-grading", "--no-tags", "--event-date", "",
    )  # fmt: skip
    assert rc == 0
    ws = open_workspace(ws_path)
    try:
        c = get_claim(ws, setup["divers"])
        assert not c.source_name and not c.tags
        assert (c.reliability, c.credibility) == (None, None)
        assert c.event_start is None and relay_chain(ws, c.id) == []
        assert c.statement == "Thirty divers built the wall"  # untouched
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--reliability", "Q"), ("reliability", "A–F")),
        (("--credibility", "9"), ("credibility", "1–6")),
        (("--status", "bogus"), ("status",)),
        (("--event-date", "Octember 5"), ("Octember",)),
        (("--source", "New one", "--relayed-by", "New one"), ("source", "relay")),
        (("--relayed-by", "Port authority"), ("original source",)),
        (("--statement", "x", "--relayed-by", " "), ("relay",)),
        ((), ("Nothing to change",)),
    ],
)
def test_claim_edit_refusals_change_nothing(
    ws_path: Path, setup: dict[str, str], capsys, argv: tuple[str, ...], words: tuple[str, ...]
) -> None:
    before = dump(ws_path)
    rc, _ = cli("--db", str(ws_path), "claim", "edit", setup["divers"], *argv)
    refused(capsys, rc, *words)
    assert dump(ws_path) == before


def test_claim_edit_status_follows_the_review_rules(
    ws_path: Path, setup: dict[str, str], capsys
) -> None:
    rc, _ = cli("--db", str(ws_path), "analyst", "add", "Bo Kim", "--role", "analyst")
    assert rc == 0
    before = dump(ws_path)
    rc, _ = cli(
        "--db", str(ws_path), "--as", "Bo Kim", "claim", "edit", setup["divers"],
        "--status", "verified", "--source", "Brand new source", "--note", "checked",
    )  # fmt: skip
    refused(capsys, rc, "reviewer")
    assert dump(ws_path) == before
    rc, _ = cli(
        "--db", str(ws_path), "--as", "Bo Kim", "claim", "edit", setup["divers"],
        "--status", "in_review",
    )  # fmt: skip
    assert rc == 0


def test_claim_edit_unknown_claim_and_usage_errors(ws_path: Path, setup, capsys) -> None:
    before = dump(ws_path)
    rc, _ = cli("--db", str(ws_path), "claim", "edit", "ffffffff", "--note", "x")
    refused(capsys, rc, "claim", "ffffffff")
    with pytest.raises(SystemExit) as stop:
        cli("--db", str(ws_path), "claim", "edit", setup["divers"], "--kind", "rumour")
    assert stop.value.code == 2
    refused(capsys, 2, "--kind")
    assert dump(ws_path) == before


def test_claim_delete(ws_path: Path, setup: dict[str, str], capsys) -> None:
    rc, out = cli("--db", str(ws_path), "claim", "delete", setup["cost"])
    assert rc == 0 and "cost 4 million" in out
    ws = open_workspace(ws_path)
    try:
        assert setup["cost"] not in {str(c.id) for c in list_claims(ws)}
    finally:
        ws.close()
    before = dump(ws_path)
    rc, _ = cli("--db", str(ws_path), "claim", "delete", setup["cost"])
    refused(capsys, rc, "claim")
    assert dump(ws_path) == before


def test_evidence_add_list_remove(ws_path: Path, setup: dict[str, str], capsys) -> None:
    rc, out = cli(
        "--db", str(ws_path), "evidence", "add", setup["years"],
        "--url", "https://port.example/report", "--note", "design report", "--stance", "refutes",
    )  # fmt: skip
    assert rc == 0
    evidence_id = out.strip()
    rc, out = cli("--db", str(ws_path), "evidence", "list", setup["years"])
    assert out.startswith(evidence_id) and "refutes" in out and "design report" in out
    before = dump(ws_path)
    rc, _ = cli("--db", str(ws_path), "evidence", "add", setup["years"], "--url", "ftp://x")
    refused(capsys, rc, "http")
    rc, _ = cli("--db", str(ws_path), "evidence", "add", setup["years"])
    assert rc == 2
    capsys.readouterr()
    assert dump(ws_path) == before
    rc, out = cli("--db", str(ws_path), "evidence", "remove", evidence_id)
    assert rc == 0
    ws = open_workspace(ws_path)
    try:
        assert list_evidence(ws, setup["years"]) == []
    finally:
        ws.close()
    rc, _ = cli("--db", str(ws_path), "evidence", "remove", evidence_id)
    refused(capsys, rc, "evidence")


def test_link_list_and_remove(ws_path: Path, setup: dict[str, str], capsys) -> None:
    rc, out = cli(
        "--db", str(ws_path), "link", "add", setup["divers"], setup["years"],
        "--relation", "supports",
    )  # fmt: skip
    assert rc == 0
    link_id = out.strip()
    rc, out = cli("--db", str(ws_path), "link", "list", setup["years"])
    assert out.startswith(link_id)
    rc, out = cli("--db", str(ws_path), "link", "remove", link_id)
    assert rc == 0 and "supports" in out
    ws = open_workspace(ws_path)
    try:
        assert links_of_claim(ws, setup["years"]) == []
    finally:
        ws.close()
    before = dump(ws_path)
    rc, _ = cli("--db", str(ws_path), "link", "remove", link_id)
    refused(capsys, rc, "link")
    assert dump(ws_path) == before


def test_source_add_edit_merge(ws_path: Path, setup: dict[str, str], capsys) -> None:
    rc, out = cli(
        "--db", str(ws_path), "source", "add", "Harbour Board", "--kind", "agency",
        "--reliability", "b", "--alias", "HB", "--affiliation", "City",
    )  # fmt: skip
    assert rc == 0 and "Harbour Board" in out and "\tB\t" in out
    rc, out = cli(
        "--db", str(ws_path), "source", "edit", "HB", "--name", "Harbour Board (city)",
        "--notes", "annual reports",
    )  # fmt: skip
    assert rc == 0
    rc, out = cli("--db", str(ws_path), "source", "merge", "Harbour Board (city)", "Port authority")
    assert rc == 0 and "3 claims" in out
    ws = open_workspace(ws_path)
    try:
        board = find_source(ws, "Port authority")  # now an alias
        assert board is not None and board.name == "Harbour Board (city)"
        assert board.notes == "annual reports" and board.kind.value == "agency"
        assert get_claim(ws, setup["divers"]).source_name == "Harbour Board (city)"
        assert len(list_sources(ws)) == 1
    finally:
        ws.close()
    before = dump(ws_path)
    for argv, words in (
        (("source", "add", "HB"), ("already",)),
        (("source", "add", "  "), ("name",)),
        (("source", "add", "Other", "--reliability", "Z"), ("reliability",)),
        (("source", "edit", "Nobody"), ("Nothing to change",)),
        (("source", "edit", "Nobody", "--notes", "x"), ("Nobody",)),
        (("source", "merge", "HB", "Harbour Board (city)"), ("itself",)),
        (("source", "merge", "HB", "Nobody"), ("Nobody",)),
    ):
        rc, _ = cli("--db", str(ws_path), *argv)
        refused(capsys, rc, *words)
    assert dump(ws_path) == before


def test_article_edit(ws_path: Path, setup: dict[str, str], capsys) -> None:
    rc, out = cli(
        "--db", str(ws_path), "article", "edit", setup["article"], "--title", "Wall done",
        "--outlet", "Port News", "--author", "Kim Lee", "--url", "https://port.example/wall",
        "--published", "SEOUL, Oct. 18, 2024 (14:10 KST)",
    )  # fmt: skip
    assert rc == 0 and "14:10 KST" in out
    ws = open_workspace(ws_path)
    try:
        a = get_article(ws, setup["article"])
        assert (a.title, a.outlet, a.author, a.url) == (
            "Wall done", "Port News", "Kim Lee", "https://port.example/wall",
        )  # fmt: skip
        assert (a.published_offset, a.published_zone) == (540, "KST")
        assert a.published_at is not None and a.published_at.hour == 5
    finally:
        ws.close()
    before = dump(ws_path)
    for argv, words in (
        (("--title", " "), ("title",)),
        (("--url", "port.example"), ("http",)),
        (("--published", "someday"), ("someday",)),
        ((), ("Nothing to change",)),
    ):
        rc, _ = cli("--db", str(ws_path), "article", "edit", setup["article"], *argv)
        refused(capsys, rc, *words)
    rc, _ = cli("--db", str(ws_path), "article", "edit", "ffff0000", "--title", "x")
    refused(capsys, rc, "article")
    assert dump(ws_path) == before
    rc, _ = cli("--db", str(ws_path), "article", "edit", setup["article"], "--published", "")
    assert rc == 0
    ws = open_workspace(ws_path)
    try:
        assert get_article(ws, setup["article"]).published_at is None
    finally:
        ws.close()
