"""The team subcommands, run in-process through db.cli.run."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from review_support import add_seed, claim_at

from db import claims, comments, review
from db.analysts import bind_analyst
from db.cli import run
from db.models import Status
from db.workspace import open_workspace


def cli(ws_path: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    rc = run(["--db", str(ws_path), *argv], out=out)
    return rc, out.getvalue()


@pytest.fixture
def setup(ws_path: Path, seed_paths: list[Path]):
    """A workspace with a reviewer, an analyst, and a claim Ana created, in review."""
    ws = open_workspace(ws_path)
    bind_analyst(ws)
    aid, text = add_seed(ws, seed_paths[0], "Defectors")
    ws.close()
    assert cli(ws_path, "analyst", "add", "Rita Review", "--role", "reviewer")[0] == 0
    assert (
        cli(ws_path, "analyst", "add", "Ana Lyst", "--initials", "AL", "--color", "#ff0000")[0] == 0
    )
    ws = open_workspace(ws_path)
    bind_analyst(ws, "Ana Lyst")
    c = claim_at(ws, aid, text, status="in_review")
    ws.close()
    return ws_path, c, aid


def test_analysts_listing_marks_current(setup, capsys) -> None:
    path, _, _ = setup
    rc, out = cli(path, "--as", "Rita Review", "analysts")
    assert rc == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[1].startswith("* Rita Review\tRR\treviewer")
    assert "Ana Lyst\tAL\tanalyst\t#ff0000" in lines[2]


def test_role_refusal_exits_2_with_one_line(setup, capsys) -> None:
    path, c, _ = setup
    rc, out = cli(
        path,
        "--as",
        "Ana Lyst",
        "verdict",
        str(c.id),
        "--status",
        "verified",
        "--rationale",
        "fine",
    )
    err = capsys.readouterr().err
    assert rc == 2 and out == ""
    assert err.count("\n") == 1 and "Only reviewers and admins can mark a claim verified" in err
    rc, _ = cli(path, "--as", "Ana Lyst", "analyst", "role", "Ana Lyst", "admin")
    assert rc == 2 and "Only admins" in capsys.readouterr().err
    ws = open_workspace(path)
    assert claims.get_claim(ws, c.id).status == Status.IN_REVIEW
    ws.close()


def test_empty_rationale_refused(setup, capsys) -> None:
    path, c, _ = setup
    rc, _ = cli(
        path, "--as", "Rita Review", "verdict", str(c.id), "--status", "false", "--rationale", " "
    )
    assert rc == 2 and "rationale" in capsys.readouterr().err


def test_review_assign_verdict_history(setup, capsys) -> None:
    path, c, aid = setup
    short = str(c.id)[:8]
    rc, out = cli(path, "review", "--article", str(aid))
    assert rc == 0 and out.startswith(f"{c.id}\tin_review\t") and "\t-\t0\t" in out
    assert cli(path, "assign", short, "Rita Review")[0] == 0
    rc, out = cli(path, "review", "--assignee", "Rita Review")
    assert "Rita Review" in out
    rc, out = cli(path, "review", "--assignee", "Ana Lyst")
    assert out == ""
    rc, out = cli(
        path,
        "--as",
        "Rita Review",
        "verdict",
        short,
        "--status",
        "verified",
        "--rationale",
        "Matches the ministry's statement.",
    )
    assert rc == 0 and "\tverified\tRita Review\t" in out
    rc, out = cli(path, "verdicts", short)
    assert "Rita Review\tverified\tMatches the ministry's statement." in out
    rc, out = cli(path, "history", short)
    assert rc == 0
    assert "\tverdict\tclaim\t" in out and "Status: In review → Verified" in out
    assert "Assigned to: — → Rita Review" in out
    assert "in_review" not in out.split("\n", 1)[1]
    assert cli(path, "review")[1] == ""


def test_comment_commands(setup, capsys) -> None:
    path, c, _ = setup
    rc, out = cli(path, "--as", "Ana Lyst", "comment", "add", str(c.id), "Is the date right?")
    assert rc == 0
    top = out.strip()
    rc, out = cli(
        path, "--as", "Rita Review", "comment", "add", str(c.id), "Yes", "--reply-to", top
    )
    assert rc == 0
    rc, out = cli(path, "comments", str(c.id))
    lines = out.splitlines()
    assert lines[0].startswith(top) and "Ana Lyst" in lines[0]
    assert lines[1].startswith("  ") and "Rita Review\tYes" in lines[1]
    assert cli(path, "comment", "resolve", top)[0] == 0
    ws = open_workspace(path)
    assert comments.open_thread_counts(ws) == {}
    assert review.review_queue(ws)[0].open_threads == 0
    ws.close()
    rc, _ = cli(path, "comment", "add", str(c.id), "")
    assert rc == 2 and "empty" in capsys.readouterr().err


def test_settings_and_four_eyes_from_cli(setup, capsys) -> None:
    path, _, _ = setup
    rc, out = cli(path, "settings")
    assert "four_eyes\ton" in out
    rc, _ = cli(path, "--as", "Rita Review", "settings", "four_eyes", "off")
    assert rc == 2 and "Only admins" in capsys.readouterr().err
    rc, out = cli(path, "settings", "organisation", "North Desk")
    assert rc == 0 and "organisation\tNorth Desk" in out


def test_unknown_analyst_for_as(setup, capsys) -> None:
    path, _, _ = setup
    rc, _ = cli(path, "--as", "Ghost", "analysts")
    assert rc == 2 and "No analyst named 'Ghost'" in capsys.readouterr().err
