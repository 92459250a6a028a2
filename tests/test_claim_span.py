"""Moving a claim's start and end (db.claim_span and ``claimdesk claim edit``): the claim
keeps its id, links and history; quote and context follow; bad offsets change nothing."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from review_support import add_seed

from db.claim_span import set_claim_span
from db.claims import create_claim, get_claim, update_claim
from db.cli import run
from db.errors import InvalidInput
from db.history import claim_history
from db.links import add_link, links_of_claim
from db.word_snap import move_edge, snap_to_words


def cli(*argv: str) -> tuple[int, str]:
    """Exit code and output of one command (a usage error exits through argparse)."""
    out = io.StringIO()
    try:
        rc = run(list(argv), out=out)
    except SystemExit as stop:
        rc = int(stop.code or 0)
    return rc, out.getvalue()


@pytest.fixture
def story(ws, seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    """A claim over whole words in the first seed article, linked to another claim."""
    article_id, text = add_seed(ws, seed_paths[0])
    start, end = snap_to_words(text, 40, 70)
    claim = create_claim(ws, article_id, start, end)
    other_start, other_end = snap_to_words(text, 300, 330)
    other = create_claim(ws, article_id, other_start, other_end)
    add_link(ws, claim.id, other.id, "supports")
    update_claim(ws, claim.id, notes="checked against the agency's release")
    return text, claim, other


def test_moving_the_end_keeps_id_links_notes_and_records_history(ws, story) -> None:  # type: ignore[no-untyped-def]
    text, claim, other = story
    grown = move_edge(text, claim.start, claim.end, "end", True)
    assert grown is not None
    info = set_claim_span(ws, claim.id, *grown)
    assert info.id == claim.id
    assert (info.start, info.end) == grown
    assert info.quote == text[grown[0] : grown[1]]
    assert info.statement == info.quote  # the statement followed the untouched quote
    assert info.prefix == text[max(0, grown[0] - 32) : grown[0]]
    assert info.suffix == text[grown[1] : grown[1] + 32]
    assert info.notes == "checked against the agency's release"
    assert [v.other_id for v in links_of_claim(ws, claim.id)] == [other.id]
    last = claim_history(ws, claim.id)[-1]
    fields = {c.field for c in last.changes}
    assert {"end", "quote"} <= fields
    assert last.analyst_name  # attributed to the analyst at work


def test_a_rewritten_statement_stays_when_the_span_moves(ws, story) -> None:  # type: ignore[no-untyped-def]
    text, claim, _other = story
    update_claim(ws, claim.id, statement="In my words")
    shrunk = move_edge(text, claim.start, claim.end, "start", False)
    assert shrunk is not None
    info = set_claim_span(ws, claim.id, *shrunk)
    assert info.statement == "In my words"
    assert info.quote == text[shrunk[0] : shrunk[1]]


@pytest.mark.parametrize("span", [(-1, 10), (50, 50), (60, 40), (0, 10**7)])
def test_bad_offsets_are_refused_and_change_nothing(ws, story, span) -> None:  # type: ignore[no-untyped-def]
    _text, claim, _other = story
    before = get_claim(ws, claim.id)
    with pytest.raises(InvalidInput, match="not a non-empty range"):
        set_claim_span(ws, claim.id, *span)
    assert get_claim(ws, claim.id) == before


def test_cli_claim_edit_moves_the_span(ws, ws_path, story) -> None:  # type: ignore[no-untyped-def]
    text, claim, other = story
    new_start, new_end = snap_to_words(text, claim.start, claim.end + 12)
    rc, out = cli("--db", str(ws_path), "claim", "edit", str(claim.id)[:8],
                  "--start", str(new_start), "--end", str(new_end))  # fmt: skip
    assert rc == 0
    assert out.split("\t")[0] == str(claim.id)
    info = get_claim(ws, claim.id)
    assert (info.start, info.end, info.quote) == (new_start, new_end, text[new_start:new_end])
    assert [v.other_id for v in links_of_claim(ws, claim.id)] == [other.id]
    # Only one edge given: the other stays.
    rc, _out = cli("--db", str(ws_path), "claim", "edit", str(claim.id), "--end", str(claim.end))
    assert rc == 0
    assert (get_claim(ws, claim.id).start, get_claim(ws, claim.id).end) == (new_start, claim.end)


def _rows(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        query = 'SELECT id, start, "end", quote, version FROM claim ORDER BY id'
        return con.execute(query).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    "extra",
    [
        ["--start", "-3"],
        ["--start", "90", "--end", "80"],
        ["--end", "99999999"],
        ["--start", "twelve"],
        [],
    ],
)
def test_cli_claim_edit_bad_offsets_exit_2_with_one_line(ws, ws_path, story, capsys, extra) -> None:  # type: ignore[no-untyped-def]
    _text, claim, _other = story
    capsys.readouterr()
    before = _rows(ws_path)
    rc, out = cli("--db", str(ws_path), "claim", "edit", str(claim.id), *extra)
    err = capsys.readouterr().err
    assert rc == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("claimdesk: ")
    assert _rows(ws_path) == before


def test_cli_claim_edit_unknown_claim(ws, ws_path, story, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, _out = cli("--db", str(ws_path), "claim", "edit", "ffffffff", "--start", "1")
    assert rc == 2
    assert "claim" in capsys.readouterr().err.lower()


def test_cli_claim_edit_with_fields_and_span_is_refused_whole(ws, ws_path, story, capsys) -> None:  # type: ignore[no-untyped-def]
    text, claim, _other = story
    before = _rows(ws_path)
    rc, _out = cli("--db", str(ws_path), "claim", "edit", str(claim.id),
                   "--note", "new note", "--start", "5", "--end", "2")  # fmt: skip
    assert rc == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert _rows(ws_path) == before
    assert get_claim(ws, claim.id).notes == "checked against the agency's release"

    new_start, new_end = snap_to_words(text, claim.start, claim.end + 12)
    rc, _out = cli("--db", str(ws_path), "claim", "edit", str(claim.id), "--note", "new note",
                   "--start", str(new_start), "--end", str(new_end))  # fmt: skip
    assert rc == 0
    info = get_claim(ws, claim.id)
    assert (info.notes, info.start, info.end) == ("new note", new_start, new_end)
