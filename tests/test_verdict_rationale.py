"""A claim made verified or false by any route carries its reviewer and a rationale."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from review_support import act_as, add_seed, claim_at

from db import claims
from db.analysts import add_analyst
from db.cli import run
from db.errors import InvalidInput
from db.models import Role, Status
from db.review import verdicts_of
from db.workspace import Workspace


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return run(list(argv), out=out), out.getvalue()


def _verdict_rows(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM verdict").fetchone()[0])
    finally:
        con.close()


def test_update_without_rationale_is_refused_and_changes_nothing(
    ws: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    for status in ("verified", "false"):
        with pytest.raises(InvalidInput, match=f"Marking a claim {status} needs a rationale"):
            claims.update_claim(ws, c.id, status=status, rationale="   ")
    assert claims.get_claim(ws, c.id).status is Status.UNVERIFIED
    assert verdicts_of(ws, c.id) == []
    # Statuses that decide nothing need no reason.
    assert claims.update_claim(ws, c.id, status="in_review").status is Status.IN_REVIEW


def test_update_with_rationale_records_the_reviewer(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    add_analyst(ws, "Rita Review", role=Role.REVIEWER)
    act_as(ws, "Rita Review")
    info = claims.update_claim(ws, c.id, status="false", rationale=" The photo is from 2019. ")
    assert info.status is Status.FALSE
    (verdict,) = verdicts_of(ws, c.id)
    assert (verdict.reviewer_name, verdict.status, verdict.rationale) == (
        "Rita Review",
        Status.FALSE,
        "The photo is from 2019.",
    )
    # Putting back an earlier state (undo) is not a new decision.
    claims.update_claim(ws, c.id, status="in_review")
    claims.update_claim(ws, c.id, status="false", restoring=True)
    assert len(verdicts_of(ws, c.id)) == 1


def test_cli_claim_status_needs_a_rationale(ws_path: Path, seed_paths: list[Path], capsys) -> None:
    db = ("--db", str(ws_path))
    rc, out = _cli(*db, "import", str(seed_paths[0]))
    assert rc == 0
    article = out.split("\t")[0]
    text = seed_paths[0].read_text(encoding="utf-8")
    quote = next(w for w in text.split() if len(w) > 6 and w.isalpha())
    rc, out = _cli(*db, "claim", "add", "--article", article, "--quote", quote)
    assert rc == 0
    claim_id = out.strip()
    capsys.readouterr()

    rc, out = _cli(*db, "claim", "status", claim_id, "verified")
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and out == ""
    assert err == ["claimdesk: Marking a claim verified needs a rationale: say why it is verified."]
    assert _verdict_rows(ws_path) == 0

    rc, out = _cli(*db, "claim", "status", claim_id, "verified", "--rationale", "Court record.")
    assert rc == 0 and out.strip() == f"{claim_id}\tverified"
    rc, out = _cli(*db, "verdicts", claim_id)
    assert rc == 0
    assert out.strip().endswith("verified\tCourt record.")

    # claim add with a deciding status asks for the reason too, before writing anything.
    rc, _out = _cli(
        *db,
        "claim",
        "add",
        "--article",
        article,
        "--quote",
        quote,
        "--occurrence",
        "1",
        "--allow-duplicate",
        "--status",
        "false",
    )
    line = capsys.readouterr().err.strip()
    assert rc == 2 and "needs a rationale" in line
    assert _verdict_rows(ws_path) == 1
